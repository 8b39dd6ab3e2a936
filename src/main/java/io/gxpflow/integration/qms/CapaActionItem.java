package io.gxpflow.integration.qms;

import io.gxpflow.compliance.tasks.SubmittedValues;
import io.gxpflow.integration.qms.QmsPort.ActionStatus;
import io.gxpflow.integration.qms.QmsPort.CapaAction;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One action of the CAPA plan form's list ({@code capaActions}: description, actionType, owner, dueDate), as
 * Tasklist submits it (Spin JSON) or a REST client does (a JSON list). {@code dueAt} is the start of the day
 * after the due date (UTC): the moment the action is overdue, which the action's escalation timer waits for.
 */
record CapaActionItem(int number, String description, String actionType, String owner, LocalDate dueDate) {

  static List<CapaActionItem> listOf(Object variable) {
    Object plain = SubmittedValues.plain(variable);
    if (!(plain instanceof List<?> items)) {
      throw new IllegalArgumentException("capaActions is not a list of actions: " + plain);
    }
    List<CapaActionItem> actions = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> fields)) {
        throw new IllegalArgumentException("CAPA action " + (actions.size() + 1) + " is not an object: " + item);
      }
      actions.add(new CapaActionItem(actions.size() + 1, text(fields, "description"), text(fields, "actionType"),
          text(fields, "owner"), dueDate(actions.size() + 1, text(fields, "dueDate"))));
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

  private static String text(Map<?, ?> fields, String name) {
    Object value = fields.get(name);
    return value == null ? null : value.toString().trim();
  }

  private static LocalDate dueDate(int number, String text) {
    if (text == null || text.length() < 10) {
      throw new IllegalArgumentException("CAPA action " + number + " has no valid due date: " + text);
    }
    try {
      // the date picker sends 2026-12-31; a date-time is cut to its date
      return LocalDate.parse(text.substring(0, 10));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("CAPA action " + number + " has no valid due date: " + text, e);
    }
  }
}
