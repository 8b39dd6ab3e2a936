package io.gxpflow.mlr.review;

import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.ModuleDraft;
import java.util.List;

/**
 * Content as text in Tasklist forms and back: modules from the text an author wrote ({@link
 * io.gxpflow.mlr.content.ContentRefused} when it is not valid), and a version as text to revise.
 */
public interface ContentParser {

  List<ModuleDraft> modules(String text);

  String text(ContentVersion version);
}
