package io.gxpflow.mlr.api;

import io.gxpflow.compliance.RunAsSystem;
import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.mlr.content.ContentRepository;
import io.gxpflow.mlr.review.MlrVariables;
import io.gxpflow.mlr.store.JdbcContentRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells every approved item that uses a withdrawn claim: message {@code ContentWithdrawn} to its
 * {@code mlr-review} instance (business key = item id, variable {@code withdrawalReason}), which
 * withdraws it from the CRM and marks it withdrawn. Each item in a transaction of its own, through
 * the engine's guarded correlation, so one item that cannot take the message does not stop the
 * others: an item with no instance waiting for it (an item approved before GxP Flow, or whose
 * instance ended) and a correlation that fails are logged and audited ({@code CHANGE_REQUESTED},
 * {@code delivered: false}) and reported back to the coordinator, who withdraws that item by hand.
 */
@Component
public class ContentWithdrawal {

  public static final String MESSAGE = MlrVariables.CONTENT_WITHDRAWN;

  private static final Logger LOG = LoggerFactory.getLogger(ContentWithdrawal.class);

  /** What happened to one item. */
  public record Notice(String itemId, boolean delivered, int instances, String detail) {}

  private final ContentRepository content;
  private final RuntimeService runtime;
  private final RunAsSystem asSystem;
  private final AuditTrail auditTrail;

  public ContentWithdrawal(
      ContentRepository content,
      RuntimeService runtime,
      RunAsSystem asSystem,
      AuditTrail auditTrail) {
    this.content = content;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.auditTrail = auditTrail;
  }

  public List<Notice> tellItemsUsing(String claimId, String reason, String requestedBy) {
    List<Notice> notices = new ArrayList<>();
    for (String itemId : content.approvedItemsUsingClaim(claimId)) {
      notices.add(tell(itemId, claimId, reason, requestedBy));
    }
    return notices;
  }

  private Notice tell(String itemId, String claimId, String reason, String requestedBy) {
    try {
      return asSystem.call(
          () -> {
            int received =
                runtime
                    .createMessageCorrelation(MESSAGE)
                    .processInstanceBusinessKey(itemId)
                    .setVariable(MlrVariables.WITHDRAWAL_REASON.name(), reason)
                    .correlateAllWithResult()
                    .size();
            Notice notice =
                received > 0
                    ? new Notice(itemId, true, received, "the item's review withdraws it")
                    : new Notice(
                        itemId,
                        false,
                        0,
                        "no mlr-review instance of "
                            + itemId
                            + " waits for a withdrawal: withdraw it by hand");
            if (received == 0) {
              LOG.warn(
                  "claim {} withdrawn: no mlr-review instance of {} waits for {}",
                  claimId,
                  itemId,
                  MESSAGE);
            }
            audit(notice, claimId, reason, requestedBy);
            return notice;
          });
    } catch (RuntimeException failed) {
      String reference = UUID.randomUUID().toString();
      LOG.error(
          "claim {} withdrawn: {} to {} failed, reference {}",
          claimId,
          MESSAGE,
          itemId,
          reference,
          failed);
      Notice notice =
          new Notice(
              itemId,
              false,
              0,
              "the item's review could not take the withdrawal (reference "
                  + reference
                  + " in the server's log): withdraw it by hand");
      audit(notice, claimId, reason, requestedBy);
      return notice;
    }
  }

  private void audit(Notice notice, String claimId, String reason, String requestedBy) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("request", "withdrawal");
    details.put("message", MESSAGE);
    details.put("claimId", claimId);
    details.put("reason", reason);
    details.put("delivered", notice.delivered());
    details.put("receivedBy", notice.instances());
    details.put("detail", notice.detail());
    auditTrail.record(
        AuditEvent.builder(AuditEventTypes.CHANGE_REQUESTED, requestedBy)
            .businessKey(notice.itemId())
            .processDefinitionKey(JdbcContentRepository.PROCESS)
            .details(details)
            .build());
  }
}
