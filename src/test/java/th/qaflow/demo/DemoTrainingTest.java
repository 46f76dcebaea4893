package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.WebSessions;
import th.qaflow.training.TrainingEventProcess;
import th.qaflow.training.Trainings;
import th.qaflow.training.Trainings.Event;
import th.qaflow.training.Trainings.SchoolAttendance;
import th.qaflow.training.Trainings.Status;

/**
 * The demo's training events load through the module's own service and process, dated in the past
 * as the demo writes its history: the SAR workshop held with attendance from several schools
 * (walk-ins included), five evaluations in and its report waiting for qaofficer; the standards
 * training open for registration with two people registered; the school's history and the pages
 * show them; a second load adds nothing.
 */
@ProcessTest
class DemoTrainingTest {
  @Autowired DemoTraining demo;
  @Autowired DemoClock clock;
  @Autowired Trainings trainings;
  @Autowired TaskService tasks;
  @Autowired MockMvc mvc;

  @Test
  void aWorkshopHeldAndOneOpenForRegistration() throws Exception {
    clock.begin();
    try {
      demo.load(2569);
    } finally {
      clock.end();
    }
    List<Event> events = trainings.ofDistrict("1099");
    Event past =
        events.stream()
            .filter(e -> e.title().equals(DemoTraining.PAST_TITLE))
            .findFirst()
            .orElseThrow();
    assertThat(past.status()).isEqualTo(Status.REPORT);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(past.processInstanceId())
                .taskDefinitionKey(TrainingEventProcess.TASK_WRITE_REPORT)
                .singleResult()
                .getAssignee())
        .isEqualTo("qaofficer");
    List<SchoolAttendance> bySchool = trainings.attendance(past.id());
    assertThat(bySchool).hasSizeGreaterThanOrEqualTo(5);
    assertThat(bySchool.stream().mapToInt(SchoolAttendance::total).sum()).isEqualTo(10);
    assertThat(trainings.summary(past.id()).answers()).isEqualTo(5);
    assertThat(trainings.historyOfSchool("1099010007")).hasSize(1);

    Event next =
        events.stream()
            .filter(e -> e.title().equals(DemoTraining.NEXT_TITLE))
            .findFirst()
            .orElseThrow();
    assertThat(next.status()).isEqualTo(Status.REGISTRATION);
    assertThat(trainings.registrations(next.id())).hasSize(2);
    assertThat(next.startsAt()).isAfter(java.time.Instant.now());

    String page =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/training")
                    .session(WebSessions.login(mvc, "qa7")))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page).contains(DemoTraining.PAST_TITLE).doesNotContain(DemoTraining.NEXT_TITLE);

    demo.load(2569);
    assertThat(trainings.ofDistrict("1099")).hasSize(events.size());
  }
}
