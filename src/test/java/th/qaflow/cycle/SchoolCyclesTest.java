package th.qaflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import th.qaflow.QaFlowTest;
import th.qaflow.cycle.AcceptedSar.StandardLevel;
import th.qaflow.documents.DocumentEvent;
import th.qaflow.documents.DocumentEventKind;
import th.qaflow.documents.DocumentReference;
import th.qaflow.documents.DocumentSlot;
import th.qaflow.documents.DocumentVersion;
import th.qaflow.documents.Documents;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.ProcessDriver;

/**
 * The school cycle's contract with the district, on the real engine and the real forms' variables:
 * a submission publishes {@link SarSubmitted}; the district's answer comes through {@link
 * SchoolCycles#answerSarReview} (the cycle sets its own variables) beside the school's own
 * publication; {@link SchoolCycles#sars} gives the typed advised SAR the synthesis reads. Year
 * 2855.
 */
@QaFlowTest
@RecordApplicationEvents
class SchoolCyclesTest {
  static final String SCHOOL = "1099010003";
  static final int YEAR = 2855;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired CycleService cycles;
  @Autowired SchoolCycles schoolCycles;
  @Autowired Documents documents;
  @Autowired OrganisationImport organisation;
  @Autowired ApplicationEvents events;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    organisation.importDemo();
    ClockUtil.setCurrentTime(
        Date.from(
            LocalDateTime.of(YEAR - 543, 5, 16, 9, 0).atZone(AcademicYears.ZONE).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void submittedPublishedRevisedRepublishedAdvisedAndReadAsATypedSar() {
    String pi = cycles.startSchool(SCHOOL, YEAR, "qaofficer").orElseThrow();
    ProcessInstance cycle =
        runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> standards =
        (List<Map<String, Object>>) runtime.getVariable(pi, "standards");
    List<Map<String, Object>> targets = new ArrayList<>();
    for (Map<String, Object> s : standards) {
      Map<String, Object> row = new LinkedHashMap<>(s);
      row.put("targetLevel", "4");
      targets.add(row);
    }
    complete(
        pi, TASK_SET_STANDARDS, Map.of("standardsFramework", "moe2561", "targets", json(targets)));
    walkTo(pi, TASK_INTERNAL_ASSESSMENT);
    List<Map<String, Object>> assessment = new ArrayList<>();
    for (Map<String, Object> t : targets) {
      Map<String, Object> row = new LinkedHashMap<>(t);
      boolean learners = "BASIC-1".equals(row.get("standardCode"));
      row.put("achievedLevel", learners ? "3" : "5");
      row.put("strengths", "ครูจัดการเรียนรู้เชิงรุก");
      row.put("improvements", learners ? "ทักษะการอ่าน" : "");
      assessment.add(row);
    }
    complete(pi, TASK_INTERNAL_ASSESSMENT, Map.of("assessment", json(assessment)));
    DocumentVersion sar =
        documents.store(new DocumentSlot(SCHOOL, YEAR, "sarFile"), "SAR.pdf", pdf(), "qa3");
    complete(
        pi,
        TASK_DRAFT_SAR,
        Map.of(
            "sarLevels",
            json(assessment),
            "sarFile",
            json(DocumentReference.of(sar)),
            "sarExecutiveSummary",
            "บทสรุปสำหรับผู้บริหาร"));
    walkTo(pi, TASK_SUBMIT_SAR);
    complete(pi, TASK_SUBMIT_SAR, Map.of());

    // the submission is published for the district, with what it needs to review and to answer
    SarSubmitted first = submitted().get(0);
    assertThat(first.schoolCode()).isEqualTo(SCHOOL);
    assertThat(first.districtCode()).isEqualTo("1099");
    assertThat(first.clusterCode()).isEqualTo("1099-C1");
    assertThat(first.academicYear()).isEqualTo(YEAR);
    assertThat(first.schoolName()).isNotBlank();
    assertThat(first.schoolCycleId()).isEqualTo(pi);
    assertThat(first.sarVersionId()).isEqualTo(sar.versionId());
    assertThat(first.submittedAt()).isEqualTo(ClockUtil.getCurrentTime().toInstant());
    // the school publishes on its own calendar while the district reviews: nothing waits
    assertThat(cycle).isWaitingAt(EVENT_SAR_REVIEWED, TASK_PUBLISH_SAR);
    assertThat(schoolCycles.sarSubmitted(SCHOOL, YEAR)).isTrue();
    // what the district's completeness check reads of it
    SubmittedSar check = schoolCycles.submittedSar(pi);
    assertThat(check.submittedVersionId()).isEqualTo(sar.versionId());
    assertThat(check.boardApprovedWhatWasSubmitted()).isTrue();
    assertThat(check.standardsWithoutLevel()).isEmpty();
    assertThat(check.executiveSummary()).isEqualTo("บทสรุปสำหรับผู้บริหาร");
    assertThat(schoolCycles.sars("1099", YEAR))
        .satisfies(
            s -> {
              assertThat(s.cycles()).isEqualTo(1);
              assertThat(s.returned()).isZero();
              assertThat(s.accepted()).isEmpty();
            });
    assertThat(schoolCycles.sarAdvice(SCHOOL, YEAR)).isEmpty();

    // a request to revise, before publication: the cycle keeps its own decision and the advice,
    // and the school still publishes the board-approved version first
    assertThat(schoolCycles.answerSarReview(pi, SarReviewOutcome.REVISE, "ขาดภาคผนวก")).isTrue();
    assertThat(cycle).isWaitingAt(TASK_PUBLISH_SAR);
    assertThat(runtime.getVariable(pi, VAR_SAR_REVIEW_DECISION)).isEqualTo(SAR_REVIEW_REVISE);
    assertThat(runtime.getVariable(pi, VAR_SAR_REVIEW_COMMENTS)).isEqualTo("ขาดภาคผนวก");
    assertThat(schoolCycles.sarAdvice(SCHOOL, YEAR))
        .contains(new SarAdvice(SarReviewOutcome.REVISE, "ขาดภาคผนวก"));
    assertThat(schoolCycles.sars("1099", YEAR).returned()).isEqualTo(1);
    assertThat(schoolCycles.answerSarReview(pi, SarReviewOutcome.ADVICE, "again"))
        .as("no longer waits for an answer")
        .isFalse();
    complete(
        pi,
        TASK_PUBLISH_SAR,
        Map.of("sarPublishedAs", "link", "sarPublicLink", "https://school.example/sar-1"));
    // published and asked to revise: the revision round starts with the redraft
    assertThat(cycle).isWaitingAt(TASK_DRAFT_SAR);

    DocumentVersion revised =
        documents.store(new DocumentSlot(SCHOOL, YEAR, "sarFile"), "SAR-2.pdf", pdf(), "qa3");
    complete(
        pi,
        TASK_DRAFT_SAR,
        Map.of(
            "sarLevels",
            json(assessment),
            "sarFile",
            json(DocumentReference.of(revised)),
            "sarExecutiveSummary",
            "บทสรุปสำหรับผู้บริหาร ฉบับปรับปรุง"));
    walkTo(pi, TASK_SUBMIT_SAR);
    complete(pi, TASK_SUBMIT_SAR, Map.of());
    assertThat(submitted()).hasSize(2);
    assertThat(submitted().get(1).sarVersionId()).isEqualTo(revised.versionId());
    assertThat(runtime.getVariable(pi, VAR_SAR_REVIEW_DECISION)).as("under review again").isNull();
    assertThat(cycle).isWaitingAt(EVENT_SAR_REVIEWED, TASK_PUBLISH_SAR);

    // advice after the republication's task opened; the cycle waits for the republication
    assertThat(schoolCycles.answerSarReview(pi, SarReviewOutcome.ADVICE, "ควรเพิ่มหลักฐาน"))
        .isTrue();
    assertThat(runtime.getVariable(pi, VAR_SAR_REVIEW_DECISION)).isEqualTo(SAR_REVIEW_ADVICE);
    assertThat(runtime.getVariable(pi, VAR_SAR_REVIEW_COMMENTS)).isEqualTo("ควรเพิ่มหลักฐาน");
    assertThat(cycle).isWaitingAt(TASK_PUBLISH_SAR);
    complete(
        pi,
        TASK_PUBLISH_SAR,
        Map.of("sarPublishedAs", "link", "sarPublicLink", "https://school.example/sar"));
    assertThat(schoolCycles.sarAdvice(SCHOOL, YEAR))
        .as("the school still sees the advice once its cycle has ended")
        .contains(new SarAdvice(SarReviewOutcome.ADVICE, "ควรเพิ่มหลักฐาน"));
    // every round's version is kept, each with its board approval and submission
    assertThat(documents.events(sar.documentId()))
        .filteredOn(e -> e.kind() == DocumentEventKind.SUBMITTED)
        .extracting(DocumentEvent::versionId)
        .containsExactly(sar.versionId(), revised.versionId());
    assertThat(cycle).isEnded();
    assertThat(schoolCycles.submittedSar(pi).standardsWithoutLevel())
        .as("an ended cycle holds nothing")
        .containsExactly("-");

    DistrictSars sars = schoolCycles.sars("1099", YEAR);
    assertThat(sars.cycles()).isEqualTo(1);
    assertThat(sars.returned()).isZero();
    AcceptedSar accepted = sars.accepted().get(0);
    assertThat(accepted.schoolCode()).isEqualTo(SCHOOL);
    assertThat(accepted.clusterCode()).isEqualTo("1099-C1");
    assertThat(accepted.publicLink()).isEqualTo("https://school.example/sar");
    assertThat(accepted.publishedFileVersionId()).isNull();
    assertThat(accepted.approvedVersionId()).isEqualTo(revised.versionId());
    assertThat(accepted.levels()).hasSameSizeAs(standards);
    StandardLevel learners =
        accepted.levels().stream()
            .filter(l -> l.standardCode().equals("BASIC-1"))
            .findFirst()
            .orElseThrow();
    assertThat(learners.educationLevel()).isEqualTo("BASIC");
    assertThat(learners.target()).isEqualTo(4);
    assertThat(learners.achieved()).isEqualTo(3);
    assertThat(learners.labelTh()).contains("มาตรฐานที่ 1");
    assertThat(learners.labelEn()).as("from the standards catalogue's rows").contains("standard 1");
    assertThat(accepted.notes())
        .hasSameSizeAs(standards)
        .allSatisfy(n -> assertThat(n.strengths()).isEqualTo("ครูจัดการเรียนรู้เชิงรุก"));
    assertThat(accepted.notes())
        .filteredOn(n -> n.standardCode().equals("BASIC-1"))
        .singleElement()
        .satisfies(n -> assertThat(n.improvements()).isEqualTo("ทักษะการอ่าน"));

    // the school page's levels per year come from the same API, not from the form's keys
    assertThat(schoolCycles.reportedLevels(SCHOOL))
        .filteredOn(r -> r.academicYear() == YEAR)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.levels()).hasSameSizeAs(standards);
              assertThat(r.levels())
                  .filteredOn(l -> l.standardCode().equals("BASIC-1"))
                  .singleElement()
                  .satisfies(
                      l -> {
                        assertThat(l.achievedLevel()).isEqualTo("3");
                        assertThat(l.standardLabel()).contains("มาตรฐานที่ 1");
                      });
            });
  }

  private List<SarSubmitted> submitted() {
    return events.stream(SarSubmitted.class).filter(e -> e.academicYear() == YEAR).toList();
  }

  /**
   * Completes the open tasks (approving where asked) and fires the stage timers until {@code
   * stopAt} is open.
   */
  private void walkTo(String pi, String stopAt) {
    for (int step = 0; step < 30; step++) {
      Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
      if (task == null) {
        Job timer = management.createJobQuery().processInstanceId(pi).timers().list().get(0);
        ClockUtil.setCurrentTime(
            new Date(
                Math.max(timer.getDuedate().getTime(), ClockUtil.getCurrentTime().getTime())
                    + 3_600_000));
        management.executeJob(timer.getId());
        continue;
      }
      if (task.getTaskDefinitionKey().equals(stopAt)) {
        return;
      }
      tasks.setAssignee(task.getId(), "director3"); // the SAR's file events name who acted
      tasks.complete(task.getId(), ProcessDriver.SCHOOL_CYCLE_APPROVALS);
    }
    throw new AssertionError("did not reach " + stopAt);
  }

  private void complete(String pi, String taskKey, Map<String, Object> variables) {
    Task task =
        tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey + " open").isNotNull();
    tasks.setAssignee(task.getId(), "qa3");
    tasks.complete(task.getId(), variables);
  }

  private static Object json(Object value) {
    return Variables.objectValue(value)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }

  static byte[] pdf() {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.addPage(new PDPage());
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
