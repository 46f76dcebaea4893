package th.qaflow.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.visit.DistrictVisitProcess.*;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.demo.DemoVisitAnswers;
import th.qaflow.security.QaUsers;
import th.qaflow.support.ProcessTest;
import th.qaflow.tasklist.TaskPage;
import th.qaflow.tasklist.TaskWork;

/**
 * Issue 11: a returned visit report comes back to its approver without the earlier decision or
 * comments, while the supervisor's findings are still pre-filled for revision. Year 2616.
 */
@ProcessTest
class VisitNewRoundFormsTest {
  static final int YEAR = 2616;

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TaskWork work;
  @Autowired QaUsers users;
  @Autowired VisitRounds rounds;

  @Test
  void aReturnedReportIsApprovedAfreshWhileTheFindingsStayPrefilled() {
    VisitFixture fixture = new VisitFixture(work, tasks, users);
    String school = VisitFixture.school(1);
    rounds.launch(users.byId("qaofficer"), VisitFixture.DISTRICT, YEAR, 1, VisitFixture.CLUSTER_1);
    ProcessInstance pi =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(PROCESS_ID)
            .processInstanceBusinessKey(businessKey(school, YEAR, 1))
            .singleResult();
    String id = pi.getId();

    fixture.complete(id, TASK_PLAN_VISIT, "supervisor1", null);
    fixture.complete(id, TASK_APPOINT_COMMITTEE, "supdirector", null);
    fixture.complete(id, TASK_PREPARE_EVIDENCE, "qa1", null);
    fixture.complete(id, TASK_RECORD_FINDINGS, "supervisor1", null);
    fixture.complete(id, TASK_APPROVE_REPORT, "supdirector", DECISION_RETURN);

    TaskPage findings = work.open(fixture.open(id).getId(), users.byId("supervisor1"));
    assertThat(findings.task().name()).isNotBlank();
    assertThat(findings.raw())
        .as("the findings are revised, not rewritten")
        .containsEntry("visitSummary", List.of(DemoVisitAnswers.SUMMARY))
        .containsEntry("visitFindings[0].findings", List.of(DemoVisitAnswers.FINDINGS));
    fixture.complete(id, TASK_RECORD_FINDINGS, "supervisor1", null);

    TaskPage approval = work.open(fixture.open(id).getId(), users.byId("supdirector"));
    assertThat(approval.variables()).containsEntry(VAR_REPORT_DECISION, DECISION_RETURN);
    assertThat(approval.raw()).doesNotContainKeys(VAR_REPORT_DECISION, VAR_REPORT_COMMENTS);
  }
}
