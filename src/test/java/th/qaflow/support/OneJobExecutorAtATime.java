package th.qaflow.support;

import java.util.IdentityHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Only the Spring context of the running test class runs its job executor; the others cached in the
 * JVM are paused. Camunda's engine clock is static ({@code ClockUtil}): when a process test moved
 * it to next year, the job executors of the demo contexts (which keep theirs on, as the app does)
 * fired their own timers of next year, e.g. closed the demo's good-practice nominations before the
 * browser test that nominates ran. Registered for every Spring test in {@code
 * META-INF/spring.factories}. It acts when the test instance is prepared, where the context is
 * loaded anyway: after the class's {@code @BeforeAll}, which may start what the context needs (a
 * mail server, a database).
 */
public final class OneJobExecutorAtATime implements TestExecutionListener, Ordered {
  /** Every job executor seen, and whether its context runs it (it was active when first seen). */
  private static final Map<JobExecutor, Boolean> RUNS = new IdentityHashMap<>();

  @Override
  public int getOrder() {
    return 1600; // before DependencyInjectionTestExecutionListener (2000)
  }

  @Override
  public void prepareTestInstance(TestContext testContext) {
    synchronized (RUNS) {
      JobExecutor own = jobExecutorOf(testContext.getApplicationContext());
      RUNS.keySet().stream().filter(other -> other != own).forEach(JobExecutor::shutdown);
      if (own != null && RUNS.computeIfAbsent(own, JobExecutor::isActive)) {
        own.start(); // does nothing when it runs already
      }
    }
  }

  private static JobExecutor jobExecutorOf(ApplicationContext context) {
    ProcessEngine engine = context.getBeanProvider(ProcessEngine.class).getIfAvailable();
    return engine == null
        ? null
        : ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getJobExecutor();
  }
}
