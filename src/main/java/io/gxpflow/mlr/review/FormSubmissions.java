package io.gxpflow.mlr.review;

import static io.gxpflow.mlr.review.MlrVariables.*;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.InvalidTaskInput;
import io.gxpflow.compliance.tasks.SubmittedValues;
import io.gxpflow.compliance.validation.FieldViolation;
import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import io.gxpflow.mlr.content.ContentDraft;
import io.gxpflow.mlr.content.ContentRefused;
import io.gxpflow.mlr.content.ContentRepository;
import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.ModuleDraft;
import io.gxpflow.mlr.content.StoredVersion;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Content written in Tasklist (the start form and the revision form give it as text, {@code
 * contentText}, in the markup of {@code ContentMarkup}) stored as a version of the item. Text that
 * is not valid markup, or content the store refuses, is refused like any bad form input: 400 with a
 * sentence per problem, nothing started or completed.
 */
@Component
public class FormSubmissions {

  static final String TEXT_LABEL = "Content";

  private final ContentRepository content;
  private final ContentParser parser;

  public FormSubmissions(ContentRepository content, ContentParser parser) {
    this.content = content;
    this.parser = parser;
  }

  /** Version 1 of a new item from the start form. */
  StoredVersion submitNewItem(DelegateExecution execution) {
    String definitionId = execution.getProcessDefinitionId();
    try {
      List<ModuleDraft> modules = parser.modules(CONTENT_TEXT.from(execution));
      ContentDraft draft =
          new ContentDraft(
              CONTENT_TITLE.from(execution),
              PRODUCT.from(execution),
              markets(execution),
              Channel.ofCode(CHANNEL.from(execution)),
              Audience.valueOf(AUDIENCE.from(execution)),
              modules);
      return content.submit(null, draft, author(execution));
    } catch (ContentRefused refused) {
      throw InvalidTaskInput.startForm(definitionId, violations(refused));
    }
  }

  /** The start form's checklist: a JSON list as Tasklist sends it, or a list from Java. */
  private static Set<String> markets(DelegateExecution execution) {
    Object markets = SubmittedValues.plain(execution.getVariable(MARKETS.name()));
    Set<String> codes = new HashSet<>();
    if (markets instanceof Collection<?> values) {
      values.forEach(value -> codes.add(String.valueOf(value)));
    }
    return codes;
  }

  /** The next version of the item under review, from the revision form. */
  StoredVersion submitRevision(DelegateTask task, ContentVersion current) {
    try {
      List<ModuleDraft> modules = parser.modules(CONTENT_TEXT.from(task.getExecution()));
      ContentDraft draft =
          new ContentDraft(
              current.title(),
              current.product(),
              current.markets(),
              current.channel(),
              current.audience(),
              modules);
      return content.submit(current.itemId(), draft, EngineContext.completer(task));
    } catch (ContentRefused refused) {
      throw new InvalidTaskInput(task.getId(), violations(refused));
    }
  }

  /** The content as the revision form shows it. */
  String text(ContentVersion version) {
    return parser.text(version);
  }

  private static String author(DelegateExecution execution) {
    String author = AUTHOR.from(execution);
    return author != null ? author : EngineContext.actor();
  }

  /**
   * One violation of {@code contentText} per problem. A problem of the text itself (the markup's,
   * "line 3: …") reads as it is; one the store found in a part of the content (e.g. {@code
   * modules[1].claims[0].words}) names that part: the label already names the field.
   */
  private static List<FieldViolation> violations(ContentRefused refused) {
    return refused.problems().stream()
        .map(
            p ->
                new FieldViolation(
                    CONTENT_TEXT.name(),
                    CONTENT_TEXT.name().equals(p.field())
                        ? p.reason()
                        : p.field() + ": " + p.reason(),
                    TEXT_LABEL))
        .toList();
  }
}
