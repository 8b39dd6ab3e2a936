package io.gxpflow.compliance.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.gxpflow.compliance.ProblemType;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.xml.sax.SAXException;

/**
 * What a client of {@code /engine-rest} learns about an error: Camunda's status (sharpened where
 * Camunda says 500 for the client's mistake), a sentence, and never a Java class name — they tell
 * an attacker the stack and a user nothing. 5xx details stay in the log.
 */
final class EngineRestErrors {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);

  /**
   * The engine's "Java serialization format is prohibited" (java-serialization-format-enabled is
   * false).
   */
  private static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

  /**
   * A qualified Java name: java.lang.Integer, org.camunda.bpm.engine.rest.dto.task.TaskDto,
   * a$Nested.
   */
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][\\w$]*");

  /** A simple exception name with what Java puts after it: "ParseException: ". */
  private static final Pattern EXCEPTION_NAME =
      Pattern.compile("\\b[A-Z]\\w*(?:Exception|Error)\\b:?\\s*");

  private static final Map<String, String> VALUE_TYPES =
      Map.of(
          "java.lang.String",
          "text",
          "java.lang.Integer",
          "integer",
          "java.lang.Long",
          "integer",
          "java.lang.Short",
          "integer",
          "java.lang.Double",
          "number",
          "java.lang.Float",
          "number",
          "java.lang.Boolean",
          "boolean",
          "java.util.Date",
          "date");

  ProblemDetail problem(Throwable exception) {
    ErrorResponse source = cause(exception, ErrorResponse.class);
    if (source != null) {
      ProblemDetail problem = source.getBody();
      if (problem.getProperties() == null || !problem.getProperties().containsKey("message")) {
        // Camunda Modeler's deploy dialog shows "message": a refused model's reasons, a refusal's
        // rule
        problem.setProperty("message", problem.getDetail());
      }
      return problem;
    }
    if (cause(exception, OptimisticLockingException.class) != null) {
      return problem(
          HttpStatus.CONFLICT,
          "Someone else changed the same data at the same moment; reload and try " + "again.");
    }
    TaskAlreadyClaimedException claimed = cause(exception, TaskAlreadyClaimedException.class);
    if (claimed != null) {
      return problem(HttpStatus.CONFLICT, scrub(claimed.getMessage()));
    }
    JsonProcessingException json = cause(exception, JsonProcessingException.class);
    if (json != null) {
      return problem(HttpStatus.BAD_REQUEST, json(json));
    }
    if (cause(exception, SAXException.class) != null) {
      // a model with a DOCTYPE (XXE, billion laughs: the engine's parser refuses both) or broken
      // XML
      return problem(HttpStatus.BAD_REQUEST, scrub(exception.getMessage()));
    }
    if (javaSerialization(exception)) {
      return problem(
          HttpStatus.BAD_REQUEST,
          "Java serialization is not accepted for variables; send an Object "
              + "variable as JSON (serializationDataFormat application/json).");
    }
    HttpStatus status = status(exception);
    if (status.is5xxServerError()) {
      LOG.error("/engine-rest answered {}", status.value(), exception);
      return problem(
          status, "The server could not process the request; the error is in the server's log.");
    }
    return problem(status, scrub(exception.getMessage()));
  }

  /**
   * Camunda's status, sharper where Camunda says 500 for the client's mistake: a resource that is
   * not there (the engine's "Cannot find task with id …" is a NullValueException) is 404, another
   * missing value 400, and an engine refusal wrapped by a REST resource keeps its own status.
   */
  static HttpStatus status(Throwable exception) {
    NullValueException missing = cause(exception, NullValueException.class);
    if (cause(exception, NotFoundException.class) != null
        || missing != null && String.valueOf(missing.getMessage()).startsWith("Cannot find")) {
      return HttpStatus.NOT_FOUND;
    }
    if (missing != null) {
      return HttpStatus.BAD_REQUEST;
    }
    ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
    int status = camunda.getStatus(exception).getStatusCode();
    if (status == 500
        && exception instanceof RestException
        && exception.getCause() instanceof ProcessEngineException e) {
      status = camunda.getStatus(e).getStatusCode();
    }
    HttpStatus resolved = HttpStatus.resolve(status);
    return resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved;
  }

  private static String json(JsonProcessingException json) {
    if (json instanceof StreamConstraintsException) {
      return "The request body exceeds a size or nesting limit for JSON.";
    }
    if (json instanceof UnrecognizedPropertyException unknown) {
      return "The request body has a property this endpoint does not know: '"
          + unknown.getPropertyName()
          + "'.";
    }
    if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return "The request body does not fit the expected format at '" + path(mapping) + "'.";
    }
    if (json instanceof JsonParseException && json.getLocation() != null) {
      return "The request body is not valid JSON (line "
          + json.getLocation().getLineNr()
          + ", column "
          + json.getLocation().getColumnNr()
          + ").";
    }
    return "The request body is not valid JSON or does not fit the expected format.";
  }

  private static String path(JsonMappingException mapping) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static boolean javaSerialization(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null
          && cause.getMessage().contains(JAVA_SERIALIZATION_PROHIBITED)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The message without Java names: a known value type becomes its word, any other type "another
   * type".
   */
  static String scrub(String message) {
    if (message == null || message.isBlank()) {
      return "The request was refused.";
    }
    Matcher names = QUALIFIED_NAME.matcher(message);
    StringBuilder text = new StringBuilder();
    while (names.find()) {
      names.appendReplacement(
          text, Matcher.quoteReplacement(VALUE_TYPES.getOrDefault(names.group(), "another type")));
    }
    names.appendTail(text);
    return EXCEPTION_NAME.matcher(text).replaceAll("").trim();
  }

  private static ProblemDetail problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemType.of(status).problem(status, detail);
    // Camunda's clients (Modeler's deploy dialog, the external task client) show "message"
    problem.setProperty("message", detail);
    return problem;
  }

  private static <T> T cause(Throwable exception, Class<T> type) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
