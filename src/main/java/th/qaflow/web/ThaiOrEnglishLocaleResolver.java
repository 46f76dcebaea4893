package th.qaflow.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.TimeZone;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.lang.Nullable;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language cookie holds th or en only. Any other {@code ?lang=} (fr, garbage) falls back to
 * Thai and is never stored, and a cookie with another value from an older version reads as Thai:
 * the message bundles, dates and exports exist for these two languages only.
 */
final class ThaiOrEnglishLocaleResolver extends CookieLocaleResolver {

  ThaiOrEnglishLocaleResolver() {
    super("qaflow-lang");
    setDefaultLocale(ThaiDates.THAI);
    setCookieMaxAge(Duration.ofDays(365));
  }

  /** English for any English locale, Thai for everything else. */
  static Locale supported(@Nullable Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : ThaiDates.THAI;
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return supported(super.resolveLocale(request));
  }

  @Override
  public LocaleContext resolveLocaleContext(HttpServletRequest request) {
    // read lazily, like the parent's: ?lang= changes the locale after this context was built
    LocaleContext resolved = super.resolveLocaleContext(request);
    return new TimeZoneAwareLocaleContext() {
      @Override
      public Locale getLocale() {
        return supported(resolved.getLocale());
      }

      @Override
      public TimeZone getTimeZone() {
        return resolved instanceof TimeZoneAwareLocaleContext t ? t.getTimeZone() : null;
      }
    };
  }

  @Override
  public void setLocaleContext(
      HttpServletRequest request,
      @Nullable HttpServletResponse response,
      @Nullable LocaleContext context) {
    super.setLocaleContext(
        request,
        response,
        context == null || context.getLocale() == null
            ? null
            : new SimpleLocaleContext(supported(context.getLocale())));
  }
}
