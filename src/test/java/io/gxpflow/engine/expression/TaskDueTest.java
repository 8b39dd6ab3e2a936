package io.gxpflow.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/**
 * {@code ${taskDue.workingDays(n)}}: the end of the n-th working day (Mon–Fri, UTC) after today.
 */
class TaskDueTest {

  @Test
  void countsWorkingDaysAfterTheDayTheTaskStarts() {
    // Monday 2 Nov 2026, 08:00: two working days are Tuesday and Wednesday
    assertThat(TaskDue.workingDaysAfter(at("2026-11-02T08:00:00Z"), 2))
        .isEqualTo(at("2026-11-05T00:00:00Z"));
    // late on Monday is still Monday
    assertThat(TaskDue.workingDaysAfter(at("2026-11-02T23:59:00Z"), 1))
        .isEqualTo(at("2026-11-04T00:00:00Z"));
  }

  @Test
  void skipsTheWeekend() {
    // Friday 6 Nov: Monday and Tuesday
    assertThat(TaskDue.workingDaysAfter(at("2026-11-06T16:00:00Z"), 2))
        .isEqualTo(at("2026-11-11T00:00:00Z"));
    // Saturday 7 Nov: Monday and Tuesday as well
    assertThat(TaskDue.workingDaysAfter(at("2026-11-07T10:00:00Z"), 2))
        .isEqualTo(at("2026-11-11T00:00:00Z"));
    // Monday 2 Nov + 10 working days: Monday 16 Nov
    assertThat(TaskDue.workingDaysAfter(at("2026-11-02T08:00:00Z"), 10))
        .isEqualTo(at("2026-11-17T00:00:00Z"));
  }

  @Test
  void refusesLessThanOneDay() {
    assertThatThrownBy(() -> TaskDue.workingDaysAfter(at("2026-11-02T08:00:00Z"), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Date at(String instant) {
    return Date.from(Instant.parse(instant));
  }
}
