package io.gxpflow.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.integration.SystemCallAudit.Outcome;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Every HTTP call to MES, QMS or CRM goes through here: one {@link RestClient} per system (base URL, API key,
 * timeouts from {@link IntegrationProperties}), the translation of what came back into a result, a
 * {@link BusinessRejection} (the models' BPMN errors) or a {@link SystemUnavailable} (retry, then incident), and
 * one audit record per call with its outcome and duration.
 *
 * <p>Spring's RestClient rather than Camunda Connect: the adapters are typed Java ports that are unit-tested
 * against a stub server, the models only name a delegate, and timeouts, credentials and error mapping live in
 * one place instead of in every model.
 */
public class SystemCalls {

  /** Answers that carry a business decision of the other system, not a technical failure. */
  static final Set<HttpStatus> BUSINESS_STATUSES = Set.of(HttpStatus.NOT_FOUND, HttpStatus.CONFLICT,
      HttpStatus.UNPROCESSABLE_ENTITY);
  static final String API_KEY_HEADER = "X-Api-Key";
  public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

  private final IntegrationProperties properties;
  private final Environment environment;
  private final SystemCallAudit audit;
  private final ObjectMapper json;
  private final Map<ExternalSystem, RestClient> clients = new ConcurrentHashMap<>();

  public SystemCalls(IntegrationProperties properties, Environment environment, SystemCallAudit audit,
      ObjectMapper json) {
    this.properties = properties;
    this.environment = environment;
    this.audit = audit;
    this.json = json;
  }

  /**
   * Makes one call. {@code idempotencyKey} is null for reads; writes put it into the request themselves (header
   * {@value #IDEMPOTENCY_KEY_HEADER}) and pass it here for the audit record.
   */
  public <T> T call(ExternalSystem system, String operation, String idempotencyKey, Function<RestClient, T> request) {
    long started = System.nanoTime();
    try {
      T result = request.apply(client(system));
      audit.called(system, operation, idempotencyKey, Outcome.OK, null, since(started), null);
      return result;
    } catch (RestClientResponseException answered) {
      HttpStatus status = HttpStatus.resolve(answered.getStatusCode().value());
      String code = problemCode(answered);
      if (status != null && BUSINESS_STATUSES.contains(status) && code != null) {
        BusinessRejection rejection = new BusinessRejection(system, operation, code, problemDetail(answered));
        audit.called(system, operation, idempotencyKey, Outcome.REJECTED, status.value(), since(started),
            rejection.getMessage());
        throw rejection;
      }
      throw failed(system, operation, idempotencyKey, started, answered.getStatusCode().value(),
          system + " " + operation + " failed: HTTP " + answered.getStatusCode().value()
              + detailSuffix(problemDetail(answered)), answered);
    } catch (ResourceAccessException unreachable) {
      throw failed(system, operation, idempotencyKey, started, null, system + " " + operation
          + " got no answer (timeout " + endpoint(system).getReadTimeout().toMillis() + " ms or unreachable): "
          + unreachable.getMostSpecificCause().getMessage(), unreachable);
    } catch (RestClientException malformed) {
      throw failed(system, operation, idempotencyKey, started, null, system + " " + operation
          + " answered with a malformed body: " + malformed.getMostSpecificCause().getMessage(), malformed);
    }
  }

  private SystemUnavailable failed(ExternalSystem system, String operation, String idempotencyKey, long started,
      Integer status, String message, Exception cause) {
    audit.called(system, operation, idempotencyKey, Outcome.FAILED, status, since(started), message);
    return new SystemUnavailable(message, cause);
  }

  private RestClient client(ExternalSystem system) {
    return clients.computeIfAbsent(system, this::newClient);
  }

  private RestClient newClient(ExternalSystem system) {
    IntegrationProperties.Endpoint endpoint = endpoint(system);
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(endpoint.getConnectTimeout())
        .build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(endpoint.getReadTimeout());
    RestClient.Builder builder = RestClient.builder()
        .baseUrl(baseUrl(endpoint.getBaseUrl()))
        .requestFactory(requests);
    if (endpoint.getApiKey() != null && !endpoint.getApiKey().isBlank()) {
      builder.defaultHeader(API_KEY_HEADER, endpoint.getApiKey());
    }
    return builder.build();
  }

  /**
   * A base URL that is only a path ({@code /sim/mes}) means this application itself: the simulators of the
   * embedded default. Its port is known only once the server listens, so it is resolved on first use.
   */
  private String baseUrl(String configured) {
    if (!configured.startsWith("/")) {
      return configured;
    }
    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    return "http://localhost:" + port + configured;
  }

  private IntegrationProperties.Endpoint endpoint(ExternalSystem system) {
    return properties.endpoint(system);
  }

  private String problemCode(RestClientResponseException answered) {
    JsonNode body = problem(answered);
    return body != null && body.hasNonNull("code") ? body.get("code").asText() : null;
  }

  private String problemDetail(RestClientResponseException answered) {
    JsonNode body = problem(answered);
    return body != null && body.hasNonNull("detail") ? body.get("detail").asText() : null;
  }

  private JsonNode problem(RestClientResponseException answered) {
    try {
      return json.readTree(answered.getResponseBodyAsString());
    } catch (Exception notJson) {
      return null;
    }
  }

  private static String detailSuffix(String detail) {
    return detail == null ? "" : " (" + detail + ")";
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
