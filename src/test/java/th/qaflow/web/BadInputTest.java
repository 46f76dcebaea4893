package th.qaflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import th.qaflow.QaFlowTest;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.kernel.MultiLineFields;
import th.qaflow.organisation.ImportReport;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.Endpoints;
import th.qaflow.support.WebSessions;

/**
 * Bad input over every form and upload field. The POST endpoints come from Spring's handler
 * mappings, so a new endpoint fails this test until it is described in {@link #endpoints()}. Each
 * is used by someone allowed to use it, with its ordinary parameters, and one field at a time
 * spoiled: NUL, ESC, CR/LF (in single-line fields), a 100,000-character value, an uploaded file
 * named with a NUL, an unknown language. Every answer is a 4xx with a message, the form again with
 * its error (200), or a redirect carrying an error, never a 5xx, and neither the engine nor QA
 * Flow's tables change. Malformed multipart bodies need a real Tomcat: {@link
 * BadMultipartHttpTest}.
 */
@QaFlowTest
class BadInputTest {
  private static final Logger log = LoggerFactory.getLogger(BadInputTest.class);
  static final String DISTRICT = "1099";
  static final String SCHOOL = "1099010007";

  /** A year of its own in the shared database. */
  static final int YEAR = 2597;

  static final String LONG = "ก".repeat(100_000);

  @Autowired MockMvc mvc;
  @Autowired DataSource dataSource;
  @Autowired TaskService tasks;
  @Autowired CycleService cycles;
  @Autowired OrganisationImport organisation;
  @Autowired th.qaflow.helpdesk.Helpdesk helpdesk;
  @Autowired th.qaflow.training.Trainings trainings;

  @Autowired
  @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  Task task;
  long question;
  long faqEntry;
  long training;
  final Map<String, MockHttpSession> sessions = new HashMap<>();

  /**
   * How to use one endpoint: who, the path with its variables filled in, the ordinary parameters,
   * which of them are fields to spoil (multi-line ones may hold CR/LF), and whether it only reads
   * (any non-5xx will do, as long as nothing changes).
   */
  record Endpoint(
      String user,
      String path,
      Map<String, String> params,
      List<String> fields,
      Set<String> multiLine,
      boolean readOnly) {}

  @BeforeEach
  void setUp() throws Exception {
    organisation.importDemo();
    if (tasks
            .createTaskQuery()
            .processInstanceBusinessKey(SchoolQaCycleProcess.businessKey(SCHOOL, YEAR))
            .count()
        == 0) {
      cycles.startSchool(SCHOOL, YEAR, "qaofficer").orElseThrow();
    }
    task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(SchoolQaCycleProcess.businessKey(SCHOOL, YEAR))
            .singleResult();
    if (task.getAssignee() == null) {
      tasks.claim(task.getId(), "qa7");
    }
    // a help-desk question of the school waiting for its cluster's supervisors
    question =
        helpdesk.ofSchool(SCHOOL).stream()
            .filter(q -> q.status() == th.qaflow.helpdesk.Helpdesk.Status.OPEN)
            .map(th.qaflow.helpdesk.Helpdesk.Question::id)
            .findFirst()
            .orElseGet(
                () ->
                    helpdesk.ask(
                        "qa7", th.qaflow.helpdesk.Helpdesk.Topic.SAR, "คำถามทดสอบ", "รายละเอียด"));
    // an entry of the district's FAQ, from another question of the school
    faqEntry =
        helpdesk.faq(DISTRICT, "").stream()
            .findFirst()
            .map(th.qaflow.helpdesk.Helpdesk.Faq::id)
            .orElseGet(
                () ->
                    helpdesk.toFaq(
                        helpdesk.ask(
                            "qa7",
                            th.qaflow.helpdesk.Helpdesk.Topic.SAR,
                            "คำถาม FAQ",
                            "รายละเอียด"),
                        "qaofficer",
                        "หัวข้อ",
                        "คำตอบ"));
    // a training event of the district waiting for the supervision director's approval
    java.time.Instant day = java.time.Instant.now().plus(java.time.Duration.ofDays(30));
    training =
        trainings.ofDistrict(DISTRICT).stream()
            .findFirst()
            .map(th.qaflow.training.Trainings.Event::id)
            .orElseGet(
                () ->
                    trainings.plan(
                        "qaofficer",
                        new th.qaflow.training.Trainings.Plan(
                            "อบรมทดสอบ",
                            "หัวข้อ",
                            day,
                            day.plus(java.time.Duration.ofHours(3)),
                            "ห้องประชุม",
                            null,
                            th.qaflow.training.Trainings.TargetKind.ALL,
                            List.of(),
                            List.of(th.qaflow.organisation.Role.SCHOOL_QA),
                            10,
                            day.minus(java.time.Duration.ofDays(3)))));
  }

