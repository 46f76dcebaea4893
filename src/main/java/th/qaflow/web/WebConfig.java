package th.qaflow.web;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
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

  /**
   * The Thai font the PDFs embed (Laksaman, TLWG; see NOTICE), served as the pages' web font too: a
   * phone or PC without a Thai font would otherwise show boxes instead of Thai letters.
   */
  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/fonts/*.ttf")
        .addResourceLocations("classpath:/fonts/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic());
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/", "/tasks");
  }
}
