package io.gxpflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.WebappSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a person sees around the webapps: the project's notice instead of Camunda's "migrate to
 * Camunda 8" banner, and a page that says what to do instead of Spring's Whitelabel error page when
 * a webapp is refused.
 */
@IntegrationTest
class WebappPagesIT {

  @LocalServerPort int port;

  @Test
  void everyWebappShowsTheProjectsNoticeInsteadOfTheCamunda8Banner() {
    for (String app : new String[] {"tasklist", "cockpit", "admin"}) {
      for (String language : new String[] {"en", "de"}) {
        JsonNode labels =
            new WebappSession(port)
                .getJson("/camunda/app/" + app + "/locales/" + language + ".json")
                .path("labels");
        assertThat(labels.path(WebappNotice.BANNER_KEY).asText())
            .as(app + " " + language)
            .startsWith("GxP Flow on Camunda Platform 7.24")
            .contains("Support")
            .doesNotContain("Camunda 8");
        // the rest of Camunda's texts are unchanged
        assertThat(labels.size()).isGreaterThan(100);
      }
    }
  }

  @Test
  void aReviewerOpeningCockpitGetsAPageThatSaysWhatToDoInstead() {
    WebappSession session = new WebappSession(port);
    assertThat(session.login("quinn", "quinn", "tasklist")).isEqualTo(200);

    HttpResponse<String> page = session.getHtml("/camunda/app/cockpit/default/");

    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body())
        .contains("Your account may not open this page")
        .contains("/camunda/app/tasklist/")
        .doesNotContain("Whitelabel");
  }
}
