package io.gxpflow.integration;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.StandardEnvironment;

/**
 * A stub server standing in for one system, and the {@link SystemCalls} that reach it (API key
 * {@code test-key}, read timeout 2 s: generous, so the first call of a cold JVM on a busy machine
 * does not look like a timeout). {@link #audited} lists each call's audit record as "SYSTEM
 * operation key OUTCOME status".
 */
public final class StubbedSystem {

  public static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

  public final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
  public final List<String> audited = new ArrayList<>();
  public final SystemCalls calls;

  public StubbedSystem(ExternalSystem system, String basePath) {
    server.start();
    IntegrationProperties properties = new IntegrationProperties();
    IntegrationProperties.Endpoint endpoint = new IntegrationProperties.Endpoint();
    endpoint.setBaseUrl("http://localhost:" + server.port() + basePath);
    endpoint.setApiKey("test-key");
    endpoint.setReadTimeout(READ_TIMEOUT);
    properties.getSystems().put(system, endpoint);
    calls =
        new SystemCalls(
            properties,
            new StandardEnvironment(),
            (called, operation, key, outcome, status, duration, message) ->
                audited.add(called + " " + operation + " " + key + " " + outcome + " " + status),
            new ObjectMapper());
  }

  public void stop() {
    server.stop();
  }
}
