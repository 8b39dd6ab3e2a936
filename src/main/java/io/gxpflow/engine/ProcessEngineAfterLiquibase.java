package io.gxpflow.engine;

import java.util.Set;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * The engine runs with {@code schema-update=false}: Liquibase owns the schema (Camunda's own
 * changelog plus ours). Spring Boot orders beans after Liquibase only when a detector names them,
 * so this one names the engine's factory bean; without it the engine could start against an empty
 * database and fail its schema check. Registered in {@code META-INF/spring.factories}.
 */
public class ProcessEngineAfterLiquibase implements DependsOnDatabaseInitializationDetector {

  static final String ENGINE_FACTORY_BEAN = "processEngineFactoryBean";

  @Override
  public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
    return beanFactory.containsBeanDefinition(ENGINE_FACTORY_BEAN)
        ? Set.of(ENGINE_FACTORY_BEAN)
        : Set.of();
  }
}
