package th.qaflow.web;

import java.time.Clock;
import java.util.Optional;
import java.util.function.IntFunction;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.kernel.AcademicYears;

/**
 * The answer of a district's "start the year" form (classroom QA, networks, supervision plan,
 * TUMHOME): a year that cannot be started is the form's error, with what was typed kept; otherwise
 * the year starts once, and a second start says it is running. The messages are {@code
 * <prefix>.error.year}, {@code <prefix>.started} and {@code <prefix>.error.running}. Who may start
 * is each controller's own check, before this.
 */
public final class YearlyStarts {
  private YearlyStarts() {}

  /**
   * @param start starts the year and gives the new process's id, or empty when it runs already
   */
  public static void start(
      String year,
      Clock clock,
      String messagePrefix,
      RedirectAttributes flash,
      IntFunction<Optional<String>> start) {
    Integer academicYear = AcademicYears.startable(year, clock);
    if (academicYear == null) {
      flash.addFlashAttribute("error", messagePrefix + ".error.year");
      flash.addFlashAttribute("enteredYear", year);
      return;
    }
    boolean started = start.apply(academicYear).isPresent();
    flash.addFlashAttribute(
        started ? "success" : "error", messagePrefix + (started ? ".started" : ".error.running"));
  }
}
