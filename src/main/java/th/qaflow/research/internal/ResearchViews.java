package th.qaflow.research.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.Role;
import th.qaflow.research.ResearchProjects;
import th.qaflow.research.ResearchProjects.Project;
import th.qaflow.research.ResearchProjects.Round;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;

/**
 * What the pages and the dashboard card show of the district's research projects: a project's stage
 * (the stages of its open tasks, published, or waiting for the sharing window), its steps done, its
 * open tasks and its rounds of the model loop. Used from templates as {@code
 * ${@researchCard.card(district, year)}} on the district dashboard.
 */
/* public (in an internal package) so templates may call it */
@Component("researchCard")
public class ResearchViews {
  private final ResearchProjects projects;
  private final TaskService tasks;
  private final HistoryService history;

  ResearchViews(ResearchProjects projects, @Lazy TaskService tasks, @Lazy HistoryService history) {
    this.projects = projects;
    this.tasks = tasks;
    this.history = history;
  }

  /** A step done: the task's name, when and by whom. */
  public record Step(String name, Instant doneAt, String doneBy) {}

  public record ProjectView(
      Project project,
      List<String> stageKeys,
      List<Task> openTasks,
      List<Round> rounds,
      List<Step> steps) {
    public boolean published() {
      return project.published();
    }
  }

  /** The dashboard card's numbers of the year. */
  public record Card(int projects, int running, int published, int revisionRounds) {}

  /**
   * Who sees the district's research and may take its anonymised data: its QA officer, supervision
   * director and supervisors, and administrators.
   */
  public static boolean maySee(QaUser user, String district) {
    if (user.role() == Role.ADMIN) {
      return true;
    }
    return (user.role() == Role.DISTRICT_QA_OFFICER
            || user.role() == Role.SUPERVISION_DIRECTOR
            || user.role() == Role.SUPERVISOR)
        && district != null
        && district.equals(user.districtCode());
  }

  /** Who starts projects: the district's supervision director or QA officer, and administrators. */
  public static boolean mayStart(QaUser user, String district) {
    if (user.role() == Role.ADMIN) {
      return true;
    }
    return (user.role() == Role.SUPERVISION_DIRECTOR || user.role() == Role.DISTRICT_QA_OFFICER)
        && district != null
        && district.equals(user.districtCode());
  }

  /** Who reads the log of data requests: the district's supervision director and administrators. */
  public static boolean mayReadLog(QaUser user, String district) {
    if (user.role() == Role.ADMIN) {
      return true;
    }
    return user.role() == Role.SUPERVISION_DIRECTOR
        && district != null
        && district.equals(user.districtCode());
  }

  /** Whether the signed-in user sees the district's research (the dashboard card asks). */
  public boolean mayOpen(String districtCode) {
    try {
      return maySee(CurrentUser.get(), districtCode);
    } catch (IllegalStateException nobodySignedIn) {
      return false;
    }
  }

  /** The dashboard card: the district's projects of the year. */
  public Card card(String districtCode, int year) {
    List<Project> ofYear =
        projects.projects(districtCode).stream().filter(p -> p.academicYear() == year).toList();
    int published = (int) ofYear.stream().filter(Project::published).count();
    int revisions = 0;
    for (Project p : ofYear) {
      revisions += (int) projects.rounds(p.id()).stream().filter(r -> r.revision() != null).count();
    }
    return new Card(ofYear.size(), ofYear.size() - published, published, revisions);
  }

  public ProjectView view(Project project) {
    List<Task> open =
        project.published() || project.processInstanceId() == null
            ? List.of()
            : tasks.createTaskQuery().processInstanceId(project.processInstanceId()).list();
    Set<String> stages = new LinkedHashSet<>();
    for (Task t : open) {
      Object stage = tasks.getVariableLocal(t.getId(), ProcessVariables.STAGE);
      if (stage != null) {
        stages.add("stage." + stage);
      }
    }
    if (project.published()) {
      stages.add("research.status.published");
    } else if (stages.isEmpty()) {
      stages.add("research.status.waiting");
    }
    List<Step> steps =
        project.processInstanceId() == null
            ? List.of()
            : history
                .createHistoricTaskInstanceQuery()
                .processInstanceId(project.processInstanceId())
                .finished()
                .orderByHistoricTaskInstanceEndTime()
                .asc()
                .list()
                .stream()
                .map(ResearchViews::step)
                .toList();
    return new ProjectView(
        project, List.copyOf(stages), open, projects.rounds(project.id()), steps);
  }

  private static Step step(HistoricTaskInstance t) {
    return new Step(
        t.getName(), t.getEndTime() == null ? null : t.getEndTime().toInstant(), t.getAssignee());
  }
}
