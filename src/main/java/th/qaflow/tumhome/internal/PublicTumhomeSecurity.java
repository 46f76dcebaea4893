package th.qaflow.tumhome.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The TUMHOME drive's results are public: no login, read only. A drive not evaluated answers 404
 * from the controller.
 */
@Configuration
class PublicTumhomeSecurity {
  @Bean
  @Order(0)
  SecurityFilterChain publicTumhome(HttpSecurity http) throws Exception {
    return http.securityMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/public/districts/*/tumhome/*"))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .build();
  }
}
