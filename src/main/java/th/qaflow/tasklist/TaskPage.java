package th.qaflow.tasklist;

import java.util.Date;
import java.util.List;
import java.util.Map;
import th.qaflow.forms.FormSchema;

/** Everything the task page shows: the task, its form, what happened before, and what the user may do. */
public record TaskPage(
    TaskRow task,
    String processInstanceId,
    FormSchema form,
    Map<String, String> raw,
    boolean canWork,
    boolean canClaim,
    boolean canUnclaim,
    boolean canComment,
    List<Submission> history,
    List<CommentView> comments) {

  public record Submission(
      String taskName, String stage, String completedBy, Date completedAt, FormSchema form, Map<String, Object> values) {}

  public record CommentView(String author, Date time, String taskName, String message) {}
}
