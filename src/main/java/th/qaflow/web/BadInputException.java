package th.qaflow.web;

/**
 * A request refused before it changed anything: {@code messageKey} says why, {@code field} names
 * the field.
 */
public class BadInputException extends RuntimeException {
  private final String messageKey;
  private final String field;

  public BadInputException(String messageKey, String field) {
    super(messageKey + (field == null ? "" : " (" + field + ")"));
    this.messageKey = messageKey;
    this.field = field;
  }

  public String messageKey() {
    return messageKey;
  }

  public String field() {
    return field;
  }
}
