package io.gxpflow.engine.expression;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Deployed models are input from outside: their expressions run through {@link ModelExpressionManager}, and a
 * deployment is checked by {@link DeployedModelCheck} before anything of it is stored.
 */
@Component
public class ModelSecurityPlugin extends AbstractProcessEnginePlugin {

  private final ModelBeans beans;

  public ModelSecurityPlugin(ApplicationContext context) {
    this.beans = new ModelBeans(context);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new ModelExpressionManager(beans));
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new DeployedModelCheck(beans));
  }
}
