package io.gxpflow.mlr.precheck;

import static io.gxpflow.mlr.precheck.Examples.context;
import static io.gxpflow.mlr.precheck.Examples.email;
import static io.gxpflow.mlr.precheck.Examples.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.ModuleType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailUnsubscribeRuleTest {

  private static List<Finding> check(ContentVersion content) {
    return new EmailUnsubscribeRule().check(context(content, FixedParameters.none()));
  }

  private static ContentModule footer(String text) {
    return ContentModule.of("footer", ModuleType.BODY, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Manage your e-mails: https://mail.example.com/unsubscribe?u=123",
        "[Unsubscribe](https://mail.example.com/u/123)",
        "<a href=\"https://mail.example.com/u/123\">Unsubscribe here</a>",
        "To stop these e-mails: {{ unsubscribe_url }}",
        "%%unsubscribe%%",
        "Opt out: https://pref.example.com/opt-out"
      })
  void anEmailWithAnUnsubscribeLinkIsFine(String text) {
    assertThat(check(email(Set.of("US"), footer(text)))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Cardiozen Medical Information: medinfo@example.com",
        "To unsubscribe, reply to this e-mail.",
        "Visit https://cardiozen.example.com"
      })
  void anEmailWithoutOneIsAnItemFinding(String text) {
    assertThat(check(email(Set.of("US"), footer(text))))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(PrecheckRuleId.EMAIL_UNSUBSCRIBE_MISSING);
              assertThat(f.moduleId()).isNull();
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"WEB", "PRINT", "REP_DETAIL", "SOCIAL"})
  void otherChannelsNeedNone(Channel channel) {
    assertThat(check(version(channel, Audience.HCP, Set.of("US"), footer("No link here."))))
        .isEmpty();
  }
}
