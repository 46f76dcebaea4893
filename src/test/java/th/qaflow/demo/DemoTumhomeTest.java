package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.QaFlowTest;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.tumhome.TumhomeDrives;
import th.qaflow.tumhome.TumhomeDrives.Drive;
import th.qaflow.tumhome.TumhomeDrives.Mou;
import th.qaflow.tumhome.TumhomeProcess;
import th.qaflow.visit.VisitRounds;

/**
 * The demo's TUMHOME drive loads through real form validation: the year (here 2899, as 2569 in the
 * demo) is past the directors' meeting, schools 1, 2, 3 and 5 signed their MOUs within the academic
 * year, signing is closed, the progress reported, and the mentoring task is open with its visit
 * round (round 2) launched for the four MOU schools.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class DemoTumhomeTest {
  @Autowired java.util.List<th.qaflow.committee.AgendaSource> agendaSources;
  @Autowired DemoTumhome demo;
  @Autowired TumhomeDrives drives;
  @Autowired OrganisationImport organisation;
  @Autowired TaskService tasks;
  @Autowired VisitRounds visitRounds;

  @Test
  void theYearsDriveIsAtTheMentoringWithFourMousAndItsVisitRound() {
    organisation.importDemo();
    int year = 2899;
    EngineTestClock.at(year - 543, 12, 3, 10, 0);
    demo.load(year);

    Drive drive = drives.drive("1099", year).orElseThrow();
    assertThat(drive.meetingOn()).isEqualTo(AcademicYears.start(year).plusDays(30));
    assertThat(drive.signingOpen()).isFalse();
    assertThat(drives.mous(drive.id()))
        .extracting(Mou::schoolCode)
        .containsExactly("1099010001", "1099010002", "1099010003", "1099010005");
    assertThat(drives.mous(drive.id()))
        .allSatisfy(
            m ->
                assertThat(m.signedOn())
                    .isAfterOrEqualTo(drive.meetingOn())
                    .isBefore(AcademicYears.start(year + 1)));
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(drive.processInstanceId())
                .taskDefinitionKey(TumhomeProcess.TASK_MENTORING)
                .count())
        .isEqualTo(1);
    assertThat(drive.mentoringRoundNo()).isEqualTo(DemoTumhome.MENTORING_ROUND);
    assertThat(visitRounds.rounds("1099", year))
        .filteredOn(r -> r.roundNo() == DemoTumhome.MENTORING_ROUND)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.visits())
                    .extracting(VisitRounds.Visit::schoolCode)
                    .containsExactly("1099010001", "1099010002", "1099010003", "1099010005"));

    // its progress is proposed to ก.ต.ป.น., with the schools that signed
    assertThat(
            agendaSources.stream()
                .flatMap(source -> source.suggestions("1099", year).stream())
                .filter(item -> item.source().equals("TUMHOME")))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.title()).contains("ความก้าวหน้า").contains(String.valueOf(year));
              assertThat(item.note()).contains("4 แห่ง");
            });

    demo.load(year); // a second load starts nothing twice
    assertThat(drives.drives("1099")).filteredOn(d -> d.academicYear() == year).hasSize(1);
  }
}
