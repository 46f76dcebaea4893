package th.qaflow.supervision.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The published supervision report is public: no login, read only. An unpublished plan answers 404
 * from the controller.
 */
@Configuration
class PublicSupervisionSecurity {
  @Bean
  @Order(0)
  SecurityFilterChain publicSupervision(HttpSecurity http) throws Exception {
    return http.securityMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/public/districts/*/supervision/*"))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .build();
  }
}
