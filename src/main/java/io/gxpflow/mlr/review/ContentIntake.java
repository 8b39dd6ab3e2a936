package io.gxpflow.mlr.review;

import static io.gxpflow.mlr.review.MlrVariables.*;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.InvalidTaskInput;
import io.gxpflow.compliance.validation.FieldViolation;
import io.gxpflow.mlr.content.ContentRepository;
import io.gxpflow.mlr.content.ContentStatus;
import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.StoredVersion;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${mlrIntake}}, when the start event is left: the version under review, from the content
 * store (stored by {@code POST /api/mlr/submissions} before the start, or here from the Tasklist
 * start form's text), its facts as variables for routing and forms, and the counters and flags the
 * rest of the model reads.
 */
@Component("mlrIntake")
public class ContentIntake implements ExecutionListener {

  private final ContentRepository content;
  private final FormSubmissions forms;

  public ContentIntake(ContentRepository content, FormSubmissions forms) {
    this.content = content;
    this.forms = forms;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StoredVersion stored;
    if (CONTENT_TEXT.from(execution) != null) {
      stored = forms.submitNewItem(execution);
    } else {
      stored = submittedVersion(execution);
    }
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(stored.content().itemId());
    }
    current(execution, stored);
    // who submitted the stored version: never a value a client sent with the start
    AUTHOR.set(execution, stored.submittedBy());
    REVIEW_ROUND.set(execution, 1);
    EXPEDITED.set(execution, false);
    REVISION_NEEDED.set(execution, false);
    PUBLISHED.set(execution, false);
    MANDATORY_COMMENTS.set(execution, 0);
  }

  /**
   * The version {@code POST /api/mlr/submissions} stored before it started the review. A start that
   * names a version may not review someone else's content, an old version, or an item under another
   * key: the version must be the item's latest, awaiting review, submitted by whoever starts, with
   * the item id as business key (so a second review of the item is refused as a business key in
   * use).
   */
  StoredVersion submittedVersion(DelegateExecution execution) {
    String itemId = CONTENT_ID.from(execution);
    Integer version = CONTENT_VERSION.from(execution);
    List<StoredVersion> versions = itemId == null ? List.of() : content.versions(itemId);
    StoredVersion latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
    String problem = null;
    if (latest == null || version == null || latest.content().version() != version) {
      problem = "is not the latest stored version of the item";
    } else if (latest.status() != ContentStatus.IN_REVIEW) {
      problem = "is not awaiting review (" + latest.status() + ")";
    } else if (!itemId.equals(execution.getProcessBusinessKey())) {
      problem = "must be started with the item id as business key";
    } else if (!EngineContext.SYSTEM.equals(EngineContext.actor())
        && !latest.submittedBy().equals(EngineContext.actor())) {
      // a person may start or continue a review only of what they submitted; the application's
      // own code (the submissions API, as the system) stored the version for its caller
      problem = "was submitted by someone else";
    }
    if (problem != null) {
      throw InvalidTaskInput.startForm(
          execution.getProcessDefinitionId(),
          List.of(new FieldViolation(CONTENT_VERSION.name(), problem)));
    }
    return latest;
  }

  /** The facts of the version now under review. */
  static void current(DelegateExecution execution, StoredVersion stored) {
    ContentVersion version = stored.content();
    CONTENT_ID.set(execution, version.itemId());
    CONTENT_VERSION.set(execution, version.version());
    CONTENT_TITLE.set(execution, version.title());
    PRODUCT.set(execution, version.product());
    // ArrayLists: stored as JSON, they must be types Jackson can build again
    MARKETS.set(execution, new ArrayList<>(version.markets().stream().sorted().toList()));
    CHANNEL.set(execution, version.channel().code());
    CHANNELS.set(execution, new ArrayList<>(List.of(version.channel().code())));
    AUDIENCE.set(execution, version.audience().name());
    CONTENT_HASH.set(execution, stored.contentHash());
  }
}
