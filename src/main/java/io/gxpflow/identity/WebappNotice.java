package io.gxpflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notice at the top of every Camunda webapp page. Camunda 7.24 always shows its Community
 * Edition banner ("It is time to migrate to Camunda 8 …", the text {@code BANNER_CE_EOL_TEXT} of
 * each webapp's locale file; the webapps offer no setting for it). QA users read it as a warning
 * about their system, so the locale files are served with the project's own notice instead: which
 * platform and version they are using and where support comes from ({@code
 * gxpflow.webapps.notice}). Everything else in the locale files is Camunda's, unchanged.
 */
@RestController
public class WebappNotice {

  static final String BANNER_KEY = "BANNER_CE_EOL_TEXT";
  private static final Set<String> APPS = Set.of("tasklist", "cockpit", "admin", "welcome");
  private static final Set<String> LANGUAGES = Set.of("en", "de");

  private final ObjectMapper json;
  private final String notice;

  public WebappNotice(
      ObjectMapper json, ProcessEngine engine, @Value("${gxpflow.webapps.notice}") String notice) {
    this.json = json;
    String camunda = ProcessEngine.class.getPackage().getImplementationVersion();
    this.notice =
        notice
            .replace("{camunda}", camunda == null ? "7" : camunda)
            .replace("{engine}", engine.getName());
  }

  public String notice() {
    return notice;
  }

  @GetMapping(
      path = "/camunda/app/{app}/locales/{language}.json",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ObjectNode> locale(@PathVariable String app, @PathVariable String language)
      throws IOException {
    if (!APPS.contains(app) || !LANGUAGES.contains(language)) {
      return ResponseEntity.notFound().build();
    }
    ClassPathResource camundas =
        new ClassPathResource(
            "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + language + ".json");
    if (!camundas.exists()) {
      return ResponseEntity.notFound().build();
    }
    ObjectNode locale;
    try (InputStream in = camundas.getInputStream()) {
      // Camunda's files start with a byte order mark, which Jackson reads as such
      locale = (ObjectNode) json.readTree(in);
    }
    if (locale.get("labels") instanceof ObjectNode labels && labels.has(BANNER_KEY)) {
      labels.put(BANNER_KEY, notice);
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(locale);
  }
}
