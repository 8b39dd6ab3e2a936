package io.gxpflow.notification;

import io.gxpflow.compliance.tasks.UserTaskListenerParseListener;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Puts {@link TaskNotifications} on every user task of every model at deployment (the starter
 * applies every ProcessEnginePlugin bean), as the compliance layer does with its own listener: no
 * model can leave it out, and a new process gets notifications without code.
 */
@Component
public class NotificationEnginePlugin extends AbstractProcessEnginePlugin {

  private final NotificationOutbox outbox;
  private final NotificationScheduler scheduler;
  private final NotificationProperties properties;

  public NotificationEnginePlugin(
      NotificationOutbox outbox,
      @Lazy NotificationScheduler scheduler,
      NotificationProperties properties) {
    this.outbox = outbox;
    this.scheduler = scheduler;
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!properties.enabled()) {
      return;
    }
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration
        .getCustomPostBPMNParseListeners()
        .add(new UserTaskListenerParseListener(new TaskNotifications(outbox, scheduler::wakeUp)));
  }
}
