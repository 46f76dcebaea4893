package th.qaflow.security.internal;

import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import th.qaflow.organisation.Groups;

/**
 * Three doors: the engine REST API for operators over HTTP Basic; the Actuator endpoints
 * (/actuator: health, info, metrics) for operators over HTTP Basic or their signed-in session; and
 * the web app with form login. Cockpit, Admin and Tasklist at /camunda are for operators too,
 * signed in by the same QA Flow login (container-based authentication, see SignedInWebappUser);
 * their own login form is refused, and they keep their own CSRF protection.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {
  static final String OPERATOR = "GROUP_" + Groups.CAMUNDA_ADMIN;

  /** Ahead of every security chain: their CSRF filters would parse an anonymous multipart body. */
  @Bean
  FilterRegistrationBean<AnonymousUploadFilter> anonymousUploadFilter(MessageSource messages) {
    FilterRegistrationBean<AnonymousUploadFilter> registration =
        new FilterRegistrationBean<>(new AnonymousUploadFilter(messages));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
    return registration;
  }

  /**
   * Cockpit, Admin and Tasklist take the QA Flow sign-in: after Spring Security (which has let only
   * operators through) and before the webapps' own authentication filter, Camunda's container-based
   * filter puts the signed-in user into the webapps' session.
   */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSignIn() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(
        Map.of("authentication-provider", SignedInWebappUser.class.getName()));
    registration.addUrlPatterns("/camunda/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /**
   * The provider alone, without Boot's global manager as parent: with the parent, a wrong password
   * went through the provider twice (counted twice towards a lock).
   */
  private static AuthenticationManager only(CamundaIdentityAuthenticationProvider provider) {
    ProviderManager manager = new ProviderManager(provider);
    manager.setEraseCredentialsAfterAuthentication(true);
    return manager;
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
      throws Exception {
    // the REST API is its own servlet (Jersey), so match the raw path rather than Spring MVC
    // mappings
    return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
        .authenticationManager(only(provider))
        .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(OPERATOR))
        .httpBasic(b -> b.realmName("QA Flow engine REST"))
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  /**
   * Operators only, like /engine-rest: a scraper (Prometheus) signs in over HTTP Basic without a
   * session, an operator's browser also with the web login's session. Anyone else signed in gets
   * 403, anonymous 401. Only read-only endpoints are exposed (application.yml), so CSRF stays on.
   */
  @Bean
  @Order(2)
  SecurityFilterChain actuator(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
      throws Exception {
    // the whole /actuator tree, so an endpoint that is not exposed is a 404 for operators and
    // refused for the rest
    return http.securityMatcher(
            new OrRequestMatcher(
                EndpointRequest.toAnyEndpoint(),
                PathPatternRequestMatcher.withDefaults().matcher("/actuator/**")))
        .authenticationManager(only(provider))
        .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(OPERATOR))
        .httpBasic(b -> b.realmName("QA Flow operators"))
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain web(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
      throws Exception {
    return http.authenticationManager(only(provider))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login",
                        "/password/forgot",
                        "/password/reset",
                        "/css/**",
                        "/js/**",
                        "/img/**",
                        "/fonts/**",
                        "/favicon.ico",
                        "/error")
                    .permitAll()
                    // the webapps' own login would replace the QA Flow session: one login only
                    .requestMatchers(
                        PathPatternRequestMatcher.withDefaults()
                            .matcher("/camunda/api/admin/auth/user/*/login/**"))
                    .denyAll()
                    .requestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
                    .hasAuthority(OPERATOR)
                    .anyRequest()
                    .authenticated())
        .formLogin(
            f ->
                f.loginPage("/login")
                    .successHandler(RelativeRedirects.afterLogin("/tasks"))
                    .permitAll())
        .exceptionHandling(e -> e.authenticationEntryPoint(RelativeRedirects.loginPage("/login")))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .csrf(
            c ->
                c.ignoringRequestMatchers(
                    PathPatternRequestMatcher.withDefaults().matcher("/camunda/**")))
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }
}
