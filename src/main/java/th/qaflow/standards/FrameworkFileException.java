package th.qaflow.standards;

/** A framework file that cannot be loaded; the message says which file and what is wrong. */
public class FrameworkFileException extends RuntimeException {
  public FrameworkFileException(String message) {
    super(message);
  }

  public FrameworkFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
