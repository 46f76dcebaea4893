package th.qaflow.supervision.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.supervision.SupervisionPlans;
import th.qaflow.supervision.SupervisionPlans.Plan;
import th.qaflow.supervision.SupervisionPlans.Project;
import th.qaflow.supervision.SupervisionPlans.Rating;

/**
 * What the pages, the public page and the dashboard card show of a plan: its stage (the stages of
 * its open tasks, or published, or waiting for the progress window), its projects with owner and
 * progress, and the schools' satisfaction. Used from templates as {@code
 * ${@supervisionCard.card(district, year)}} on the district dashboard.
 */
/* public (in an internal package) so templates may call it */
@Component("supervisionCard")
public class SupervisionViews {
  private final SupervisionPlans plans;
  private final OrganisationDirectory directory;
  private final TaskService tasks;

  SupervisionViews(
      SupervisionPlans plans, OrganisationDirectory directory, @Lazy TaskService tasks) {
    this.plans = plans;
    this.directory = directory;
    this.tasks = tasks;
  }

  /** A plan as shown: stage message keys, open tasks, projects, satisfaction. */
  public record PlanView(
      Plan plan,
      List<String> stageKeys,
      List<Task> openTasks,
      List<ProjectView> projects,
      int ratings,
      double satisfaction) {
    public boolean published() {
      return plan.publishedAt() != null;
    }
  }

  /** A project with its owner's name and the name of the school group it serves (or null). */
  public record ProjectView(Project project, String ownerName, String groupName) {}

  /** The dashboard card: the district's plan of the year, or null when it has none. */
  public PlanView card(String districtCode, int year) {
    return plans.plan(districtCode, year).map(this::view).orElse(null);
  }

  public PlanView view(Plan plan) {
    List<Task> open =
        plan.publishedAt() != null
            ? List.of()
            : tasks.createTaskQuery().processInstanceId(plan.processInstanceId()).list();
    Set<String> stages = new LinkedHashSet<>();
    for (Task t : open) {
      Object stage = tasks.getVariableLocal(t.getId(), ProcessVariables.STAGE);
      if (stage != null) {
        stages.add("stage." + stage);
      }
    }
    if (plan.publishedAt() != null) {
      stages.add("supervision.status.published");
    } else if (stages.isEmpty()) {
      stages.add("supervision.status.projectsRunning");
    }
    List<Rating> ratings = plans.ratings(plan.districtCode(), plan.fiscalYear());
    return new PlanView(
        plan,
        List.copyOf(stages),
        open,
        plans.projects(plan.id()).stream().map(this::project).toList(),
        ratings.size(),
        Math.round(SupervisionPlans.average(ratings) * 10) / 10.0);
  }

  public ProjectView project(Project p) {
    return new ProjectView(
        p,
        personName(p.ownerUserId()),
        p.clusterCode() == null
            ? null
            : directory.cluster(p.clusterCode()).map(c -> c.nameTh()).orElse(p.clusterCode()));
  }

  public String personName(String userId) {
    return Optional.ofNullable(userId)
        .flatMap(directory::person)
        .map(Person::displayName)
        .orElse(userId);
  }
}
