package th.qaflow.district.internal;

import static th.qaflow.district.DistrictQaCycleProcess.GUIDANCE_FILES;
import static th.qaflow.district.DistrictQaCycleProcess.PROCESS_ID;
import static th.qaflow.district.DistrictQaCycleProcess.TASK_PUBLISH_GUIDANCE;
import static th.qaflow.district.DistrictQaCycleProcess.VAR_GUIDANCE_LINK;
import static th.qaflow.district.DistrictQaCycleProcess.VAR_GUIDANCE_SUMMARY;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.qaflow.district.GuidancePublished;
import th.qaflow.documents.DocumentReference;
import th.qaflow.documents.DocumentVersion;
import th.qaflow.documents.Documents;
import th.qaflow.kernel.ProcessVariables;

/**
 * When a district completes Task_PublishGuidance, its guidance reaches its schools: every file of
 * the task's file fields ({@code GUIDANCE_FILES}) is published to the district's schools ({@link
 * Documents#publishToSchools}, the one thing that lets a school read a district's document), the
 * summary and letter number are kept in {@code district_guidance}, and {@link GuidancePublished} is
 * announced (the notification module mails the schools). Listens to the engine's task events
 * ({@code camunda.bpm.eventing.task}, inside the engine's command), so it all commits or rolls back
 * with the completion, without a listener in the BPMN — running instances of older model versions
 * publish the same way.
 */
@Component
class GuidancePublication {
  private final Documents documents;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  GuidancePublication(
      Documents documents, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
    this.documents = documents;
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  @EventListener
  public void onTask(DelegateTask task) {
    if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())
        || !TASK_PUBLISH_GUIDANCE.equals(task.getTaskDefinitionKey())
        || !inDistrictCycle(task)) {
      return;
    }
    String district = (String) task.getVariable(ProcessVariables.DISTRICT_CODE);
    Object yearValue = task.getVariable(ProcessVariables.ACADEMIC_YEAR);
    if (district == null || !(yearValue instanceof Number year)) {
      return;
    }
    String by = publisher(task);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<String> filenames = new ArrayList<>();
    for (String field : GUIDANCE_FILES) {
      for (String versionId : versionIds(task.getVariable(field))) {
        DocumentVersion version = documents.version(versionId).orElse(null);
        // only the district's own files of this task: a school's document is never published
        if (version == null || !district.equals(version.districtCode())) {
          continue;
        }
        documents.publishToSchools(versionId, by, task.getProcessInstanceId(), task.getId());
        filenames.add(version.filename());
      }
    }
    String summary = text(task.getVariable(VAR_GUIDANCE_SUMMARY));
    String reference = text(task.getVariable(VAR_GUIDANCE_LINK));
    jdbc.sql(
            """
            insert into district_guidance (district_code, academic_year, summary, reference, published_by,
              published_at, process_instance_id, task_id)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            district,
            year.intValue(),
            summary == null ? "" : summary,
            reference,
            by,
            Timestamp.from(now),
            task.getProcessInstanceId(),
            task.getId())
        .update();
    events.publishEvent(
        new GuidancePublished(district, year.intValue(), summary, reference, filenames, by, now));
  }

  private static boolean inDistrictCycle(DelegateTask task) {
    ModelElementInstance element = task.getBpmnModelElementInstance();
    return element != null
        && element.getParentElement() instanceof Process process
        && PROCESS_ID.equals(process.getId());
  }

  /** The QA officer who completed it: the assignee (the tasklist claims first), else the caller. */
  private static String publisher(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : "system";
  }

  /** The version ids a file field refers to: one reference, or a list of them (several files). */
  static List<String> versionIds(Object value) {
    List<String> ids = new ArrayList<>();
    if (value instanceof Collection<?> list) {
      list.forEach(v -> ids.addAll(versionIds(v)));
    } else if (value instanceof Map<?, ?> || value instanceof String) {
      String id = DocumentReference.versionId(value);
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s.strip() : null;
  }
}
