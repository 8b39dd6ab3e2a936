package io.gxpflow.mlr.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The result as the REST API will return it: plain Jackson, no annotations, and back again. */
class VersionDiffJsonTest {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  final VersionDiff diff =
      ModuleDiffer.compare(
          List.of(ModuleText.of("efficacy", "Reduces pain by 50%."), ModuleText.of("old", "Old.")),
          List.of(
              ModuleText.of("efficacy", "Reduces pain by 40%."),
              new ModuleText("isi", "Do not take with alcohol. 注意 👍🏽", "lib-isi")),
          Map.of("lib-isi", "Do not take with alcohol. 注意 👍🏽"));

  @Test
  void serializesItsComponentsOnly() throws Exception {
    JsonNode json = JSON.readTree(JSON.writeValueAsString(diff));

    assertThat(fields(json))
        .containsExactly("firstVersion", "modules", "counts", "toReview", "reuse");
    assertThat(fields(json.get("modules").get(0)))
        .containsExactly(
            "moduleId",
            "change",
            "previousModuleId",
            "matchedByText",
            "position",
            "previousPosition",
            "text",
            "words",
            "reuse",
            "reviewRequired");
    assertThat(fields(json.get("counts")))
        .containsExactly(
            "UNCHANGED", "CHANGED", "MOVED", "MOVED_AND_CHANGED", "INSERTED", "DELETED", "NEW");
    assertThat(json.get("modules").get(0).get("change").asText()).isEqualTo("CHANGED");
    assertThat(json.get("modules").get(0).get("words").get(1).toString())
        .isEqualTo("{\"kind\":\"DELETED\",\"text\":\"50%\"}");
    assertThat(json.get("modules").get(2).get("reuse").toString())
        .isEqualTo("{\"sourceModuleId\":\"lib-isi\",\"status\":\"UNCHANGED\",\"words\":[]}");
    assertThat(json.get("modules").get(2).get("text").asText())
        .isEqualTo("Do not take with alcohol. 注意 👍🏽");
    assertThat(json.get("reuse").toString())
        .isEqualTo(
            "{\"modules\":2,\"reusedUnchanged\":1,\"reusedChanged\":0,\"sourceNotFound\":0,"
                + "\"rate\":0.5}");
  }

  @Test
  void readsBackIntoAnEqualDiff() throws Exception {
    assertThat(JSON.readValue(JSON.writeValueAsString(diff), VersionDiff.class)).isEqualTo(diff);
  }

  private static List<String> fields(JsonNode node) {
    return iterate(node.fieldNames());
  }

  private static List<String> iterate(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
