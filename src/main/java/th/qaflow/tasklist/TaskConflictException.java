package th.qaflow.tasklist;

/**
 * The task cannot take this action now (claimed by someone else, already completed); a message key
 * says why.
 */
public class TaskConflictException extends RuntimeException {
  private final String messageKey;

  public TaskConflictException(String messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
