package th.qaflow.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error pages: Thai/English text per status that says what happened and where to go (one
 * template, {@code error.html}). The page's model carries only the status and its message keys:
 * Boot's default model has an {@code error} attribute (the reason phrase), which the layout took
 * for a flash message key and showed as {@code ??Forbidden_th_TH??}. A direct visit to /error is a
 * 404, not a 500. JSON clients get Boot's body.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPages extends BasicErrorController {
  /**
   * Statuses with their own text; other 4xx get "other", other 5xx the 500 text (413: the documents
   * page).
   */
  static final List<Integer> OWN_TEXT = List.of(400, 403, 404, 405, 500);

  ErrorPages(
      ErrorAttributes errorAttributes,
      ServerProperties server,
      ObjectProvider<ErrorViewResolver> resolvers) {
    super(errorAttributes, server.getError(), resolvers.orderedStream().toList());
  }

  @Override
  @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
  public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
    HttpStatus status = getStatus(request);
    response.setStatus(status.value());
    String kind =
        OWN_TEXT.contains(status.value())
            ? String.valueOf(status.value())
            : status.is5xxServerError() ? "500" : "other";
    Map<String, Object> model = Map.of("status", status.value(), "kind", kind);
    // a module's own page first (documents: the "file too large" page of a 413)
    ModelAndView own = resolveErrorView(request, response, status, model);
    return own != null ? own : new ModelAndView("error", model, status);
  }

  /** Without an error being dispatched (someone opened /error), there is nothing here: 404. */
  @Override
  protected HttpStatus getStatus(HttpServletRequest request) {
    if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
      return HttpStatus.NOT_FOUND;
    }
    return super.getStatus(request);
  }
}
