package th.qaflow.documents;

import java.util.Arrays;
import org.springframework.context.MessageSourceResolvable;

/**
 * Why an upload was refused: a message key of the documents bundle ({@code document.error.*}) and
 * its arguments. It is a {@link MessageSourceResolvable}, so {@code
 * messageSource.getMessage(problem, locale)} or {@code #{${problem.messageKey}(${problem.args})}}
 * gives the text.
 */
public record UploadProblem(String messageKey, Object[] args) implements MessageSourceResolvable {
  public static final String TOO_LARGE = "document.error.tooLarge";
  public static final String EMPTY = "document.error.empty";
  public static final String TYPE = "document.error.type";
  public static final String MISMATCH = "document.error.mismatch";
  public static final String FILENAME = "document.error.filename";

  public UploadProblem {
    args = args == null ? new Object[0] : args.clone();
  }

  @Override
  public String[] getCodes() {
    return new String[] {messageKey};
  }

  @Override
  public Object[] getArguments() {
    return args.clone();
  }

  @Override
  public String getDefaultMessage() {
    return messageKey;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UploadProblem p
        && p.messageKey.equals(messageKey)
        && Arrays.equals(p.args, args);
  }

  @Override
  public int hashCode() {
    return messageKey.hashCode() * 31 + Arrays.hashCode(args);
  }

  @Override
  public String toString() {
    return messageKey + Arrays.toString(args);
  }
}
