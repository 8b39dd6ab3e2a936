package io.gxpflow.compliance.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Every error of {@code /engine-rest} as an RFC 9457 problem detail in sentences, like on {@code
 * /api}: compliance refusals with their rule or fields, everything else with Camunda's status and a
 * message free of Java class names ({@link EngineRestErrors}). Camunda registers a mapper per
 * exception type; Jersey picks the one closest to the exception's type and, between equals, the
 * higher priority, so ours are registered for the same types with priority 1. The webapps' own
 * engine API ({@code /camunda/api/engine}) is a separate Jersey application and keeps Camunda's
 * format, which Tasklist and Cockpit read.
 */
@Configuration
public class EngineRestProblems {

  private static final int BEFORE_CAMUNDA = 1;

  @Bean
  ResourceConfigCustomizer complianceProblemMappers(ObjectMapper objectMapper) {
    EngineRestErrors errors = new EngineRestErrors();
    return config -> {
      config.register(new AnyError(objectMapper, errors), BEFORE_CAMUNDA);
      config.register(new EngineError(objectMapper, errors), BEFORE_CAMUNDA);
      config.register(new WrappedError(objectMapper, errors), BEFORE_CAMUNDA);
      config.register(new JsonError(objectMapper, errors), BEFORE_CAMUNDA);
      config.register(new JsonMappingError(objectMapper, errors), BEFORE_CAMUNDA);
      config.register(new JsonParseError(objectMapper, errors), BEFORE_CAMUNDA);
    };
  }

  static Response problem(ObjectMapper objectMapper, ProblemDetail problem) {
    try {
      return Response.status(problem.getStatus())
          .type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
          .entity(objectMapper.writeValueAsString(problem))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One class per exception type, as Jersey reads the mapped type from the class; all answer alike.
   */
  record AnyError(ObjectMapper objectMapper, EngineRestErrors errors)
      implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable exception) {
      return problem(objectMapper, errors.problem(exception));
    }
  }

  record EngineError(ObjectMapper objectMapper, EngineRestErrors errors)
      implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return problem(objectMapper, errors.problem(exception));
    }
  }

  record WrappedError(ObjectMapper objectMapper, EngineRestErrors errors)
      implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return problem(objectMapper, errors.problem(exception));
    }
  }

  record JsonError(ObjectMapper objectMapper, EngineRestErrors errors)
      implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException exception) {
      return problem(objectMapper, errors.problem(exception));
    }
  }

  record JsonMappingError(ObjectMapper objectMapper, EngineRestErrors errors)
      implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException exception) {
      return problem(objectMapper, errors.problem(exception));
    }
  }

  record JsonParseError(ObjectMapper objectMapper, EngineRestErrors errors)
      implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException exception) {
      return problem(objectMapper, errors.problem(exception));
    }
  }
}
