package th.qaflow.kernel;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KernelConfiguration {
  /** The one clock: the engine's time in Bangkok ({@link EngineTime}). */
  @Bean
  Clock clock() {
    return new EngineTime(AcademicYears.ZONE);
  }
}
