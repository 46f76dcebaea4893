package th.qaflow.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.district.DistrictCycles;
import th.qaflow.district.DistrictQaCycleProcess;
import th.qaflow.district.SarReviewProcess;
import th.qaflow.documents.DocumentSlot;
import th.qaflow.documents.Documents;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.onesqa.ExternalAssessmentProcess;
import th.qaflow.onesqa.ExternalAssessments;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.organisation.Role;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;

/**
 * Two districts with work in flight, for the scope tests: the demo district 1099 (two clusters) and
 * a second district {@code d} with two schools; each year's school cycles, district cycles, an
 * ONESQA coordination of 1099 where school 5's director declared and cluster 2's supervisor
 * returned it with a comment (through the web, so the task history holds them), SAR reviews and
 * documents. Every text a foreign user must never read is a marker.
 */
final class ScopeFixture {
  static final String DEMO = "1099";
  static final String SCHOOL_1 = "1099010001";
  static final String SCHOOL_5 = "1099010005";
  static final String SCHOOL_5_NAME = "โรงเรียนบ้านเชิงดอย";

  final String d;
  final int year;
  final String d2School;
  final String d2SchoolName;

  /**
   * What school 5 wrote and was told: no one outside school 5, cluster 2 and the district's staff
   * may read it.
   */
  final String school5Note;

  final String school5ReturnComment;
  final String school5TaskComment;
  final String d2Comment;
  final String school1Note;

  String school5Task;
  String school5Cycle;

  /** A saved task filter of the other district's user: no one else may delete it. */
  String foreignFilter;

  /** A good-practice nomination of the other district: no 1099 user may change or withdraw it. */
  long foreignNomination;

  /** A supervision project of the district (issue 14 §1). */
  long foreignSupervisionProject;

  /** A committee of the other district: no 1099 user may read or manage it. */
  long foreignCommittee;

  /** A help-desk question of the other district's school (th.qaflow.helpdesk). */
  long foreignQuestion;

  /**
   * An FAQ entry of the other district (th.qaflow.helpdesk): no 1099 user may edit or remove it.
   */
  long foreignFaq;

  /** A research project of the other district (th.qaflow.research). */
  long foreignResearchProject;

  /**
   * An approved training event of the other district, open to all its schools (th.qaflow.training).
   */
  long foreignTraining;

  String school5Review;
  String school5Readiness;
  String school1Readiness;
  String school5Document;
  String school1Task;
  String school1Cycle;
  String school1Document;
  String district1099Task;
  String d2SchoolTask;
  String d2Cycle;
  String d2Review;
  String d2DistrictTask;
  String d2Document;

  /**
   * The other district's guidance, published to its own schools: no user of district 1099 reads it.
   */
  String d2Guidance;

  final String d2GuidanceName;

  ScopeFixture(String district, int year) {
    this.d = district;
    this.year = year;
    this.d2School = d + "010001";
    this.d2SchoolName = "โรงเรียนต่างเขตลับ" + d;
    this.school5Note = "ครูย้ายกลางปีห้า" + year;
    this.school5ReturnComment = "โรงเรียนยังขาดครูคณิตศาสตร์" + year;
    this.school5TaskComment = "ความเห็นภายในโรงเรียนห้า" + year;
    this.d2Comment = "ความเห็นภายในต่างเขต" + year;
    this.d2GuidanceName = "แนวทางต่างเขตลับ" + d + ".pdf";
    this.school1Note = "พร้อมรับการประเมินหนึ่ง" + year;
  }

  String d2User(String name) {
    return "d" + d + name;
  }

