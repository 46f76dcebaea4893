package th.qaflow.tasklist.internal;

/** A comment that cannot be stored (empty, too long); the message key says why. */
class InvalidCommentException extends th.qaflow.tasklist.TaskConflictException {
  InvalidCommentException(String messageKey) {
    super(messageKey);
  }
}
