package th.qaflow.supervision.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import th.qaflow.supervision.SupervisionPlans;
import th.qaflow.visit.RoundProjects;

/** The approved plan's projects of the year, offered when a visit round is launched. */
@Component
class SupervisionRoundProjects implements RoundProjects {
  private final SupervisionPlans plans;

  SupervisionRoundProjects(SupervisionPlans plans) {
    this.plans = plans;
  }

  @Override
  public List<ProjectOption> options(String districtCode, int academicYearBE) {
    return plans
        .plan(districtCode, academicYearBE)
        .map(
            plan ->
                plans.projects(plan.id()).stream()
                    .map(p -> new ProjectOption(p.id(), p.name()))
                    .toList())
        .orElse(List.of());
  }
}
