package io.gxpflow.mlr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ItProfiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the application's role cannot change what was submitted: a version's content, its
 * modules and claims, pre-check runs, findings and comments are insert-only for it; of a version it
 * may update the status columns only, of a claim its status and withdrawal. Runs in the PostgreSQL
 * pass only (H2 has one user).
 */
@IntegrationTest
class MlrContentRolesOnPostgresIT {

  static final String DEMO = "MLR-2026-0001";

  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void onPostgresOnly() {
    assertThat(ItProfiles.onPostgres()).as("an *OnPostgresIT runs in the PostgreSQL pass").isTrue();
  }

  @Test
  void theContentOfAVersionCannotBeChangedOnlyItsStatus() {
    for (String column : List.of("title", "content_hash", "markets", "submitted_by")) {
      refused(
          "UPDATE gxp_mlr_content_version SET " + column + " = 'x' WHERE item_id = '" + DEMO + "'",
          "permission denied");
    }
    refused("DELETE FROM gxp_mlr_content_version WHERE item_id = 'nothing'", "permission denied");
    // a status column may change (to what it is: the demo item stays as seeded)
    assertThat(
            jdbc.update(
                "UPDATE gxp_mlr_content_version SET status = status, status_reason = status_reason"
                    + " WHERE item_id = ?",
                DEMO))
        .isEqualTo(1);
  }

  @Test
  void modulesClaimsRunsFindingsAndCommentsAreInsertOnly() {
    for (String table :
        List.of(
            "gxp_mlr_content_module",
            "gxp_mlr_module_claim",
            "gxp_mlr_precheck_run",
            "gxp_mlr_precheck_finding",
            "gxp_mlr_module_comment",
            "gxp_mlr_claim_reference",
            "gxp_mlr_claim_variation",
            "gxp_mlr_claim_market",
            "gxp_mlr_product",
            "gxp_mlr_product_amount",
            "gxp_mlr_preapproved_module")) {
      assertThat(
              jdbc.queryForObject("SELECT has_table_privilege(?, 'INSERT')", Boolean.class, table))
          .as(table)
          .isTrue();
      assertThat(
              jdbc.queryForObject("SELECT has_table_privilege(?, 'UPDATE')", Boolean.class, table))
          .as(table)
          .isFalse();
      refused("DELETE FROM " + table, "permission denied");
      refused("TRUNCATE " + table, "permission denied");
    }
    refused(
        "UPDATE gxp_mlr_item SET created_by = 'mallory' WHERE item_id = '" + DEMO + "'",
        "permission denied");
    refused("DELETE FROM gxp_mlr_item WHERE item_id = 'nothing'", "permission denied");
    refused(
        "UPDATE gxp_mlr_content_module SET module_text = 'changed' WHERE item_id = '" + DEMO + "'",
        "permission denied");
  }

  @Test
  void aClaimsTextCannotBeChangedOnlyItsStatus() {
    refused(
        "UPDATE gxp_mlr_claim SET approved_text = 'better' WHERE claim_id = 'CLM-001'",
        "permission denied");
    refused("DELETE FROM gxp_mlr_claim WHERE claim_id = 'nothing'", "permission denied");
    assertThat(
            jdbc.update("UPDATE gxp_mlr_claim SET status = status WHERE claim_id = ?", "CLM-001"))
        .isEqualTo(1);
  }

  private void refused(String sql, String... messages) {
    assertThatThrownBy(() -> jdbc.execute(sql))
        .as(sql)
        .isInstanceOf(DataAccessException.class)
        .satisfies(
            e -> {
              StringWriter trace = new StringWriter();
              e.printStackTrace(new PrintWriter(trace));
              assertThat(List.of(messages)).as("%s", trace).anyMatch(trace.toString()::contains);
            });
  }
}
