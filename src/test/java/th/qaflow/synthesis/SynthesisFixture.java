package th.qaflow.synthesis;

import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import th.qaflow.cycle.CycleService;
import th.qaflow.district.SarReviewProcess;
import th.qaflow.documents.DocumentReference;
import th.qaflow.documents.DocumentSlot;
import th.qaflow.documents.DocumentVersion;
import th.qaflow.documents.Documents;

/**
 * Drives school cycles through their forms' variables on the real engine, for the synthesis tests.
 * {@link #acceptedSar} is the one place that brings a school to an accepted SAR (public: the help
 * for schools below target starts from such a synthesis).
 */
public final class SynthesisFixture {
  private final CycleService cycles;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final Documents documents;

  public SynthesisFixture(
      CycleService cycles,
      RuntimeService runtime,
      TaskService tasks,
      ManagementService management,
      Documents documents) {
    this.cycles = cycles;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.documents = documents;
  }

  /**
   * What a school wrote: level and target per standard code, and its strength / point to improve
   * texts.
   */
  public record Answers(
      Function<String, Integer> target,
      Function<String, Integer> achieved,
      String strength,
      String improvement,
      boolean publishAsFile) {}

  /**
   * Drives the school's cycle of the year from its start to an accepted SAR: standards, plans, the
   * two self-checks, the internal assessment, the SAR draft (with a real PDF file), director,
   * board, submission, then the district's review (the real SarReview process), then publication.
   *
   * @return the process instance id
   */
  public String acceptedSar(String school, int year, Answers answers) {
    return driveToPublication(school, year, answers, SAR_REVIEW_ADVICE);
  }

  /**
   * As {@link #acceptedSar}, with the district's decision given; a RETURNED SAR stops at the
   * redraft.
   */
  String driveToPublication(String school, int year, Answers answers, String decision) {
    String pi = cycles.startSchool(school, year, "qaofficer").orElseThrow();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> standards =
        (List<Map<String, Object>>) runtime.getVariable(pi, "standards");
    List<Map<String, Object>> targets = new ArrayList<>();
    for (Map<String, Object> s : standards) {
      Map<String, Object> row = new LinkedHashMap<>(s);
      row.put("targetLevel", String.valueOf(answers.target().apply(code(s))));
      row.put("targetDescription", "ผู้เรียนร้อยละ 80 มีผลระดับดีขึ้นไป");
      targets.add(row);
    }
    complete(
        pi, TASK_SET_STANDARDS, Map.of("standardsFramework", "moe2561", "targets", json(targets)));
    complete(pi, TASK_BOARD_ENDORSE_STANDARDS, Map.of("endorsementDecision", "approve"));
    complete(pi, TASK_ANNOUNCE_STANDARDS, Map.of());
    complete(pi, TASK_MAKE_PLANS, Map.of());
    fire(pi);
    complete(pi, TASK_SELF_CHECK_SEMESTER_ONE, Map.of());
    fire(pi);
    complete(pi, TASK_SELF_CHECK_SEMESTER_TWO, Map.of());
    fire(pi);
    List<Map<String, Object>> assessment = new ArrayList<>();
    for (Map<String, Object> t : targets) {
      Map<String, Object> row = new LinkedHashMap<>(t);
      row.put("achievedLevel", String.valueOf(answers.achieved().apply(code(t))));
      row.put("evidence", "ผลการทดสอบระดับชาติและผลการประเมินระดับชั้น");
      row.put("strengths", answers.strength());
      row.put("improvements", answers.improvement());
      assessment.add(row);
    }
    complete(pi, TASK_INTERNAL_ASSESSMENT, Map.of("assessment", json(assessment)));
    DocumentVersion sar =
        documents.store(
            new DocumentSlot(school, year, "sarFile"), "SAR " + school + ".pdf", pdf(), "qa1");
    complete(
        pi,
        TASK_DRAFT_SAR,
        Map.of(
            "sarLevels",
            json(assessment),
            "sarFile",
            Variables.objectValue(DocumentReference.of(sar))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .create(),
            "sarExecutiveSummary",
            "บทสรุปสำหรับผู้บริหาร"));
    complete(pi, TASK_DIRECTOR_REVIEW_SAR, Map.of("directorDecision", "toBoard"));
    complete(pi, TASK_BOARD_APPROVE_SAR, Map.of("boardDecision", "approve"));
    complete(pi, TASK_SUBMIT_SAR, Map.of());
    // the submission opened the district's review (a SarReview instance, by message); its decision
    // reaches the
    // school's cycle as a message that sets sarReviewDecision
    String review =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(SarReviewProcess.PROCESS_ID)
            .processInstanceBusinessKey(school + "-" + year)
            .active()
            .singleResult()
            .getId();
    boolean accepted = SAR_REVIEW_ADVICE.equals(decision);
    complete(
        review,
        SarReviewProcess.TASK_REVIEW_SAR,
        accepted
            ? Map.of(
                SarReviewProcess.VAR_REVIEW_DECISION,
                SarReviewProcess.DECISION_ADVICE,
                SarReviewProcess.VAR_REVIEW_COMMENTS,
                "ข้อเสนอแนะ")
            : Map.of(
                SarReviewProcess.VAR_REVIEW_DECISION,
                SarReviewProcess.DECISION_REVISE,
                SarReviewProcess.VAR_REVIEW_COMMENTS,
                "ภาคผนวกไม่ครบ"));
    if (!decision.equals(runtime.getVariable(pi, VAR_SAR_REVIEW_DECISION))) {
      throw new AssertionError("the review's decision did not reach " + school);
    }
    if (!accepted) {
      return pi; // a revision requested: the school's revision round is not walked here
    }
    Map<String, Object> publish = new LinkedHashMap<>();
    if (answers.publishAsFile()) {
      DocumentVersion published =
          documents.store(
              new DocumentSlot(school, year, "sarPublishedFile"),
              "SAR เผยแพร่ " + school + ".pdf",
              pdf(),
              "dir1");
      publish.put("sarPublishedAs", "file");
      publish.put(
          "sarPublishedFile",
          Variables.objectValue(DocumentReference.of(published))
              .serializationDataFormat(Variables.SerializationDataFormats.JSON)
              .create());
    } else {
      publish.put("sarPublishedAs", "link");
      publish.put("sarPublicLink", "https://www." + school + ".school.example/sar/" + year);
    }
    complete(pi, TASK_PUBLISH_SAR, publish);
    return pi;
  }

  /** Starts a cycle and leaves it at its first task (a school that has not submitted). */
  String started(String school, int year) {
    return cycles.startSchool(school, year, "qaofficer").orElseThrow();
  }

  private static String code(Map<String, Object> row) {
    return String.valueOf(row.get("standardCode"));
  }

  private void complete(String pi, String taskKey, Map<String, Object> variables) {
    Task task =
        tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new AssertionError(pi + " is not waiting at " + taskKey);
    }
    tasks.setAssignee(task.getId(), "synthesis-fixture");
    tasks.complete(task.getId(), variables);
  }

  /** Fires the timer the cycle waits at (a stage opening). */
  private void fire(String pi) {
    Job job = management.createJobQuery().processInstanceId(pi).timers().singleResult();
    management.executeJob(job.getId());
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
