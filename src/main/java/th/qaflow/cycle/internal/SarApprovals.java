package th.qaflow.cycle.internal;

import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.qaflow.documents.DocumentEventKind;
import th.qaflow.documents.DocumentReference;
import th.qaflow.documents.DocumentVersion;
import th.qaflow.documents.Documents;

/**
 * Ties the board's decision to one exact SAR version. When the board decides, the audit trail of
 * the SAR document gets an APPROVED (or RETURNED) event for the version it saw, re-hashed at that
 * moment, and the process keeps that version's id and hash; the submission then records and carries
 * exactly that version, whatever was uploaded since. All of it happens in the transaction that
 * completes the task.
 */
@Component
class SarApprovals {
  private final Documents documents;

  SarApprovals(Documents documents) {
    this.documents = documents;
  }

  @EventListener(
      condition =
          "#task.eventName == 'complete' and #task.taskDefinitionKey == 'Task_BoardApproveSar'")
  public void boardDecided(DelegateTask task) {
    String versionId = DocumentReference.versionId(task.getVariable(VAR_SAR_FILE));
    if (versionId == null) {
      return; // a cycle whose draft carried no file (older data)
    }
    DocumentVersion version =
        documents
            .version(versionId)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "SAR version "
                            + versionId
                            + " of "
                            + task.getProcessInstanceId()
                            + " is missing"));
    boolean approved = "approve".equals(task.getVariable(VAR_BOARD_DECISION));
    documents.recordEvent(
        versionId,
        approved ? DocumentEventKind.APPROVED : DocumentEventKind.RETURNED,
        task.getAssignee(),
        task.getProcessInstanceId(),
        task.getId());
    if (approved) {
      task.getExecution().setVariable(VAR_SAR_APPROVED_VERSION, version.versionId());
      task.getExecution().setVariable(VAR_SAR_APPROVED_SHA256, version.sha256());
    }
  }

  @EventListener(
      condition = "#task.eventName == 'complete' and #task.taskDefinitionKey == 'Task_SubmitSar'")
  public void submitted(DelegateTask task) {
    if (!(task.getVariable(VAR_SAR_APPROVED_VERSION) instanceof String versionId)) {
      return;
    }
    documents.recordEvent(
        versionId,
        DocumentEventKind.SUBMITTED,
        task.getAssignee(),
        task.getProcessInstanceId(),
        task.getId());
    task.getExecution().setVariable(VAR_SAR_SUBMITTED_VERSION, versionId);
  }
}
