package io.gxpflow.identity;

import java.util.List;

/**
 * The process variables a process shows on its task cards in Tasklist, so a reviewer tells one case
 * from the next in the queue (its record id, title, …). Each process declares its own as a Spring
 * bean; {@link TasklistFilters} puts them all on every queue (a card shows the ones its task's case
 * has).
 */
public interface TaskCard {

  List<Variable> variables();

  /** A variable's name in the process and the label Tasklist prints before its value. */
  record Variable(String name, String label) {}
}
