package th.qaflow.demo;

import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.district.DistrictCycles;
import th.qaflow.district.DistrictQaCycleProcess;
import th.qaflow.forms.FormSubmission;
import th.qaflow.forms.UploadedFile;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.DemoLoaded;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.security.QaUsers;
import th.qaflow.standards.StandardsCatalog;
import th.qaflow.tasklist.TaskWork;

/**
 * Loads the demo district once and drives its schools to different stages, through the same task
 * completion (and form validation) people use, so the first look shows a living year: last year
 * done for most schools, one SAR returned by its board, and this year's schools on time, late or
 * stuck.
 */
@Component
@ConditionalOnProperty(name = "qaflow.demo.enabled", havingValue = "true")
class DemoYear {
  private static final Logger log = LoggerFactory.getLogger(DemoYear.class);

  private final OrganisationImport organisationImport;
  private final CycleService cycles;
  private final TaskWork work;
  private final TaskService tasks;
  private final DemoSteps steps;
  private final QaUsers users;
  private final JdbcClient jdbc;
  private final DemoClock engineClock;
  private final ApplicationEventPublisher events;
  private final DemoDistrictYear district;
  private final DemoWrites writes;
  private final DemoPasswords passwords;
  // the loaders of the processes beside the schools' cycles, in the order load() runs them
  private final DemoVisits demoVisits;
  private final DemoMonitoringReport demoMonitoringReport;
  private final DemoExternalAssessment demoExternalAssessment;
  private final DemoDistrictPlan demoPlan;
  private final DemoGoodPractice demoGoodPractice;
  private final DemoAssistance demoAssistance;
  private final DemoSupervision demoSupervision;
  private final DemoCommittee demoCommittee;
  private final DemoNetwork demoNetwork;
  private final DemoSchoolGroups demoSchoolGroups;
  private final DemoTumhome demoTumhome;
  private final DemoHelpdesk demoHelpdesk;
  private final DemoResearch demoResearch;
  private final DemoClassroomQa demoClassroomQa;
  private final DemoTraining demoTraining;

  DemoYear(
      OrganisationImport organisationImport,
      CycleService cycles,
      TaskWork work,
      TaskService tasks,
      DemoSteps steps,
      QaUsers users,
      JdbcClient jdbc,
      DistrictCycles districtCycles,
      DemoClock engineClock,
      ApplicationEventPublisher events,
      DemoVisits demoVisits,
      DemoMonitoringReport demoMonitoringReport,
      DemoExternalAssessment demoExternalAssessment,
      DemoDistrictPlan demoPlan,
      DemoGoodPractice demoGoodPractice,
      DemoAssistance demoAssistance,
      DemoSupervision demoSupervision,
      DemoCommittee demoCommittee,
      DemoNetwork demoNetwork,
      DemoSchoolGroups demoSchoolGroups,
      DemoTumhome demoTumhome,
      DemoHelpdesk demoHelpdesk,
      DemoResearch demoResearch,
      DemoClassroomQa demoClassroomQa,
      DemoTraining demoTraining,
      DemoWrites writes,
      DemoPasswords passwords) {
    this.writes = writes;
    this.passwords = passwords;
    this.organisationImport = organisationImport;
    this.cycles = cycles;
    this.work = work;
    this.tasks = tasks;
    this.steps = steps;
    this.users = users;
    this.jdbc = jdbc;
    this.engineClock = engineClock;
    this.events = events;
    this.district = new DemoDistrictYear(districtCycles, steps, tasks);
    this.demoVisits = demoVisits;
    this.demoMonitoringReport = demoMonitoringReport;
    this.demoExternalAssessment = demoExternalAssessment;
    this.demoPlan = demoPlan;
    this.demoGoodPractice = demoGoodPractice;
    this.demoAssistance = demoAssistance;
    this.demoSupervision = demoSupervision;
    this.demoCommittee = demoCommittee;
    this.demoNetwork = demoNetwork;
    this.demoSchoolGroups = demoSchoolGroups;
    this.demoTumhome = demoTumhome;
    this.demoHelpdesk = demoHelpdesk;
    this.demoResearch = demoResearch;
    this.demoClassroomQa = demoClassroomQa;
    this.demoTraining = demoTraining;
  }

  /** Loads the demo unless it is there already, then tells the app that the demo is ready. */
  @EventListener(ApplicationReadyEvent.class)
  public void loadAndAnnounce() {
    load();
    events.publishEvent(new DemoLoaded());
  }

  void load() {
    if (jdbc.sql("select count(*) from school_cycle").query(Integer.class).single() > 0) {
      return; // the demo is in the database already; a restart keeps its state
    }
    // each step of the demo is done on a plausible date of its year (DemoSteps), not all today
    engineClock.begin();
    int writeDelay = writes.batch();
    try {
      loadYears();
    } finally {
      writes.restore(writeDelay);
      engineClock.end();
    }
  }

