package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.QaFlowTest;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.network.NetworkCycles;
import th.qaflow.network.NetworkCycles.Cycle;
import th.qaflow.network.NetworkCycles.Kind;
import th.qaflow.network.NetworkCycles.Network;
import th.qaflow.network.NetworkProcess;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.WebSessions;

/**
 * The demo's supervision network cycle loads through real form validation: the year (here 2894, as
 * 2569 in the demo) has its plan approved (after one return) with three networks, the seminar held
 * and semester one developed; in the demo's December the semester-two window has opened, so the
 * development of semester two is open.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class DemoNetworkTest {
  @Autowired DemoNetwork demo;
  @Autowired NetworkCycles cycles;
  @Autowired OrganisationImport organisation;
  @Autowired TaskService tasks;
  @Autowired MockMvc mvc;
  @Autowired java.util.List<th.qaflow.committee.AgendaSource> agendaSources;

  @Test
  void theYearsNetworkCycleRunsToSemesterTwo() throws Exception {
    organisation.importDemo();
    int year = 2894;
    EngineTestClock.at(year - 543, 12, 3, 10, 0);
    demo.load(year);

    Cycle cycle = cycles.cycle("1099", year).orElseThrow();
    assertThat(cycle.approvedAt()).isNotNull();
    assertThat(cycles.networks(cycle.id()))
        .extracting(Network::kind)
        .containsExactly(Kind.PERSON, Kind.PAIRED_SCHOOLS, Kind.COMMUNITY);
    assertThat(cycle.seminarOn()).isEqualTo(AcademicYears.start(year).plusDays(40));
    assertThat(cycle.seminarOn()).isBefore(LocalDate.of(year - 543, 12, 3));
    assertThat(cycles.developments(cycle.id()))
        .singleElement()
        .satisfies(d -> assertThat(d.semester()).isEqualTo(1));
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(cycle.processInstanceId())
                .taskDefinitionKey(NetworkProcess.TASK_DEVELOP_SEMESTER_TWO)
                .count())
        .isEqualTo(1);

    // the approved plan of networks is proposed to ก.ต.ป.น.
    assertThat(
            agendaSources.stream()
                .flatMap(source -> source.suggestions("1099", year).stream())
                .filter(item -> item.source().equals("NETWORK")))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.title()).contains("แผนการพัฒนาเครือข่ายการนิเทศ ปีการศึกษา " + year);
              assertThat(item.note())
                  .contains(cycles.networks(cycle.id()).get(0).name())
                  .contains(cycles.networks(cycle.id()).get(2).name());
            });

    // the year as a workbook: the overview, the three networks, semester one's development
    byte[] xlsx =
        mvc.perform(
                get("/networks/1099/{y}.xlsx", year).session(WebSessions.login(mvc, "qaofficer")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(book.getSheet("ภาพรวม").getRow(1).getCell(1).getNumericCellValue())
          .isEqualTo(year);
      XSSFSheet networks = book.getSheet("เครือข่ายตามแผน");
      assertThat(networks.getLastRowNum()).isEqualTo(3);
      assertThat(networks.getRow(1).getCell(1).getStringCellValue())
          .isEqualTo(cycles.networks(cycle.id()).get(0).name());
      assertThat(networks.getRow(1).getCell(2).getStringCellValue()).isEqualTo("เครือข่ายบุคคล");
      XSSFSheet developments = book.getSheet("การพัฒนาเครือข่าย");
      assertThat(developments.getLastRowNum()).isEqualTo(1);
      assertThat(developments.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1);
    }
    mvc.perform(
            get("/networks/1099/{y}.xlsx", year)
                .session(WebSessions.login(mvc, "districtdirector")))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/networks/1099/{y}.xlsx", year + 1).session(WebSessions.login(mvc, "qaofficer")))
        .andExpect(status().isNotFound());

    demo.load(year); // a second load starts nothing twice
    assertThat(cycles.cycles("1099")).filteredOn(c -> c.academicYear() == year).hasSize(1);
  }
}
