package th.qaflow.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Refuses a multipart request from someone not signed in before anything reads its parameters. The
 * CSRF filter reads {@code _csrf} from the parameters, and for a multipart body that makes Tomcat
 * parse (and buffer to disk) the whole body first: up to 110 MB per request from anyone on the
 * network. Nothing a visitor may do without signing in takes a multipart body (but a small
 * one-click unsubscribe), so this answers 403 at once, flushes the answer and closes the connection
 * instead of reading the rest. It runs ahead of all of Spring Security's chains; the engine REST
 * API (HTTP Basic, no session) is left to its own.
 */
class AnonymousUploadFilter extends OncePerRequestFilter {
  private final MessageSource messages;

  AnonymousUploadFilter(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isMultipart(request) && !signedIn(request) && !smallOneClickUnsubscribe(request)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setHeader(HttpHeaders.CONNECTION, "close");
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      String th =
          messages.getMessage("security.upload.signInFirst", null, Locale.forLanguageTag("th-TH"));
      String en = messages.getMessage("security.upload.signInFirst", null, Locale.ENGLISH);
      response
          .getWriter()
          .write(
              "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>403</title></head><body>"
                  + "<p lang=\"th\">"
                  + HtmlUtils.htmlEscape(th)
                  + "</p><p lang=\"en\">"
                  + HtmlUtils.htmlEscape(en)
                  + "</p><p><a href=\""
                  + request.getContextPath()
                  + "/login\">"
                  + HtmlUtils.htmlEscape(
                      messages.getMessage("login.title", null, Locale.forLanguageTag("th-TH")))
                  + " / Sign in</a></p>"
                  + "</body></html>");
      response.flushBuffer(); // the client sees the answer while it may still be sending its body
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  /**
   * Signed in = the session holds an authenticated security context. This filter runs before Spring
   * Security's chains (so before every CSRF filter), hence it reads the session itself.
   */
  private static boolean signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object context =
        session == null
            ? null
            : session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    Authentication auth = context instanceof SecurityContext c ? c.getAuthentication() : null;
    if (auth == null) {
      // a context already on this thread (MockMvc's test users; empty for real requests at this
      // point)
      auth = SecurityContextHolder.getContext().getAuthentication();
    }
    return auth != null
        && auth.isAuthenticated()
        && !(auth instanceof AnonymousAuthenticationToken);
  }

  /** RFC 8058 one-click unsubscribe may come as a small multipart body from a mail provider. */
  private static boolean smallOneClickUnsubscribe(HttpServletRequest request) {
    long length = request.getContentLengthLong();
    return "/notifications/unsubscribe".equals(request.getServletPath())
        && length >= 0
        && length <= 16 * 1024;
  }
}
