package th.qaflow.documents;

/**
 * An upload that {@link Documents#store} refused; nothing was stored. Show {@link #problem()} to
 * the user.
 */
public class InvalidUploadException extends RuntimeException {
  private final UploadProblem problem;

  public InvalidUploadException(UploadProblem problem) {
    super("Upload refused: " + problem);
    this.problem = problem;
  }

  public UploadProblem problem() {
    return problem;
  }
}
