package th.qaflow.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * Refuses, before any controller runs, a request whose fields hold NUL, ESC or another control character
 * (TAB, LF and CR pass: textareas need them; single-line fields are checked by their own validation) or
 * whose uploaded file name holds any control character. Task forms are left to the form validator, which
 * puts the message next to the field.
 */
class ControlCharacterInterceptor implements HandlerInterceptor {
  static final String FIELD_KEY = "input.error.controlCharacters";
  static final String FILE_NAME_KEY = "input.error.fileName";

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
      if (InputText.badSingleLine(e.getKey())) {
        throw new BadInputException(FIELD_KEY, null);
      }
      for (String value : e.getValue()) {
        if (InputText.badMultiLine(value)) {
          throw new BadInputException(FIELD_KEY, e.getKey());
        }
      }
    }
    MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart != null) {
      for (Map.Entry<String, java.util.List<MultipartFile>> e : multipart.getMultiFileMap().entrySet()) {
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
