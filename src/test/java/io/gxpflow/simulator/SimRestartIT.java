package io.gxpflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.GxpFlowApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The simulated MES across a restart of the embedded default (H2 file): a status set before is
 * still set, the start-up seeding does not reset it, and a retry with the same Idempotency-Key gets
 * the first answer.
 */
// stops an application of its own: after it the shared app's webapps see a closed engine
// (junit-platform.properties)
@Order(Integer.MAX_VALUE)
class SimRestartIT {

  static final ObjectMapper JSON = new ObjectMapper();
  final HttpClient client = HttpClient.newHttpClient();

  @Test
  void statusAndIdempotencyKeysSurviveARestart() throws Exception {
    Path dataDir =
        Files.createDirectories(Path.of("target", "sim-restart-it"))
            .resolve("run-" + System.nanoTime());
    String key = "restart-" + System.nanoTime();
    HttpResponse<String> first;

    try (ConfigurableApplicationContext app = start(dataDir)) {
      first = putStatus(app, "B-2026-0042", "ON_HOLD", key);
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(first.body()).path("previousStatus").asText())
          .isEqualTo("IN_REVIEW");
    }

    try (ConfigurableApplicationContext app = start(dataDir)) {
      assertThat(record(app, "B-2026-0042").path("status").asText()).isEqualTo("ON_HOLD");

      HttpResponse<String> replay = putStatus(app, "B-2026-0042", "ON_HOLD", key);

      assertThat(replay.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(replay.body())).isEqualTo(JSON.readTree(first.body()));
    }
  }

  private HttpResponse<String> putStatus(
      ConfigurableApplicationContext app, String batch, String status, String key)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(app, "/sim/mes/batches/" + batch + "/status"))
            .header("X-Api-Key", "demo-simulator-key")
            .header("Idempotency-Key", key)
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "{\"status\":\"" + status + "\",\"reason\":\"restart test\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode record(ConfigurableApplicationContext app, String batch) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri(app, "/sim/mes/batches/" + batch + "/record"))
                .header("X-Api-Key", "demo-simulator-key")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static URI uri(ConfigurableApplicationContext app, String path) {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    return URI.create("http://localhost:" + port + path);
  }

  private static ConfigurableApplicationContext start(Path dataDir) {
    return new SpringApplicationBuilder(GxpFlowApplication.class)
        .run(
            "--spring.profiles.active=demo",
            "--spring.datasource.url=jdbc:h2:file:"
                + dataDir.toAbsolutePath().resolve("gxpflow")
                + ";DB_CLOSE_ON_EXIT=FALSE",
            "--server.port=0",
            // the audit checkpoint key and file next to the database, not in the project's ./data
            "--gxpflow.audit.checkpoint.directory=" + dataDir.toAbsolutePath(),
            // a name of its own, so this engine does not replace the shared test context's
            // "default" engine
            "--camunda.bpm.process-engine-name=sim-restart-check",
            "--spring.main.banner-mode=off");
  }
}
