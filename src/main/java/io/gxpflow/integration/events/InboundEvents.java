package io.gxpflow.integration.events;

import io.gxpflow.compliance.ProblemType;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Turns an event from another system into the contract message that starts a process, exactly once
 * per event id: the event is recorded in the same transaction as the process start, so a bridge
 * that sends again (it timed out, it restarted) gets the first answer back and no second instance.
 */
@Service
public class InboundEvents {

  /** What became of an event: the process it started, and whether it had arrived before. */
  public record Accepted(String eventId, String processInstanceId, boolean duplicate) {}

  private final RuntimeService runtimeService;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public InboundEvents(
      RuntimeService runtimeService,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.runtimeService = runtimeService;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * {@code businessKey} may be null when the process sets it itself (a deviation gets its QMS id).
   */
  public Accepted accept(
      String eventId,
      String message,
      String businessKey,
      Map<String, Object> variables,
      String receivedBy) {
    Accepted earlier = earlier(eventId);
    if (earlier != null) {
      return earlier;
    }
    try {
      return transaction.execute(
          status -> {
            var correlation =
                runtimeService.createMessageCorrelation(message).setVariables(variables);
            if (businessKey != null) {
              correlation.processInstanceBusinessKey(businessKey);
            }
            ProcessInstance instance = correlation.correlateStartMessage();
            jdbc.update(
                "insert into gxp_inbound_event (event_id, event_type, received_at, received_by, "
                    + "process_instance_id) values (?, ?, ?, ?, ?)",
                eventId,
                message,
                Timestamp.from(clock.instant()),
                receivedBy,
                instance.getId());
            return new Accepted(eventId, instance.getId(), false);
          });
    } catch (DuplicateKeyException sentTwiceAtOnce) {
      // the same event in two concurrent requests: this one rolled back, the other one started the
      // process
      return earlier(eventId);
    } catch (MismatchingMessageCorrelationException noProcess) {
      throw new NoProcessAccepts(message, noProcess);
    }
  }

  private Accepted earlier(String eventId) {
    List<String> instances =
        jdbc.queryForList(
            "select process_instance_id from gxp_inbound_event where event_id = ?",
            String.class,
            eventId);
    return instances.isEmpty() ? null : new Accepted(eventId, instances.get(0), true);
  }

  /** No deployed process starts on this message (yet): the bridge should send again later. */
  public static class NoProcessAccepts extends ErrorResponseException {
    NoProcessAccepts(String message, Throwable cause) {
      super(
          HttpStatus.CONFLICT,
          ProblemType.NO_PROCESS_ACCEPTS_EVENT.problem(
              HttpStatus.CONFLICT,
              "No deployed process starts on message " + message + ": " + cause.getMessage()),
          cause);
    }
  }
}
