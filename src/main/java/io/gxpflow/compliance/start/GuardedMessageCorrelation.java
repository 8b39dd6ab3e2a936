package io.gxpflow.compliance.start;

import java.util.List;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.runtime.CorrelationHandler;
import org.camunda.bpm.engine.impl.runtime.CorrelationHandlerResult;
import org.camunda.bpm.engine.impl.runtime.CorrelationSet;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultType;

/**
 * The engine's message correlation (REST {@code /message}, {@code /api/events}, delegates) with the
 * start checks of {@link StartGuard} on every process the message would start, in the same command
 * as the correlation. Messages to running instances are not start input and pass unchanged.
 */
final class GuardedMessageCorrelation extends MessageCorrelationBuilderImpl {

  private final StartGuard guard;

  GuardedMessageCorrelation(CommandExecutor commandExecutor, String messageName, StartGuard guard) {
    super(commandExecutor, messageName);
    this.guard = guard;
  }

  @Override
  protected <T> T execute(Command<T> correlation) {
    return super.execute(
        context -> {
          for (CorrelationHandlerResult start : startsOf(context, correlation)) {
            guard.checkStart(
                context,
                start.getProcessDefinitionEntity(),
                start.getStartEventActivityId(),
                getPayloadProcessInstanceVariables(),
                context.getAuthenticatedUserId() != null,
                businessKey);
          }
          return correlation.execute(context);
        });
  }

  /**
   * The processes this correlation would start, found as the engine finds them (without
   * authorization checks).
   */
  private List<CorrelationHandlerResult> startsOf(CommandContext context, Command<?> correlation) {
    if (processInstanceId != null || executionsOnly) {
      return List.of();
    }
    CorrelationHandler handler = context.getProcessEngineConfiguration().getCorrelationHandler();
    CorrelationSet correlationSet = new CorrelationSet(this);
    if (startMessagesOnly) { // also correlateStartMessage()
      return context.runWithoutAuthorization(
          () -> handler.correlateStartMessages(context, messageName, correlationSet));
    }
    List<CorrelationHandlerResult> matches =
        context.runWithoutAuthorization(
            () -> handler.correlateMessages(context, messageName, correlationSet));
    List<CorrelationHandlerResult> starts =
        matches.stream()
            .filter(
                match -> match.getResultType() == MessageCorrelationResultType.ProcessDefinition)
            .toList();
    // a single correlation starts a process only when that is its one match (more is the engine's
    // own error)
    return correlation instanceof CorrelateAllMessageCmd || matches.size() == 1
        ? starts
        : List.of();
  }
}
