package th.qaflow.cycle.internal;

import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.SarSubmitted;
import th.qaflow.documents.DocumentReference;
import th.qaflow.kernel.ProcessVariables;

/**
 * SchoolQaCycle's {@code Event_SarSubmitted}, {@code ${sarSubmissions.publish(execution)}}: the
 * cycle forgets the previous round's answer (its own variables) and publishes {@link SarSubmitted}
 * synchronously, so the district's listener starts its review inside the engine's transaction and
 * rolls back with it.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("sarSubmissions")
public class SarSubmissions {
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SarSubmissions(ApplicationEventPublisher events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  public void publish(DelegateExecution execution) {
    // under review: the previous round's answer no longer holds
    execution.removeVariable(VAR_SAR_REVIEW_DECISION);
    execution.removeVariable(VAR_SAR_REVIEW_COMMENTS);
    events.publishEvent(
        new SarSubmitted(
            text(execution, ProcessVariables.SCHOOL_CODE),
            text(execution, ProcessVariables.SCHOOL_NAME),
            text(execution, ProcessVariables.DISTRICT_CODE),
            text(execution, ProcessVariables.CLUSTER_CODE),
            ((Number) execution.getVariable(ProcessVariables.ACADEMIC_YEAR)).intValue(),
            execution.getProcessInstanceId(),
            DocumentReference.versionId(execution.getVariable(VAR_SAR_SUBMITTED_VERSION)),
            clock.instant()));
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
