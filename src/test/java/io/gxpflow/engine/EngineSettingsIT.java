package io.gxpflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ItProfiles;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database under the engine and the GxP engine settings, on whichever database the build chose.
 */
@IntegrationTest
class EngineSettingsIT {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine processEngine;
  @Autowired ManagementService managementService;

  @Test
  void runsOnTheDatabaseTheBuildAskedFor() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName())
          .isEqualTo(ItProfiles.onPostgres() ? "PostgreSQL" : "H2");
    }
  }

  @Test
  void liquibaseCreatedCamundasSchemaAndOurs() {
    List<String> changeSets = jdbc.queryForList("select id from databasechangelog", String.class);

    assertThat(changeSets).contains("7.16.0-baseline", "7.23-to-7.24", "0001-foundation");
    assertThat(configuration().getDatabaseSchemaUpdate()).isEqualTo("false");
    assertThat(managementService.createSchemaLogQuery().list())
        .extracting(entry -> entry.getVersion())
        .contains("7.24.0");
  }

  @Test
  void gxpEngineSettings() {
    ProcessEngineConfigurationImpl configuration = configuration();

    assertThat(configuration.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("04:00");
    assertThat(configuration.getDefaultUserPermissionNameForTask()).isEqualTo("TASK_WORK");
    assertThat(configuration.getJobExecutor().getMaxJobsPerAcquisition()).isEqualTo(4);
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
  }
}
