package th.qaflow.forms;

/** A {@code .form} file that cannot be read: malformed JSON or a structure QA Flow cannot use. */
public class FormSchemaException extends RuntimeException {

  public FormSchemaException(String message) {
    super(message);
  }

  public FormSchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
