package th.qaflow.network.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.network.NetworkCycles;
import th.qaflow.network.NetworkCycles.Cycle;
import th.qaflow.network.NetworkCycles.Development;
import th.qaflow.network.NetworkCycles.Network;
import th.qaflow.organisation.Role;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;

/**
 * What the pages, the public page and the dashboard card show of a network cycle: its stage (the
 * stages of its open tasks, or published, or waiting for the second semester), its networks and
 * development reports. Used from templates as {@code ${@networkCard.card(district, year)}} on the
 * district dashboard.
 */
/* public (in an internal package) so templates may call it */
@Component("networkCard")
public class NetworkViews {
  private final NetworkCycles cycles;
  private final TaskService tasks;

  NetworkViews(NetworkCycles cycles, @Lazy TaskService tasks) {
    this.cycles = cycles;
    this.tasks = tasks;
  }

  /** A cycle as shown: stage message keys, open tasks, networks, development reports. */
  public record CycleView(
      Cycle cycle,
      List<String> stageKeys,
      List<Task> openTasks,
      List<Network> networks,
      List<Development> developments) {
    public boolean published() {
      return cycle.published();
    }
  }

  /**
   * Who sees the district's networks: its QA officer, supervision director and supervisors, and
   * administrators.
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

  /** Whether the signed-in user sees the district's networks (the dashboard card asks). */
  public boolean mayOpen(String districtCode) {
    try {
      return maySee(CurrentUser.get(), districtCode);
    } catch (IllegalStateException nobodySignedIn) {
      return false;
    }
  }

  /** The dashboard card: the district's cycle of the year, or null when it has none. */
  public CycleView card(String districtCode, int year) {
    return cycles.cycle(districtCode, year).map(this::view).orElse(null);
  }

  public CycleView view(Cycle cycle) {
    List<Task> open =
        cycle.published()
            ? List.of()
            : tasks.createTaskQuery().processInstanceId(cycle.processInstanceId()).list();
    Set<String> stages = new LinkedHashSet<>();
    for (Task t : open) {
      Object stage = tasks.getVariableLocal(t.getId(), ProcessVariables.STAGE);
      if (stage != null) {
        stages.add("stage." + stage);
      }
    }
    if (cycle.published()) {
      stages.add("network.status.published");
    } else if (stages.isEmpty()) {
      stages.add("network.status.waiting");
    }
    return new CycleView(
        cycle,
        List.copyOf(stages),
        open,
        cycles.networks(cycle.id()),
        cycles.developments(cycle.id()));
  }
}
