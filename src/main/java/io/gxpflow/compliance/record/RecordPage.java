package io.gxpflow.compliance.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The record page: {@link GxpRecord} as XHTML from {@code templates/record.html}, for the browser
 * and, with {@code pdf} set, for {@link RecordPdf}. Values are escaped by the template engine; the
 * page carries no script.
 */
@Component
public class RecordPage {

  private final TemplateEngine templates = new TemplateEngine();
  private final ObjectMapper json;

  public RecordPage(ObjectMapper json) {
    this.json = json;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    // XML: well-formed XHTML, which the PDF renderer needs and browsers read as HTML
    resolver.setTemplateMode(TemplateMode.XML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    templates.setTemplateResolver(resolver);
  }

  /** The page of a record; {@code pdf} leaves out what only a browser can use (links). */
  public String render(GxpRecord record, boolean pdf) {
    Context context = new Context();
    context.setVariable("r", record);
    context.setVariable("f", new Formats(json));
    context.setVariable("pdf", pdf);
    return templates.process("record", context);
  }

  /** How the template writes times, people, lists and details. */
  public static final class Formats {

    private final ObjectMapper json;

    Formats(ObjectMapper json) {
      this.json = json;
    }

    /** An instant in UTC to the second, or a dash. */
    public String at(Instant instant) {
      return instant == null ? "–" : RecordFacts.utc(instant);
    }

    /** A user id, or a dash. */
    public String who(String userId) {
      return userId == null ? "–" : userId;
    }

    public String join(Collection<?> items) {
      return items.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** An audit event's details as the JSON the trail holds. */
    public String json(Map<String, Object> details) {
      try {
        return json.writeValueAsString(details);
      } catch (JsonProcessingException e) {
        return String.valueOf(details);
      }
    }

    /** The page of a linked record, relative to this one. */
    public String page(String businessKey) {
      return URLEncoder.encode(businessKey, StandardCharsets.UTF_8).replace("+", "%20") + ".html";
    }
  }
}
