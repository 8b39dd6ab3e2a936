package io.gxpflow.integration.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API key check on {@code /sim/*}. Registered in every profile, not only in {@code demo}: the security chain
 * permits {@code /sim/**}, so nothing under it may ever be reachable without the key.
 */
@Configuration
public class SimulatorConfiguration {

  @Bean
  FilterRegistrationBean<SimulatorApiKeyFilter> simulatorApiKeyFilter(
      @Value("${gxpflow.simulators.api-key}") String apiKey, ObjectMapper objectMapper) {
    FilterRegistrationBean<SimulatorApiKeyFilter> registration =
        new FilterRegistrationBean<>(new SimulatorApiKeyFilter(apiKey, objectMapper));
    registration.addUrlPatterns("/sim/*");
    registration.setName("simulatorApiKeyFilter");
    return registration;
  }
}
