package th.qaflow.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every "now" in main code is the engine's (the kernel's {@code Clock} bean): tests and the demo
 * move the engine clock, and a wall-clock read would put a page, a mail or a stored time out of
 * step with the tasks it is about. Only the clock itself and the demo loader (which sets the engine
 * clock from the wall clock) may read it.
 */
class WallClockTest {
  static final Pattern WALL_CLOCK =
      Pattern.compile(
          "Instant\\.now\\(\\)|new (java\\.util\\.)?Date\\(\\)|(LocalDate|LocalDateTime|LocalTime|ZonedDateTime"
              + "|OffsetDateTime|Year|YearMonth)\\.now\\((ZoneId[^)]*|AcademicYears\\.ZONE)?\\)"
              + "|System\\.currentTimeMillis\\(\\)|Clock\\.system|ClockUtil");
  static final List<String> ALLOWED =
      List.of("th/qaflow/kernel/EngineTime.java", "th/qaflow/demo/");

  @Test
  void mainCodeReadsOnlyTheEngineClock() throws IOException {
    List<String> reads = new ArrayList<>();
    Path root = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (ALLOWED.stream().anyMatch(name::startsWith)) {
          continue;
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          if (!line.startsWith("*") && !line.startsWith("//") && WALL_CLOCK.matcher(line).find()) {
            reads.add(name + ":" + (i + 1) + ": " + line);
          }
        }
      }
    }
    assertThat(reads).as("wall-clock reads outside the kernel's clock").isEmpty();
  }

  @Test
  void theRuleSeesEveryFormOfWallClockRead() {
    for (String read :
        List.of(
            "Instant.now()",
            "new Date()",
            "new java.util.Date()",
            "LocalDate.now(AcademicYears.ZONE)",
            "LocalDate.now()",
            "LocalDateTime.now(ZoneId.of(\"UTC\"))",
            "System.currentTimeMillis()",
            "Clock.systemUTC()",
            "ClockUtil.getCurrentTime()")) {
      assertThat(WALL_CLOCK.matcher(read).find()).as(read).isTrue();
    }
    assertThat(WALL_CLOCK.matcher("LocalDate.now(clock)").find()).isFalse();
    assertThat(WALL_CLOCK.matcher("Date.from(clock.instant())").find()).isFalse();
  }
}
