package th.qaflow.tasklist.internal;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.security.QaUser;

/**
 * Who may see and who may act on a task. Seeing follows the school's scope (own school, own district,
 * everything for OBEC and operators); acting needs the task to be the user's or one of their groups'.
 */
@Component
class TaskAccess {
  private final TaskService tasks;
  private final OrganisationDirectory directory;

  TaskAccess(TaskService tasks, OrganisationDirectory directory) {
    this.tasks = tasks;
    this.directory = directory;
  }

  /**
   * A school's task follows the school's scope; a district's own task (a {@code districtCode} variable and
   * no school) is seen by that district's staff and the national roles.
   */
  boolean canSee(QaUser user, Task task, String schoolCode, String districtCode) {
    if (canAct(user, task)) {
      return true;
    }
    if (schoolCode == null && districtCode != null) {
      return user.isOperator() || user.isReadOnly()
          || (user.isDistrictUser() && districtCode.equals(user.districtCode()));
    }
    School school = schoolCode == null ? null : directory.school(schoolCode).orElse(null);
    return school != null ? user.canSee(school) : user.isOperator();
  }

  boolean canAct(QaUser user, Task task) {
    if (user.isReadOnly()) {
      return false;
    }
    if (user.userId().equals(task.getAssignee())) {
      return true;
    }
    return candidateGroups(task).stream().anyMatch(user.groups()::contains);
  }

  /** May claim or complete now: acts on it, and nobody else holds it. */
  boolean canWork(QaUser user, Task task) {
    return canAct(user, task) && (task.getAssignee() == null || task.getAssignee().equals(user.userId()));
  }

  Set<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .collect(Collectors.toSet());
  }
}
