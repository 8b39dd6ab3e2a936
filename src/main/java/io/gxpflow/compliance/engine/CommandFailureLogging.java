package io.gxpflow.compliance.engine;

import io.gxpflow.compliance.ComplianceRefusal;
import io.gxpflow.compliance.InvalidTaskInput;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what a failed engine command means, once, at the outermost command: a person's refused input
 * or a compliance refusal is a sentence at INFO (no stack trace: nothing is broken, the user got
 * the answer); what the engine itself treats as a client's mistake or a race (authorization, bad
 * request, someone else was quicker) stays at DEBUG; anything else is a real error, logged at ERROR
 * with its stack trace as Camunda logs it (ENGINE-16004). Replaces the engine's own command
 * exception logging ({@code enableCmdExceptionLogging=false}), which logs every form validation
 * failure as an ERROR with a stack trace.
 */
public class CommandFailureLogging extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(CommandFailureLogging.class);

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() != null) {
      // a nested command: its failure reaches the outermost one, which logs it
      return next.execute(command);
    }
    try {
      return next.execute(command);
    } catch (RuntimeException | Error failure) {
      log(failure);
      throw failure;
    }
  }

  static Level levelOf(Throwable failure) {
    if (failure instanceof InvalidTaskInput || failure instanceof ComplianceRefusal) {
      return Level.REFUSAL;
    }
    if (failure instanceof AuthorizationException
        || failure instanceof BadUserRequestException
        || failure instanceof OptimisticLockingException
        || failure instanceof TaskAlreadyClaimedException) {
      return Level.CLIENT;
    }
    return Level.ERROR;
  }

  enum Level {
    REFUSAL,
    CLIENT,
    ERROR
  }

  private static void log(Throwable failure) {
    switch (levelOf(failure)) {
      case REFUSAL -> LOG.info("Refused: {}", failure.getMessage());
      case CLIENT -> LOG.debug("Command not done: {}", failure.getMessage());
      default ->
          LOG.error(
              "ENGINE-16004 Exception while closing command context: {}",
              failure.getMessage(),
              failure);
    }
  }
}
