package th.qaflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.QaFlowTest;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.ImportReport;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;
import th.qaflow.support.WebSessions;

/**
 * Every CSV/XLSX export (all written by the one TableWriter) downloads, with its file name and
 * content type, for the district's staff, OBEC and the admin, and is refused to school users, to
 * another district's staff and to anyone not signed in.
 */
@QaFlowTest
class ExportsAccessTest {
  static final int YEAR = 2605;
  static final String OTHER = "9831";
  static final String OTHER_OFFICER = "x" + OTHER + "off";

  @Autowired MockMvc mvc;
  @Autowired OrganisationImport organisation;

  @BeforeEach
  void setUp() {
    organisation.importDemo();
    Person admin =
        new Person(
            "test-admin",
            "ทดสอบ",
            "ผู้ดูแล",
            "test-admin@qaflow.example",
            Role.ADMIN,
            null,
            null,
            List.of(),
            "th");
    check(
        organisation.importCsv(
            ImportKind.DISTRICTS,
            csv(
                "code,name_th,name_en,kind",
                OTHER + ",สพป.ส่งออกเขตอื่น,Exports Other District,PRIMARY"),
            admin));
    check(
        organisation.importCsv(
            ImportKind.PEOPLE,
            csv(
                "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
                OTHER_OFFICER
                    + ",ปรียา,เขตอื่น,"
                    + OTHER_OFFICER
                    + "@qaflow.example,DISTRICT_QA_OFFICER,"
                    + OTHER
                    + ",,,demo"),
            admin));
  }

  /** The district's exports: URL and the file name it must download as. */
  static List<String[]> exports(String district) {
    return List.of(
        new String[] {
          "/monitoring/districts/" + district + "/matrix.csv?year=" + YEAR,
          "matrix-" + district + "-" + YEAR + ".csv"
        },
        new String[] {
          "/monitoring/districts/" + district + "/matrix.xlsx?year=" + YEAR,
          "matrix-" + district + "-" + YEAR + ".xlsx"
        },
        new String[] {
          "/monitoring/districts/" + district + "/overdue.csv?year=" + YEAR,
          "overdue-" + district + "-" + YEAR + ".csv"
        },
        new String[] {
          "/monitoring/districts/" + district + "/overdue.xlsx?year=" + YEAR,
          "overdue-" + district + "-" + YEAR + ".xlsx"
        },
        new String[] {
          "/external/readiness.csv?district=" + district + "&year=" + YEAR,
          "onesqa-readiness-" + district + "-" + YEAR + ".csv"
        },
        new String[] {
          "/external/readiness.xlsx?district=" + district + "&year=" + YEAR,
          "onesqa-readiness-" + district + "-" + YEAR + ".xlsx"
        },
        new String[] {
          "/synthesis/" + district + "/" + YEAR + ".xlsx",
          "synthesis-" + district + "-" + YEAR + ".xlsx"
        });
  }

  @Test
  void theDistrictsStaffObecAndTheAdminDownloadEveryExport() throws Exception {
    for (String user : List.of("qaofficer", "supdirector", "obec", "admin")) {
      MockHttpSession session = WebSessions.login(mvc, user);
      for (String[] export : exports("1099")) {
        assertDownloads(user, session, export);
      }
    }
    MockHttpSession other = WebSessions.login(mvc, OTHER_OFFICER);
    for (String[] export : exports(OTHER)) {
      assertDownloads(OTHER_OFFICER, other, export);
    }
  }

  @Test
  void schoolUsersAnotherDistrictsStaffAndStrangersAreRefused() throws Exception {
    for (String user : List.of("qa1", "director1", "board1", OTHER_OFFICER)) {
      MockHttpSession session = WebSessions.login(mvc, user);
      for (String[] export : exports("1099")) {
        mvc.perform(get(export[0]).session(session)).andExpect(status().isForbidden());
      }
    }
    for (String[] export : exports("1099")) {
      mvc.perform(get(export[0])).andExpect(status().is3xxRedirection());
    }
  }

  private void assertDownloads(String user, MockHttpSession session, String[] export)
      throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(export[0]).session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
    String what = user + " " + export[0];
    assertThat(response.getHeader("Content-Disposition"))
        .as(what)
        .isEqualTo("attachment; filename=\"" + export[1] + "\"; filename*=UTF-8''" + export[1]);
    byte[] body = response.getContentAsByteArray();
    if (export[1].endsWith(".csv")) {
      assertThat(response.getContentType()).as(what).isEqualTo("text/csv;charset=UTF-8");
      assertThat(body[0] & 0xff).as(what).isEqualTo(0xEF);
      assertThat(new String(body, StandardCharsets.UTF_8)).as(what).contains("สถานศึกษา");
    } else {
      // (server.servlet.encoding.force adds ";charset=UTF-8" to every response, as before)
      assertThat(response.getContentType())
          .as(what)
          .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
        assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
            .as(what)
            .isNotBlank();
        assertThat(book.getSheetAt(0).getPaneInformation().isFreezePane()).as(what).isTrue();
      }
    }
  }

  private static void check(ImportReport report) {
    assertThat(report.ok()).as("fixture import: %s", report.errors()).isTrue();
  }

  private static ByteArrayInputStream csv(String... lines) {
    return new ByteArrayInputStream(
        (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
