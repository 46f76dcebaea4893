package th.qaflow.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.documents.DocumentReference;
import th.qaflow.documents.DocumentSlot;
import th.qaflow.documents.DocumentVersion;
import th.qaflow.documents.Documents;
import th.qaflow.security.QaUsers;
import th.qaflow.support.ProcessTest;
import th.qaflow.tasklist.TaskWork;

/**
 * Each visit round keeps its own documents: the committee order of round 2 is a new document, not
 * version 2 of round 1's (slots {@code V1.visitOrderFile}, {@code V2.visitOrderFile}). Year 2803.
 */
@ProcessTest
class VisitDocumentsTest {
  static final int YEAR = 2803;

  @Autowired VisitRounds rounds;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TaskWork work;
  @Autowired QaUsers users;
  @Autowired Documents documents;

  @Test
  void eachRoundsCommitteeOrderIsItsOwnDocument() {
    VisitFixture fixture = new VisitFixture(work, tasks, users);
    String school = VisitFixture.school(1);
    String first = visit(school, 1);
    String second = visit(school, 2);
    assertThat(runtime.getVariable(first, DocumentSlot.VAR_SLOT_PREFIX)).isEqualTo("V1.");
    assertThat(runtime.getVariable(second, DocumentSlot.VAR_SLOT_PREFIX)).isEqualTo("V2.");

    for (String visit : new String[] {first, second}) {
      fixture.complete(visit, DistrictVisitProcess.TASK_PLAN_VISIT, "supervisor1", null);
      fixture.complete(visit, DistrictVisitProcess.TASK_APPOINT_COMMITTEE, "supdirector", null);
    }

    DocumentVersion one = stored(first);
    DocumentVersion two = stored(second);
    assertThat(one.slot()).isEqualTo("V1.visitOrderFile");
    assertThat(two.slot()).isEqualTo("V2.visitOrderFile");
    assertThat(one.documentId()).isNotEqualTo(two.documentId());
    assertThat(one.version()).isEqualTo(1);
    assertThat(two.version()).as("not a new version of round 1's order").isEqualTo(1);
    assertThat(documents.versions(one.documentId())).hasSize(1);
    assertThat(documents.latest(DocumentSlot.ofSchool(school, YEAR, "V1.visitOrderFile")))
        .contains(one);
    assertThat(documents.latest(DocumentSlot.ofSchool(school, YEAR, "visitOrderFile"))).isEmpty();
    assertThat(documents.ofSchool(school, YEAR))
        .extracting(DocumentVersion::slot)
        .containsExactly("V1.visitOrderFile", "V2.visitOrderFile");
  }

  private String visit(String school, int roundNo) {
    rounds.launch(
        users.byId("qaofficer"), VisitFixture.DISTRICT, YEAR, roundNo, VisitFixture.CLUSTER_1);
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(DistrictVisitProcess.businessKey(school, YEAR, roundNo))
        .singleResult()
        .getId();
  }

  private DocumentVersion stored(String visit) {
    Object reference = runtime.getVariable(visit, DistrictVisitProcess.VAR_VISIT_ORDER_FILE);
    assertThat(reference).isInstanceOf(Map.class);
    return documents.version(DocumentReference.versionId(reference)).orElseThrow();
  }
}
