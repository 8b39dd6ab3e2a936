package io.gxpflow.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Keeps the shared context's engine in Camunda's static engine registry, where the REST API looks
 * it up. A test that starts and stops an application of its own (SimRestartIT,
 * EmbeddedDefaultRestartIT) empties that registry on shutdown, and every later {@code /engine-rest}
 * call of the shared context would answer "No process engine available", though the engine itself
 * runs on.
 */
public class EngineRegistry implements BeforeEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    ProcessEngine engine =
        SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    if (ProcessEngines.getProcessEngines().get(engine.getName()) != engine) {
      ProcessEngines.registerProcessEngine(engine);
    }
  }
}