  void importSecondDistrict(OrganisationImport imports) {
    String districts =
        "code,name_th,name_en,kind\n"
            + d
            + ",สำนักงานเขตต่างเขต "
            + d
            + ",Other "
            + d
            + ",PRIMARY\n";
    String schools =
        "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic\n"
            + d2School
            + ",9"
            + d
            + "001,"
            + d2SchoolName
            + ",Other One,"
            + d
            + ","
            + d
            + "-C1,กลุ่มต่างเขต,true,true\n"
            + d
            + "010002,9"
            + d
            + "002,โรงเรียนต่างเขตสอง"
            + d
            + ",Other Two,"
            + d
            + ","
            + d
            + "-C1,กลุ่มต่างเขต,false,true\n";
    String people =
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password\n"
            + person("qa1", Role.SCHOOL_QA, "", d2School, "")
            + person("dir1", Role.SCHOOL_DIRECTOR, d, d2School, "")
            + person("sup", Role.SUPERVISOR, d, "", d + "-C1")
            + person("qaoff", Role.DISTRICT_QA_OFFICER, d, "", "");
    for (var file :
        Map.of(
                ImportKind.DISTRICTS,
                districts,
                ImportKind.SCHOOLS,
                schools,
                ImportKind.PEOPLE,
                people)
            .entrySet()
            .stream()
            .sorted(Map.Entry.comparingByKey())
            .toList()) {
      TestOrganisation.importCsv(imports, file.getKey(), file.getValue());
    }
  }

  private String person(String name, Role role, String district, String school, String clusters) {
    return String.join(
            ",",
            d2User(name),
            "ต่าง",
            "เขต" + name,
            d2User(name) + "@qaflow.example",
            role.name(),
            district,
            school,
            clusters,
            "demo")
        + "\n";
  }

  /**
   * Starts and moves the work; the readiness of schools 1 and 5 goes through the web as their users
   * would.
   */
  void build(
      MockMvc mvc,
      RuntimeService runtime,
      TaskService tasks,
      CycleService cycles,
      DistrictCycles districts,
      ExternalAssessments external,
      Documents documents)
      throws Exception {
    districts.start(DEMO, year, "qaofficer");
    districts.start(d, year, d2User("qaoff"));
    district1099Task = districtTask(tasks, DEMO);
    d2DistrictTask = districtTask(tasks, d);
    school5Cycle = cycle(runtime, cycles, SCHOOL_5);
    school1Cycle = cycle(runtime, cycles, SCHOOL_1);
    school1Task = tasks.createTaskQuery().processInstanceId(school1Cycle).list().get(0).getId();
    d2Cycle = cycle(runtime, cycles, d2School);
    school5Task = tasks.createTaskQuery().processInstanceId(school5Cycle).list().get(0).getId();
    tasks.createComment(school5Task, school5Cycle, school5TaskComment);
    d2SchoolTask = tasks.createTaskQuery().processInstanceId(d2Cycle).list().get(0).getId();
    tasks.createComment(d2SchoolTask, d2Cycle, d2Comment);
    school5Review =
        review(runtime, tasks, SCHOOL_5, SCHOOL_5_NAME, DEMO, DEMO + "-C2", school5Cycle);
    d2Review = review(runtime, tasks, d2School, d2SchoolName, d, d + "-C1", d2Cycle);
    byte[] pdf =
        "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    school5Document =
        documents
            .store(DocumentSlot.ofSchool(SCHOOL_5, year, "evidence"), "หลักฐานห้า.pdf", pdf, "qa5")
            .versionId();
    school1Document =
        documents
            .store(
                DocumentSlot.ofSchool(SCHOOL_1, year, "evidence"), "หลักฐานหนึ่ง.pdf", pdf, "qa1")
            .versionId();
    d2Document =
        documents
            .store(
                DocumentSlot.ofSchool(d2School, year, "evidence"),
                "หลักฐานต่างเขต.pdf",
                pdf,
                d2User("qa1"))
            .versionId();
    d2Guidance =
        documents
            .store(DocumentSlot.ofDistrict(d, year, "guidanceFile"), d2GuidanceName, pdf, "admin")
            .versionId();
    documents.publishToSchools(d2Guidance, "admin", null, null);

    String coordination = external.start(DEMO, year, "qaofficer").processInstanceId();
    Task criteria =
        tasks
            .createTaskQuery()
            .processInstanceId(coordination)
            .taskDefinitionKey(ExternalAssessmentProcess.TASK_PUBLISH_CRITERIA)
            .singleResult();
    tasks.complete(
        criteria.getId(),
        Map.of("criteriaPublishedOn", "2300-05-25", "criteriaReference", "สมศ. " + year));
    school1Readiness =
        readiness(tasks, coordination, ExternalAssessmentProcess.TASK_DECLARE_READINESS, SCHOOL_1);
    complete(
        mvc,
        "director1",
        school1Readiness,
        Map.of("readiness", "support", "readinessNote", school1Note));
    String declare5 =
        readiness(tasks, coordination, ExternalAssessmentProcess.TASK_DECLARE_READINESS, SCHOOL_5);
    complete(
        mvc, "director5", declare5, Map.of("readiness", "notReady", "readinessNote", school5Note));
    String confirm5 =
        readiness(tasks, coordination, ExternalAssessmentProcess.TASK_CONFIRM_READINESS, SCHOOL_5);
    complete(
        mvc,
        "supervisor2",
        confirm5,
        Map.of(
            "readinessDecision",
            "return",
            "confirmedReadiness",
            "notReady",
            "supervisorComment",
            school5ReturnComment));
    school5Readiness =
        readiness(tasks, coordination, ExternalAssessmentProcess.TASK_DECLARE_READINESS, SCHOOL_5);
    school1Readiness =
        readiness(tasks, coordination, ExternalAssessmentProcess.TASK_CONFIRM_READINESS, SCHOOL_1);
  }

