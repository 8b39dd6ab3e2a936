package io.gxpflow.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Spring integration tests run with the demo users on H2 by default, and on PostgreSQL when the
 * build says {@code -Dgxpflow.it.database=postgres} (the Maven profile {@code postgres} does; see
 * README and .ci/run).
 */
public class ItProfiles implements ActiveProfilesResolver {

  public static final String DATABASE_PROPERTY = "gxpflow.it.database";

  public static boolean onPostgres() {
    return "postgres".equals(System.getProperty(DATABASE_PROPERTY, "h2"));
  }

  @Override
  public String[] resolve(Class<?> testClass) {
    return onPostgres() ? new String[] {"test", "demo", "postgres"} : new String[] {"test", "demo"};
  }
}