  private void loadYears() {
    laps.clear();
    lap = System.nanoTime();
    long began = lap;
    passwords.hashingOnce(organisationImport::importDemo);
    lap("organisation");
    int year = AcademicYears.of(LocalDate.now(AcademicYears.ZONE));
    int lastYear = year - 1;

    // last year: six schools finished (submitted, published, advised by their cluster's
    // supervisor; school 6 was first asked to revise and went through a revision round), school
    // 8's SAR was returned by its board and is being redrafted, school 7's was approved by its
    // board but not submitted
    for (int n : new int[] {1, 2, 3, 4, 5, 6}) {
      String pi =
          steps.startInYear(
              lastYear, () -> cycles.startSchool(school(n), lastYear, "qaofficer").orElseThrow());
      drive(pi, n, lastYear, TASK_SUBMIT_SAR, true, false);
      if (n == 6) {
        // published as approved, then revised: redraft, director, board, resubmit, republish
        district.requestRevision(school(n), lastYear, "supervisor2");
        drive(pi, n, lastYear, TASK_PUBLISH_SAR, true, false);
        drive(pi, n, lastYear, TASK_SUBMIT_SAR, true, false);
      }
      district.adviseOnReview(school(n), lastYear, n <= 4 ? "supervisor1" : "supervisor2");
      drive(pi, n, lastYear, TASK_PUBLISH_SAR, true, false);
    }
    String returned =
        steps.startInYear(
            lastYear, () -> cycles.startSchool(school(8), lastYear, "qaofficer").orElseThrow());
    drive(returned, 8, lastYear, TASK_BOARD_APPROVE_SAR, false, true);
    // school 7 went through its year (its board approved the SAR) but never submitted it: late,
    // chased; its standards task of this year shows these levels, targets and its board's advice
    String unsubmitted =
        steps.startInYear(
            lastYear, () -> cycles.startSchool(school(7), lastYear, "qaofficer").orElseThrow());
    drive(unsubmitted, 7, lastYear, TASK_SUBMIT_SAR, false, false);
    lap("schools last year");
    // last year's visit round covered every school (the district's visit step needs it)
    demoVisits.loadLastYear(lastYear);
    lap("visits last year");
    // and its district-level monitoring report was approved, reported and published
    demoMonitoringReport.load(lastYear);
    lap("monitoring report");
    // the district's last year: past the SAR deadline (schools 7 and 8 chased), waiting for the
    // officer's synthesis
    district.startAndDrive(lastYear, DistrictQaCycleProcess.TASK_SYNTHESISE_SARS);
    lap("district last year");

    // this year: the district's cycle starts every school's cycle once its guidance is published;
    // the officer has its current task, then each school where it really is
    district.startAndDrive(year, DistrictQaCycleProcess.TASK_REPORT_LAST_YEAR);
    drive(instance(1, year), 1, year, TASK_SELF_CHECK_SEMESTER_ONE, true, false);
    drive(instance(2, year), 2, year, TASK_SELF_CHECK_SEMESTER_ONE, true, false);
    drive(instance(8, year), 8, year, TASK_SELF_CHECK_SEMESTER_ONE, true, false);
    drive(instance(3, year), 3, year, TASK_MAKE_PLANS, true, false);
    drive(instance(5, year), 5, year, TASK_MAKE_PLANS, true, false);
    claim(instance(5, year), TASK_SELF_CHECK_SEMESTER_ONE, "qa5");
    drive(instance(4, year), 4, year, TASK_SET_STANDARDS, true, false);
    drive(instance(6, year), 6, year, TASK_ANNOUNCE_STANDARDS, true, false);
    lap("schools this year");
    // school 7 has not started: its first task is already late
    demoVisits.load(year);
    lap("visits");
    demoExternalAssessment.load(year);
    lap("external assessment");
    // the district's development plan: last year evaluated and reported, this year's action
    // plan approved
    demoPlan.load(lastYear);
    lap("district plan");
    // good practice: last year's round done (selected, honoured, published, shared), this
    // year's open with two nominations
    demoGoodPractice.load(lastYear);
    lap("good practice");
    // help for a school below its target in last year's synthesis: plan approved, one visit
    demoAssistance.load(lastYear);
    lap("assistance");
    // the supervision unit's plan of the year, with visit round 1 under its first project
    demoSupervision.load(year);
    lap("supervision");
    // ก.ต.ป.น.: its first meeting of this year held, minutes approved, supervisor1's
    // resolution open
    demoCommittee.load(year);
    lap("committee");
    // the supervision networks of the year: plan approved, seminar held, semester one developed
    demoNetwork.load(year);
    lap("network");
    // school groups: กลุ่มโรงเรียนริมน้ำ keeps its two meetings a semester, เชิงดอย is behind
    demoSchoolGroups.load();
    lap("school groups");
    // TUMHOME 4Q drive of the year: past the directors' meeting, MOUs signed by schools 1, 2, 3, 5
    demoTumhome.load(year);
    lap("tumhome");
    // the help desk: three questions answered (one made an FAQ entry), one overdue
    demoHelpdesk.load(year);
    lap("helpdesk");
    // research: two school projects, a joint one (tools approved), one with its tools sent back
    // once; the district's R2R project (proposal returned once, model revised once, round 2)
    demoResearch.loadSchools(year);
    demoResearch.load(year);
    lap("research");
    // the classroom-level QA pilot: school 2 in its second lesson-study cycle
    demoClassroomQa.load(year);
    lap("classroom QA");
    // training: a SAR workshop held (attendance, evaluations in, report to write), one open
    demoTraining.load(year);
    lap("training");
    log.info(
        "Demo district {} loaded: academic years {} and {}", DemoDistrict.DISTRICT, lastYear, year);
    log.info(
        "Demo loading took {} ms: {}",
        (System.nanoTime() - began) / 1_000_000,
        laps.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(java.util.stream.Collectors.joining(", ")));
  }

