package th.qaflow.notification.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The two notification links that work without a login, each carrying its own secret: the calendar
 * feed (a revocable random token) and the digest's unsubscribe link (an HMAC of the user id).
 * Everything else stays behind the web app's form login.
 */
@Configuration
class NotificationSecurity {
  @Bean
  @Order(0)
  SecurityFilterChain notificationLinks(HttpSecurity http) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    return http.securityMatcher(
            new OrRequestMatcher(
                paths.matcher("/calendar/*.ics"), paths.matcher("/notifications/unsubscribe")))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }
}
