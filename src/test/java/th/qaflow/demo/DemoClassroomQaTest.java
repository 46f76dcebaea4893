package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.QaFlowTest;
import th.qaflow.classroomqa.ClassroomQaPilots;
import th.qaflow.classroomqa.ClassroomQaPilots.Cycle;
import th.qaflow.classroomqa.ClassroomQaPilots.Pilot;
import th.qaflow.classroomqa.ClassroomQaProcess;
import th.qaflow.committee.AgendaSource;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;

/**
 * The demo's classroom-level QA pilot loads through real form validation: the year (here 2898, as
 * 2569 in the demo) has school 2 as its pilot with schools 3 and 4 in its network, the first
 * lesson-study cycle complete with its reflection and revision, the second cycle's lesson planned
 * and supervisor1's observation open; its progress is proposed to ก.ต.ป.น.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class DemoClassroomQaTest {
  @Autowired List<AgendaSource> agendaSources;
  @Autowired DemoClassroomQa demo;
  @Autowired ClassroomQaPilots pilots;
  @Autowired OrganisationImport organisation;
  @Autowired TaskService tasks;

  @Test
  void thePilotSchoolIsInItsSecondLessonStudyCycle() {
    organisation.importDemo();
    int year = 2898;
    EngineTestClock.at(year - 543, 12, 3, 10, 0);
    demo.load(year);

    Pilot pilot = pilots.pilot("1099", year).orElseThrow();
    assertThat(pilot.pilotSchoolCode()).isEqualTo("1099010002");
    assertThat(pilot.networkSchools()).containsExactly("1099010003", "1099010004");
    List<Cycle> cycles = pilots.cycles(pilot.id());
    assertThat(cycles).extracting(Cycle::cycleNo).containsExactly(1, 2);
    assertThat(cycles.get(0).complete()).isTrue();
    assertThat(cycles.get(0).reflection()).contains("คำถามปลายเปิด");
    assertThat(cycles.get(0).revision()).contains("ใบงาน");
    assertThat(cycles.get(1).complete()).isFalse();
    assertThat(cycles.get(1).lesson()).contains("รอบที่ 1");
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(pilot.processInstanceId())
                .taskDefinitionKey(ClassroomQaProcess.TASK_TEACH_OBSERVE)
                .taskCandidateGroup("cluster-1099-C1-supervisor")
                .count())
        .isEqualTo(1);

    assertThat(
            agendaSources.stream()
                .flatMap(source -> source.suggestions("1099", year).stream())
                .filter(item -> item.source().equals("CLASSROOM_QA")))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.title()).contains("ห้องเรียน").contains(String.valueOf(year));
              assertThat(item.note())
                  .contains("โรงเรียนบ้านท่าน้ำ")
                  .contains("2 รอบ (เสร็จสิ้น 1 รอบ)");
            });
  }
}
