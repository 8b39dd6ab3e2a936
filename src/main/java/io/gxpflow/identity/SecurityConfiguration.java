package io.gxpflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Deny by default over HTTP.
 *
 * <ul>
 *   <li>{@code /engine-rest/**}, {@code /api/**}, {@code /actuator/**}: stateless HTTP Basic
 *       against the engine's identity service (people; throttled per client by {@link
 *       LoginThrottle}), an {@code X-Api-Key} (technical clients, {@link ApiClientProperties}), or
 *       (from Tasklist) the webapps' session with their CSRF token; nothing without credentials
 *       (401) except {@code /actuator/health}. Other actuator endpoints are for {@code ops} and
 *       {@code camunda-admin} only. The engine then checks its own authorizations for the user (403
 *       when missing).
 *   <li>{@code /camunda/**}: the Camunda webapps, which run their own session login, CSRF
 *       protection and security headers; Spring Security stays out of their way.
 *   <li>{@code /sim/**}: in the demo profile the simulators, which check their own {@code
 *       X-Api-Key}.
 *   <li>Anything else is refused.
 * </ul>
 */
@Configuration
@EnableConfigurationProperties(ApiClientProperties.class)
public class SecurityConfiguration {

  static final String[] API_PATHS = {"/engine-rest/**", "/api/**", "/actuator/**"};

  /** The Spring profile in which Keycloak is the identity provider (README, Keycloak). */
  public static final String KEYCLOAK_PROFILE = "keycloak";

  private static final String WEBAPPS = "/camunda/app/";

  @Bean
  EngineIdentityAuthenticationProvider engineIdentityAuthenticationProvider(
      IdentityService identityService, LoginThrottle throttle, ApiClientProperties apiClients) {
    return new EngineIdentityAuthenticationProvider(identityService, throttle, apiClients);
  }

  /** A URL the firewall refuses answers with a problem detail too (every path, every client). */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectMapper objectMapper) {
    return new ProblemResponses(objectMapper).rejected();
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      IdentityService identityService,
      ProcessEngine processEngine,
      ObjectMapper objectMapper,
      ApiClientProperties apiClients,
      Environment environment)
      throws Exception {
    ProblemResponses problems = new ProblemResponses(objectMapper);
    boolean keycloak = environment.matchesProfiles(KEYCLOAK_PROFILE);
    AuthenticationEntryPoint unauthorized =
        keycloak ? problems.bearerUnauthorized() : problems.unauthorized();
    // technical clients: X-Api-Key, checked by its own manager (a second AuthenticationProvider
    // bean would take
    // the engine's password provider out of Boot's default manager)
    AuthenticationFilter apiKeys =
        new AuthenticationFilter(
            new ProviderManager(ApiKeyAuthentication.provider(apiClients, identityService)),
            ApiKeyAuthentication.converter());
    apiKeys.setSuccessHandler((request, response, authentication) -> {});
    apiKeys.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems.unauthorized()));
    http.securityMatcher(paths(API_PATHS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(paths("/actuator/health", "/actuator/health/**"))
                    .permitAll()
                    .requestMatchers(paths("/actuator/**"))
                    .hasAnyAuthority(group(GxpGroup.OPS), group(GxpGroup.CAMUNDA_ADMIN))
                    // jobs, their history and incidents are operations' business: participants
                    // read their cases' history for Tasklist, but not the jobs behind them
                    .requestMatchers(
                        paths(
                            "/engine-rest/history/job-log",
                            "/engine-rest/history/job-log/**",
                            "/engine-rest/job-definition",
                            "/engine-rest/job-definition/**",
                            "/engine-rest/incident",
                            "/engine-rest/incident/**",
                            "/engine-rest/history/incident",
                            "/engine-rest/history/incident/**"))
                    .hasAnyAuthority(
                        group(GxpGroup.OPS),
                        group(GxpGroup.PROCESS_OWNERS),
                        group(GxpGroup.CAMUNDA_ADMIN))
                    .requestMatchers(paths("/api/events/**"))
                    .hasAnyAuthority(group(GxpGroup.SYSTEMS), group(GxpGroup.CAMUNDA_ADMIN))
                    .requestMatchers(paths("/api/audit", "/api/audit/**", "/api/signatures"))
                    .hasAnyAuthority(
                        group(GxpGroup.QA),
                        group(GxpGroup.PROCESS_OWNERS),
                        group(GxpGroup.CAMUNDA_ADMIN))
                    // batch release KPIs: the QP answers for every release decision, so reads them
                    // too
                    .requestMatchers(paths("/api/kpi/batches"))
                    .hasAnyAuthority(
                        group(GxpGroup.QA),
                        group(GxpGroup.QP),
                        group(GxpGroup.PROCESS_OWNERS),
                        group(GxpGroup.OPS),
                        group(GxpGroup.CAMUNDA_ADMIN))
                    // MLR review KPIs: as the batch KPIs, and the coordinators who run the
                    // reviews
                    .requestMatchers(paths("/api/kpi/mlr"))
                    .hasAnyAuthority(
                        group(GxpGroup.QA),
                        group(GxpGroup.QP),
                        group(GxpGroup.PROCESS_OWNERS),
                        group(GxpGroup.OPS),
                        group(GxpGroup.MLR_COORDINATORS),
                        group(GxpGroup.CAMUNDA_ADMIN))
                    .requestMatchers(paths("/api/kpi/**"))
                    .hasAnyAuthority(
                        group(GxpGroup.QA),
                        group(GxpGroup.PROCESS_OWNERS),
                        group(GxpGroup.OPS),
                        group(GxpGroup.CAMUNDA_ADMIN))
                    // deviation requests: due date extensions by their owners and QA, cancellations
                    // by anyone who may report
                    .requestMatchers(paths("/api/deviations/*/extension-requests"))
                    .hasAnyAuthority(
                        group(GxpGroup.INVESTIGATORS),
                        group(GxpGroup.QA),
                        group(GxpGroup.CAMUNDA_ADMIN))
                    .requestMatchers(paths("/api/deviations/*/cancellation-requests"))
                    .hasAnyAuthority(
                        group(GxpGroup.PRODUCTION),
                        group(GxpGroup.INVESTIGATORS),
                        group(GxpGroup.QA),
                        group(GxpGroup.CAMUNDA_ADMIN))
                    // a person's own notifications and opt-out; technical clients get none
                    .requestMatchers(paths("/api/notifications", "/api/notifications/**"))
                    .hasAnyAuthority(
                        Arrays.stream(GxpGroup.values())
                            .filter(GxpGroup::isPeople)
                            .map(SecurityConfiguration::group)
                            .toArray(String[]::new))
                    // mlr-review's claims library: read by authors and reviewers, kept by the
                    // coordinators
                    .requestMatchers(paths(HttpMethod.GET, "/api/mlr/claims", "/api/mlr/claims/*"))
                    .hasAnyAuthority(
                        group(GxpGroup.CONTENT_AUTHORS),
                        group(GxpGroup.MLR_COORDINATORS),
                        group(GxpGroup.MLR_MEDICAL),
                        group(GxpGroup.MLR_LEGAL),
                        group(GxpGroup.MLR_REGULATORY),
                        group(GxpGroup.CAMUNDA_ADMIN))
                    .requestMatchers(
                        paths(HttpMethod.POST, "/api/mlr/claims", "/api/mlr/claims/*/withdrawal"))
                    .hasAnyAuthority(group(GxpGroup.MLR_COORDINATORS))
                    // content is submitted by its authors, who are recorded as such
                    .requestMatchers(paths(HttpMethod.POST, "/api/mlr/submissions"))
                    .hasAnyAuthority(group(GxpGroup.CONTENT_AUTHORS))
                    // items, versions and findings: the people of mlr-review, QA and process
                    // owners
                    .requestMatchers(paths(HttpMethod.GET, "/api/mlr/items/**"))
                    .hasAnyAuthority(
                        group(GxpGroup.CONTENT_AUTHORS),
                        group(GxpGroup.MLR_COORDINATORS),
                        group(GxpGroup.MLR_MEDICAL),
                        group(GxpGroup.MLR_LEGAL),
                        group(GxpGroup.MLR_REGULATORY),
                        group(GxpGroup.QA),
                        group(GxpGroup.PROCESS_OWNERS),
                        group(GxpGroup.CAMUNDA_ADMIN))
                    .requestMatchers(paths("/api/sim/**"))
                    .hasAnyAuthority(group(GxpGroup.OPS), group(GxpGroup.CAMUNDA_ADMIN))
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(unauthorized)
                    .accessDeniedHandler(problems.forbidden()))
        // stateless, and never a session login of its own: session-fixation protection would
        // otherwise renew the
        // Tasklist session that a request from the signature plugin rides on, logging the user out
        // of Tasklist
        .sessionManagement(
            session ->
                session
                    .sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                    .sessionFixation(fixation -> fixation.none()))
        // stateless, credentials on every request, no cookies: nothing for a cross-site request to
        // ride on
        .csrf(csrf -> csrf.disable())
        // nothing of the API is framed, except a record page in Tasklist's Record tab
        .headers(
            headers ->
                headers
                    .frameOptions(frame -> frame.disable())
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            WebappSessionAuthenticationFilter::isRecordPage,
                            new XFrameOptionsHeaderWriter(XFrameOptionsMode.SAMEORIGIN)))
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            request -> !WebappSessionAuthenticationFilter.isRecordPage(request),
                            new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY))))
        .addFilterBefore(
            new WebappSessionAuthenticationFilter(identityService, processEngine.getName()),
            BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
    if (keycloak) {
      // people and the MES bridge (client credentials) alike: a bearer token of the realm, its
      // issuer, signature, expiry and audience checked, user and groups from its claims
      // (spring.security.oauth2.resourceserver.jwt.* in application-keycloak.yaml); no Basic
      http.oauth2ResourceServer(
          resourceServer ->
              resourceServer.jwt(Customizer.withDefaults()).authenticationEntryPoint(unauthorized));
    } else {
      http.httpBasic(
              basic ->
                  basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(unauthorized))
          .addFilterBefore(apiKeys, BasicAuthenticationFilter.class);
    }
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(
      HttpSecurity http, LoginThrottle throttle, ObjectMapper objectMapper, Environment environment)
      throws Exception {
    List<String> open =
        new ArrayList<>(List.of("/", "/camunda", "/camunda/**", "/error", "/favicon.ico"));
    // the simulators exist in the demo profile only and check their own X-Api-Key; elsewhere
    // /sim/** is refused
    if (environment.matchesProfiles("demo")) {
      open.add("/sim/**");
    }
    boolean keycloak = environment.matchesProfiles(KEYCLOAK_PROFILE);
    if (keycloak) {
      // the webapps log in through Keycloak's page and nowhere else; their own login form is off
      http.authorizeHttpRequests(
              requests ->
                  requests
                      .requestMatchers(paths("/camunda/api/admin/auth/user/*/login/**"))
                      .denyAll()
                      .requestMatchers(paths("/camunda/app/**", "/camunda/api/**"))
                      .authenticated())
          .oauth2Login(Customizer.withDefaults());
    }
    // the webapps' "Log out" comes here (app/gxp-logout.js): the session ends, Camunda's login with
    // it, and with Keycloak Keycloak's session too; then back to the webapps, which ask for a login
    http.logout(
        logout ->
            logout
                .logoutRequestMatcher(paths("/logout"))
                .logoutSuccessHandler(
                    keycloak
                        ? KeycloakWebappLogin.logout(
                            environment.getRequiredProperty("gxpflow.keycloak.url"),
                            environment.getRequiredProperty("gxpflow.keycloak.realm"))
                        : backToWebapps()));
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(paths(open.toArray(String[]::new)))
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        // the webapps bring their own CSRF filter and security headers (camunda.bpm.webapp.*)
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .requestCache(cache -> cache.disable())
        .addFilterBefore(
            new WebappLoginThrottleFilter(
                throttle, new ProblemResponses(objectMapper).unauthorized()),
            AuthorizationFilter.class)
        .build();
  }

  /** Embedded default: the webapps' own login form. */
  private static LogoutSuccessHandler backToWebapps() {
    SimpleUrlLogoutSuccessHandler logout = new SimpleUrlLogoutSuccessHandler();
    logout.setDefaultTargetUrl(WEBAPPS);
    return logout;
  }

  /**
   * Path patterns on the full request path: {@code /engine-rest} is a Jersey servlet, not Spring
   * MVC, so the MVC-aware default matchers would not see it.
   */
  private static RequestMatcher paths(HttpMethod method, String... patterns) {
    return new OrRequestMatcher(
        Arrays.stream(patterns)
            .<RequestMatcher>map(
                pattern -> PathPatternRequestMatcher.withDefaults().matcher(method, pattern))
            .toList());
  }

  private static RequestMatcher paths(String... patterns) {
    return new OrRequestMatcher(
        Arrays.stream(patterns)
            .<RequestMatcher>map(
                pattern -> PathPatternRequestMatcher.withDefaults().matcher(pattern))
            .toList());
  }

  private static String group(GxpGroup group) {
    return group.authority();
  }
}
