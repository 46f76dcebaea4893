package th.qaflow.onesqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.onesqa.ExternalFixture.DISTRICT;
import static th.qaflow.onesqa.ExternalFixture.school;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import th.qaflow.cycle.CycleService;
import th.qaflow.documents.DocumentSlot;
import th.qaflow.documents.DocumentVersion;
import th.qaflow.documents.Documents;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TaskPages;
import th.qaflow.support.WebSessions;

/**
 * Issue 13 §6 through the real web layer: the district's register of issues stakeholders want
 * ONESQA to assess (the QA staff add and remove, bad entries are explained and store nothing,
 * others are refused), the page that puts each school's SAR levels beside ONESQA's, and the ONESQA
 * package (the target schools' SARs, the synthesis, the issues, the readiness list). Years
 * 2940–2945.
 */
@ProcessTest
class OnesqaLoopWebTest {
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired CycleService cycles;
  @Autowired RuntimeService runtime;
  @Autowired Documents documents;

  @Test
  void theQaOfficerKeepsTheRegisterAndBadEntriesAreExplained() throws Exception {
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    mvc.perform(add(officer, 2940, "PARENTS", "2", "ความปลอดภัยของนักเรียนในการเดินทาง"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("success", "external.issue.added"));
    mvc.perform(add(officer, 2940, "ALIENS", "", "ประเด็น"))
        .andExpect(flash().attribute("error", "external.issue.error.stakeholder"));
    mvc.perform(add(officer, 2940, "PARENTS", "9", "ประเด็น"))
        .andExpect(flash().attribute("error", "external.issue.error.standard"));
    mvc.perform(add(officer, 2940, "COMMUNITY", "", "   "))
        .andExpect(flash().attribute("error", "external.issue.error.empty"));
    mvc.perform(add(officer, 2940, "COMMUNITY", "", "ก".repeat(2001)))
        .andExpect(flash().attribute("error", "external.issue.error.tooLong"))
        .andExpect(flash().attribute("issueDraft", "ก".repeat(2001)));
    mvc.perform(
            post("/external/issues")
                .session(officer)
                .with(csrf())
                .param("district", DISTRICT)
                .param("year", "25x0")
                .param("stakeholder", "PARENTS")
                .param("issue", "x"))
        .andExpect(status().isNotFound());
    assertThat(count(2940)).isEqualTo(1);

    String page = html(officer, "/external?district=" + DISTRICT + "&year=2940");
    assertThat(page)
        .contains("ประเด็นที่ผู้มีส่วนได้ส่วนเสียต้องการให้ประเมิน")
        .contains("ความปลอดภัยของนักเรียนในการเดินทาง", "ผู้ปกครอง", "มาตรฐานที่ 2")
        .contains("เพิ่มประเด็น");

    String id =
        jdbc.sql("select id from onesqa_issue where academic_year = 2940")
            .query(String.class)
            .single();
    mvc.perform(
            post("/external/issues/" + id + "/delete")
                .session(officer)
                .with(csrf())
                .param("district", DISTRICT)
                .param("year", "2940"))
        .andExpect(flash().attribute("success", "external.issue.removed"));
    assertThat(count(2940)).isZero();
  }

  @Test
  void onlyTheDistrictsQaStaffChangeTheRegister() throws Exception {
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    mvc.perform(add(officer, 2941, "BOARD", "", "การใช้งบประมาณ"))
        .andExpect(flash().attribute("success", "external.issue.added"));
    String id =
        jdbc.sql("select id from onesqa_issue where academic_year = 2941")
            .query(String.class)
            .single();

    MockHttpSession supervisor = WebSessions.login(mvc, "supervisor1");
    mvc.perform(add(supervisor, 2941, "BOARD", "", "แอบเพิ่ม")).andExpect(status().isForbidden());
    mvc.perform(
            post("/external/issues/" + id + "/delete")
                .session(supervisor)
                .with(csrf())
                .param("district", DISTRICT)
                .param("year", "2941"))
        .andExpect(status().isForbidden());
    assertThat(html(supervisor, "/external?district=" + DISTRICT + "&year=2941"))
        .contains("การใช้งบประมาณ")
        .doesNotContain("เพิ่มประเด็น");

    MockHttpSession school = WebSessions.login(mvc, "director1");
    mvc.perform(get("/external").session(school)).andExpect(status().isForbidden());
    mvc.perform(add(school, 2941, "BOARD", "", "แอบเพิ่ม")).andExpect(status().isForbidden());
    MockHttpSession obec = WebSessions.login(mvc, "obec");
    mvc.perform(add(obec, 2941, "BOARD", "", "แอบเพิ่ม")).andExpect(status().isForbidden());
    // an id of this district sent with another district's code is not found there
    MockHttpSession admin = WebSessions.login(mvc, "admin");
    mvc.perform(
            post("/external/issues/" + id + "/delete")
                .session(admin)
                .with(csrf())
                .param("district", "1001")
                .param("year", "2941"))
        .andExpect(status().is4xxClientError());
    mvc.perform(
            post("/external/issues")
                .param("district", DISTRICT)
                .param("year", "2941")
                .param("stakeholder", "BOARD")
                .param("issue", "x")
                .with(csrf()))
        .andExpect(status().is3xxRedirection()); // to the sign-in page
    assertThat(count(2941)).isEqualTo(1);
  }

  @Test
  void theComparisonPutsEachSchoolsSarLevelsBesideOnesqas() throws Exception {
    int year = 2943;
    // school 3 reported 4, 3, 5 in its SAR of 2942; ONESQA found 3, 3, 5 in 2943
    String cycle = cycles.startSchool(school(3), year - 1, "qaofficer").orElseThrow();
    runtime.setVariable(
        cycle, "sarLevels", List.of(level("1", "4"), level("2", "3"), level("3", "5")));
    insertSchool(year, school(3), year - 1);
    insertResult(year, school(3), "1", "3", true);
    insertResult(year, school(3), "2", "3", true);
    insertResult(year, school(3), "3", "5", true);
    // school 4 has no result yet: not compared
    insertSchool(year, school(4), null);

    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    String page = html(officer, "/external/compare?district=" + DISTRICT + "&year=" + year);
    assertThat(page)
        .contains("ผลการประกันคุณภาพภายในเทียบกับการประเมินภายนอก")
        .contains("compare-" + school(3))
        .doesNotContain("compare-" + school(4))
        .contains("SAR ปีการศึกษา 2942")
        .contains("SAR สูงกว่า 1 ระดับ", "ตรงกัน")
        .contains("สถานศึกษาที่ได้รับผลการประเมินแล้ว 1 แห่ง ในจำนวนนี้ 1 แห่ง");
    assertThat(html(officer, "/external?district=" + DISTRICT + "&year=" + year))
        .contains("/external/compare?district=" + DISTRICT + "&amp;year=" + year);
    MockHttpSession school = WebSessions.login(mvc, "director1");
    mvc.perform(get("/external/compare").session(school)).andExpect(status().isForbidden());
  }

  @Test
  void theOnesqaPackageHoldsTheTargetSchoolsSarsTheIssuesAndSaysWhatIsMissing() throws Exception {
    int year = 2944;
    byte[] sar = TaskPages.pdf("SAR ของโรงเรียน 3");
    DocumentVersion stored =
        documents.store(
            new DocumentSlot(school(3), null, year - 1, "sarFile"), "รายงาน SAR.pdf", sar, "qa3");
    insertSchool(year, school(3), year - 1);
    jdbc.sql(
            "update external_school set sar_version_id = :v where academic_year = :y and school_code = :s")
        .param("v", stored.versionId())
        .param("y", year)
        .param("s", school(3))
        .update();
    insertSchool(year, school(4), null); // a target without its SAR yet
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    mvc.perform(add(officer, year, "COMMUNITY", "1", "การอ่านออกเขียนได้ของนักเรียน"))
        .andExpect(flash().attribute("success", "external.issue.added"));

    var response =
        mvc.perform(
                get("/external/package.zip?district=" + DISTRICT + "&year=" + year)
                    .session(officer))
            .andExpect(request().asyncStarted())
            .andReturn();
    var done = mvc.perform(asyncDispatch(response)).andExpect(status().isOk()).andReturn();
    assertThat(done.getResponse().getHeader("Content-Disposition"))
        .contains("onesqa-package-" + DISTRICT + "-" + year + ".zip");
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    try (ZipInputStream zip =
        new ZipInputStream(
            new ByteArrayInputStream(done.getResponse().getContentAsByteArray()),
            StandardCharsets.UTF_8)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    }
    String sarEntry = "SAR/" + school(3) + "-SAR" + (year - 1) + ".pdf";
    assertThat(entries)
        .containsKeys(
            sarEntry,
            "issues-" + DISTRICT + "-" + year + ".csv",
            "readiness-" + DISTRICT + "-" + year + ".xlsx",
            "index.txt");
    assertThat(entries.get(sarEntry)).isEqualTo(sar);
    String index = new String(entries.get("index.txt"), StandardCharsets.UTF_8);
    assertThat(index)
        .contains(school(4) + " ", "ยังไม่มี SAR / no SAR yet")
        .contains("ผลการสังเคราะห์ SAR ปีการศึกษา " + (year - 1) + ": ยังไม่เผยแพร่");
    String issuesCsv =
        new String(entries.get("issues-" + DISTRICT + "-" + year + ".csv"), StandardCharsets.UTF_8);
    assertThat(issuesCsv)
        .startsWith("\uFEFF")
        .contains("การอ่านออกเขียนได้ของนักเรียน", "ชุมชน / Community");
    try (XSSFWorkbook readiness =
        new XSSFWorkbook(
            new ByteArrayInputStream(
                entries.get("readiness-" + DISTRICT + "-" + year + ".xlsx")))) {
      assertThat(readiness.getSheetAt(0).getLastRowNum()).isEqualTo(2); // heading + 2 schools
    }

    mvc.perform(
            get("/external/package.zip?year=" + year).session(WebSessions.login(mvc, "director1")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/external/package.zip?year=" + year)).andExpect(status().is3xxRedirection());
  }

  @Test
  void earlierRoundsImportAllOrNothingAndShowBesideThisRound() throws Exception {
    int year = 2945;
    insertSchool(year, school(5), null);
    insertResult(year, school(5), "1", "4", true);
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    String header = "school_code,assessment_year,standard_code,level,round\n";

    String bad =
        header
            + school(5)
            + ",2563,1,3,รอบสี่\n"
            + "9999999999,2563,1,3,\n"
            + school(5)
            + ",2563,2,7,\n";
    List<?> problems =
        (List<?>)
            mvc.perform(baseline(officer, year, bad.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getFlashMap()
                .get("baselineProblems");
    assertThat(problems)
        .map(Object::toString)
        .containsExactly(
            "แถว 3: รหัสสถานศึกษา \"9999999999\" ไม่ใช่สถานศึกษาในสังกัดของเขตพื้นที่นี้",
            "แถว 4: ระดับ \"7\" ต้องเป็นตัวเลข 1–5");
    assertThat(baselineRows(school(5))).isZero();
    mvc.perform(baseline(officer, year, "school_code\n1\n".getBytes(StandardCharsets.UTF_8)))
        .andExpect(
            flash()
                .attribute(
                    "baselineProblems",
                    List.of(
                        "แถวหัวตารางไม่มีคอลัมน์ assessment_year",
                        "แถวหัวตารางไม่มีคอลัมน์ standard_code",
                        "แถวหัวตารางไม่มีคอลัมน์ level")));
    mvc.perform(baseline(officer, year, new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}))
        .andExpect(
            flash()
                .attribute(
                    "baselineProblems",
                    List.of(
                        "ไฟล์ไม่ได้เข้ารหัส UTF-8 โปรดบันทึกเป็น CSV UTF-8 แล้วนำเข้าอีกครั้ง")));
    assertThat(baselineRows(school(5))).isZero();

    String good =
        "\uFEFF" + header + school(5) + ",2563,1,3,รอบสี่\n" + school(5) + ",2558,1,2,รอบสาม\n";
    mvc.perform(baseline(officer, year, good.getBytes(StandardCharsets.UTF_8)))
        .andExpect(flash().attribute("baselineImported", "นำเข้าผลการประเมินรอบก่อนแล้ว 2 แถว"));
    assertThat(baselineRows(school(5))).isEqualTo(2);
    // the newest earlier round beside this round's result
    assertThat(html(officer, "/external/compare?district=" + DISTRICT + "&year=" + year))
        .contains("สมศ. รอบก่อน")
        .contains("3 ดี (ปีการศึกษา 2563)")
        .doesNotContain("(ปีการศึกษา 2558)");

    mvc.perform(
            baseline(
                WebSessions.login(mvc, "supervisor1"), year, good.getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isForbidden());
    mvc.perform(
            baseline(
                WebSessions.login(mvc, "director5"), year, good.getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isForbidden());
    assertThat(baselineRows(school(5))).isEqualTo(2);
  }

  private MockHttpServletRequestBuilder baseline(MockHttpSession session, int year, byte[] csv) {
    return multipart("/external/baseline")
        .file(new MockMultipartFile("file", "baseline.csv", "text/csv", csv))
        .session(session)
        .with(csrf())
        .param("district", DISTRICT)
        .param("year", String.valueOf(year));
  }

  private int baselineRows(String school) {
    return jdbc.sql("select count(*) from onesqa_baseline where school_code = :s")
        .param("s", school)
        .query(Integer.class)
        .single();
  }

  private MockHttpServletRequestBuilder add(
      MockHttpSession session, int year, String stakeholder, String standard, String issue) {
    return post("/external/issues")
        .session(session)
        .with(csrf())
        .param("district", DISTRICT)
        .param("year", String.valueOf(year))
        .param("stakeholder", stakeholder)
        .param("standardCode", standard)
        .param("issue", issue);
  }

  private String html(MockHttpSession session, String url) throws Exception {
    return mvc.perform(get(url).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private int count(int year) {
    return jdbc.sql("select count(*) from onesqa_issue where academic_year = :y")
        .param("y", year)
        .query(Integer.class)
        .single();
  }

  private static Map<String, Object> level(String standard, String achieved) {
    return Map.of(
        "standardCode",
        standard,
        "standardLabel",
        "มาตรฐานที่ " + standard,
        "achievedLevel",
        achieved);
  }

  private void insertSchool(int year, String school, Integer sarYear) {
    jdbc.sql(
            """
            insert into external_school (district_code, academic_year, school_code, status, target, sar_year,
              updated_at)
            values (:d, :y, :s, 'RESULT_MET', true, :sy, :at)""")
        .param("d", DISTRICT)
        .param("y", year)
        .param("s", school)
        .param("sy", sarYear)
        .param("at", Timestamp.from(Instant.parse("2030-01-01T00:00:00Z")))
        .update();
  }

  private void insertResult(int year, String school, String standard, String level, boolean met) {
    jdbc.sql(
            """
            insert into external_result (district_code, academic_year, school_code, assessment_round,
              standard_code, level_value, met, recorded_at)
            values (:d, :y, :s, 0, :c, :l, :m, :at)""")
        .param("d", DISTRICT)
        .param("y", year)
        .param("s", school)
        .param("c", standard)
        .param("l", level)
        .param("m", met)
        .param("at", Timestamp.from(Instant.parse("2030-01-01T00:00:00Z")))
        .update();
  }
}
