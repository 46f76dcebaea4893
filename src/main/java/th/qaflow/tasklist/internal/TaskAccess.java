package th.qaflow.tasklist.internal;

import java.util.List;
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
import th.qaflow.security.Scopes;

/**
 * Who may see and who may act on a task: one rule for every read and act path of the tasklist.
 * Acting needs the task to be the user's or one of their groups'; seeing is acting, or the scope
 * rule of {@link Scopes} for the task's school (own school; a supervisor's own clusters; the whole
 * district for its other staff; everything for OBEC and operators), or for a district's own task
 * its district's staff.
 */
@Component
class TaskAccess {
  private final TaskService tasks;
  private final OrganisationDirectory directory;
  private final Scopes scopes;

  TaskAccess(TaskService tasks, OrganisationDirectory directory, Scopes scopes) {
    this.tasks = tasks;
    this.directory = directory;
    this.scopes = scopes;
  }

  /**
   * A school's task follows the school's scope; a district's own task (a {@code districtCode}
   * variable and no school) is seen by that district's staff and the national roles.
   */
  boolean canSee(QaUser user, Task task, String schoolCode, String districtCode) {
    if (canAct(user, task)) {
      return true;
    }
    if (schoolCode == null && districtCode != null) {
      return user.canSeeDistrict(districtCode);
    }
    return canSeeSchool(user, schoolCode);
  }

  /** The read rule for a school's entries (history, comments) on a page the user may open. */
  boolean canSeeSchool(QaUser user, String schoolCode) {
    School school = schoolCode == null ? null : directory.school(schoolCode).orElse(null);
    return school != null ? scopes.canSee(user, school) : user.isOperator();
  }

  /** The schools of the list the user may see, as {@link #canSeeSchool} says, in a few reads. */
  List<School> visibleSchools(QaUser user, List<School> schools) {
    return scopes.visible(user, schools);
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
    return canAct(user, task)
        && (task.getAssignee() == null || task.getAssignee().equals(user.userId()));
  }

  Set<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .collect(Collectors.toSet());
  }
}
