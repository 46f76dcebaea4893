package th.qaflow.forms;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which components a partly filled form hides ({@code conditional.hide}, FEEL), so that a page can
 * hide them while the user types. The server is authoritative: {@link FormValidator} evaluates the
 * same conditions again on submission.
 */
@Component
public class FormConditions {

  private final FormValidator validator;

  public FormConditions() {
    this(new FormValidator());
  }

  public FormConditions(FormValidator validator) {
    this.validator = validator;
  }

  /**
   * The {@code data-path}s of the hidden components: an input's parameter path ({@code
   * rows[1].note}), a list's or path group's path, or, for components without a key or path, the
   * enclosing prefix and the component id ({@code rows[1].Field_warn}).
   */
  public Set<String> hiddenPaths(
      FormSchema schema, Map<String, String[]> params, FormContext context) {
    return validator.hiddenPaths(schema, FormSubmission.of(params), context);
  }
}
