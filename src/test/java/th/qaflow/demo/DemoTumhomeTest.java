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

/**
 * The demo's TUMHOME drive loads through real form validation: the year (here 2899, as 2569 in the
 * demo) is past the directors' meeting, schools 1, 2, 3 and 5 signed their MOUs, and the QA
 * officer's task to close signing is open.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class DemoTumhomeTest {
  @Autowired DemoTumhome demo;
  @Autowired TumhomeDrives drives;
  @Autowired OrganisationImport organisation;
  @Autowired TaskService tasks;

  @Test
  void theYearsDriveIsPastTheMeetingWithFourMous() {
    organisation.importDemo();
    int year = 2899;
    EngineTestClock.at(year - 543, 12, 3, 10, 0);
    demo.load(year);

    Drive drive = drives.drive("1099", year).orElseThrow();
    assertThat(drive.meetingOn()).isEqualTo(AcademicYears.start(year).plusDays(30));
    assertThat(drive.signingOpen()).isTrue();
    assertThat(drives.mous(drive.id()))
        .extracting(Mou::schoolCode)
        .containsExactly("1099010001", "1099010002", "1099010003", "1099010005");
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(drive.processInstanceId())
                .taskDefinitionKey(TumhomeProcess.TASK_CLOSE_MOU)
                .count())
        .isEqualTo(1);

    demo.load(year); // a second load starts nothing twice
    assertThat(drives.drives("1099")).filteredOn(d -> d.academicYear() == year).hasSize(1);
  }
}
