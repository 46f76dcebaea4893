package th.qaflow.goodpractice.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The published good-practice pages are public like the synthesis beside them: no login, read only.
 * Unpublished rounds answer 404 from the controller.
 */
@Configuration
class PublicGoodPracticeSecurity {
  @Bean
  @Order(0)
  SecurityFilterChain publicGoodPractices(HttpSecurity http) throws Exception {
    return http.securityMatcher(
            PathPatternRequestMatcher.withDefaults()
                .matcher("/public/districts/*/good-practices/**"))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }
}
