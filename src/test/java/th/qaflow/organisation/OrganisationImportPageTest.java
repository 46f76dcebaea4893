package th.qaflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.organisation.TestData.PEOPLE_HEADER;
import static th.qaflow.organisation.TestData.SCHOOL_HEADER;
import static th.qaflow.organisation.TestData.lines;
import static th.qaflow.organisation.TestData.utf8;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The upload page. The controller checks the acting person itself (an administrator or a district
 * QA officer), so others are refused with or without method security. The language is asked for
 * both ways: {@code ?lang=} (the app's locale resolver) and Accept-Language (Spring's default).
 */
@OrganisationTest
class OrganisationImportPageTest {

  static final String PAGE = "/admin/organisation/import";

  @Autowired MockMvc mvc;
  @Autowired OrganisationImport imports;
  @Autowired OrganisationDirectory directory;

  TestData t;

  @BeforeEach
  void districtWithPeople() {
    t = new TestData();
    imports.importCsv(ImportKind.DISTRICTS, utf8(t.districtsCsv()), TestData.ADMIN);
    imports.importCsv(ImportKind.SCHOOLS, utf8(t.schoolsCsv()), TestData.ADMIN);
    assertThat(imports.importCsv(ImportKind.PEOPLE, utf8(t.peopleCsv()), TestData.ADMIN).ok())
        .isTrue();
  }

  @Test
  void theFormIsInThaiWithCsrfAndColumnDocs() throws Exception {
    mvc.perform(
            get(PAGE)
                .with(user(t.user("admin")).roles("ADMIN"))
                .param("lang", "th")
                .header("Accept-Language", "th"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html lang=\"th\"")))
        .andExpect(content().string(containsString("นำเข้าข้อมูลหน่วยงาน")))
        .andExpect(content().string(containsString("name=\"_csrf\"")))
        .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
        .andExpect(content().string(containsString("value=\"DISTRICTS\"")))
        .andExpect(content().string(containsString("รหัส SMIS 8 หลัก")))
        .andExpect(content().string(not(containsString("??"))));
  }

  @Test
  void theFormIsInEnglishAndOfficersCannotChooseDistricts() throws Exception {
    mvc.perform(
            get(PAGE)
                .with(user(t.user("qaoff")).roles("DISTRICT_QA_OFFICER"))
                .param("lang", "en")
                .header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html lang=\"en\"")))
        .andExpect(content().string(containsString("Import organisation data")))
        .andExpect(content().string(containsString("value=\"SCHOOLS\"")))
        .andExpect(content().string(not(containsString("value=\"DISTRICTS\""))))
        .andExpect(content().string(not(containsString("??"))));
  }

  @Test
  void anUploadRedirectsToTheReport() throws Exception {
    String csv = lines(SCHOOL_HEADER, t.schoolRow(3));
    MvcResult result =
        mvc.perform(
                multipart(PAGE)
                    .file(
                        new MockMultipartFile(
                            "file",
                            "schools.csv",
                            "text/csv",
                            csv.getBytes(StandardCharsets.UTF_8)))
                    .param("kind", "SCHOOLS")
                    .with(csrf())
                    .with(user(t.user("qaoff")).roles("DISTRICT_QA_OFFICER")))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl(PAGE))
            .andExpect(flash().attributeExists("report"))
            .andReturn();
    ImportReport report = (ImportReport) result.getFlashMap().get("report");
    assertThat(report.created()).isOne();
    assertThat(directory.school(t.school(3))).isPresent();

    mvc.perform(
            get(PAGE)
                .flashAttrs(result.getFlashMap())
                .with(user(t.user("qaoff")).roles("DISTRICT_QA_OFFICER"))
                .param("lang", "en")
                .header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Imported.")))
        .andExpect(content().string(containsString("schools.csv")));
  }

  @Test
  void errorsAndGeneratedPasswordsAreShown() throws Exception {
    String bad =
        lines(
            SCHOOL_HEADER,
            String.join(",", t.school(4), t.smis(4), "โรงเรียน", "", "Z999", "", "", "1", "1"));
    MvcResult failed =
        mvc.perform(
                multipart(PAGE)
                    .file(
                        new MockMultipartFile(
                            "file", "bad.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                    .param("kind", "SCHOOLS")
                    .with(csrf())
                    .with(user(t.user("admin")).roles("ADMIN")))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    mvc.perform(
            get(PAGE)
                .flashAttrs(failed.getFlashMap())
                .with(user(t.user("admin")).roles("ADMIN"))
                .param("lang", "th")
                .header("Accept-Language", "th"))
        .andExpect(content().string(containsString("ไม่ได้นำเข้าข้อมูลใดเลย")))
        .andExpect(content().string(containsString("ไม่พบสำนักงานเขตพื้นที่ Z999")));

    String people =
        lines(
            PEOPLE_HEADER,
            t.personRow("new", "ใหม่", "ไม่มีรหัส", Role.SCHOOL_BOARD, "", t.school(2), "", ""));
    MvcResult created =
        mvc.perform(
                multipart(PAGE)
                    .file(
                        new MockMultipartFile(
                            "file",
                            "people.csv",
                            "text/csv",
                            people.getBytes(StandardCharsets.UTF_8)))
                    .param("kind", "PEOPLE")
                    .with(csrf())
                    .with(user(t.user("admin")).roles("ADMIN")))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String password =
        ((ImportReport) created.getFlashMap().get("report"))
            .generatedPasswords()
            .get(t.user("new"));
    mvc.perform(
            get(PAGE)
                .flashAttrs(created.getFlashMap())
                .with(user(t.user("admin")).roles("ADMIN"))
                .param("lang", "en")
                .header("Accept-Language", "en"))
        .andExpect(content().string(containsString("Passwords of new users")))
        .andExpect(content().string(containsString(password)));
  }

  @Test
  void anOperatorFromCamundaAdminWithoutADirectoryEntryActsAsAdministrator() throws Exception {
    String csv = lines(SCHOOL_HEADER, t.schoolRow(5));
    mvc.perform(
            multipart(PAGE)
                .file(
                    new MockMultipartFile(
                        "file", "schools.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("kind", "SCHOOLS")
                .with(csrf())
                .with(user("operator-" + t.d).roles("ADMIN")))
        .andExpect(status().is3xxRedirection());
    assertThat(directory.school(t.school(5))).isPresent();
  }

  @Test
  void othersAreRefused() throws Exception {
    mvc.perform(get(PAGE).with(user(t.user("qa1")).roles("SCHOOL_QA")))
        .andExpect(status().isForbidden());
    mvc.perform(get(PAGE).with(user("nobody").roles("SCHOOL_QA")))
        .andExpect(status().isForbidden());
    mvc.perform(
            multipart(PAGE)
                .file(
                    new MockMultipartFile(
                        "file",
                        "s.csv",
                        "text/csv",
                        t.schoolsCsv().getBytes(StandardCharsets.UTF_8)))
                .param("kind", "SCHOOLS")
                .with(csrf())
                .with(user(t.user("qa1")).roles("SCHOOL_QA")))
        .andExpect(status().isForbidden());
    // no CSRF token
    mvc.perform(
            multipart(PAGE)
                .file(
                    new MockMultipartFile(
                        "file",
                        "s.csv",
                        "text/csv",
                        t.schoolsCsv().getBytes(StandardCharsets.UTF_8)))
                .param("kind", "SCHOOLS")
                .with(user(t.user("admin")).roles("ADMIN")))
        .andExpect(status().isForbidden());
  }
}
