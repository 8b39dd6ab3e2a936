package io.gxpflow.integration;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each system is and how to reach it ({@code gxpflow.integration.<system>.*} in
 * application.yaml): base URL, API key, connect and read timeouts. The embedded default points at
 * the app's own simulators.
 */
@ConfigurationProperties("gxpflow.integration")
public class IntegrationProperties {

  private final Map<ExternalSystem, Endpoint> systems = new EnumMap<>(ExternalSystem.class);

  public Map<ExternalSystem, Endpoint> getSystems() {
    return systems;
  }

  public Endpoint endpoint(ExternalSystem system) {
    Endpoint endpoint = systems.get(system);
    if (endpoint == null || endpoint.getBaseUrl() == null || endpoint.getBaseUrl().isBlank()) {
      throw new IllegalStateException(
          "No base URL configured for "
              + system
              + ": set gxpflow.integration.systems."
              + system.name().toLowerCase()
              + ".base-url");
    }
    return endpoint;
  }

  /** One system's connection. */
  public static class Endpoint {
    /** May use placeholders resolved at call time, e.g. the app's own port for the simulators. */
    private String baseUrl;

    private String apiKey;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(10);

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String getApiKey() {
      return apiKey;
    }

    public void setApiKey(String apiKey) {
      this.apiKey = apiKey;
    }

    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
      return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
    }
  }
}
