package th.qaflow.onesqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.onesqa.ExternalAssessmentProcess.*;
import static th.qaflow.onesqa.ExternalAssessmentSchoolProcess.*;
import static th.qaflow.onesqa.ExternalFixture.DISTRICT;
import static th.qaflow.onesqa.ExternalFixture.cluster;
import static th.qaflow.onesqa.ExternalFixture.school;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.organisation.Groups;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.WebSessions;

/**
 * The /external page, the readiness exports and the scope rules through the real web layer: only
 * the district QA officer starts the coordination, a supervisor confirms only their cluster's
 * schools, a school objects only for itself (with a reason). Years 2790–2799.
 */
@ProcessTest
class ExternalWebTest {
  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ExternalAssessments external;

  @Test
  void onlyTheDistrictQaOfficerStartsTheYearAndBadYearsAreExplained() throws Exception {
    MockHttpSession supervisor = WebSessions.login(mvc, "supervisor1");
    mvc.perform(
            post("/external/start")
                .session(supervisor)
                .with(csrf())
                .param("district", DISTRICT)
                .param("year", "2790"))
        .andExpect(status().isForbidden());
    assertThat(external.coordination(DISTRICT, 2790)).isEmpty();

    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    mvc.perform(
            post("/external/start")
                .session(officer)
                .with(csrf())
                .param("district", DISTRICT)
                .param("year", "๒๕๖๙x"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("error", "external.error.year"));
    mvc.perform(
            post("/external/start")
                .session(officer)
                .with(csrf())
                .param("district", DISTRICT)
                .param("year", "2790"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("success", "external.started"));
    mvc.perform(
            post("/external/start")
                .session(officer)
                .with(csrf())
                .param("district", DISTRICT)
                .param("year", "2790"))
        .andExpect(flash().attribute("success", "external.alreadyStarted"));
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(DISTRICT + "-2790")
                .count())
        .isEqualTo(1);

    String page =
        mvc.perform(get("/external").session(officer).param("year", "2790"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("รอเผยแพร่เกณฑ์").contains("1099010008").doesNotContain("??");
    String english =
        mvc.perform(get("/external").session(officer).param("year", "2790").param("lang", "en"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(english).contains("Waiting for the criteria").doesNotContain("??");
    mvc.perform(get("/external").session(officer).param("year", "not-a-year"))
        .andExpect(status().isOk());

    // schools do not see the page; another district's staff are refused; OBEC sees any district
    mvc.perform(get("/external").session(WebSessions.login(mvc, "qa1")))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/external/readiness.csv")
                .session(WebSessions.login(mvc, "director1"))
                .param("year", "2790"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/external").session(supervisor).param("district", "9999"))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/external")
                .session(WebSessions.login(mvc, "obec"))
                .param("district", DISTRICT)
                .param("year", "2790"))
        .andExpect(status().isOk());
  }

  @Test
  void aSupervisorConfirmsOnlyTheirClusterAndASchoolObjectsOnlyForItself() throws Exception {
    int year = 2791;
    ExternalFixture f = new ExternalFixture(runtime, tasks, year);
    f.clock(5, 20);
    String pi = external.start(DISTRICT, year, "qaofficer").processInstanceId();
    f.complete(
        pi,
        TASK_PUBLISH_CRITERIA,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_CRITERIA,
        true);
    f.complete(
        pi,
        TASK_DECLARE_READINESS,
        school(1),
        Groups.schoolDirector(school(1)),
        OnesqaStage.ONESQA_READINESS,
        true,
        VAR_READINESS,
        READY);
    Task confirm = f.task(pi, TASK_CONFIRM_READINESS, school(1));

    // the supervisor of cluster 2 cannot confirm school 1 (cluster 1)
    mvc.perform(
            post("/tasks/{id}/complete", confirm.getId())
                .session(WebSessions.login(mvc, "supervisor2"))
                .with(csrf())
                .param("readinessDecision", "confirm")
                .param("confirmedReadiness", "ready"))
        // another cluster's task is answered as a missing one: back to the list, nothing done
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                "/tasks"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                .attribute("error", "task.error.gone"));
    assertThat(tasks.createTaskQuery().taskId(confirm.getId()).count()).isEqualTo(1);
    // school 1's supervisor sees the school's declaration on the task page and confirms it through
    // the form
    String confirmPage =
        mvc.perform(
                get("/tasks/{id}", confirm.getId()).session(WebSessions.login(mvc, "supervisor1")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(confirmPage).contains("สถานศึกษาแจ้ง: พร้อมรับการประเมิน").doesNotContain("??");
    mvc.perform(
            post("/tasks/{id}/complete", confirm.getId())
                .session(WebSessions.login(mvc, "supervisor1"))
                .with(csrf())
                .param("readinessDecision", "confirm")
                .param("confirmedReadiness", "support"))
        .andExpect(status().is3xxRedirection());
    assertThat(external.schools(DISTRICT, year).get(0).confirmedReadiness()).isEqualTo(SUPPORT);

    for (int n = 2; n <= 8; n++) {
      f.complete(
          pi,
          TASK_DECLARE_READINESS,
          school(n),
          Groups.schoolDirector(school(n)),
          OnesqaStage.ONESQA_READINESS,
          true,
          VAR_READINESS,
          n % 2 == 0 ? READY : NOT_READY,
          VAR_READINESS_NOTE,
          n % 2 == 0 ? null : "ขาดครู, \"ย้าย\"");
      f.complete(
          pi,
          TASK_CONFIRM_READINESS,
          school(n),
          Groups.clusterSupervisor(cluster(n)),
          OnesqaStage.ONESQA_READINESS_CONFIRMATION,
          true,
          VAR_READINESS_DECISION,
          DECISION_CONFIRM,
          VAR_CONFIRMED_READINESS,
          n % 2 == 0 ? READY : NOT_READY);
    }
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");

    // the readiness list for OBEC: CSV with BOM and Thai, grouped ready → support → not ready
    byte[] csv =
        mvc.perform(
                get("/external/readiness.csv").session(officer).param("year", String.valueOf(year)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<String> lines =
        new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(9);
    assertThat(lines.get(0)).startsWith("กลุ่มความพร้อม / Readiness group,รหัสสถานศึกษา");
    assertThat(lines.subList(1, 5))
        .allSatisfy(l -> assertThat(l).startsWith("พร้อมรับการประเมิน / Ready,"));
    assertThat(lines.get(5))
        .startsWith(
            "พร้อม แต่ต้องการการสนับสนุน / Ready with support,1099010001,โรงเรียนบ้านริมคลอง");
    assertThat(lines.get(6))
        .startsWith("ยังไม่พร้อม / Not ready,1099010003")
        .contains("\"ขาดครู, \"\"ย้าย\"\"\"");

    // the same as XLSX
    byte[] xlsx =
        mvc.perform(
                get("/external/readiness.xlsx")
                    .session(officer)
                    .param("year", String.valueOf(year)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(8);
      assertThat(sheet.getRow(0).getCell(2).getStringCellValue())
          .isEqualTo("ชื่อสถานศึกษา / School");
      assertThat(sheet.getRow(5).getCell(1).getStringCellValue()).isEqualTo("1099010001");
      assertThat(sheet.getRow(5).getCell(2).getStringCellValue()).isEqualTo("โรงเรียนบ้านริมคลอง");
    }

    // the readiness-list task page shows the groups and the export links
    Task send = f.task(pi, TASK_SEND_READINESS_LIST, null);
    String taskPage =
        mvc.perform(get("/tasks/{id}", send.getId()).session(officer))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(taskPage)
        .contains("/external/readiness.xlsx")
        .contains("พร้อม แต่ต้องการการสนับสนุน")
        .doesNotContain("??");
    // the officer ticks schools 1 and 2 among the rows (grouped: the ready schools 2, 4, 6, 8
    // first)
    mvc.perform(
            post("/tasks/{id}/complete", send.getId())
                .session(officer)
                .with(csrf())
                .param("readinessListSentOn", "2248-08-10")
                .param("targetRows[0].target", "true")
                .param("targetRows[4].target", "true"))
        .andExpect(status().is3xxRedirection());
    assertThat(runtime.getVariable(pi, VAR_TARGET_SCHOOLS))
        .isEqualTo(List.of(school(2), school(1)));
    f.complete(
        pi,
        TASK_CONFIRM_SARS,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_SAR_COLLECTION,
        true,
        "sarsChecked",
        true);
    ProcessInstance one = f.schoolAssessment(school(1));
    f.complete(
        one.getId(),
        TASK_RECORD_SCHEDULE,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_SCHEDULE,
        true,
        VAR_VISIT_START,
        "2248-11-20",
        "visitEndOn",
        "2248-11-21",
        "assessors",
        "ผู้ประเมิน ก");
    Task review = f.task(one.getId(), TASK_REVIEW_SCHEDULE, null);

    // school 2's director cannot object for school 1
    mvc.perform(
            post("/tasks/{id}/complete", review.getId())
                .session(WebSessions.login(mvc, "director2"))
                .with(csrf())
                .param("scheduleResponse", "object")
                .param("objectionReason", "ไม่สะดวก"))
        // another school's task is answered as a missing one: back to the list, nothing done
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                "/tasks"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                .attribute("error", "task.error.gone"));
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
    // school 1's director must give a reason to object
    MockHttpSession director = WebSessions.login(mvc, "director1");
    String again =
        mvc.perform(
                post("/tasks/{id}/complete", review.getId())
                    .session(director)
                    .with(csrf())
                    .param("scheduleResponse", "object")
                    .param("objectionReason", "  "))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(again).contains("field-error");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
    mvc.perform(
            post("/tasks/{id}/complete", review.getId())
                .session(director)
                .with(csrf())
                .param("scheduleResponse", "object")
                .param("objectionReason", "ผู้ประเมินเคยสอนที่โรงเรียน"))
        .andExpect(status().is3xxRedirection());
    Task recordAgain = f.task(one.getId(), TASK_RECORD_SCHEDULE, null);
    String recordPage =
        mvc.perform(get("/tasks/{id}", recordAgain.getId()).session(officer))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(recordPage).contains("ผู้ประเมินเคยสอนที่โรงเรียน").contains("สถานศึกษาคัดค้าน");
  }
}