  Map<String, Endpoint> endpoints() {
    String t = task.getId();
    String y = String.valueOf(YEAR);
    Map<String, Endpoint> e = new LinkedHashMap<>();
    // year only leads back to the dashboard: the controller reads the task's own year
    e.put(
        "/monitoring/tasks/{taskId}/remind",
        new Endpoint(
            "qaofficer",
            "/monitoring/tasks/" + t + "/remind",
            Map.of("year", y),
            List.of(),
            Set.of(),
            false));
    e.put(
        "/monitoring/rebuild",
        new Endpoint("admin", "/monitoring/rebuild", Map.of(), List.of(), Set.of(), false));
    e.put(
        "/notification/settings",
        new Endpoint(
            "qaofficer",
            "/notification/settings",
            Map.of(
                "district",
                DISTRICT,
                "reminderDays",
                "3",
                "directorAfterDays",
                "1",
                "supervisorAfterDays",
                "7"),
            List.of("district", "reminderDays", "directorAfterDays", "supervisorAfterDays"),
            Set.of(),
            false));
    e.put(
        "/admin/mails/{id}/retry",
        new Endpoint(
            "admin", "/admin/mails/987654321/retry", Map.of(), List.of(), Set.of(), false));
    e.put(
        "/me/notifications",
        new Endpoint(
            "qa7",
            "/me/notifications",
            Map.of("mode", "DIGEST"),
            List.of("mode"),
            Set.of(),
            false));
    e.put(
        "/me/notifications/calendar",
        new Endpoint("qa7", "/me/notifications/calendar", Map.of(), List.of(), Set.of(), false));
    e.put(
        "/me/notifications/calendar/revoke",
        new Endpoint(
            "qa7", "/me/notifications/calendar/revoke", Map.of(), List.of(), Set.of(), false));
    // an unknown account: the page answers as for any; a long value is refused
    e.put(
        "/password/forgot",
        new Endpoint(
            "qa7",
            "/password/forgot",
            Map.of("login", "nobody-by-this-name"),
            List.of("login"),
            Set.of(),
            false));
    e.put(
        "/password/reset",
        new Endpoint(
            "qa7",
            "/password/reset",
            Map.of(
                "token", "no-such-token", "password", "ใหม่เอี่ยม2569", "repeat", "ใหม่เอี่ยม2569"),
            List.of("token", "password", "repeat"),
            Set.of(),
            false));
    // the two new passwords differ, so no probe changes qa7's password; the current one is right,
    // so no probe counts as a wrong sign-in
    e.put(
        "/me/password",
        new Endpoint(
            "qa7",
            "/me/password",
            Map.of("current", "demo", "password", "ใหม่เอี่ยม2569", "repeat", "ไม่ตรงกัน2569"),
            List.of("password", "repeat"),
            Set.of(),
            false));
    e.put(
        "/notifications/unsubscribe",
        new Endpoint(
            "qa7",
            "/notifications/unsubscribe",
            Map.of("user", "qa7", "sig", "0000"),
            List.of("user", "sig"),
            Set.of(),
            false));
    e.put(
        "/visits/launch",
        new Endpoint(
            "qaofficer",
            "/visits/launch",
            Map.of("district", DISTRICT, "year", y, "round", "1", "scope", "1099-C2"),
            List.of("district", "year", "round", "scope"),
            Set.of(),
            false));
    e.put(
        "/admin/organisation/import",
        new Endpoint(
            "qaofficer",
            "/admin/organisation/import",
            Map.of("kind", "PEOPLE"),
            List.of("kind"),
            Set.of(),
            false));
    e.put(
        "/district/start",
        new Endpoint(
            "qaofficer",
            "/district/start",
            Map.of("district", DISTRICT, "year", y),
            List.of("district", "year"),
            Set.of(),
            false));
    e.put(
        "/district/plan/start",
        new Endpoint(
            "qaofficer",
            "/district/plan/start",
            Map.of("district", DISTRICT, "year", y),
            List.of("district", "year"),
            Set.of(),
            false));
    e.put(
        "/supervision/start",
        new Endpoint(
            "supdirector",
            "/supervision/start",
            Map.of("district", DISTRICT, "year", y),
            List.of("district", "year"),
            Set.of(),
            false));
    e.put(
        "/supervision/satisfaction",
        new Endpoint(
            "director1",
            "/supervision/satisfaction",
            Map.of("year", y, "rating", "4", "comment", "ดี"),
            List.of("year", "rating", "comment"),
            Set.of("comment"),
            false));
    e.put(
        "/tumhome/start",
        new Endpoint(
            "qaofficer",
            "/tumhome/start",
            Map.of("district", DISTRICT, "year", y),
            List.of("district", "year"),
            Set.of(),
            false));
    e.put(
        "/classroom-qa/start",
        new Endpoint(
            "qaofficer",
            "/classroom-qa/start",
            Map.of("district", DISTRICT, "year", y),
            List.of("district", "year"),
            Set.of(),
            false));
    // no drive that year: every probe is refused, nothing is signed
    e.put(
        "/tumhome/mou/sign",
        new Endpoint(
            "director1",
            "/tumhome/mou/sign",
            Map.of("district", DISTRICT, "year", y, "school", "1099010001"),
            List.of("district", "year", "school"),
            Set.of(),
            false));
    // no drive that year: every probe is refused, no visit launched, no level stored
    e.put(
        "/tumhome/mentoring/launch",
        new Endpoint(
            "qaofficer",
            "/tumhome/mentoring/launch",
            Map.of("district", DISTRICT, "year", y, "round", "1"),
            List.of("district", "year", "round"),
            Set.of(),
            false));
    e.put(
        "/tumhome/results",
        new Endpoint(
            "qaofficer",
            "/tumhome/results",
            Map.of("district", DISTRICT, "year", y, "level.1099010001.Q1", "5"),
            List.of("district", "year", "level.1099010001.Q1"),
            Set.of(),
            false));
    e.put(
        "/networks/start",
        new Endpoint(
            "qaofficer",
            "/networks/start",
            Map.of("district", DISTRICT, "year", y),
            List.of("district", "year"),
            Set.of(),
            false));
    // a school not below target that year: every probe is refused, nothing starts
    e.put(
        "/district/assistance/start",
        new Endpoint(
            "qaofficer",
            "/district/assistance/start",
            Map.of("district", DISTRICT, "year", y, "school", "1099010008"),
            List.of("district", "year", "school"),
            Set.of(),
            false));
    e.put(
        "/goodpractice/start",
        new Endpoint(
            "qaofficer",
            "/goodpractice/start",
            Map.of("district", DISTRICT, "year", y),
            List.of("district", "year"),
            Set.of(),
            false));
    e.put(
        "/goodpractice/nominations",
        new Endpoint(
            "qa7",
            "/goodpractice/nominations",
            Map.of(
                "district",
                DISTRICT,
                "year",
                y,
                "school",
                SCHOOL,
                "standard",
                "BASIC-1",
                "title",
                "ชื่อวิธีปฏิบัติ",
                "practice",
                "วิธีปฏิบัติ"),
            List.of("district", "year", "school", "standard", "title", "practice"),
            Set.of("practice"),
            false));
    e.put(
        "/goodpractice/nominations/{id}",
        new Endpoint(
            "qa7",
            "/goodpractice/nominations/987654321",
            Map.of("standard", "BASIC-1", "title", "ชื่อ", "practice", "วิธีปฏิบัติ"),
            List.of("standard", "title", "practice"),
            Set.of("practice"),
            false));
    e.put(
        "/goodpractice/nominations/{id}/withdraw",
        new Endpoint(
            "qa7",
            "/goodpractice/nominations/987654321/withdraw",
            Map.of(),
            List.of(),
            Set.of(),
            false));
    // ก.ต.ป.น. (issue 14 §3): a new committee, and the actions on one that does not exist
    e.put(
        "/committees",
        new Endpoint(
            "qaofficer",
            "/committees",
            Map.of(
                "district", DISTRICT,
                "kind", "SUB",
                "name", "อนุกรรมการ",
                "termFrom", "2026-01-01",
                "termTo", "2027-12-31",
                "meetingsPerYear", "4"),
            List.of("district", "kind", "name", "termFrom", "termTo", "meetingsPerYear"),
            Set.of(),
            false));
    e.put(
        "/committees/{id}/members",
        new Endpoint(
            "qaofficer",
            "/committees/987654321/members",
            Map.of("user", "supervisor1", "role", "MEMBER"),
            List.of("user", "role"),
            Set.of(),
            false));
    e.put(
        "/committees/{id}/members/remove",
        new Endpoint(
            "qaofficer",
            "/committees/987654321/members/remove",
            Map.of("user", "supervisor1"),
            List.of("user"),
            Set.of(),
            false));
    e.put(
        "/committees/{id}/meetings",
        new Endpoint(
            "qaofficer",
            "/committees/987654321/meetings",
            Map.of("year", y),
            List.of("year"),
            Set.of(),
            false));
    e.put(
        "/committees/{id}/year",
        new Endpoint(
            "qaofficer",
            "/committees/987654321/year",
            Map.of("year", y),
            List.of("year"),
            Set.of(),
            false));
    // school groups (issue 14 §4): the actions on a group that does not exist
    for (String action : List.of("committee", "meetings", "year")) {
      e.put(
          "/groups/{code}/" + action,
          new Endpoint(
              "qaofficer", "/groups/1099-C99/" + action, Map.of(), List.of(), Set.of(), false));
    }
    e.put(
        "/supervision/projects/{id}/group",
        new Endpoint(
            "qaofficer",
            "/supervision/projects/987654321/group",
            Map.of("cluster", "1099-C1"),
            List.of("cluster"),
            Set.of(),
            false));
    e.put(
        "/groups/{code}/officers",
        new Endpoint(
            "qaofficer",
            "/groups/1099-C99/officers",
            Map.of("chair", "director1", "viceChair", "director2"),
            List.of("chair", "viceChair"),
            Set.of(),
            false));
    e.put(
        "/district/monitoring-report/start",
        new Endpoint(
            "qaofficer",
            "/district/monitoring-report/start",
            Map.of("district", DISTRICT, "year", y),
            List.of("district", "year"),
            Set.of(),
            false));
    e.put(
        "/district/review-period",
        new Endpoint(
            "qaofficer",
            "/district/review-period",
            Map.of("district", DISTRICT, "workingDays", "12"),
            List.of("district", "workingDays"),
            Set.of(),
            false));
    e.put(
        "/district/reviews/{taskId}/assign",
        new Endpoint(
            "qaofficer",
            "/district/reviews/" + t + "/assign",
            Map.of("supervisor", "supervisor2", "district", DISTRICT, "year", y),
            List.of("supervisor", "district", "year"),
            Set.of(),
            false));
    e.put(
        "/tasks/{taskId}/claim",
        new Endpoint("qa7", "/tasks/" + t + "/claim", Map.of(), List.of(), Set.of(), false));
    e.put(
        "/tasks/claim",
        new Endpoint(
            "qa7",
            "/tasks/claim",
            Map.of("ids", "no-such-task", "back", "year=" + y),
            List.of("ids", "back"),
            Set.of(),
            false));
    e.put(
        "/tasks/filters",
        new Endpoint(
            "qa7",
            "/tasks/filters",
            Map.of("filterName", "ตัวกรอง", "q", "มาตรฐาน", "year", y),
            List.of("filterName", "q", "year", "school", "stage"),
            Set.of(),
            false));
    e.put(
        "/tasks/filters/{id}/delete",
        new Endpoint(
            "qa7", "/tasks/filters/no-such-filter/delete", Map.of(), List.of(), Set.of(), false));
    e.put(
        "/tasks/{taskId}/follow-up",
        new Endpoint(
            "qa7",
            "/tasks/" + t + "/follow-up",
            Map.of("followUp", "2569-13-40"),
            List.of("followUp"),
            Set.of(),
            false));
    e.put(
        "/tasks/{taskId}/unclaim",
        new Endpoint("qa7", "/tasks/" + t + "/unclaim", Map.of(), List.of(), Set.of(), false));
    e.put(
        "/tasks/{taskId}/complete",
        new Endpoint(
            "qa7",
            "/tasks/" + t + "/complete",
            Map.of("standardsFramework", "moe2561", "standardsTargetNote", "หมายเหตุ"),
            List.of("standardsFramework", "standardsTargetNote"),
            Set.of("standardsTargetNote"),
            false));
    e.put(
        "/tasks/{taskId}/form-state",
        new Endpoint(
            "qa7",
            "/tasks/" + t + "/form-state",
            Map.of("standardsFramework", "moe2561", "standardsTargetNote", "หมายเหตุ"),
            List.of("standardsFramework", "standardsTargetNote"),
            Set.of("standardsTargetNote"),
            true));
    e.put(
        "/tasks/{taskId}/comments",
        new Endpoint(
            "qa7",
            "/tasks/" + t + "/comments",
            Map.of("text", "ความเห็น"),
            List.of("text"),
            Set.of("text"),
            false));
    e.put(
        "/cycles/start",
        new Endpoint(
            "qaofficer",
            "/cycles/start",
            Map.of("district", DISTRICT, "year", y),
            List.of("district", "year"),
            Set.of(),
            false));
    e.put(
        "/external/start",
        new Endpoint(
            "qaofficer",
            "/external/start",
            Map.of("district", DISTRICT, "year", y),
            List.of("district", "year"),
            Set.of(),
            false));
    e.put(
        "/external/issues",
        new Endpoint(
            "qaofficer",
            "/external/issues",
            Map.of(
                "district", DISTRICT, "year", y, "stakeholder", "PARENTS", "issue", "ความปลอดภัย"),
            List.of("district", "year", "stakeholder", "standardCode", "issue"),
            Set.of("issue"),
            false));
    e.put(
        "/external/baseline",
        new Endpoint(
            "qaofficer",
            "/external/baseline",
            Map.of("district", DISTRICT, "year", y),
            List.of("district", "year"),
            Set.of(),
            false));
    e.put(
        "/external/issues/{id}/delete",
        new Endpoint(
            "qaofficer",
            "/external/issues/no-such-issue/delete",
            Map.of("district", DISTRICT, "year", y),
            List.of("district", "year"),
            Set.of(),
            false));
    e.put(
        "/calendar",
        new Endpoint(
            "qaofficer",
            "/calendar",
            Map.of("district", DISTRICT, "year", y),
            List.of("district", "year"),
            Set.of(),
            false));
    e.put(
        "/calendar/reset",
        new Endpoint(
            "qaofficer",
            "/calendar/reset",
            Map.of("district", DISTRICT, "year", y),
            List.of("district", "year"),
            Set.of(),
            false));
    // the help desk (issue 15 §3a): ask, answer, reply, make an FAQ entry, search the FAQ
    String qp = "/helpdesk/questions/" + question;
    e.put(
        "/helpdesk/questions",
        new Endpoint(
            "qa7",
            "/helpdesk/questions",
            Map.of("school", SCHOOL, "topic", "SAR", "title", "หัวข้อ", "body", "คำถาม"),
            List.of("school", "topic", "title", "body"),
            Set.of("body"),
            false));
    e.put(
        "/helpdesk/questions/{id}/answer",
        new Endpoint(
            "supervisor2",
            qp + "/answer",
            Map.of("text", "คำตอบ"),
            List.of("text"),
            Set.of("text"),
            false));
    e.put(
        "/helpdesk/questions/{id}/reply",
        new Endpoint(
            "qa7",
            qp + "/reply",
            Map.of("solved", "no", "followUp", "ยังสงสัย"),
            List.of("solved", "followUp"),
            Set.of("followUp"),
            false));
    e.put(
        "/helpdesk/questions/{id}/faq",
        new Endpoint(
            "qaofficer",
            qp + "/faq",
            Map.of("title", "หัวข้อ", "answer", "คำตอบ"),
            List.of("title", "answer"),
            Set.of("answer"),
            false));
    // research (issue 15 §1): a district project, the data request, a school's register entry
    e.put(
        "/research/start",
        new Endpoint(
            "qaofficer",
            "/research/start",
            Map.of(
                "district", DISTRICT, "year", y, "kind", "R2R", "title", "การศึกษาผลการส่งเสริม"),
            List.of("district", "year", "kind", "title"),
            Set.of(),
            false));
    e.put(
        "/research/data",
        new Endpoint(
            "qaofficer",
            "/research/data",
            Map.of(
                "district",
                DISTRICT,
                "requester",
                "นักวิจัย",
                "organisation",
                "มหาวิทยาลัย",
                "purpose",
                "ศึกษาแนวโน้มระดับคุณภาพของสถานศึกษา"),
            List.of("district", "requester", "organisation", "purpose"),
            Set.of("purpose"),
            false));
    e.put(
        "/research/schools/register",
        new Endpoint(
            "qa7",
            "/research/schools/register",
            Map.of(
                "school",
                SCHOOL,
                "year",
                y,
                "title",
                "การพัฒนาการอ่าน",
                "question",
                "คำถามวิจัย",
                "researchers",
                "ครูผู้วิจัย"),
            List.of("school", "year", "title", "question", "researchers"),
            Set.of("question"),
            false));
    e.put(
        "/helpdesk/faq/{id}",
        new Endpoint(
            "qaofficer",
            "/helpdesk/faq/" + faqEntry,
            Map.of("topic", "SAR", "title", "หัวข้อ", "answer", "คำตอบ"),
            List.of("topic", "title", "answer"),
            Set.of("answer"),
            false));
    e.put(
        "/helpdesk/faq/{id}/remove",
        new Endpoint(
            "qaofficer",
            "/helpdesk/faq/" + faqEntry + "/remove",
            Map.of("confirm", "yes"),
            List.of("confirm"),
            Set.of(),
            false));
    // training events (issue 15 §3b): plan, decide, revise, register, attendance, evaluation,
    // report
    String tp = "/training/" + training;
    e.put(
        "/training",
        new Endpoint("qaofficer", "/training", PLAN_PARAMS, PLAN_FIELDS, Set.of("topic"), false));
    e.put(
        "/training/{id}/decision",
        new Endpoint(
            "supdirector",
            tp + "/decision",
            Map.of("decision", "no", "comment", "แก้ไข"),
            List.of("decision", "comment"),
            Set.of("comment"),
            false));
    e.put(
        "/training/{id}/revise",
        new Endpoint(
            "qaofficer", tp + "/revise", PLAN_PARAMS, PLAN_FIELDS, Set.of("topic"), false));
    for (String step : List.of("register", "cancel")) {
      e.put(
          "/training/{id}/" + step,
          new Endpoint("qa7", tp + "/" + step, Map.of(), List.of(), Set.of(), false));
    }
    for (String step : List.of("close-registration", "close-evaluation")) {
      e.put(
          "/training/{id}/" + step,
          new Endpoint("qaofficer", tp + "/" + step, Map.of(), List.of(), Set.of(), false));
    }
    e.put(
        "/training/{id}/attendance",
        new Endpoint(
            "qaofficer",
            tp + "/attendance",
            Map.of("attended", "1", "finish", "yes"),
            List.of("attended", "finish"),
            Set.of(),
            false));
    e.put(
        "/training/{id}/walkins",
        new Endpoint(
            "qaofficer",
            tp + "/walkins",
            Map.of("school", SCHOOL, "name", "ครูมาเอง"),
            List.of("school", "name"),
            Set.of(),
            false));
    e.put(
        "/training/{id}/evaluation",
        new Endpoint(
            "qa7",
            tp + "/evaluation",
            Map.of(
                "content",
                "5",
                "speaker",
                "5",
                "usefulness",
                "5",
                "organisation",
                "5",
                "comment",
                "ดี"),
            List.of("content", "speaker", "usefulness", "organisation", "comment"),
            Set.of("comment"),
            false));
    e.put(
        "/training/{id}/report",
        new Endpoint(
            "qaofficer",
            tp + "/report",
            Map.of("text", "รายงาน"),
            List.of("text"),
            Set.of("text"),
            false));
    return e;
  }

