package th.qaflow.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.QaFlowTest;
import th.qaflow.district.DistrictCycles;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;

/**
 * The district dashboard's "district's own work": the DistrictQaCycle's current and done steps from
 * the read model's district rows (kept by the recorder and equal to a rebuild), and the SAR reviews
 * open/overdue per supervisor. Only the district's staff (and OBEC, admin) see it.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class DistrictWorkTest {
  static final int YEAR = 2822;
  static final String OTHER = "9828";

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired DistrictCycles districtCycles;
  @Autowired OrganisationImport organisation;
  @Autowired StageStatusTable table;
  @Autowired ReadModelRebuild rebuild;

  @Test
  void theDistrictsOwnStepsAndSarReviewsPerSupervisorShowOnItsDashboardOnly() throws Exception {
    organisation.importDemo();
    importOtherDistrict();
    int ce = AcademicYears.firstCalendarYear(YEAR);
    EngineTestClock.at(LocalDateTime.of(ce, 5, 16, 8, 0));
    String pi = districtCycles.start("1099", YEAR, "qaofficer").orElseThrow();
    List<Task> open = tasks.createTaskQuery().processInstanceId(pi).list();
    assertThat(open).isNotEmpty();
    Task first = open.get(0);
    tasks.claim(first.getId(), "qaofficer");
    tasks.complete(first.getId());
    // two schools' SARs arrive for review: cluster 1 (supervisor1) and cluster 2 (supervisor2)
    sarSubmitted("1099010001", "1099-C1");
    sarSubmitted("1099010005", "1099-C2");
    sarSubmitted("1099010006", "1099-C2");
    Task claimed =
        tasks
            .createTaskQuery()
            .processDefinitionKey("SarReview")
            .processVariableValueEquals("schoolCode", "1099010006")
            .singleResult();
    tasks.claim(claimed.getId(), "supervisor2");

    // the read model: district rows, the same as a rebuild from history gives
    List<StageRow> districtRows =
        table.ofDistrict("1099", YEAR).stream().filter(StageRow::districtLevel).toList();
    assertThat(districtRows)
        .extracting(StageRow::schoolCode)
        .containsOnly(StageRow.districtRow("1099"));
    assertThat(districtRows)
        .anyMatch(
            r -> r.taskId().equals(first.getId()) && !r.open() && "qaofficer".equals(r.doneBy()));
    assertThat(
            districtRows.stream()
                .filter(StageRow::open)
                .map(StageRow::taskId)
                .collect(Collectors.toSet()))
        .isEqualTo(
            tasks.createTaskQuery().processInstanceId(pi).list().stream()
                .map(Task::getId)
                .collect(Collectors.toSet()));
    assertThat(facts(rebuild.compute().stream().filter(r -> r.academicYear() == YEAR).toList()))
        .as("rebuild = recorder")
        .isEqualTo(facts(table.ofDistrict("1099", YEAR)));

    // later: past every due date of the year's first weeks
    EngineTestClock.at(LocalDateTime.of(ce + 1, 3, 1, 9, 0));
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    String html =
        mvc.perform(get("/monitoring/districts/1099").param("year", "" + YEAR).session(officer))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html)
        .contains("id=\"district-work\"", "id=\"district-current\"", "id=\"district-done\"");
    String current = between(html, "id=\"district-current\"", "</table>");
    for (Task t : tasks.createTaskQuery().processInstanceId(pi).list()) {
      assertThat(current).contains("data-task-id=\"" + t.getId() + "\"");
    }
    assertThat(current).contains("data-status=\"OVERDUE\"").doesNotContain(first.getId());
    assertThat(between(html, "id=\"district-done\"", "</table>"))
        .contains(first.getId(), "qaofficer");
    String sar = between(html, "id=\"sar-reviews\"", "</table>");
    assertThat(sar)
        .contains("data-supervisor=\"supervisor1\" data-open=\"1\" data-overdue=\"1\"")
        .contains("data-supervisor=\"supervisor2\" data-open=\"2\" data-overdue=\"2\"");
    // the school matrix has no district row
    assertThat(between(html, "id=\"matrix\"", "</table>")).doesNotContain("district-1099");

    // scope: another district's staff and school users are refused; OBEC reads it
    mvc.perform(
            get("/monitoring/districts/1099")
                .param("year", "" + YEAR)
                .session(WebSessions.login(mvc, "m" + OTHER + "off")))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/monitoring/districts/1099")
                .param("year", "" + YEAR)
                .session(WebSessions.login(mvc, "qa1")))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/monitoring/districts/" + OTHER)
                .param("year", "" + YEAR)
                .session(WebSessions.login(mvc, "m" + OTHER + "off")))
        .andExpect(status().isOk());
    assertThat(
            mvc.perform(
                    get("/monitoring/districts/1099")
                        .param("year", "" + YEAR)
                        .session(WebSessions.login(mvc, "obec")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .contains("id=\"district-current\"");
  }

  private void sarSubmitted(String school, String cluster) {
    runtime
        .createMessageCorrelation("SarSubmitted")
        .setVariables(
            Variables.createVariables()
                .putValue("schoolCode", school)
                .putValue("schoolName", "โรงเรียน " + school)
                .putValue("districtCode", "1099")
                .putValue("clusterCode", cluster)
                .putValue("academicYear", YEAR))
        .correlateStartMessage();
  }

  private void importOtherDistrict() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        OTHER + ",สพป.ติดตามเขตอื่น,Monitoring Other District,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "m"
            + OTHER
            + "off,ปรียา,เขตอื่น,m"
            + OTHER
            + "off@qaflow.example,DISTRICT_QA_OFFICER,"
            + OTHER
            + ",,,demo");
  }

  private static List<String> facts(List<StageRow> rows) {
    return rows.stream().map(StageRow::facts).sorted().toList();
  }

  private static String between(String html, String from, String to) {
    int start = html.indexOf(from);
    assertThat(start).as(from).isPositive();
    return html.substring(start, html.indexOf(to, start));
  }
}
