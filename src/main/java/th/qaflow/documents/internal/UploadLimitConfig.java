package th.qaflow.documents.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.ModelAndView;

/**
 * Multipart requests announcing more than {@code spring.servlet.multipart.max-file-size} are
 * answered 413 before Spring Security reads the CSRF token from the body: Tomcat would give up
 * parsing such a body, the token would be missing and the user would see "not allowed" instead of
 * "too large". The 413 is rendered, like one from {@link UploadLimitAdvice}, as the documents page
 * {@code too-large}.
 */
@Configuration
class UploadLimitConfig {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> uploadSizeFilter(
      @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
    long limit = maxFileSize.toBytes();
    OncePerRequestFilter filter =
        new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(
              HttpServletRequest request, HttpServletResponse response, FilterChain chain)
              throws ServletException, IOException {
            String type = request.getContentType();
            if (type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                && request.getContentLengthLong() > limit) {
              response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
              return;
            }
            chain.doFilter(request, response);
          }
        };
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(filter);
    registration.setName("qaflowUploadSizeFilter");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    return registration;
  }

  /**
   * The error page of a 413 (from the filter above or from Tomcat): the documents "too large" page.
   */
  @Bean
  ErrorViewResolver tooLargeErrorView(
      @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
    return new TooLargeErrorView(maxFileSize);
  }

  record TooLargeErrorView(DataSize maxFileSize) implements ErrorViewResolver, Ordered {
    @Override
    public ModelAndView resolveErrorView(
        HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
      if (status != HttpStatus.PAYLOAD_TOO_LARGE) {
        return null;
      }
      return new ModelAndView(
          "documents/too-large",
          Map.of("limitMb", maxFileSize.toMegabytes(), "back", UploadLimitAdvice.backLink(request)),
          status);
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }
}
