package io.gxpflow.mlr.review;

import io.gxpflow.mlr.content.ContentMarkup;
import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.ModuleDraft;
import java.util.List;
import org.springframework.stereotype.Component;

/** Content in Tasklist forms as {@link ContentMarkup}: {@code ## module} sections. */
@Component
public class MarkupContentParser implements ContentParser {

  @Override
  public List<ModuleDraft> modules(String text) {
    return ContentMarkup.parse(text).orRefuse(MlrVariables.CONTENT_TEXT.name());
  }

  @Override
  public String text(ContentVersion version) {
    return ContentMarkup.render(version);
  }
}
