package io.gxpflow.support;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The engine a process's engine-level test runs on ({@code <Process>ProcessTest}): in memory, no
 * job executor (the test runs jobs), full history, delegates registered as mocks by bean name, and
 * the settings of application.yaml that change how a model runs (lists and maps as JSON, an
 * uncaught BPMN error is an incident), with process test coverage.
 */
public final class ProcessTestEngine {

  private ProcessTestEngine() {}

  /** {@code name}: the engine's and its database's name, one per test class. */
  public static ProcessEngineConfiguration configuration(String name) {
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setExpressionManager(new MockExpressionManager());
    configuration.setDefaultSerializationFormat(Variables.SerializationDataFormats.JSON.getName());
    configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
    return configuration;
  }
}
