package io.gxpflow.compliance.rest;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;

/**
 * What Tasklist shows when a submitted form is refused. Camunda's task resource wraps every refusal
 * of a form submission as "Cannot submit task form 7c0e…: …", and Tasklist shows that message as
 * is: a task id in front of the sentences written for the user. For the project's own refusals
 * (input that breaks the form, a missing signature) the webapps' engine API answers with the
 * refusal's sentence alone, in the format Tasklist reads ({@code type}, {@code message}). Other
 * client errors keep Camunda's format with the status {@code /engine-rest} gives (a task that is
 * not there is 404, not Camunda's 500) and no Java names in the message. {@code /engine-rest} has
 * its own problem details ({@link EngineRestProblems}).
 */
@Configuration
public class WebappEngineApiRefusals {

  /** The name under which the Camunda Spring Boot starter registers the webapps' engine API. */
  static final String ENGINE_API_SERVLET = "Engine Api";

  static final String PROVIDER_CLASSNAMES = "jersey.config.server.provider.classnames";

  /**
   * Adds the mapper to the engine API's Jersey servlet. From a listener: it runs after every
   * initializer (the starter's included, whose order relative to this one is not defined), so the
   * servlet is registered, and before Jersey starts.
   */
  @Bean
  ServletContextInitializer webappEngineApiRefusalMapper() {
    return servletContext ->
        servletContext.addListener(
            new ServletContextListener() {
              @Override
              public void contextInitialized(ServletContextEvent event) {
                // the initializer's context: a programmatic listener's own may not look up
                // servlets
                ServletRegistration engineApi =
                    servletContext.getServletRegistration(ENGINE_API_SERVLET);
                if (engineApi == null
                    || !engineApi.setInitParameter(
                        PROVIDER_CLASSNAMES, RefusalSentence.class.getName())) {
                  throw new IllegalStateException(
                      "the webapps' engine API servlet '"
                          + ENGINE_API_SERVLET
                          + "' is missing or has providers of its own: Tasklist would show task"
                          + " ids in refusals");
                }
              }
            });
  }

  /** Camunda's webapp format without the wrapper's prefix, for the project's own refusals. */
  @Provider
  @Priority(1) // before Camunda's mapper of the same type, which has the default priority
  public static class RefusalSentence implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      ErrorResponse refusal = refusal(exception);
      if (refusal != null) {
        return answer(
            refusal.getStatusCode().value(),
            String.valueOf(refusal.getBody().getType()),
            refusal.getBody().getDetail());
      }
      // Camunda's answer, but 404 for a task that is not there (Camunda: 500) and no Java names
      HttpStatus status = EngineRestErrors.status(exception);
      if (status.is5xxServerError()) {
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
      }
      return answer(
          status.value(),
          ExceptionHandlerHelper.getInstance().fromException(exception).getType(),
          EngineRestErrors.scrub(exception.getMessage()));
    }

    private static Response answer(int status, String type, String message) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", type);
      body.put("message", message);
      body.put("code", null);
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static ErrorResponse refusal(Throwable exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof ErrorResponse refusal) {
          return refusal;
        }
      }
      return null;
    }
  }
}
