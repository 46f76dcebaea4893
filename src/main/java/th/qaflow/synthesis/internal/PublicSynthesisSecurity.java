package th.qaflow.synthesis.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The published synthesis pages are public: no login, read only (GET). Everything else stays behind
 * the web app's form login; unpublished reports answer 404 from the controller.
 */
@Configuration
class PublicSynthesisSecurity {
  @Bean
  @Order(0)
  SecurityFilterChain publicSynthesis(HttpSecurity http) throws Exception {
    return http.securityMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/public/districts/*/synthesis/**"))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }
}
