package th.qaflow.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Thai by default; {@code ?lang=en} (or th) switches and is remembered in a cookie; other values
 * mean Thai.
 */
@Configuration
class WebConfig implements WebMvcConfigurer {
  @Bean
  LocaleResolver localeResolver() {
    return new ThaiOrEnglishLocaleResolver();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change);
    // task forms put control-character errors next to the field themselves (forms module)
    registry
        .addInterceptor(new ControlCharacterInterceptor("/tasks/*/comments", "/tasks/*/form-state"))
        .excludePathPatterns("/tasks/*/complete");
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/", "/tasks");
  }
}
