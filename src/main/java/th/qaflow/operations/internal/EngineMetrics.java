package th.qaflow.operations.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * The engine's state as gauges, read from the database at each scrape (a few count queries), so
 * every node of a cluster reports the same shared figures. An operator alerts on incidents and
 * failed jobs (a timer or a mail step that gave up), and on due jobs piling up (no job executor
 * working).
 */
@Component
class EngineMetrics implements MeterBinder {
  private final ManagementService management;
  private final RuntimeService runtime;
  private final TaskService tasks;

  EngineMetrics(ManagementService management, RuntimeService runtime, TaskService tasks) {
    this.management = management;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(
        registry,
        "camunda.incidents.open",
        "open incidents (a job or step that failed for good)",
        () -> runtime.createIncidentQuery().count());
    gauge(
        registry,
        "camunda.jobs.failed",
        "jobs without retries left",
        () -> management.createJobQuery().noRetriesLeft().count());
    gauge(
        registry,
        "camunda.jobs.due",
        "jobs due now and waiting for the job executor",
        () -> management.createJobQuery().executable().active().count());
    gauge(
        registry,
        "camunda.process.instances.active",
        "running process instances",
        () -> runtime.createProcessInstanceQuery().active().count());
    gauge(
        registry,
        "camunda.tasks.open",
        "open user tasks",
        () -> tasks.createTaskQuery().active().count());
  }

  private static void gauge(
      MeterRegistry registry, String name, String description, Supplier<Long> count) {
    // a failing query (database down) makes Micrometer report NaN for this scrape, not fail the
    // scrape
    Gauge.builder(name, count, c -> c.get().doubleValue())
        .description(description)
        .register(registry);
  }
}
