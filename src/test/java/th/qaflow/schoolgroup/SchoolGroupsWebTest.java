package th.qaflow.schoolgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import th.qaflow.committee.CommitteeMeetingProcess;
import th.qaflow.committee.Committees;
import th.qaflow.committee.Committees.Committee;
import th.qaflow.committee.Committees.MemberRole;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.schoolgroup.SchoolGroups.RuleStatus;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.Refusals;
import th.qaflow.support.TaskPages;
import th.qaflow.support.WebSessions;

/**
 * School groups through the real web layer, in a secondary district of its own (7416, so its groups
 * are สหวิทยาเขต): the cluster's supervisor sets up the group committee (the directors of its
 * schools), records the chair and vice-chair and the chair calls a meeting whose first step is
 * theirs; the group of two schools is shown with the 7–15 warning and as behind its meeting rule
 * (ยังไม่ครบ). A director sees only their own group; another group's director, a school's QA
 * teacher, the other cluster's supervisor (for changes) and another district's officer are refused,
 * and nothing changes.
 */
@ProcessTest
class SchoolGroupsWebTest {
  static final String D = "7416";
  static final String C1 = "7416-C1";
  static final String C2 = "7416-C2";
  static final String C3 = "7416-C3";

  @Autowired MockMvc mvc;
  @Autowired Committees committees;
  @Autowired SchoolGroups groups;
  @Autowired OrganisationImport organisation;
  @Autowired TaskService tasks;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    th.qaflow.support.TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        D + ",สพม.ทดสอบกลุ่ม,Group test secondary,SECONDARY",
        "7414,สพป.ทดสอบกรรมการ เขต 1,Committee test 1,PRIMARY");
    th.qaflow.support.TestOrganisation.importLines(
        organisation,
        ImportKind.SCHOOLS,
        "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic",
        "7416010001,74160001,โรงเรียนกลุ่มหนึ่ง,Group One School,"
            + D
            + ","
            + C1
            + ",สหวิทยาเขตทดสอบ,false,true",
        "7416010002,74160002,โรงเรียนกลุ่มสอง,Group Two School,"
            + D
            + ","
            + C1
            + ",สหวิทยาเขตทดสอบ,false,true",
        "7416010003,74160003,โรงเรียนอีกกลุ่ม,Other Group School,"
            + D
            + ","
            + C2
            + ",สหวิทยาเขตอื่น,false,true");
    th.qaflow.support.TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "gdir1,สมชาย,หนึ่ง,gdir1@qaflow.example,SCHOOL_DIRECTOR,,7416010001,,demo",
        "gdir2,สมศรี,สอง,gdir2@qaflow.example,SCHOOL_DIRECTOR,,7416010002,,demo",
        "gdir3,สมปอง,สาม,gdir3@qaflow.example,SCHOOL_DIRECTOR,,7416010003,,demo",
        "gqa1,สมหมาย,ครู,gqa1@qaflow.example,SCHOOL_QA,,7416010001,,demo",
        "gsup1,วิไล,นิเทศ,gsup1@qaflow.example,SUPERVISOR," + D + ",," + C1 + ",demo",
        "gsup2,วิมล,นิเทศ,gsup2@qaflow.example,SUPERVISOR," + D + ",," + C2 + ",demo",
        "cofficer7414,วิภา,ใจดี,cofficer7414@qaflow.example,DISTRICT_QA_OFFICER,7414,,,demo",
        "gofficer,วิภาวี,ประกัน,gofficer@qaflow.example,DISTRICT_QA_OFFICER," + D + ",,,demo");
    EngineTestClock.at(2026, 12, 1, 9, 0);
  }

  @Test
  void theImportWarnsOfAGroupOutsideSevenToFifteenSchoolsButImportsIt() throws Exception {
    String csv =
        "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic\n"
            + "7416010004,74160004,โรงเรียนกลุ่มสาม,Group Three School,"
            + D
            + ","
            + C2
            + ",สหวิทยาเขตอื่น,false,true\n";
    MvcResult result =
        mvc.perform(
                multipart("/admin/organisation/import")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "schools.csv",
                            "text/csv",
                            csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .param("kind", "SCHOOLS")
                    .session(WebSessions.login(mvc, "gofficer"))
                    .with(csrf()))
            .andExpect(status().isFound())
            .andReturn();
    assertThat(((th.qaflow.organisation.ImportReport) result.getFlashMap().get("report")).ok())
        .isTrue();
    assertThat(result.getFlashMap().get("clusterWarnings").toString()).contains(C1).contains(C2);
    String page =
        mvc.perform(
                get("/admin/organisation/import")
                    .flashAttrs(result.getFlashMap())
                    .session(WebSessions.login(mvc, "gofficer")))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page).contains("cluster-size-warnings").contains("ไม่อยู่ในเกณฑ์ 7–15");
  }

  @Test
  void theSupervisorSetsUpTheGroupTheChairCallsAMeetingOutsidersAreRefused() throws Exception {
    MockHttpSession supervisor = WebSessions.login(mvc, "gsup1");
    MockHttpSession otherSupervisor = WebSessions.login(mvc, "gsup2");
    MockHttpSession director = WebSessions.login(mvc, "gdir1");
    MockHttpSession otherDirector = WebSessions.login(mvc, "gdir3");
    MockHttpSession teacher = WebSessions.login(mvc, "gqa1");
    MockHttpSession foreign = WebSessions.login(mvc, "cofficer7414");

    // the list: สหวิทยาเขต in a secondary district, the size warning, no committee yet
    String list = TaskPages.page(mvc, "/groups?district=" + D, supervisor);
    assertThat(list)
        .contains("สหวิทยาเขต")
        .contains("group-" + C1)
        .contains("group-size-warning")
        .contains("ยังไม่ได้ตั้งคณะกรรมการกลุ่ม")
        .contains("ยังไม่ครบ");

    // nobody outside may set it up
    Refusals.forbidden(
        mvc,
        List.of(otherSupervisor, director, otherDirector, teacher, foreign),
        outsider -> post("/groups/{c}/committee", C1).session(outsider).with(csrf()));
    assertThat(committees.ofCluster(C1)).isEmpty();

    // the cluster's supervisor sets it up: the directors of its two schools
    mvc.perform(post("/groups/{c}/committee", C1).session(supervisor).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(flash().attribute("success", "groups.committeeSetUp"));
    Committee c = committees.ofCluster(C1).orElseThrow();
    assertThat(c.kind()).isEqualTo(Committees.Kind.GROUP);
    assertThat(c.name()).contains("สหวิทยาเขต");
    assertThat(committees.members(c.id()))
        .extracting(Committees.Member::userId)
        .containsExactlyInAnyOrder("gdir1", "gdir2");

    // a bad election (the same person twice) is refused with a message; a good one recorded
    mvc.perform(
            post("/groups/{c}/officers", C1)
                .session(supervisor)
                .with(csrf())
                .param("chair", "gdir1")
                .param("viceChair", "gdir1"))
        .andExpect(flash().attribute("error", "groups.error.officers"));
    mvc.perform(
            post("/groups/{c}/officers", C1)
                .session(otherSupervisor)
                .with(csrf())
                .param("chair", "gdir1")
                .param("viceChair", "gdir2"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/groups/{c}/officers", C1)
                .session(supervisor)
                .with(csrf())
                .param("chair", "gdir1")
                .param("viceChair", "gdir2"))
        .andExpect(flash().attribute("success", "groups.officersRecorded"));
    assertThat(committees.roleOf(c.id(), "gdir1")).contains(MemberRole.CHAIR);
    assertThat(committees.roleOf(c.id(), "gdir2")).contains(MemberRole.VICE_CHAIR);

    // the director sees their own group (redirected from the list), not the other one
    mvc.perform(get("/groups").session(director))
        .andExpect(status().isFound())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                "/groups/" + C1));
    String page = TaskPages.page(mvc, "/groups/" + C1, director);
    assertThat(page)
        .contains("โรงเรียนกลุ่มหนึ่ง")
        .contains("รองประธานกรรมการ")
        .contains("group-size-warning")
        .contains("group-behind")
        .doesNotContain("group-set-up");
    mvc.perform(get("/groups/{c}", C2).session(director)).andExpect(status().isForbidden());
    mvc.perform(get("/groups/{c}", C1).session(otherDirector)).andExpect(status().isForbidden());
    mvc.perform(get("/groups/{c}", C1).session(teacher)).andExpect(status().isForbidden());
    mvc.perform(get("/groups").session(teacher)).andExpect(status().isForbidden());
    mvc.perform(get("/groups/{c}", C1).session(foreign)).andExpect(status().isForbidden());
    mvc.perform(get("/groups/{c}", C1).session(otherSupervisor)).andExpect(status().isForbidden());
    mvc.perform(get("/groups").param("district", D).session(foreign))
        .andExpect(status().isForbidden());

    // outsiders may not call a meeting; the chair (signed in again for the new group) may
    Refusals.forbidden(
        mvc,
        List.of(otherSupervisor, otherDirector, teacher, foreign),
        outsider -> post("/groups/{c}/meetings", C1).session(outsider).with(csrf()));
    assertThat(committees.meetings(c.id())).isEmpty();
    Refusals.forbidden(
        mvc,
        List.of(otherSupervisor, otherDirector, teacher, foreign),
        outsider -> post("/groups/{c}/year", C1).session(outsider).with(csrf()));
    MockHttpSession chair = WebSessions.login(mvc, "gdir1");
    mvc.perform(post("/groups/{c}/meetings", C1).session(chair).with(csrf()))
        .andExpect(flash().attribute("success", "groups.meetingCalled"));
    assertThat(committees.meetings(c.id())).hasSize(1);
    Task draft =
        tasks
            .createTaskQuery()
            .processInstanceId(committees.meetings(c.id()).get(0).processInstanceId())
            .singleResult();
    assertThat(draft.getTaskDefinitionKey()).isEqualTo(CommitteeMeetingProcess.TASK_DRAFT_AGENDA);
    assertThat(draft.getDueDate()).isNotNull();
    assertThat(TaskPages.page(mvc, "/groups/" + C1, chair)).contains("group-my-step");
    // the chair's agenda is a task of theirs; the vice-chair's too, another director's not
    assertThat(tasks.createTaskQuery().taskId(draft.getId()).taskCandidateUser("gdir1").count())
        .isOne();
    assertThat(tasks.createTaskQuery().taskId(draft.getId()).taskCandidateUser("gdir2").count())
        .isOne();
    assertThat(tasks.createTaskQuery().taskId(draft.getId()).taskCandidateUser("gdir3").count())
        .isZero();

    // the rule: semester 1 of 2569 missed, semester 2 behind (no meeting dated yet)
    assertThat(groups.meetingRule(C1, 2569))
        .extracting(SchoolGroups.SemesterRule::status)
        .containsExactly(RuleStatus.MISSED, RuleStatus.BEHIND);
    assertThat(groups.behindInDistrict(D, 2569)).contains(C1, C2);
  }

  /**
   * The owner of a supervision project ties it to the group (โครงการนิเทศกลุ่ม): the group's page
   * shows it with owner, indicators and progress (the group's director too, unlinked), the
   * supervision plan shows which group it serves. Another district's officer, a school director,
   * the other cluster's supervisor (not the owner) are refused; a cluster of another district or an
   * unknown one gets a Thai message and changes nothing; an unknown project is 404.
   */
  @Test
  void aSupervisionProjectServesTheGroupAndIsShownOnItsPage() throws Exception {
    long project = supervisionProject();
    MockHttpSession owner = WebSessions.login(mvc, "gsup1");
    MockHttpSession director = WebSessions.login(mvc, "gdir1");
    assertThat(TaskPages.page(mvc, "/groups/" + C1, owner)).contains("ยังไม่มีโครงการนิเทศ");
    assertThat(TaskPages.page(mvc, "/supervision/projects/" + project, owner))
        .contains("project-group-form");

    for (String outsider : new String[] {"cofficer7414", "gdir1", "gsup2", "gqa1"}) {
      mvc.perform(
              post("/supervision/projects/{id}/group", project)
                  .param("cluster", C1)
                  .session(WebSessions.login(mvc, outsider))
                  .with(csrf()))
          .andExpect(status().isForbidden());
    }
    for (String bad : new String[] {"7414-C1", "nope", "1099-C1"}) {
      mvc.perform(
              post("/supervision/projects/{id}/group", project)
                  .param("cluster", bad)
                  .session(owner)
                  .with(csrf()))
          .andExpect(status().isFound())
          .andExpect(flash().attribute("error", "supervision.error.group"));
    }
    mvc.perform(
            post("/supervision/projects/{id}/group", "999999999")
                .param("cluster", C1)
                .session(owner)
                .with(csrf()))
        .andExpect(status().isNotFound());
    assertThat(clusterOf(project)).isNull();
    String refused = TaskPages.page(mvc, "/supervision/projects/" + project, owner);
    assertThat(refused).doesNotContain("project-group\"><a");

    mvc.perform(
            post("/supervision/projects/{id}/group", project)
                .param("cluster", C1)
                .session(owner)
                .with(csrf()))
        .andExpect(status().isFound())
        .andExpect(flash().attribute("success", "supervision.group.saved"));
    assertThat(clusterOf(project)).isEqualTo(C1);

    String page = TaskPages.page(mvc, "/groups/" + C1, owner);
    assertThat(page)
        .contains("group-supervision-projects")
        .contains("โครงการนิเทศการอ่านของสหวิทยาเขต")
        .contains("วิไล นิเทศ")
        .contains("นักเรียนอ่านคล่อง — ร้อยละ 80")
        .contains("ร้อยละ 40")
        .contains("/supervision/projects/" + project);
    // the group's director sees the project, without the link into the district's plan
    String directorPage = TaskPages.page(mvc, "/groups/" + C1, director);
    assertThat(directorPage)
        .contains("โครงการนิเทศการอ่านของสหวิทยาเขต")
        .doesNotContain("/supervision/projects/" + project);
    assertThat(TaskPages.page(mvc, "/groups/" + C2, WebSessions.login(mvc, "gsup2")))
        .doesNotContain("โครงการนิเทศการอ่านของสหวิทยาเขต");
    assertThat(TaskPages.page(mvc, "/supervision?district=" + D, owner))
        .contains("โครงการนิเทศกลุ่ม: สหวิทยาเขตทดสอบ");

    // the district's QA officer unties it
    mvc.perform(
            post("/supervision/projects/{id}/group", project)
                .param("cluster", "")
                .session(WebSessions.login(mvc, "gofficer"))
                .with(csrf()))
        .andExpect(status().isFound())
        .andExpect(flash().attribute("success", "supervision.group.cleared"));
    assertThat(clusterOf(project)).isNull();
  }

  /**
   * The district's groups as XLSX, read back with Apache POI: Thai headers (สหวิทยาเขต), members,
   * chair and vice-chair, meetings and the rule per semester, the plan's status and the chair's
   * levels. The other cluster's supervisor gets only their group; another district's officer, a
   * school director and a school's QA teacher are refused.
   */
  @Test
  void theDistrictsGroupsExportAsXlsx() throws Exception {
    // a group of its own (the other tests start from a group without a committee)
    th.qaflow.support.TestOrganisation.importLines(
        organisation,
        ImportKind.SCHOOLS,
        "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic",
        "7416010005,74160005,โรงเรียนส่งออกหนึ่ง,Export One,"
            + D
            + ","
            + C3
            + ",สหวิทยาเขตส่งออก,false,true",
        "7416010006,74160006,โรงเรียนส่งออกสอง,Export Two,"
            + D
            + ","
            + C3
            + ",สหวิทยาเขตส่งออก,false,true");
    th.qaflow.support.TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "gdir5,สมชาย,ส่งออก,gdir5@qaflow.example,SCHOOL_DIRECTOR,,7416010005,,demo",
        "gdir6,สมศรี,ส่งออก,gdir6@qaflow.example,SCHOOL_DIRECTOR,,7416010006,,demo");
    groups.setUp(C3, "gofficer");
    groups.elect(C3, "gdir5", "gdir6");
    jdbc.sql("delete from school_group_assessment where cluster_code = :c and academic_year = 2569")
        .param("c", C3)
        .update();
    jdbc.sql(
            "insert into school_group_assessment (cluster_code, academic_year, school_code,"
                + " quality_level, note, assessed_by, assessed_at) values (:c, 2569, '7416010005',"
                + " 4, 'อ่านคล่องขึ้นชัดเจน', 'gdir5', current_timestamp)")
        .param("c", C3)
        .update();
    MockHttpSession officer = WebSessions.login(mvc, "gofficer");
    assertThat(TaskPages.page(mvc, "/groups?district=" + D, officer)).contains("groups-export");
    byte[] body =
        mvc.perform(get("/groups/export.xlsx").param("district", D).session(officer))
            .andExpect(status().isOk())
            .andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                    .string("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(body))) {
      org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("กลุ่มโรงเรียน");
      java.util.List<String> header = cells(sheet.getRow(0));
      assertThat(header)
          .contains("รหัสกลุ่ม", "สหวิทยาเขต", "ประธานกลุ่ม", "รองประธานกลุ่ม", "แผนพัฒนากลุ่ม")
          .contains("ภาคเรียนที่ 1: ผลตามเกณฑ์ 2 ครั้ง");
      java.util.List<String> c3 = cells(rowOf(sheet, C3));
      assertThat(c3.get(1)).isEqualTo("สหวิทยาเขตส่งออก");
      assertThat(rowOf(sheet, C3).getCell(2).getNumericCellValue()).isEqualTo(2.0);
      assertThat(c3.get(3)).isEqualTo("นอกเกณฑ์");
      assertThat(c3.get(4)).contains("โรงเรียนส่งออกหนึ่ง").contains("โรงเรียนส่งออกสอง");
      assertThat(c3.get(5)).contains("สมชาย ส่งออก");
      assertThat(c3.get(6)).contains("สมศรี ส่งออก");
      assertThat(rowOf(sheet, C3).getCell(7).getNumericCellValue()).isZero();
      assertThat(c3.get(9)).isEqualTo("ไม่ครบ"); // semester 1 is over (1 December 2569)
      assertThat(c3.get(12)).isEqualTo("ยังไม่ครบ");
      assertThat(rowOf(sheet, C1)).isNotNull();
      assertThat(rowOf(sheet, C2)).isNotNull();
      org.apache.poi.ss.usermodel.Sheet levels = book.getSheetAt(1);
      assertThat(levels.getSheetName()).isEqualTo("ผลการประเมินโรงเรียน");
      java.util.List<String> level = cells(levels.getRow(1));
      assertThat(level)
          .contains("สหวิทยาเขตส่งออก", "7416010005", "โรงเรียนส่งออกหนึ่ง", "ดีเลิศ")
          .contains("อ่านคล่องขึ้นชัดเจน");
      assertThat(levels.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(4.0);
    }

    // the other cluster's supervisor: their own group only
    byte[] own =
        mvc.perform(
                get("/groups/export.xlsx")
                    .param("district", D)
                    .session(WebSessions.login(mvc, "gsup2")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(own))) {
      assertThat(rowOf(book.getSheetAt(0), C2)).isNotNull();
      assertThat(rowOf(book.getSheetAt(0), C1)).isNull();
      assertThat(rowOf(book.getSheetAt(0), C3)).isNull();
    }
    for (String outsider : new String[] {"cofficer7414", "gdir5", "gqa1"}) {
      mvc.perform(
              get("/groups/export.xlsx")
                  .param("district", D)
                  .session(WebSessions.login(mvc, outsider)))
          .andExpect(status().isForbidden());
    }
  }

  private static java.util.List<String> cells(org.apache.poi.ss.usermodel.Row row) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (org.apache.poi.ss.usermodel.Cell c : row) {
      out.add(
          c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
              ? String.valueOf(c.getNumericCellValue())
              : c.getStringCellValue());
    }
    return out;
  }

  private static org.apache.poi.ss.usermodel.Row rowOf(
      org.apache.poi.ss.usermodel.Sheet sheet, String code) {
    for (org.apache.poi.ss.usermodel.Row r : sheet) {
      if (r.getRowNum() > 0 && code.equals(r.getCell(0).getStringCellValue())) {
        return r;
      }
    }
    return null;
  }

  /** A plan of the district (fiscal year 2569) with one project owned by gsup1, as recorded. */
  private long supervisionProject() {
    jdbc.sql(
            "delete from supervision_progress where project_id in (select p.id from"
                + " supervision_project p join supervision_plan pl on pl.id = p.plan_id"
                + " where pl.district_code = :d)")
        .param("d", D)
        .update();
    jdbc.sql(
            "delete from supervision_indicator where project_id in (select p.id from"
                + " supervision_project p join supervision_plan pl on pl.id = p.plan_id"
                + " where pl.district_code = :d)")
        .param("d", D)
        .update();
    jdbc.sql(
            "delete from supervision_project where plan_id in (select id from supervision_plan"
                + " where district_code = :d)")
        .param("d", D)
        .update();
    jdbc.sql("delete from supervision_plan where district_code = :d").param("d", D).update();
    jdbc.sql(
            "insert into supervision_plan (district_code, fiscal_year, process_instance_id,"
                + " started_at, started_by, vision, approved_at) values (:d, 2569, 'fixture',"
                + " current_timestamp, 'gofficer', 'นิเทศเพื่อคุณภาพ', current_timestamp)")
        .param("d", D)
        .update();
    long plan =
        jdbc.sql("select id from supervision_plan where district_code = :d")
            .param("d", D)
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into supervision_project (plan_id, ord, name, owner_user_id, objective)"
                + " values (:p, 1, 'โครงการนิเทศการอ่านของสหวิทยาเขต', 'gsup1', 'อ่านคล่อง')")
        .param("p", plan)
        .update();
    long project =
        jdbc.sql("select id from supervision_project where plan_id = :p")
            .param("p", plan)
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into supervision_indicator (project_id, ord, indicator, target)"
                + " values (:p, 1, 'นักเรียนอ่านคล่อง', 'ร้อยละ 80')")
        .param("p", project)
        .update();
    jdbc.sql(
            "insert into supervision_progress (project_id, reported_at, reported_by,"
                + " progress_percent, done, note) values (:p, current_timestamp, 'gsup1', 40,"
                + " false, 'นิเทศครบ 2 โรงเรียน')")
        .param("p", project)
        .update();
    return project;
  }

  private String clusterOf(long project) {
    return jdbc.sql("select coalesce(cluster_code, '-') from supervision_project where id = :p")
        .param("p", project)
        .query(String.class)
        .optional()
        .filter(c -> !c.equals("-"))
        .orElse(null);
  }
}