  private String districtTask(TaskService tasks, String district) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(DistrictQaCycleProcess.businessKey(district, year))
        .taskDefinitionKey(DistrictQaCycleProcess.TASK_PUBLISH_GUIDANCE)
        .singleResult()
        .getId();
  }

  private String cycle(RuntimeService runtime, CycleService cycles, String school) {
    cycles.startSchool(school, year, "qaofficer");
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(SchoolQaCycleProcess.businessKey(school, year))
        .processDefinitionKey(SchoolQaCycleProcess.PROCESS_ID)
        .singleResult()
        .getId();
  }

  private String review(
      RuntimeService runtime,
      TaskService tasks,
      String school,
      String name,
      String district,
      String cluster,
      String cycleId) {
    String pi =
        runtime
            .createMessageCorrelation("SarSubmitted")
            .processInstanceBusinessKey(school + "-" + year)
            .setVariables(
                Variables.createVariables()
                    .putValue(ProcessVariables.SCHOOL_CODE, school)
                    .putValue(ProcessVariables.SCHOOL_NAME, name)
                    .putValue(ProcessVariables.DISTRICT_CODE, district)
                    .putValue(ProcessVariables.CLUSTER_CODE, cluster)
                    .putValue(ProcessVariables.ACADEMIC_YEAR, year)
                    .putValue(SarReviewProcess.VAR_ROUND, 1)
                    .putValue(SarReviewProcess.VAR_SCHOOL_CYCLE_ID, cycleId))
            .correlateStartMessage()
            .getId();
    return tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
  }

  private static String readiness(
      TaskService tasks, String coordination, String key, String school) {
    return tasks
        .createTaskQuery()
        .processInstanceId(coordination)
        .taskDefinitionKey(key)
        .list()
        .stream()
        .filter(t -> school.equals(tasks.getVariable(t.getId(), "schoolCode")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(key + " of " + school))
        .getId();
  }

  private static void complete(MockMvc mvc, String user, String taskId, Map<String, String> values)
      throws Exception {
    var request =
        post("/tasks/{id}/complete", taskId).session(WebSessions.login(mvc, user)).with(csrf());
    values.forEach(request::param);
    mvc.perform(request).andExpect(status().is3xxRedirection());
  }

  /**
   * Records addressed by their own id (a saved filter, a nomination), written as their modules
   * store them: the matrix fills {id} of those endpoints with them.
   */
  void buildRecordsWithIds(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
    foreignFilter = "scope-matrix-" + d;
    jdbc.sql(
            "insert into task_saved_filter (id, user_id, name, query, saved_at)"
                + " values (?, ?, 'ขอบเขต', 'view=all', ?)")
        .params(foreignFilter, d2User("qa1"), now)
        .update();
    jdbc.sql(
            "insert into good_practice_round (district_code, academic_year, process_instance_id,"
                + " stage, started_at) values (?, ?, 'scope-matrix', 'NOMINATION', ?)")
        .params(d, year, now)
        .update();
    jdbc.sql(
            "insert into good_practice_nomination (district_code, academic_year, school_code,"
                + " source, standard_code, title, practice, evidence_url, nominated_by,"
                + " nominated_at, updated_at) values (?, ?, ?, 'SAR', 'BASIC-1', 'ขอบเขต',"
                + " 'ขอบเขต', 'https://example.org', ?, ?, ?)")
        .params(d, year, d2School, d2User("qa1"), now, now)
        .update();
    foreignNomination =
        jdbc.sql("select max(id) from good_practice_nomination where district_code = ?")
            .param(d)
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into supervision_plan (district_code, fiscal_year, process_instance_id,"
                + " started_at, started_by, approved_at) values (?, ?, 'scope-matrix-sp', ?,"
                + " 'scope', ?)")
        .params(d, year, now, now)
        .update();
    jdbc.sql(
            "insert into supervision_project (plan_id, ord, name, owner_user_id, objective)"
                + " select id, 1, 'ขอบเขต', 'scope', 'ขอบเขต' from supervision_plan"
                + " where process_instance_id = 'scope-matrix-sp'")
        .update();
    foreignSupervisionProject =
        jdbc.sql(
                "select max(p.id) from supervision_project p join supervision_plan s"
                    + " on s.id = p.plan_id where s.district_code = ?")
            .param(d)
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into committee (district_code, kind, name, term_from, term_to, created_at,"
                + " created_by) values (?, 'KTPN', 'ขอบเขต', ?, ?, ?, 'scope-matrix')")
        .params(d, java.sql.Date.valueOf("2018-01-01"), java.sql.Date.valueOf("2021-12-31"), now)
        .update();
    foreignCommittee =
        jdbc.sql("select max(id) from committee where district_code = ?")
            .param(d)
            .query(Long.class)
            .single();
    // the other district's school group committee: no 1099 user may read it or call its meeting
    jdbc.sql(
            "insert into committee (district_code, kind, name, term_from, term_to, created_at,"
                + " created_by, cluster_code) values (?, 'GROUP', 'กลุ่มต่างเขต', ?, ?, ?,"
                + " 'scope-matrix', ?)")
        .params(
            d,
            java.sql.Date.valueOf("2018-01-01"),
            java.sql.Date.valueOf("2021-12-31"),
            now,
            d + "-C1")
        .update();
    // a help-desk question of the other district's school: no 1099 user may read or answer it
    jdbc.sql(
            "insert into helpdesk_question (district_code, school_code, cluster_code, topic, title,"
                + " body, asked_by, asked_at, status) values (?, ?, ?, 'SAR', 'ขอบเขต', 'ขอบเขต',"
                + " ?, ?, 'ANSWERED')")
        .params(d, d2School, d + "-C1", d2User("qa1"), now)
        .update();
    foreignQuestion =
        jdbc.sql("select max(id) from helpdesk_question where district_code = ?")
            .param(d)
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into helpdesk_faq (district_code, question_id, topic, title, answer,"
                + " created_by, created_at) values (?, ?, 'SAR', 'ขอบเขต', 'ขอบเขต', ?, ?)")
        .params(d, foreignQuestion, d2User("qa1"), now)
        .update();
    foreignFaq =
        jdbc.sql("select max(id) from helpdesk_faq where district_code = ?")
            .param(d)
            .query(Long.class)
            .single();
    // a research project of the other district: no 1099 user may open it
    jdbc.sql(
            "insert into research_project (district_code, academic_year, kind, title, started_at,"
                + " started_by) values (?, 2561, 'R2R', 'ขอบเขต', ?, 'scope-matrix')")
        .params(d, now)
        .update();
    foreignResearchProject =
        jdbc.sql("select max(id) from research_project where district_code = ?")
            .param(d)
            .query(Long.class)
            .single();
    // a training event of the other district, open for registration: no 1099 user may see it
    jdbc.sql(
            "insert into training_event (district_code, academic_year, title, topic, starts_at,"
                + " ends_at, place, target_kind, target_roles, capacity, registration_deadline,"
                + " organiser_id, status, created_at) values (?, ?, 'อบรมต่างเขต', 'ขอบเขต', ?, ?,"
                + " 'ต่างเขต', 'ALL', 'SCHOOL_QA,SCHOOL_DIRECTOR,SCHOOL_BOARD', 10, ?, ?,"
                + " 'REGISTRATION', ?)")
        .params(d, year, now, now, now, d2User("qa1"), now)
        .update();
    foreignTraining =
        jdbc.sql("select max(id) from training_event where district_code = ?")
            .param(d)
            .query(Long.class)
            .single();
  }
}
