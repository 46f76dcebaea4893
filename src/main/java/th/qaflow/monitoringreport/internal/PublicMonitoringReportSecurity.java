package th.qaflow.monitoringreport.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The published monitoring report is public: no login, read only (GET). Everything else stays
 * behind the web app's form login; an unpublished report answers 404 from the controller.
 */
@Configuration
class PublicMonitoringReportSecurity {
  @Bean
  @Order(0)
  SecurityFilterChain publicMonitoringReport(HttpSecurity http) throws Exception {
    return http.securityMatcher(
            PathPatternRequestMatcher.withDefaults()
                .matcher("/public/districts/*/monitoring-report/**"))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }
}
