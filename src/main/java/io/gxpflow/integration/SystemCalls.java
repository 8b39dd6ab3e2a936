package io.gxpflow.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.integration.SystemCallAudit.Outcome;
import io.gxpflow.integration.contract.SystemHeaders;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Every HTTP call to MES, QMS or CRM goes through here: one {@link RestClient} per system (base
 * URL, API key, timeouts from {@link IntegrationProperties}) with the system's HTTP interface on
 * it, the translation of what came back into a result, a {@link BusinessRejection} (the models'
 * BPMN errors) or a {@link SystemUnavailable} (retry, then incident), and one audit record per call
 * with its outcome and duration.
 *
 * <p>Translation and audit wrap the whole call rather than sit in an interceptor or status handler:
 * only around the call are the operation known and a malformed body seen (it breaks when the answer
 * is read, after both).
 *
 * <p>Spring's RestClient rather than Camunda Connect: the adapters are typed Java ports that are
 * unit-tested against a stub server, the models only name a delegate, and timeouts, credentials and
 * error mapping live in one place instead of in every model.
 */
public class SystemCalls {

  /** Answers that carry a business decision of the other system, not a technical failure. */
  static final Set<HttpStatus> BUSINESS_STATUSES =
      Set.of(HttpStatus.NOT_FOUND, HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_ENTITY);

  /**
   * For callers that build a request themselves with {@link #call(ExternalSystem, String, String,
   * Function)}.
   */
  public static final String IDEMPOTENCY_KEY_HEADER = SystemHeaders.IDEMPOTENCY_KEY;

  private final IntegrationProperties properties;
  private final Environment environment;
  private final SystemCallAudit audit;
  private final ObjectMapper json;
  private final Map<ExternalSystem, RestClient> clients = new ConcurrentHashMap<>();
  private final Map<Class<?>, Object> httpInterfaces = new ConcurrentHashMap<>();

  public SystemCalls(
      IntegrationProperties properties,
      Environment environment,
      SystemCallAudit audit,
      ObjectMapper json) {
    this.properties = properties;
    this.environment = environment;
    this.audit = audit;
    this.json = json;
  }

  /**
   * A system's HTTP interface ({@code @HttpExchange}) for its port's client. The proxy is made on
   * the first call, when the base URL can be resolved (see {@link #baseUrl}).
   */
  public <A> SystemApi<A> api(ExternalSystem system, Class<A> httpInterface) {
    return new SystemApi<>(this, system, httpInterface);
  }

  /**
   * Makes one call with the system's RestClient, for requests not on an HTTP interface. {@code
   * idempotencyKey} is null for reads; writes put it into the request themselves (header {@value
   * #IDEMPOTENCY_KEY_HEADER}) and pass it here for the audit record.
   */
  public <T> T call(
      ExternalSystem system,
      String operation,
      String idempotencyKey,
      Function<RestClient, T> request) {
    return audited(system, operation, idempotencyKey, () -> request.apply(client(system)));
  }

  /** One call on the system's HTTP interface; see {@link SystemApi}. */
  <A, T> T call(
      ExternalSystem system,
      Class<A> httpInterface,
      String operation,
      String idempotencyKey,
      Function<A, T> request) {
    return audited(
        system,
        operation,
        idempotencyKey,
        () -> request.apply(httpInterface(system, httpInterface)));
  }

  private <T> T audited(
      ExternalSystem system, String operation, String idempotencyKey, Supplier<T> request) {
    long started = System.nanoTime();
    try {
      T result = request.get();
      audit.called(system, operation, idempotencyKey, Outcome.OK, null, since(started), null);
      return result;
    } catch (RestClientResponseException answered) {
      HttpStatus status = HttpStatus.resolve(answered.getStatusCode().value());
      String code = problemCode(answered);
      if (status != null && BUSINESS_STATUSES.contains(status) && code != null) {
        BusinessRejection rejection =
            new BusinessRejection(system, operation, code, problemDetail(answered));
        audit.called(
            system,
            operation,
            idempotencyKey,
            Outcome.REJECTED,
            status.value(),
            since(started),
            rejection.getMessage());
        throw rejection;
      }
      throw failed(
          system,
          operation,
          idempotencyKey,
          started,
          answered.getStatusCode().value(),
          system
              + " "
              + operation
              + " failed: HTTP "
              + answered.getStatusCode().value()
              + detailSuffix(problemDetail(answered)),
          answered);
    } catch (ResourceAccessException unreachable) {
      throw failed(
          system,
          operation,
          idempotencyKey,
          started,
          null,
          system
              + " "
              + operation
              + " got no answer (timeout "
              + endpoint(system).getReadTimeout().toMillis()
              + " ms or unreachable): "
              + unreachable.getMostSpecificCause().getMessage(),
          unreachable);
    } catch (RestClientException malformed) {
      throw failed(
          system,
          operation,
          idempotencyKey,
          started,
          null,
          system
              + " "
              + operation
              + " answered with a malformed body: "
              + malformed.getMostSpecificCause().getMessage(),
          malformed);
    }
  }

  private SystemUnavailable failed(
      ExternalSystem system,
      String operation,
      String idempotencyKey,
      long started,
      Integer status,
      String message,
      Exception cause) {
    audit.called(
        system, operation, idempotencyKey, Outcome.FAILED, status, since(started), message);
    return new SystemUnavailable(message, cause);
  }

  private <A> A httpInterface(ExternalSystem system, Class<A> type) {
    return type.cast(
        httpInterfaces.computeIfAbsent(
            type,
            missing ->
                HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client(system)))
                    .build()
                    .createClient(type)));
  }

  private RestClient client(ExternalSystem system) {
    return clients.computeIfAbsent(system, this::newClient);
  }

  private RestClient newClient(ExternalSystem system) {
    IntegrationProperties.Endpoint endpoint = endpoint(system);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(endpoint.getConnectTimeout())
            .build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(endpoint.getReadTimeout());
    RestClient.Builder builder =
        RestClient.builder().baseUrl(baseUrl(endpoint.getBaseUrl())).requestFactory(requests);
    if (endpoint.getApiKey() != null && !endpoint.getApiKey().isBlank()) {
      builder.defaultHeader(SystemHeaders.API_KEY, endpoint.getApiKey());
    }
    return builder.build();
  }

  /**
   * A base URL that is only a path ({@code /sim/mes}) means this application itself: the simulators
   * of the embedded default. Its port is known only once the server listens, so it is resolved on
   * first use.
   */
  private String baseUrl(String configured) {
    if (!configured.startsWith("/")) {
      return configured;
    }
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
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
