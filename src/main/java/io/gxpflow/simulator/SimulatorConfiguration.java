package io.gxpflow.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The API key check on {@code /sim/*}. Like the whole package only in {@code demo}: without it the
 * security chain does not permit {@code /sim/**} at all (SecurityConfiguration), so nothing there
 * is reachable without the key.
 */
@Configuration
@Profile("demo")
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
