package io.gxpflow.identity;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Technical clients that authenticate with an API key ({@code X-Api-Key}) instead of a password:
 * the engine user they act as and the SHA-256 (hex) of their key. The key itself is never
 * configured or stored, only its hash. None by default; the demo profile configures {@code
 * mes-bridge} (application-demo.yaml).
 */
@ConfigurationProperties("gxpflow.security")
public record ApiClientProperties(List<ApiClient> apiClients) {

  public ApiClientProperties {
    apiClients = apiClients == null ? List.of() : List.copyOf(apiClients);
  }

  public record ApiClient(String userId, String keySha256) {

    public ApiClient {
      if (userId == null || userId.isBlank()) {
        throw new IllegalArgumentException("gxpflow.security.api-clients[].user-id is required");
      }
      if (keySha256 == null || !keySha256.matches("[0-9a-fA-F]{64}")) {
        throw new IllegalArgumentException(
            "gxpflow.security.api-clients[].key-sha256 of '"
                + userId
                + "' must be the 64 hex digits of the key's SHA-256");
      }
    }

    byte[] keyHash() {
      return HexFormat.of().parseHex(keySha256.toLowerCase(Locale.ROOT));
    }
  }

  boolean isApiClient(String userId) {
    return apiClients.stream().anyMatch(client -> client.userId().equals(userId));
  }
}
