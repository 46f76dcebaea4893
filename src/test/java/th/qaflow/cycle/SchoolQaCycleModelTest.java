package th.qaflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import th.qaflow.kernel.Stage;

/**
 * The ids in {@link SchoolQaCycleProcess} agree with bpmn/SchoolQaCycle.bpmn: the timers the
 * calendar moves wait for the stage the constants say, and every SAR escalation is a visible,
 * non-interrupting boundary timer on its task leading to an asynchronous service task and its own
 * end event.
 */
class SchoolQaCycleModelTest {
  final BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/SchoolQaCycle.bpmn"));

  @Test
  void openingTimersWaitForTheirStage() {
    SchoolQaCycleProcess.OPENING_TIMERS.forEach(
        (stage, id) -> {
          IntermediateCatchEvent timer = model.getModelElementById(id);
          assertThat(timerExpression(timer.getEventDefinitions().iterator().next()))
              .isEqualTo("${qaCalendar.opensAt(execution, '" + stage.name() + "')}");
        });
  }

  @Test
  void escalationsAreNonInterruptingBoundaryTimersWithTheirOwnPath() {
    for (Map.Entry<Stage, Map<String, String>> stage :
        SchoolQaCycleProcess.ESCALATION_TIMERS.entrySet()) {
      stage
          .getValue()
          .forEach(
              (level, id) -> {
                BoundaryEvent timer = model.getModelElementById(id);
                assertThat(timer).as(id).isNotNull();
                assertThat(timer.cancelActivity()).isFalse();
                assertThat(timer.getAttachedTo().getId())
                    .isEqualTo(SchoolQaCycleProcess.ESCALATED_TASKS.get(stage.getKey()));
                assertThat(timerExpression(timer.getEventDefinitions().iterator().next()))
                    .isEqualTo(
                        "${escalationTimers.at(execution, '"
                            + stage.getKey().name()
                            + "', '"
                            + level
                            + "')}");
                ServiceTask service =
                    (ServiceTask) timer.getOutgoing().iterator().next().getTarget();
                assertThat(service.isCamundaAsyncBefore()).isTrue();
                assertThat(service.getCamundaExpression())
                    .isEqualTo(
                        "${escalations.publish(execution, '"
                            + stage.getKey().name()
                            + "', '"
                            + level
                            + "')}");
                assertThat(service.getOutgoing().iterator().next().getTarget())
                    .isInstanceOf(EndEvent.class);
                assertThat(model.getModelElementsByType(BpmnShape.class))
                    .anyMatch(shape -> shape.getBpmnElement() == timer)
                    .anyMatch(shape -> shape.getBpmnElement() == service);
              });
    }
  }

  private static String timerExpression(Object definition) {
    return ((TimerEventDefinition) definition).getTimeDate().getTextContent();
  }
}
