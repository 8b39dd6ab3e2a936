package io.gxpflow.deviation;

import io.gxpflow.integration.qms.QmsPort.ActionStatus;
import io.gxpflow.integration.qms.QmsPort.CapaAction;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One action of the CAPA plan form: up to three action slots ({@code action<n>Description}, {@code
 * action<n>Type}, {@code action<n>Owner}, {@code action<n>DueDate}), the second and third when
 * {@code addAction<n>} is ticked. Fixed slots rather than a form-js dynamic list: in Camunda 7
 * Tasklist a dynamic list with more than one field keeps the Complete button disabled. {@code
 * dueAt} is the start of the day after the due date (UTC): the moment the action is overdue, which
 * the action's escalation timer waits for.
 */
record CapaActionItem(
    int number, String description, String actionType, String owner, LocalDate dueDate) {

  static final int SLOTS = 3;

  static List<CapaActionItem> listOf(Function<String, Object> variables) {
    List<CapaActionItem> actions = new ArrayList<>();
    for (int n = 1; n <= SLOTS; n++) {
      if (n == 1 || Boolean.TRUE.equals(variables.apply("addAction" + n))) {
        actions.add(
            new CapaActionItem(
                actions.size() + 1,
                text(variables, n, "Description"),
                text(variables, n, "Type"),
                text(variables, n, "Owner"),
                dueDate(actions.size() + 1, text(variables, n, "DueDate"))));
      }
    }
    return actions;
  }

  CapaAction toQms(ActionStatus status) {
    return new CapaAction(description, owner, dueDate.toString(), status);
  }

  Map<String, Object> toVariable() {
    Map<String, Object> variable = new LinkedHashMap<>();
    variable.put("number", number);
    variable.put("description", description);
    variable.put("actionType", actionType);
    variable.put("owner", owner);
    variable.put("dueDate", dueDate.toString());
    variable.put("dueAt", dueDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
    return variable;
  }

  private static String text(Function<String, Object> variables, int slot, String field) {
    Object value = variables.apply("action" + slot + field);
    return value == null ? null : value.toString().trim();
  }

  private static LocalDate dueDate(int number, String text) {
    if (text == null || text.length() < 10) {
      throw new IllegalArgumentException(
          "CAPA action " + number + " has no valid due date: " + text);
    }
    try {
      // the date picker sends 2026-12-31; a date-time is cut to its date
      return LocalDate.parse(text.substring(0, 10));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "CAPA action " + number + " has no valid due date: " + text, e);
    }
  }
}