  /** Milliseconds of each part of the demo, for the start-up log (docs/benchmarks/startup.md). */
  private final Map<String, Long> laps = new LinkedHashMap<>();

  private long lap;

  private void lap(String name) {
    long now = System.nanoTime();
    laps.merge(name, (now - lap) / 1_000_000, Long::sum);
    lap = now;
  }

  private static String school(int n) {
    return "109901000" + n;
  }

  private String instance(int n, int year) {
    return jdbc.sql(
            "select process_instance_id from school_cycle where school_code = :s and academic_year = :y")
        .param("s", school(n))
        .param("y", year)
        .query(String.class)
        .single();
  }

  /**
   * Completes the school's tasks in order until {@code last}: that one too when {@code
   * includeLast}; otherwise it is left open, or — with {@code boardReturns} — completed as a board
   * return.
   */
  private void drive(
      String processInstanceId,
      int n,
      int year,
      String last,
      boolean includeLast,
      boolean boardReturns) {
    while (true) {
      Task task = steps.next(processInstanceId);
      if (task == null) {
        return;
      }
      String key = task.getTaskDefinitionKey();
      if (key.equals(last) && !includeLast) {
        if (boardReturns) {
          complete(task, n, DemoAnswers.boardReturn(n, year));
        }
        return;
      }
      List<Map<String, Object>> standards = rows(task, StandardsCatalog.VAR_STANDARDS);
      Map<String, List<UploadedFile>> files = Map.of();
      if (key.equals(TASK_DRAFT_SAR) || (key.equals(TASK_PUBLISH_SAR) && n % 2 == 0)) {
        DemoAnswers.DemoFile sar = DemoAnswers.sarFileFor(school(n), year);
        files =
            Map.of(
                key.equals(TASK_DRAFT_SAR) ? SchoolQaCycleProcess.VAR_SAR_FILE : "sarPublishedFile",
                List.of(
                    new UploadedFile(
                        sar.filename(), sar.contentType(), sar.content().length, sar.content())));
      }
      complete(
          task,
          n,
          new FormSubmission(
              DemoAnswers.forTask(key, n, year, standards, optionValues(task)), files));
      if (key.equals(last)) {
        return;
      }
    }
  }

  private void claim(String processInstanceId, String key, String userId) {
    Task task = steps.next(processInstanceId);
    if (task != null && task.getTaskDefinitionKey().equals(key)) {
      work.claim(task.getId(), users.byId(userId));
    }
  }

  private void complete(Task task, int n, Map<String, String[]> params) {
    complete(task, n, FormSubmission.of(params));
  }

  private void complete(Task task, int n, FormSubmission submission) {
    String userId =
        switch (task.getTaskDefinitionKey()) {
          case TASK_BOARD_ENDORSE_STANDARDS, TASK_BOARD_APPROVE_SAR -> "board" + n;
          case TASK_ANNOUNCE_STANDARDS,
              TASK_DIRECTOR_REVIEW_SAR,
              TASK_SUBMIT_SAR,
              TASK_PUBLISH_SAR ->
              "director" + n;
          default -> "qa" + n;
        };
    steps.complete(task, userId, submission);
  }

  /** A list-of-maps variable of the cycle (such as {@code standards}); empty when it is not set. */
  private List<Map<String, Object>> rows(Task task, String variable) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (tasks.getVariable(task.getId(), variable) instanceof List<?> list) {
      for (Object element : list) {
        if (element instanceof Map<?, ?> map) {
          Map<String, Object> row = new LinkedHashMap<>();
          map.forEach((k, v) -> row.put(String.valueOf(k), v));
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** The values of the cycle's {@code standardOptions}, for the plans' checklists. */
  private List<String> optionValues(Task task) {
    return rows(task, StandardsCatalog.VAR_STANDARD_OPTIONS).stream()
        .map(o -> String.valueOf(o.get("value")))
        .toList();
  }
}
