package th.qaflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import th.qaflow.QaFlowTest;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.security.QaUsers;
import th.qaflow.support.WebSessions;
import th.qaflow.visit.DistrictVisitProcess;
import th.qaflow.visit.VisitRounds;

/**
 * Issue 16 §1 through HTTP: the task list's search, filters, counts, sort, paging, saved filters,
 * bulk claim and follow-up date, each with the wrong user refused. The data: four visit rounds of
 * the demo district in each of the years 2990–2992, so supervisor1 (cluster 1: schools 1–4) holds
 * 48 visit-plan tasks and supervisor2 (cluster 2) another 48.
 */
@QaFlowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistFiltersWebTest {
  static final String DISTRICT = "1099";
  static final int[] YEARS = {2990, 2991, 2992};
  static final Pattern ROW = Pattern.compile("data-task-id=\"([^\"]+)\"");
  static final Pattern TOTAL = Pattern.compile("จาก (\\d+) งาน");

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired VisitRounds rounds;
  @Autowired QaUsers users;
  @Autowired OrganisationImport organisation;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  MockHttpSession sup1;
  MockHttpSession sup2;

  @BeforeAll
  void visits() throws Exception {
    organisation.importDemo();
    for (int year : YEARS) {
      for (int round = 1; round <= 4; round++) {
        rounds.launch(users.byId("qaofficer"), DISTRICT, year, round, null);
      }
    }
    sup1 = WebSessions.login(mvc, "supervisor1");
    sup2 = WebSessions.login(mvc, "supervisor2");
  }

  @Test
  void schoolAndYearFindOneSchoolsTasksAndOnlyThose() throws Exception {
    String page = page(sup1, "/tasks?year=2990&school=1099010002");
    assertThat(rows(page)).containsExactlyInAnyOrderElementsOf(planTasks("1099010002", 2990));
    assertThat(page).contains("จาก 4 งาน").contains("ปีการศึกษา 2990");

    // the search box: part of the school's name, or its code, with the year
    String name = runtime.getVariable(processOf("1099010003", 2991, 1), "schoolName").toString();
    String byName = page(sup1, "/tasks?year=2991&q=" + name.substring(name.length() - 6));
    assertThat(rows(byName)).containsExactlyInAnyOrderElementsOf(planTasks("1099010003", 2991));
    assertThat(rows(page(sup1, "/tasks?year=2991&q=1099010003")))
        .containsExactlyInAnyOrderElementsOf(planTasks("1099010003", 2991));
    // a stage's label finds the stage's tasks; LIKE's wildcards are searched as text
    assertThat(rows(page(sup1, "/tasks?year=2992&q=วางแผนการตรวจ"))).hasSize(16);
    assertThat(rows(page(sup1, "/tasks?year=2992&q=%25"))).isEmpty();
    assertThat(rows(page(sup1, "/tasks?year=2992&stage=VISIT_PLAN"))).hasSize(16);
    assertThat(rows(page(sup1, "/tasks?year=2992&stage=SAR_DRAFT"))).isEmpty();
  }

  @Test
  void filtersNeverWidenTheListBeyondTheUsersOwnTasks() throws Exception {
    // cluster 2's school is not supervisor1's: the filter is refused with a message, and the list
    // stays theirs
    String other = page(sup1, "/tasks?year=2990&school=1099010006");
    assertThat(other).contains("ไม่พบสถานศึกษานี้ในขอบเขตงานของคุณ");
    Set<String> shown = rows(other);
    assertThat(shown).hasSize(16).doesNotContainAnyElementsOf(planTasks("1099010006", 2990));
    // a search for another cluster's school finds nothing
    assertThat(rows(page(sup1, "/tasks?year=2990&q=1099010006"))).isEmpty();
    // a school's QA group does not see the supervisors' tasks of its own school
    assertThat(rows(page(WebSessions.login(mvc, "qa2"), "/tasks?year=2990"))).isEmpty();
  }

  @Test
  void badFilterValuesGetAMessageNotAnErrorPage() throws Exception {
    String page =
        page(
            sup1,
            "/tasks?year=abc&school=99999&stage=NOPE&page=-3&sort=sideways&view=x&due=y&size=7");
    assertThat(page)
        .contains("ปีการศึกษาต้องเป็นปี พ.ศ. 4 หลัก")
        .contains("ไม่พบสถานศึกษานี้ในขอบเขตงานของคุณ")
        .contains("ไม่พบขั้นตอนนี้")
        .contains("เลขหน้าไม่ถูกต้อง")
        .contains("ตัวเลือกในลิงก์ไม่ถูกต้อง")
        .contains("จำนวนต่อหน้าเลือกได้");
    String english = page(sup1, "/tasks?year=12&lang=en");
    assertThat(english).contains("4-digit Buddhist Era year");
  }

  @Test
  void pagesTogetherHoldEveryTaskOnceInTheChosenOrder() throws Exception {
    Set<String> mine = new LinkedHashSet<>();
    for (int year : YEARS) {
      for (int s = 1; s <= 4; s++) {
        mine.addAll(planTasks("109901000" + s, year));
      }
    }
    for (String sort : List.of("due", "school", "name", "created", "follow-up")) {
      String first = page(sup1, "/tasks?size=25&sort=" + sort);
      Matcher total = TOTAL.matcher(first);
      assertThat(total.find()).isTrue();
      int n = Integer.parseInt(total.group(1));
      assertThat(n).isGreaterThanOrEqualTo(48);
      List<String> all = new ArrayList<>(rowList(first));
      assertThat(all).hasSize(25);
      int pages = (n + 24) / 25;
      assertThat(first).contains("หน้า 1 จาก " + pages);
      for (int p = 2; p <= pages; p++) {
        all.addAll(rowList(page(sup1, "/tasks?size=25&sort=" + sort + "&page=" + p)));
      }
      assertThat(all).as("sort " + sort).hasSize(n).doesNotHaveDuplicates().containsAll(mine);
    }
    // a page past the end shows the last page
    assertThat(rows(page(sup1, "/tasks?year=2990&page=99"))).hasSize(16);
  }

  @Test
  void countsBesideEachFilterAndTheDueFilters() throws Exception {
    List<String> school4 = new ArrayList<>(planTasks("1099010004", 2991));
    Task late = tasks.createTaskQuery().taskId(school4.get(0)).singleResult();
    late.setDueDate(Date.from(clock.instant().minus(2, ChronoUnit.DAYS)));
    tasks.saveTask(late);
    Task soon = tasks.createTaskQuery().taskId(school4.get(1)).singleResult();
    soon.setDueDate(Date.from(clock.instant().plus(1, ChronoUnit.MINUTES)));
    tasks.saveTask(soon);
    tasks.claim(school4.get(2), "supervisor1");

    String page = page(sup1, "/tasks?year=2991");
    assertThat(count(page, "view-all")).isEqualTo(16);
    assertThat(count(page, "view-mine")).isEqualTo(1);
    assertThat(count(page, "view-group")).isEqualTo(15);
    assertThat(count(page, "due-overdue")).isEqualTo(1);
    assertThat(count(page, "due-week")).isEqualTo(1);
    assertThat(rows(page(sup1, "/tasks?year=2991&due=overdue"))).containsExactly(late.getId());
    assertThat(rows(page(sup1, "/tasks?year=2991&due=week"))).containsExactly(soon.getId());
    assertThat(rows(page(sup1, "/tasks?year=2991&view=mine"))).containsExactly(school4.get(2));
    assertThat(rows(page(sup1, "/tasks?year=2991&view=group"))).hasSize(15);
    // the overdue one comes first in due order
    assertThat(rowList(page(sup1, "/tasks?year=2991")).get(0)).isEqualTo(late.getId());
    // counts follow the search too
    String one = page(sup1, "/tasks?year=2991&school=1099010004");
    assertThat(count(one, "view-all")).isEqualTo(4);
    assertThat(count(one, "due-overdue")).isEqualTo(1);
  }

  @Test
  void savedFiltersAreTheirOwnersAlone() throws Exception {
    mvc.perform(
            post("/tasks/filters")
                .session(sup1)
                .with(csrf())
                .param("filterName", "โรงเรียน 2 ปี 2990")
                .param("year", "2990")
                .param("school", "1099010002"))
        .andExpect(redirectedUrl("/tasks?school=1099010002&year=2990"))
        .andExpect(flash().attribute("success", "tasks.filters.saved"));
    String page = page(sup1, "/tasks");
    assertThat(page)
        .contains("โรงเรียน 2 ปี 2990")
        .contains("href=\"/tasks?school=1099010002&amp;year=2990\"");
    String id =
        jdbc.sql("select id from task_saved_filter where user_id = 'supervisor1' and name = :n")
            .param("n", "โรงเรียน 2 ปี 2990")
            .query(String.class)
            .single();
    // nobody else sees it or deletes it
    assertThat(page(sup2, "/tasks")).doesNotContain("โรงเรียน 2 ปี 2990");
    mvc.perform(post("/tasks/filters/{id}/delete", id).session(sup2).with(csrf()))
        .andExpect(flash().attribute("error", "tasks.filters.error.gone"));
    assertThat(page(sup1, "/tasks")).contains("โรงเรียน 2 ปี 2990");
    // a name is required; a bad filter value is not saved
    mvc.perform(post("/tasks/filters").session(sup1).with(csrf()).param("filterName", " "))
        .andExpect(flash().attribute("error", "tasks.filters.error.name"));
    mvc.perform(
            post("/tasks/filters")
                .session(sup1)
                .with(csrf())
                .param("filterName", "ผิด")
                .param("year", "'; drop table x")
                .param("stage", "VISIT_PLAN"))
        .andExpect(redirectedUrl("/tasks?stage=VISIT_PLAN"))
        .andExpect(flash().attribute("error", "tasks.filter.error.year"));
    assertThat(
            jdbc.sql("select count(*) from task_saved_filter where name = 'ผิด'")
                .query(Long.class)
                .single())
        .isZero();

    mvc.perform(post("/tasks/filters/{id}/delete", id).session(sup1).with(csrf()))
        .andExpect(flash().attribute("success", "tasks.filters.deleted"));
    assertThat(page(sup1, "/tasks")).doesNotContain("โรงเรียน 2 ปี 2990");
  }

  @Test
  void bulkClaimTakesTheFreeOnesAndSaysWhichWereTaken() throws Exception {
    List<String> school1 = new ArrayList<>(planTasks("1099010001", 2992));
    String otherCluster = planTasks("1099010005", 2992).iterator().next();
    // a colleague took one a moment before
    tasks.claim(school1.get(3), "supdirector");

    MvcResult result =
        mvc.perform(
                post("/tasks/claim")
                    .session(sup1)
                    .with(csrf())
                    .param("ids", school1.get(0), school1.get(1), school1.get(2), school1.get(3))
                    .param("ids", otherCluster, "no-such-task")
                    .param("back", "year=2992&school=1099010001"))
            .andExpect(redirectedUrl("/tasks?year=2992&school=1099010001"))
            .andReturn();
    BulkClaim bulk = (BulkClaim) result.getFlashMap().get("bulk");
    assertThat(bulk.claimed()).hasSize(3);
    assertThat(bulk.takenByOthers()).hasSize(1);
    assertThat(bulk.unavailable()).isEqualTo(2);
    for (int i = 0; i < 3; i++) {
      assertThat(assignee(school1.get(i))).isEqualTo("supervisor1");
    }
    assertThat(assignee(school1.get(3))).isEqualTo("supdirector");
    assertThat(assignee(otherCluster)).isNull();

    // the page after the redirect says so, by task name
    String page =
        mvc.perform(get("/tasks?year=2992&school=1099010001").session(sup1).flashAttr("bulk", bulk))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("รับงานแล้ว 3 งาน")
        .contains("มีผู้อื่นรับหรือทำเสร็จไปก่อนแล้ว 1 งาน");

    // nothing chosen; a redirect target outside the list is not followed
    mvc.perform(post("/tasks/claim").session(sup1).with(csrf()).param("back", "//evil.example"))
        .andExpect(redirectedUrl("/tasks"))
        .andExpect(flash().attribute("error", "tasks.bulk.none"));
    // a read-only viewer claims nothing
    mvc.perform(
            post("/tasks/claim")
                .session(WebSessions.login(mvc, "obec"))
                .with(csrf())
                .param("ids", otherCluster))
        .andExpect(status().is3xxRedirection());
    assertThat(assignee(otherCluster)).isNull();
  }

  @Test
  void theAssigneeSetsAFollowUpDateShownBesideTheDueDate() throws Exception {
    String id = planTasks("1099010002", 2992).iterator().next();
    mvc.perform(post("/tasks/{id}/claim", id).session(sup1).with(csrf()));
    LocalDate today = LocalDate.now(clock.withZone(AcademicYears.ZONE));
    mvc.perform(
            post("/tasks/{id}/follow-up", id)
                .session(sup1)
                .with(csrf())
                .param("followUp", today.toString()))
        .andExpect(redirectedUrl("/tasks/" + id + "#follow-up"))
        .andExpect(flash().attribute("success", "task.followUp.set"));
    assertThat(tasks.createTaskQuery().taskId(id).singleResult().getFollowUpDate()).isNotNull();

    String list = page(sup1, "/tasks?year=2992&due=follow-up");
    assertThat(rows(list)).containsExactly(id);
    assertThat(list)
        .contains("ติดตาม " + today.getDayOfMonth())
        .contains(" " + (today.getYear() + 543));
    assertThat(count(page(sup1, "/tasks?year=2992"), "due-follow_up")).isEqualTo(1);
    assertThat(page(sup1, "/tasks/" + id))
        .contains("id=\"follow-up-date\"")
        .contains(today.toString());

    // not the assignee: another supervisor cannot even see it; a bad date changes nothing
    mvc.perform(
            post("/tasks/{id}/follow-up", id)
                .session(sup2)
                .with(csrf())
                .param("followUp", today.plusDays(3).toString()))
        .andExpect(flash().attribute("error", "task.error.gone"));
    mvc.perform(
            post("/tasks/{id}/follow-up", id)
                .session(sup1)
                .with(csrf())
                .param("followUp", "31/02/2569"))
        .andExpect(flash().attribute("error", "task.followUp.error.date"));
    assertThat(rows(page(sup1, "/tasks?year=2992&due=follow-up"))).containsExactly(id);

    mvc.perform(post("/tasks/{id}/follow-up", id).session(sup1).with(csrf()).param("clear", "1"))
        .andExpect(flash().attribute("success", "task.followUp.cleared"));
    assertThat(tasks.createTaskQuery().taskId(id).singleResult().getFollowUpDate()).isNull();
  }

  /**
   * What people read on the list and a task page: names, Thai labels and "—", never the engine's
   * identifiers (user ids, stage codes, process keys, business keys) or "null".
   */
  @Test
  void pagesShowNamesAndLabelsNotTechnicalIdentifiers() throws Exception {
    String id = planTasks("1099010001", 2990).iterator().next();
    mvc.perform(post("/tasks/{id}/claim", id).session(sup1).with(csrf()));
    for (String url : List.of("/tasks?year=2990", "/tasks/" + id, "/tasks?year=2990&view=mine")) {
      String text = visibleText(page(sup1, url));
      assertThat(text)
          .as(url)
          .doesNotContain("null")
          .doesNotContain("supervisor1")
          .doesNotContain("VISIT_PLAN")
          .doesNotContain("DistrictVisit")
          .doesNotContain("1099010001-2990-V1")
          .contains("วางแผนการตรวจเยี่ยม");
    }
    assertThat(visibleText(page(sup1, "/tasks/" + id)))
        .contains(users.byId("supervisor1").displayName());
  }

  /** The page's text as shown: tags, styles and scripts left out. */
  private static String visibleText(String html) {
    return html.replaceAll("(?s)<(style|script)[^>]*>.*?</\\1>", " ")
        .replaceAll("(?s)<head>.*?</head>", " ")
        .replaceAll("<[^>]+>", " ");
  }

  private String assignee(String taskId) {
    return tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee();
  }

  private String processOf(String school, int year, int round) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(DistrictVisitProcess.businessKey(school, year, round))
        .singleResult()
        .getId();
  }

  /** The open visit-plan tasks of the school's four rounds of the year. */
  private Set<String> planTasks(String school, int year) {
    Set<String> ids = new LinkedHashSet<>();
    for (int round = 1; round <= 4; round++) {
      for (Task t :
          tasks.createTaskQuery().processInstanceId(processOf(school, year, round)).list()) {
        ids.add(t.getId());
      }
    }
    return ids;
  }

  private String page(MockHttpSession session, String url) throws Exception {
    return mvc.perform(get(url).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static Set<String> rows(String page) {
    return new LinkedHashSet<>(rowList(page));
  }

  private static List<String> rowList(String page) {
    List<String> ids = new ArrayList<>();
    Matcher m = ROW.matcher(page);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  /** The count shown on the filter link of the id. */
  private static long count(String page, String id) {
    Matcher m =
        Pattern.compile(
                "id=\"" + id + "\"[^>]*>.*?<span\\s+class=\"count\">(\\d+)</span>", Pattern.DOTALL)
            .matcher(page);
    assertThat(m.find()).as("count of " + id + " in " + page).isTrue();
    return Long.parseLong(m.group(1));
  }
}
