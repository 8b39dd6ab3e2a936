package io.gxpflow.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.IndependentAudit;
import io.gxpflow.compliance.audit.AuditEventTypes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The HTTP clients of MES, QMS and CRM, audited through the compliance layer. */
@Configuration
@EnableConfigurationProperties(IntegrationProperties.class)
public class IntegrationConfiguration {

  @Bean
  SystemCalls systemCalls(
      IntegrationProperties properties,
      Environment environment,
      SystemCallAudit audit,
      ObjectMapper objectMapper) {
    return new SystemCalls(properties, environment, audit, objectMapper);
  }

  /**
   * A call happened whatever becomes of the job's transaction afterwards (a write may have reached
   * the system even if the job then fails): the SYSTEM_CALL event is written once that transaction
   * has ended.
   */
  @Bean
  SystemCallAudit systemCallAudit(IndependentAudit audit) {
    return (system, operation, idempotencyKey, outcome, httpStatus, duration, message) -> {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("system", system.name());
      details.put("operation", operation);
      details.put("idempotencyKey", idempotencyKey);
      details.put("outcome", outcome.name());
      details.put("httpStatus", httpStatus);
      details.put("durationMs", duration.toMillis());
      details.put("message", message);
      audit.record(EngineContext.currentExecutionEvent(AuditEventTypes.SYSTEM_CALL, details));
    };
  }
}
