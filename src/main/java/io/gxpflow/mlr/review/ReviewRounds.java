package io.gxpflow.mlr.review;

import static io.gxpflow.mlr.review.MlrVariables.*;

import io.gxpflow.compliance.variables.ProcessVariable;
import io.gxpflow.mlr.content.CommentRepository;
import io.gxpflow.mlr.content.ContentRepository;
import io.gxpflow.mlr.content.ModuleComment;
import io.gxpflow.mlr.content.StoredVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Review rounds: what the reviews of a round decided, the next round, a renewal, and the author's
 * revision stored as the next version of the item.
 */
@Configuration(proxyBeanMethods = false)
public class ReviewRounds {

  static final String REJECT = "reject";

  private static final Map<String, ProcessVariable<String>> DECISIONS =
      Map.of(
          "medical", MEDICAL_DECISION,
          "legal", LEGAL_DECISION,
          "regulatory", REGULATORY_DECISION);

  /**
   * {@code ${mlrReviewOutcome}}: a revision is needed when a required review rejected or a reviewer
   * left a mandatory module comment in this round; {@code reviewFeedback} lists both for the
   * coordinator.
   */
  @Bean
  public ExecutionListener mlrReviewOutcome(CommentRepository comments) {
    return execution -> {
      List<String> rejectedBy = new ArrayList<>();
      for (String review : REVIEWS_REQUIRED.from(execution)) {
        if (REJECT.equals(DECISIONS.get(review).from(execution))) {
          rejectedBy.add(review);
        }
      }
      List<ModuleComment> mandatory =
          comments.ofRound(CONTENT_ID.from(execution), REVIEW_ROUND.from(execution)).stream()
              .filter(ModuleComment::mandatory)
              .toList();
      MANDATORY_COMMENTS.set(execution, mandatory.size());
      REVISION_NEEDED.set(execution, !rejectedBy.isEmpty() || !mandatory.isEmpty());
      REVIEW_FEEDBACK.set(execution, feedback(rejectedBy, mandatory));
    };
  }

  static String feedback(List<String> rejectedBy, List<ModuleComment> mandatory) {
    StringBuilder text = new StringBuilder();
    text.append(
        rejectedBy.isEmpty()
            ? "No review rejected the content."
            : "Rejected by the " + String.join(" and ", rejectedBy) + " review.");
    if (mandatory.isEmpty()) {
      text.append("\n\nNo mandatory module comment.");
    } else {
      text.append("\n\nMandatory module comments:");
      for (ModuleComment comment : mandatory) {
        text.append("\n- **")
            .append(comment.moduleId())
            .append("** (")
            .append(comment.reviewGroup())
            .append(", ")
            .append(comment.author())
            .append("): ")
            .append(comment.text());
      }
    }
    return text.toString();
  }

  /** {@code ${mlrNextRound}}, on the way back to the author after a review. */
  @Bean
  public ExecutionListener mlrNextRound() {
    return execution -> REVIEW_ROUND.set(execution, REVIEW_ROUND.from(execution) + 1);
  }

  /**
   * {@code ${mlrNewVersion}}: the author submitted the next version of approved content (message
   * {@code NewVersionSubmitted}, from the submissions API): the version it names is checked as at a
   * start and reviewed in a new cycle from round 1, against the approved version.
   */
  @Bean
  public ExecutionListener mlrNewVersion(ContentIntake intake) {
    return execution -> {
      ContentIntake.current(execution, intake.submittedVersion(execution));
      REVIEW_ROUND.set(execution, 1);
      REVISION_NEEDED.set(execution, false);
      CONSOLIDATED_FEEDBACK.set(execution, null);
    };
  }

  /** {@code ${mlrRenewal}}: a renewal is a new review cycle of the item, from round 1. */
  @Bean
  public ExecutionListener mlrRenewal() {
    return execution -> {
      REVIEW_ROUND.set(execution, 1);
      REVISION_NEEDED.set(execution, false);
      CONSOLIDATED_FEEDBACK.set(execution, null);
    };
  }

  /**
   * {@code ${mlrRevision}} on the author's task: when it is created, the version under review as
   * text to edit; when completed, the text stored as the item's next version.
   */
  @Bean
  public TaskListener mlrRevision(ContentRepository content, FormSubmissions forms) {
    return task -> {
      DelegateExecution execution = task.getExecution();
      StoredVersion current =
          content
              .find(CONTENT_ID.from(execution), CONTENT_VERSION.from(execution))
              .orElseThrow(() -> new IllegalStateException("version under review not stored"));
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        CONTENT_TEXT.set(execution, forms.text(current.content()));
      } else {
        StoredVersion revised = forms.submitRevision(task, current.content());
        ContentIntake.current(execution, revised);
      }
    };
  }
}
