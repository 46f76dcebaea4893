package th.qaflow.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import th.qaflow.kernel.DemoLoaded;

/**
 * While the demo district is still being loaded, every page (the login page too) answers 503 with a
 * short Thai and English note that reloads itself, so nobody signs in to a half-loaded demo. The
 * operators' health endpoints under /actuator are answered as usual. Only with the demo enabled.
 */
@Component
@ConditionalOnProperty(name = "qaflow.demo.enabled", havingValue = "true")
class DemoLoadingFilter extends OncePerRequestFilter implements Ordered {
  static final int RETRY_SECONDS = 5;

  static final String PAGE =
      """
      <!DOCTYPE html>
      <html lang="th">
      <head>
      <meta charset="UTF-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="refresh" content="%d">
      <title>กำลังเตรียมข้อมูลสาธิต — QA Flow</title>
      </head>
      <body style="font-family: sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem">
      <main>
      <h1>กำลังเตรียมข้อมูลสาธิต</h1>
      <p>QA Flow กำลังโหลดเขตพื้นที่สาธิต หน้านี้จะโหลดใหม่เองในอีกไม่กี่วินาที</p>
      <p lang="en">Preparing the demo: QA Flow is loading the demo district. This page reloads
      by itself in a few seconds.</p>
      </main>
      </body>
      </html>
      """
          .formatted(RETRY_SECONDS);

  private volatile boolean loaded;

  @EventListener(DemoLoaded.class)
  void demoLoaded() {
    loaded = true;
  }

  boolean loaded() {
    return loaded;
  }

  /** Ahead of every other filter, security included. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return loaded || path.equals("/actuator") || path.startsWith("/actuator/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (loaded) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", String.valueOf(RETRY_SECONDS));
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("text/html;charset=UTF-8");
    byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
