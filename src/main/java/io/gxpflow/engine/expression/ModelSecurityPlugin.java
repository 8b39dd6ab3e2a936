package io.gxpflow.engine.expression;

import java.util.ArrayList;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Deployed models are input from outside: their expressions run through {@link
 * ModelExpressionManager}, FEEL in decisions through {@link PlainValuesFeel}, and a deployment is
 * checked by {@link DeployedModelCheck} before anything of it is stored.
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
    DefaultDmnEngineConfiguration dmn =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.setFeelEngineFactory(new PlainValuesFeel());
    configuration.setDmnEngineConfiguration(dmn);
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new DeployedModelCheck(beans));
  }
}