  static final Map<String, String> PLAN_PARAMS =
      Map.ofEntries(
          Map.entry("title", "อบรม"),
          Map.entry("topic", "หัวข้อ"),
          Map.entry("date", "2099-06-10"),
          Map.entry("startTime", "09:00"),
          Map.entry("endTime", "12:00"),
          Map.entry("place", "ห้องประชุม"),
          Map.entry("onlineLink", ""),
          Map.entry("targetKind", "ALL"),
          Map.entry("roles", "SCHOOL_QA"),
          Map.entry("capacity", "10"),
          Map.entry("deadline", "2099-06-01"));

  static final List<String> PLAN_FIELDS =
      List.of(
          "title",
          "topic",
          "date",
          "startTime",
          "endTime",
          "place",
          "onlineLink",
          "targetKind",
          "roles",
          "capacity",
          "deadline");

  /** One spoilt request: a description and how to build it. */
  record Probe(String what, MockHttpServletRequestBuilder request) {}

  List<Probe> probes(Endpoint e) {
    List<Probe> probes = new ArrayList<>();
    Map<String, String> spoilers = new LinkedHashMap<>();
    spoilers.put("NUL", "a\u0000b");
    spoilers.put("ESC", "a\u001B[31mb");
    spoilers.put("CRLF", "a\r\nb");
    spoilers.put("long", LONG);
    // an endpoint without fields gets a stray field with the control characters
    List<String> fields = e.fields().isEmpty() ? List.of("x") : e.fields();
    for (String field : fields) {
      for (Map.Entry<String, String> s : spoilers.entrySet()) {
        boolean allowedHere =
            (s.getKey().equals("CRLF") && e.multiLine().contains(field))
                || (s.getKey().equals("long") && e.fields().isEmpty());
        if (allowedHere) {
          continue;
        }
        Map<String, String> params = new LinkedHashMap<>(e.params());
        params.put(field, s.getValue());
        probes.add(new Probe(field + "=" + s.getKey(), form(post(e.path()), params)));
      }
    }
    // a spoilt field together with an unknown language: refused, and the language cookie is not set
    // to it
    Map<String, String> params = new LinkedHashMap<>(e.params());
    params.put(fields.get(0), "a\u0000b");
    params.put("lang", "fr");
    probes.add(new Probe("lang=fr", form(post(e.path()), params)));
    // an uploaded file whose name holds a NUL, next to the ordinary fields
    MockMultipartHttpServletRequestBuilder upload = multipart(e.path());
    upload.file(
        new MockMultipartFile(
            "file", "evil\u0000.pdf", "application/pdf", "%PDF-1.4 x".getBytes()));
    probes.add(new Probe("file name NUL", form(upload, e.params())));
    MockMultipartHttpServletRequestBuilder upload2 = multipart(e.path());
    upload2.file(
        new MockMultipartFile(
            "file", "evil\r\nname.pdf", "application/pdf", "%PDF-1.4 x".getBytes()));
    probes.add(new Probe("file name CRLF", form(upload2, e.params())));
    return probes;
  }

