package th.qaflow.tasklist;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import th.qaflow.documents.DocumentVersion;
import th.qaflow.forms.FormContext;
import th.qaflow.forms.FormSchema;

/**
 * Everything the task page shows: the task, its form, what happened before, and what the user may
 * do.
 */
public record TaskPage(
    TaskRow task,
    String processInstanceId,
    FormSchema form,
    FormContext context,
    Map<String, Object> variables,
    Map<String, List<String>> raw,
    boolean canWork,
    boolean canClaim,
    boolean canUnclaim,
    boolean canComment,
    List<Submission> history,
    List<CommentView> comments,
    Set<String> relatedTaskKeys,
    SarVersions sar,
    List<DocumentVersion> documents,
    List<TaskPanel> panels) {

  /**
   * An earlier stage's submission.
   *
   * @param related the latest submission of a stage whose data this task builds on (shown open)
   */
  public record Submission(
      String taskKey,
      String taskName,
      String stage,
      String completedBy,
      Date completedAt,
      FormSchema form,
      Map<String, Object> values,
      boolean related) {}

  /**
   * The SAR versions this task is about: the one in the draft, and the one the board approved (if
   * any).
   */
  public record SarVersions(DocumentVersion current, DocumentVersion approved) {
    public boolean any() {
      return current != null || approved != null;
    }
  }

  public record CommentView(String author, Date time, String taskName, String message) {}
}
