package io.gxpflow.compliance.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.compliance.ComplianceRefusal;
import io.gxpflow.compliance.ProblemSource;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Compliance refusals on {@code /engine-rest} as problem details, like on {@code /api}: a client completing a
 * task over Camunda's REST API learns the rule or each invalid field, not just "Bad Request". Other errors keep
 * Camunda's own format.
 */
@Configuration
public class EngineRestProblems {

  @Bean
  ResourceConfigCustomizer complianceProblemMappers(ObjectMapper objectMapper) {
    return config -> {
      config.register(new RefusalMapper(objectMapper));
      config.register(new WrappedProblemMapper(objectMapper));
      config.register(new ListenerProblemMapper(objectMapper));
    };
  }

  static Response problem(ObjectMapper objectMapper, ProblemDetail problem) {
    try {
      return Response.status(problem.getStatus()).type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
          .entity(objectMapper.writeValueAsString(problem)).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Segregation of duties, signature required: rethrown unchanged by Camunda's resources. */
  @Provider
  @Priority(1)
  record RefusalMapper(ObjectMapper objectMapper) implements ExceptionMapper<ComplianceRefusal> {
    @Override
    public Response toResponse(ComplianceRefusal refusal) {
      return problem(objectMapper, refusal.problem());
    }
  }

  /**
   * A refusal thrown by the compliance task listener (a path around the guarded services) reaches the REST layer
   * wrapped in the engine's "exception while invoking the TaskListener": unwrap it; anything else goes to
   * Camunda's own handler unchanged.
   */
  @Provider
  @Priority(1)
  record ListenerProblemMapper(ObjectMapper objectMapper) implements ExceptionMapper<ProcessEngineException> {
    private static final ProcessEngineExceptionHandler CAMUNDA = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof ProblemSource source) {
          return problem(objectMapper, source.problem());
        }
      }
      return CAMUNDA.toResponse(exception);
    }
  }

  /** Invalid task input: Camunda's task resource wraps it in a RestException with status 400. */
  @Provider
  @Priority(1)
  record WrappedProblemMapper(ObjectMapper objectMapper) implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      if (exception.getCause() instanceof ProblemSource source) {
        return problem(objectMapper, source.problem());
      }
      return Response.status(exception.getStatus() == null ? Response.Status.INTERNAL_SERVER_ERROR
              : exception.getStatus()).type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
          .entity(camundaStyle(exception)).build();
    }

    /** The body Camunda's own RestExceptionHandler writes, for every RestException that is not ours. */
    private String camundaStyle(RestException exception) {
      try {
        return objectMapper.writeValueAsString(java.util.Map.of("type", exception.getClass().getSimpleName(),
            "message", String.valueOf(exception.getMessage())));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