  private static MockHttpServletRequestBuilder form(
      MockHttpServletRequestBuilder request, Map<String, String> params) {
    params.forEach(request::param);
    return request;
  }

  @Test
  void everyPostEndpointRefusesBadInputWithoutA5xxAndWithoutChangingAnything() throws Exception {
    Map<String, Endpoint> described = endpoints();
    Set<String> posts = Endpoints.patterns(mappings, RequestMethod.POST);
    assertThat(described.keySet())
        .as("every POST endpoint is described here")
        .containsExactlyInAnyOrderElementsOf(posts);

    List<String> failures = new ArrayList<>();
    int sent = 0;
    int serverErrors = 0;
    for (Endpoint e : described.values()) {
      MockHttpSession session = sessions.computeIfAbsent(e.user(), this::login);
      if (e.path().equals("/notifications/unsubscribe")) {
        // its first use creates the signing key; a wrong signature changes nothing after that
        mvc.perform(form(post(e.path()), e.params()).session(session).with(csrf())).andReturn();
      }
      for (Probe p : probes(e)) {
        String before = snapshot();
        MvcResult result = mvc.perform(p.request().session(session).with(csrf())).andReturn();
        sent++;
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String where = e.path() + " " + p.what() + " -> " + status;
        if (status >= 500) {
          serverErrors++;
          failures.add(where + " (server error)");
        } else if (!acceptable(e, result, status, body)) {
          failures.add(where + " (not refused with a message)");
        }
        if (body.contains("at th.qaflow.") || body.contains("Exception")) {
          failures.add(where + " (stack trace or exception in the page)");
        }
        Cookie lang = result.getResponse().getCookie("qaflow-lang");
        if (lang != null && !Set.of("th", "en", "th-TH", "").contains(lang.getValue())) {
          failures.add(where + " (language cookie " + lang.getValue() + ")");
        }
        if (!before.equals(snapshot())) {
          failures.add(where + " (changed the database)");
        }
      }
    }
    log.info(
        "Bad-input requests sent: {}, answered 5xx: {}, failures: {}",
        sent,
        serverErrors,
        failures.size());
    failures.forEach(f -> log.info("bad input: {}", f));
    assertThat(failures).isEmpty();
    assertThat(sent).isGreaterThan(150);
  }

