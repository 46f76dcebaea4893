package th.qaflow.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import th.qaflow.kernel.AcademicYears;

/**
 * The engine clock (Camunda's static {@link ClockUtil}, which the {@code Clock} bean, {@code
 * EngineTime}, reads) for tests: set it to a Bangkok wall time or move it on. Registered as an
 * extension ({@link ProcessTest} does it), it is put back to real time before and after every test:
 * the clock is static, so a test that forgot to reset it used to leave the next class (even another
 * Spring context) in another year.
 */
public final class EngineTestClock
    implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    ClockUtil.reset();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ClockUtil.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ClockUtil.reset();
  }

  /** To a wall time in Bangkok (the schools' zone, {@link AcademicYears#ZONE}). */
  public static void at(LocalDateTime bangkok) {
    at(bangkok.atZone(AcademicYears.ZONE).toInstant());
  }

  public static void at(int year, int month, int day, int hour, int minute) {
    at(LocalDateTime.of(year, month, day, hour, minute));
  }

  public static void at(Instant instant) {
    at(Date.from(instant));
  }

  public static void at(Date date) {
    ClockUtil.setCurrentTime(date);
  }

  /** Moves the engine clock on from where it stands. */
  public static void plus(Duration duration) {
    at(now().toInstant().plus(duration));
  }

  public static Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** Back to real time. */
  public static void reset() {
    ClockUtil.reset();
  }
}
