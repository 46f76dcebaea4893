package th.qaflow.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import th.qaflow.kernel.InputText;
import th.qaflow.kernel.MultiLineFields;

/**
 * Refuses, before any controller runs, a request whose fields hold NUL, ESC or another control
 * character, or whose uploaded file name holds any. Fields are single lines (no CR, LF or TAB
 * either) except the fields a controller method names in {@link MultiLineFields} (its textareas)
 * and on the few paths whose fields may all be multi-line (comments; the task form's live check of
 * what is typed). Task form submissions are left to the form validator, which puts the message next
 * to the field.
 */
class ControlCharacterInterceptor implements HandlerInterceptor {
  static final String FIELD_KEY = "input.error.controlCharacters";
  static final String FILE_NAME_KEY = "input.error.fileName";
  private static final PathPatternParser PARSER = new PathPatternParser();

  private final List<PathPattern> multiLinePaths;

  ControlCharacterInterceptor(String... multiLinePaths) {
    this.multiLinePaths = Arrays.stream(multiLinePaths).map(PARSER::parse).toList();
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    PathContainer path =
        PathContainer.parsePath(
            request.getRequestURI().substring(request.getContextPath().length()));
    boolean wholePath = multiLinePaths.stream().anyMatch(p -> p.matches(path));
    MultiLineFields textareas =
        handler instanceof HandlerMethod method
            ? method.getMethodAnnotation(MultiLineFields.class)
            : null;
    Set<String> multiLineFields = textareas == null ? Set.of() : Set.of(textareas.value());
    for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
      if (InputText.badSingleLine(e.getKey())) {
        throw new BadInputException(FIELD_KEY, null);
      }
      boolean multiLine = wholePath || multiLineFields.contains(e.getKey());
      for (String value : e.getValue()) {
        if (multiLine ? InputText.badMultiLine(value) : InputText.badSingleLine(value)) {
          throw new BadInputException(FIELD_KEY, e.getKey());
        }
      }
    }
    MultipartHttpServletRequest multipart =
        WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart != null) {
      for (Map.Entry<String, java.util.List<MultipartFile>> e :
          multipart.getMultiFileMap().entrySet()) {
        for (MultipartFile file : e.getValue()) {
          if (InputText.badSingleLine(file.getOriginalFilename())) {
            throw new BadInputException(FILE_NAME_KEY, e.getKey());
          }
        }
      }
    }
    return true;
  }
}
