package th.qaflow.district.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.qaflow.district.DistrictCycles;
import th.qaflow.district.SarReviewProcess;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;
import th.qaflow.security.QaUser;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;

/**
 * What the district page shows (the district cycle's state, the review queue) and the reassign
 * action.
 */
@Service
class DistrictOverview {
  enum ReviewStatus {
    NOT_SUBMITTED,
    IN_REVIEW,
    ADVISED,
    REVISION_REQUESTED
  }

  record OpenTask(String id, String name, String key, Date due, String assignee) {}

  record CycleState(String processInstanceId, boolean ended, List<OpenTask> tasks) {}

  record ReviewRow(
      String taskId,
      String schoolCode,
      String schoolName,
      String clusterCode,
      int round,
      Date due,
      String assignee) {}

  record SchoolReview(School school, ReviewStatus status, int round) {}

  private final DistrictCycles cycles;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final OrganisationDirectory directory;

  DistrictOverview(
      DistrictCycles cycles,
      @Lazy RuntimeService runtime,
      @Lazy TaskService tasks,
      @Lazy HistoryService history,
      OrganisationDirectory directory) {
    this.cycles = cycles;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.directory = directory;
  }

  Optional<CycleState> cycle(String district, int year) {
    return cycles
        .instanceId(district, year)
        .map(
            id -> {
              boolean ended =
                  runtime.createProcessInstanceQuery().processInstanceId(id).count() == 0;
              List<OpenTask> open =
                  tasks
                      .createTaskQuery()
                      .processInstanceId(id)
                      .orderByTaskCreateTime()
                      .asc()
                      .list()
                      .stream()
                      .map(
                          t ->
                              new OpenTask(
                                  t.getId(),
                                  t.getName(),
                                  t.getTaskDefinitionKey(),
                                  t.getDueDate(),
                                  t.getAssignee()))
                      .toList();
              return new CycleState(id, ended, open);
            });
  }

  /** Open SAR reviews of the district's year, the earliest due first. */
  List<ReviewRow> queue(String district, int year) {
    return tasks
        .createTaskQuery()
        .processDefinitionKey(SarReviewProcess.PROCESS_ID)
        .processVariableValueEquals(ProcessVariables.DISTRICT_CODE, district)
        .processVariableValueEquals(ProcessVariables.ACADEMIC_YEAR, year)
        .orderByDueDate()
        .asc()
        .list()
        .stream()
        .map(this::row)
        .toList();
  }

  private ReviewRow row(Task t) {
    var v =
        tasks.getVariables(
            t.getId(),
            List.of(
                ProcessVariables.SCHOOL_CODE,
                ProcessVariables.SCHOOL_NAME,
                ProcessVariables.CLUSTER_CODE,
                SarReviewProcess.VAR_ROUND));
    Object round = v.get(SarReviewProcess.VAR_ROUND);
    return new ReviewRow(
        t.getId(),
        (String) v.get(ProcessVariables.SCHOOL_CODE),
        (String) v.get(ProcessVariables.SCHOOL_NAME),
        (String) v.get(ProcessVariables.CLUSTER_CODE),
        round instanceof Number n ? n.intValue() : 1,
        t.getDueDate(),
        t.getAssignee());
  }

  /** Where each school's SAR of the year stands with the district. */
  List<SchoolReview> schools(String district, int year) {
    List<SchoolReview> rows = new ArrayList<>();
    for (School school : directory.schoolsOfDistrict(district)) {
      List<HistoricProcessInstance> reviews =
          history
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(SarReviewProcess.PROCESS_ID)
              .processInstanceBusinessKey(school.code() + "-" + year)
              .orderByProcessInstanceStartTime()
              .desc()
              .list();
      if (reviews.isEmpty()) {
        rows.add(new SchoolReview(school, ReviewStatus.NOT_SUBMITTED, 0));
        continue;
      }
      HistoricProcessInstance latest = reviews.get(0);
      ReviewStatus status = ReviewStatus.IN_REVIEW;
      if (latest.getEndTime() != null) {
        HistoricVariableInstance decision =
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(latest.getId())
                .variableName(SarReviewProcess.VAR_REVIEW_DECISION)
                .singleResult();
        status =
            decision != null
                    && (SarReviewProcess.DECISION_REVISE.equals(decision.getValue())
                        || SarReviewProcess.DECISION_RETURN.equals(decision.getValue()))
                ? ReviewStatus.REVISION_REQUESTED
                : ReviewStatus.ADVISED;
      }
      rows.add(new SchoolReview(school, status, reviews.size()));
    }
    return rows;
  }

  /** The supervisors of the district: whom a review may be assigned to. */
  List<Person> supervisors(String district) {
    return directory.peopleOfDistrict(district).stream()
        .filter(p -> p.role() == Role.SUPERVISOR)
        .toList();
  }

  static boolean mayAssign(QaUser user, String district) {
    if (user.isReadOnly()) {
      return false;
    }
    return user.role() == Role.ADMIN
        || ((user.role() == Role.DISTRICT_QA_OFFICER || user.role() == Role.SUPERVISION_DIRECTOR)
            && district.equals(user.districtCode()));
  }

  /**
   * Gives an open SAR review to another supervisor of the school's district. Only the district's QA
   * officer or supervision director (or an administrator) may; the new reviewer must be a
   * supervisor of that district.
   *
   * @return the message key of the problem with the chosen person, or empty when assigned
   */
  @Transactional
  Optional<String> assign(String taskId, String supervisorId, QaUser user) {
    Task task =
        tasks
            .createTaskQuery()
            .taskId(taskId)
            .processDefinitionKey(SarReviewProcess.PROCESS_ID)
            .singleResult();
    if (task == null) {
      throw new NotFoundException("review " + taskId);
    }
    String district = (String) tasks.getVariable(taskId, ProcessVariables.DISTRICT_CODE);
    if (district == null || !mayAssign(user, district)) {
      throw new ForbiddenException("assign review " + taskId);
    }
    Optional<Person> supervisor =
        directory.person(supervisorId == null ? "" : supervisorId.strip());
    if (supervisor.isEmpty()
        || supervisor.get().role() != Role.SUPERVISOR
        || !district.equals(supervisor.get().districtCode())) {
      return Optional.of("district.assign.error.notSupervisor");
    }
    tasks.setAssignee(taskId, supervisor.get().userId());
    tasks.createComment(
        taskId,
        task.getProcessInstanceId(),
        "assigned to " + supervisor.get().userId() + " by " + user.userId());
    return Optional.empty();
  }
}
