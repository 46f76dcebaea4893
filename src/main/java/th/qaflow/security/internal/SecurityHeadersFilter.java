package th.qaflow.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser security headers on every answer (pages, public reports, the REST API, error pages):
 *
 * <ul>
 *   <li>Content-Security-Policy: scripts and everything else only from this site (the templates
 *       have no inline script or on* handler; bpmn-js is served from /vendor). Inline styles stay
 *       allowed: bpmn-js writes style attributes into its markup, and the captured-mail preview (an
 *       iframe srcdoc, which inherits the policy) shows mails styled inline as mail clients need.
 *       Cockpit/Admin under /camunda get none from here: Camunda's webapp sets its own policy,
 *       which its Angular apps need.
 *   <li>Referrer-Policy: other sites see at most our origin, never a task's address.
 *   <li>Permissions-Policy: no camera, microphone or location.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SecurityHeadersFilter extends OncePerRequestFilter {
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
          + "frame-ancestors 'self'";
  static final String REFERRER = "strict-origin-when-cross-origin";
  static final String PERMISSIONS = "camera=(), microphone=(), geolocation=()";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/camunda/") && !path.equals("/camunda")) {
      response.setHeader("Content-Security-Policy", CSP);
    }
    response.setHeader("Referrer-Policy", REFERRER);
    response.setHeader("Permissions-Policy", PERMISSIONS);
    chain.doFilter(request, response);
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false; // error pages get the headers too
  }
}
