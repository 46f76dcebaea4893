package th.qaflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.QaFlowTest;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.StatementLog;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;

/**
 * The task list's school filter offers a supervisor the schools of their district they may see;
 * which ones is decided for the whole list in a few reads, not one or two per school of the
 * district (it was 496 statements for a supervisor of a 250-school district, see
 * docs/benchmarks/national.md). Here a 60-school district in four clusters: the page costs the same
 * few statements it costs anywhere.
 */
@QaFlowTest
@ExtendWith(OutputCaptureExtension.class)
class TasklistSchoolFilterQueriesTest {
  static final String DISTRICT = "9961";
  static final int SCHOOLS = 60;

  @Autowired MockMvc mvc;
  @Autowired OrganisationImport organisation;

  @Test
  void aSupervisorsListReadsTheDistrictsSchoolsOnceNotPerSchool(CapturedOutput output)
      throws Exception {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        DISTRICT + ",สพป.ทดสอบตัวกรองโรงเรียน,School filter test district,PRIMARY");
    List<String> schools =
        new ArrayList<>(
            List.of(
                "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,"
                    + "early_childhood,basic"));
    for (int s = 0; s < SCHOOLS; s++) {
      schools.add(
          "%s%06d,96%06d,โรงเรียนทดสอบตัวกรอง %d,,%s,%s-C%d,กลุ่มทดสอบ %d,true,true"
              .formatted(DISTRICT, s + 1, s + 1, s + 1, DISTRICT, DISTRICT, s / 15 + 1, s / 15));
    }
    TestOrganisation.importLines(organisation, ImportKind.SCHOOLS, schools.toArray(String[]::new));
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "sup9961,ทดสอบ,นิเทศ,sup9961@qaflow.example,SUPERVISOR,"
            + DISTRICT
            + ",,"
            + DISTRICT
            + "-C1,demo");
    MockHttpSession supervisor = WebSessions.login(mvc, "sup9961");
    mvc.perform(get("/tasks").session(supervisor)).andExpect(status().isOk());

    Map<String, Integer> counts =
        StatementLog.during(
            output,
            () -> {
              try {
                mvc.perform(get("/tasks").session(supervisor)).andExpect(status().isOk());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    System.out.printf("TASKLIST school filter statements: %d%n", StatementLog.total(counts));
    // the school filter's part: the district's schools once, the held work at most once
    assertThat(StatementLog.total(counts)).as("statements: %s", counts).isLessThan(20);
  }
}
