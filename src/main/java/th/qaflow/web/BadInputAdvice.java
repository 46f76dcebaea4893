package th.qaflow.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Bad input answers 400 with a page that says what was wrong, never a 500: a refused field ({@link
 * BadInputException}); the documents module's upload advice uses the same page for a multipart body
 * that cannot be read (no boundary, no closing boundary, a broken part).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class BadInputAdvice {

  @ExceptionHandler(BadInputException.class)
  ModelAndView badInput(BadInputException e) {
    return page(e.messageKey(), e.field());
  }

  /**
   * The page for refused input; also used for unreadable multipart bodies (documents' upload
   * advice).
   */
  public static ModelAndView page(String messageKey, String field) {
    ModelAndView page = new ModelAndView("web/bad-input", HttpStatus.BAD_REQUEST);
    page.addObject("messageKey", messageKey);
    page.addObject("field", field);
    return page;
  }
}
