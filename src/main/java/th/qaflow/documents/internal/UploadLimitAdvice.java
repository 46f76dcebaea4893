package th.qaflow.documents.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import th.qaflow.web.BadInputAdvice;

/**
 * A request larger than Spring's multipart limits (far above the documents limit, so ordinary
 * too-large files get a field error from {@code Documents.check}) gets a page that says so, with a
 * link back to where the user came from, instead of an error with a stack trace.
 */
@ControllerAdvice
class UploadLimitAdvice {
  private final DataSize maxFileSize;

  UploadLimitAdvice(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
    this.maxFileSize = maxFileSize;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ModelAndView tooLarge(HttpServletRequest request) {
    ModelAndView page = new ModelAndView("documents/too-large", HttpStatus.PAYLOAD_TOO_LARGE);
    page.addObject("limitMb", maxFileSize.toMegabytes());
    page.addObject("back", backLink(request));
    return page;
  }

  /**
   * A multipart body Tomcat cannot read (no boundary parameter, no closing boundary, a broken part)
   * is the client's fault: 400 with a message, not a 500. (The more specific handler above keeps
   * too-large ones.)
   */
  @ExceptionHandler(MultipartException.class)
  ModelAndView unreadable() {
    return BadInputAdvice.page("input.error.multipart", null);
  }

  /** The page the upload came from when it is on this site, else the task list. */
  static String backLink(HttpServletRequest request) {
    String referer = request.getHeader(HttpHeaders.REFERER);
    if (referer != null) {
      try {
        URI uri = URI.create(referer);
        boolean sameSite =
            uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
        String path = uri.getRawPath();
        if (sameSite && path != null && path.startsWith("/") && !path.startsWith("//")) {
          String context = request.getContextPath();
          String local = path.startsWith(context) ? path.substring(context.length()) : path;
          return local.isEmpty()
              ? "/tasks"
              : local + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
      } catch (IllegalArgumentException notAUri) {
        // fall through to the task list
      }
    }
    return "/tasks";
  }
}
