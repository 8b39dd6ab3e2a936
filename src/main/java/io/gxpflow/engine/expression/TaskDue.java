package io.gxpflow.engine.expression;

import io.gxpflow.compliance.EngineContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * {@code ${taskDue.workingDays(n)}}: the due date of a user task that has no deadline of its case
 * (a QA decision, an assessment), for {@code camunda:dueDate}. Due at the end of the n-th working
 * day (Monday to Friday, UTC) after the day the task is created, so Tasklist sorts by it and flags
 * it overdue the morning after. Public holidays are not known here; sites that need them give the
 * task a case deadline instead.
 */
@Component("taskDue")
@ExposedToModels
public class TaskDue {

  /** The first instant after the n-th working day after today (engine time, UTC). */
  public Date workingDays(int days) {
    return workingDaysAfter(EngineContext.now(), days);
  }

  static Date workingDaysAfter(Date start, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("a task is due at least one working day after it starts");
    }
    LocalDate day = start.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    int left = days;
    while (left > 0) {
      day = day.plusDays(1);
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return Date.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
