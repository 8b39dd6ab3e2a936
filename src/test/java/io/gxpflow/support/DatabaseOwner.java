package io.gxpflow.support;

import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database as its owner sees it — the DBA of the threat model (README, "Audit trail"), who
 * holds no checkpoint key. On PostgreSQL a connection as the owner role Liquibase runs as ({@code
 * GXPFLOW_DB_OWNER_USER}, set by the Maven build from {@code it.db.owner.user}); it may disable the
 * audit triggers of its own tables. On H2 there is one user and no trigger: the application's own
 * connection.
 */
public final class DatabaseOwner implements AutoCloseable {

  private final JdbcTemplate jdbc;
  private final SingleConnectionDataSource own;
  private final TransactionTemplate transaction;

  public DatabaseOwner(JdbcTemplate application) {
    if (ItProfiles.onPostgres()) {
      own =
          new SingleConnectionDataSource(
              System.getProperty("GXPFLOW_DB_URL"),
              System.getProperty("GXPFLOW_DB_OWNER_USER", "gxpflow_owner"),
              System.getProperty("GXPFLOW_DB_OWNER_PASSWORD", ""),
              true);
      jdbc = new JdbcTemplate(own);
    } else {
      own = null;
      jdbc = application;
    }
    transaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
  }

  public JdbcTemplate jdbc() {
    return jdbc;
  }

  /**
   * Does {@code work} in one transaction as the owner, with the user triggers of {@code tables}
   * disabled for its length on PostgreSQL (ALTER TABLE … DISABLE TRIGGER USER, enabled again before
   * the commit: nobody else ever sees them off). The first table's exclusive lock keeps appends out
   * meanwhile: name gxp_audit_chain_head first.
   */
  public void withTriggersOff(Consumer<JdbcTemplate> work, String... tables) {
    transaction.executeWithoutResult(
        status -> {
          if (ItProfiles.onPostgres()) {
            for (String table : tables) {
              jdbc.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            }
          } else {
            jdbc.queryForList("SELECT last_seq FROM gxp_audit_chain_head WHERE id = 1 FOR UPDATE");
          }
          work.accept(jdbc);
          if (ItProfiles.onPostgres()) {
            for (String table : tables) {
              jdbc.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
            }
          }
        });
  }

  @Override
  public void close() {
    if (own != null) {
      own.destroy();
    }
  }
}
