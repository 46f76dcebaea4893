package th.qaflow.security.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Redirects of the login that never carry the request's Host header: Spring Security builds the
 * login page's address and the page saved before login as absolute URLs from the request (so {@code
 * Host: evil.example} came back as {@code Location: http://evil.example/...}); these keep only the
 * path.
 */
final class RelativeRedirects {
  private RelativeRedirects() {}

  static LoginUrlAuthenticationEntryPoint loginPage(String loginPage) {
    LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint(loginPage);
    entryPoint.setFavorRelativeUris(true);
    return entryPoint;
  }

  /**
   * After login: back to the page asked for before (its path and query only), else {@code
   * defaultTarget}.
   */
  static SimpleUrlAuthenticationSuccessHandler afterLogin(String defaultTarget) {
    return new SavedPathSuccessHandler(defaultTarget);
  }

  private static final class SavedPathSuccessHandler extends SimpleUrlAuthenticationSuccessHandler {
    private final RequestCache cache = new HttpSessionRequestCache();

    SavedPathSuccessHandler(String defaultTarget) {
      super(defaultTarget);
    }

    @Override
    public void onAuthenticationSuccess(
        HttpServletRequest request, HttpServletResponse response, Authentication authentication)
        throws IOException, ServletException {
      SavedRequest saved = cache.getRequest(request, response);
      String path = saved == null ? null : pathOf(saved.getRedirectUrl());
      if (path == null) {
        super.onAuthenticationSuccess(request, response, authentication);
        return;
      }
      cache.removeRequest(request, response);
      clearAuthenticationAttributes(request);
      response.sendRedirect(path); // already includes the context path
    }

    private static String pathOf(String url) {
      try {
        URI uri = URI.create(url);
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
          return null;
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
      } catch (IllegalArgumentException notAUri) {
        return null;
      }
    }
  }
}