  /**
   * The textareas described here are the fields each controller method lets through with line
   * breaks ({@link MultiLineFields}); a textarea left out would refuse every answer of two lines.
   * The task paths are multi-line as a whole (WebConfig) or checked by the form validator.
   */
  @Test
  void theMultiLineFieldsDescribedAreTheOnesTheControllersDeclare() {
    Map<String, Endpoint> described = endpoints();
    Map<String, Set<String>> declared = new TreeMap<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              if (!info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                return;
              }
              MultiLineFields fields = handler.getMethodAnnotation(MultiLineFields.class);
              for (String pattern : info.getPatternValues()) {
                declared.put(pattern, fields == null ? Set.of() : Set.of(fields.value()));
              }
            });
    described.forEach(
        (pattern, e) -> {
          if (!pattern.startsWith("/tasks/")) {
            assertThat(declared.get(pattern)).as(pattern).isEqualTo(e.multiLine());
          }
        });
  }

  /**
   * A 4xx, the form again with an error, or a redirect that carries an error; read-only endpoints:
   * anything.
   */
  private static boolean acceptable(Endpoint e, MvcResult result, int status, String body) {
    if (status >= 400 && status < 500) {
      return true;
    }
    if (e.readOnly()) {
      return status < 500;
    }
    if (status == 200) {
      return body.contains("-error\"") || body.contains("role=\"alert\"");
    }
    if (status >= 300 && status < 400) {
      Map<String, Object> flash = result.getFlashMap();
      return flash.containsKey("error") || flash.get("report") instanceof ImportReport r && !r.ok();
    }
    return false;
  }

  @Test
  void anUnknownLanguageFallsBackToThaiAndIsNeverStored() throws Exception {
    MockHttpSession qa = sessions.computeIfAbsent("qaofficer", this::login);
    for (String path :
        List.of(
            "/monitoring/districts/1099/matrix.csv",
            "/monitoring/districts/1099/matrix.xlsx",
            "/monitoring/districts/1099/overdue.csv",
            "/monitoring/districts/1099/overdue.xlsx",
            "/external/readiness.csv",
            "/external/readiness.xlsx",
            "/synthesis/1099/" + YEAR + ".xlsx",
            "/synthesis/1099/" + YEAR + ".pdf",
            "/tasks")) {
      MvcResult asked =
          mvc.perform(
                  get(path)
                      .param("lang", "fr")
                      .param("year", "" + YEAR)
                      .param("district", DISTRICT)
                      .session(qa))
              .andReturn();
      assertThat(asked.getResponse().getStatus()).as(path).isEqualTo(200);
      Cookie set = asked.getResponse().getCookie("qaflow-lang");
      assertThat(set == null ? "th" : set.getValue()).as(path).isIn("th", "th-TH");
      // a cookie from before the fix reads as Thai
      MvcResult old =
          mvc.perform(
                  get(path)
                      .cookie(new Cookie("qaflow-lang", "fr"))
                      .param("year", "" + YEAR)
                      .param("district", DISTRICT)
                      .session(qa))
              .andReturn();
      assertThat(old.getResponse().getStatus()).as(path).isEqualTo(200);
      String body = old.getResponse().getContentAsString(StandardCharsets.UTF_8);
      if (path.endsWith(".csv")) {
        assertThat(body).as(path).contains("สถานศึกษา");
      } else if (path.equals("/tasks")) {
        assertThat(body).as(path).contains("lang=\"th\"");
      }
    }
    MvcResult english = mvc.perform(get("/tasks").param("lang", "en").session(qa)).andReturn();
    assertThat(english.getResponse().getCookie("qaflow-lang").getValue()).isEqualTo("en");
  }

  private MockHttpSession login(String user) {
    try {
      return WebSessions.login(mvc, user);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The state a refused request must leave alone: QA Flow's tables and the engine's runtime and
   * identity tables in full (binary columns aside), every other engine table by its row count.
   */
  String snapshot() throws Exception {
    Set<String> full =
        Set.of(
            "ACT_RU_TASK",
            "ACT_RU_EXECUTION",
            "ACT_RU_VARIABLE",
            "ACT_RU_IDENTITYLINK",
            "ACT_ID_USER",
            "ACT_ID_MEMBERSHIP",
            "ACT_ID_GROUP",
            "ACT_RU_JOB");
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    StringBuilder counts = new StringBuilder();
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      Collections.sort(tables);
      for (String table : tables) {
        if (table.contains("METER_LOG")) {
          continue; // the engine's metrics
        }
        if (table.startsWith("ACT_") && !full.contains(table)) {
          try (ResultSet rs = st.executeQuery("select count(*) from \"" + table + "\"")) {
            rs.next();
            counts.append(table).append('=').append(rs.getLong(1)).append(';');
          }
          continue;
        }
        try (ResultSet rs = st.executeQuery("select * from \"" + table + "\"")) {
          ResultSetMetaData meta = rs.getMetaData();
          List<String> rows = new ArrayList<>();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              int type = meta.getColumnType(i);
              if (type == Types.BLOB
                  || type == Types.BINARY
                  || type == Types.VARBINARY
                  || type == Types.LONGVARBINARY) {
                continue;
              }
              row.append(rs.getString(i)).append('|');
            }
            rows.add(row.toString());
          }
          Collections.sort(rows);
          digest.update(table.getBytes(StandardCharsets.UTF_8));
          rows.forEach(r -> digest.update(r.getBytes(StandardCharsets.UTF_8)));
        }
      }
    }
    return counts + HexFormat.of().formatHex(digest.digest());
  }
}
