package io.gxpflow.compliance.variables;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link VariableValueGuard}s before every other serializer once the engine has built its
 * list (the first serializer that claims a value and speaks the default data format stores it).
 */
@Component
public class VariableGuardPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration
        .getVariableSerializers()
        .addSerializer(new VariableValueGuard.PlainJsonObjects(), 0);
    configuration
        .getVariableSerializers()
        .addSerializer(new VariableValueGuard.PlainFileNames(), 0);
  }
}
