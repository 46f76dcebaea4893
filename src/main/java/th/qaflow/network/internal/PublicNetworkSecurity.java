package th.qaflow.network.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The published network report is public: no login, read only. An unpublished cycle answers 404
 * from the controller.
 */
@Configuration
class PublicNetworkSecurity {
  @Bean
  @Order(0)
  SecurityFilterChain publicNetworks(HttpSecurity http) throws Exception {
    return http.securityMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/public/districts/*/networks/*"))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .build();
  }
}
