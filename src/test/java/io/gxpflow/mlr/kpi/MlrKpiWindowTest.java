package io.gxpflow.mlr.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The window's query parameters: dates or nothing; anything else a 400 naming the parameter. */
class MlrKpiWindowTest {

  @Test
  void datesBlankOrAbsent() {
    assertThat(MlrKpiWindow.parse("2026-11-01", "2026-11-30"))
        .isEqualTo(new MlrKpiWindow(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
    assertThat(MlrKpiWindow.parse(null, " 2026-11-30 "))
        .isEqualTo(new MlrKpiWindow(null, LocalDate.parse("2026-11-30")));
    assertThat(MlrKpiWindow.parse("", null)).isEqualTo(MlrKpiWindow.ALL);
    assertThat(MlrKpiWindow.parse("2026-11-30", "2026-11-30").from())
        .isEqualTo(LocalDate.parse("2026-11-30"));
    assertThat(MlrKpiWindow.parse("0001-01-01", "9999-12-31"))
        .isEqualTo(new MlrKpiWindow(MlrKpiWindow.FIRST, MlrKpiWindow.LAST));
  }

  @Test
  void anythingElseIsAnInvalidRequestNamingEachParameter() {
    assertThat(refused("yesterday", "2026-11-31")).containsExactly("from", "to");
    assertThat(refused("2026-11-30T00:00:00Z", null)).containsExactly("from");
    assertThat(refused(null, "2026-11-01,2026-11-02")).containsExactly("to");
    assertThat(refused("+10000-01-01", null)).containsExactly("from");
    assertThat(refused(null, "+999999999-12-31")).containsExactly("to");
    assertThat(refused("2026-11-30", "2026-11-01")).containsExactly("to");
  }

  @Test
  void theProblemIsInvalidRequestWithTheReason() {
    ErrorResponseException refusal =
        catchThrowableOfType(
            ErrorResponseException.class, () -> MlrKpiWindow.parse("2026-11-30", "2026-11-01"));

    ProblemDetail problem = refusal.getBody();
    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getType().toString()).isEqualTo("urn:gxpflow:problem:invalid-request");
    assertThat(problem.getDetail()).contains("to must not be before from (2026-11-30)");
  }

  @SuppressWarnings("unchecked")
  private static List<String> refused(String from, String to) {
    ErrorResponseException refusal =
        catchThrowableOfType(ErrorResponseException.class, () -> MlrKpiWindow.parse(from, to));
    assertThat(refusal).as(from + " / " + to).isNotNull();
    return ((List<Map<String, String>>) refusal.getBody().getProperties().get("errors"))
        .stream().map(error -> error.get("field")).toList();
  }
}
