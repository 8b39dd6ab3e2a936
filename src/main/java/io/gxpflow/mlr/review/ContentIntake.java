package io.gxpflow.mlr.review;

import static io.gxpflow.mlr.review.MlrVariables.*;

import io.gxpflow.mlr.content.ContentRepository;
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
      String itemId = CONTENT_ID.from(execution);
      Integer version = CONTENT_VERSION.from(execution);
      stored =
          content
              .find(itemId, version == null ? 0 : version)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "mlr-review started for " + itemId + " v" + version + ", not stored"));
    }
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(stored.content().itemId());
    }
    current(execution, stored);
    if (AUTHOR.from(execution) == null) {
      AUTHOR.set(execution, stored.submittedBy());
    }
    REVIEW_ROUND.set(execution, 1);
    EXPEDITED.set(execution, false);
    REVISION_NEEDED.set(execution, false);
    PUBLISHED.set(execution, false);
    MANDATORY_COMMENTS.set(execution, 0);
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
