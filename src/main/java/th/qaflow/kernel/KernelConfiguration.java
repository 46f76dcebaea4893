package th.qaflow.kernel;

import java.time.Clock;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class KernelConfiguration {
  /** The one clock: the engine's time in Bangkok ({@link EngineTime}). */
  @Bean
  Clock clock() {
    return new EngineTime(AcademicYears.ZONE);
  }

  /** Lazy: the engine's own listeners reach beans that use it while the engine is being built. */
  @Bean
  TaskVariables taskVariables(
      @Lazy RuntimeService runtime,
      @Lazy TaskService tasks,
      @Lazy ManagementService management,
      DataSource dataSource) {
    return new TaskVariables(runtime, tasks, management, dataSource);
  }
}
