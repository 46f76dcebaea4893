package th.qaflow.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * The SQL statements an action runs, counted from the debug logs of the engine's MyBatis mappers
 * and Spring's JdbcTemplate (the test class needs {@code OutputCaptureExtension}). Statement counts
 * do not depend on machine noise, so tests can assert them where timings would be flaky.
 */
public final class StatementLog {
  /** The loggers whose debug lines are the statements (engine mappers, Spring JDBC). */
  public static final List<String> LOGGERS =
      List.of(
          "org.camunda.bpm.engine.impl.persistence.entity",
          "org.camunda.bpm.engine.impl.history",
          "org.springframework.jdbc.core.JdbcTemplate");

  static final Pattern STATEMENT =
      Pattern.compile(
          "(?:==>\\s+Preparing: |Executing (?:prepared )?SQL (?:query|update|statement) \\[)(.*)$",
          Pattern.MULTILINE);

  private StatementLog() {}

  /** Each statement the action ran (whitespace collapsed), with how often. */
  public static Map<String, Integer> during(CapturedOutput output, Runnable action) {
    LoggingSystem logging = LoggingSystem.get(StatementLog.class.getClassLoader());
    LOGGERS.forEach(l -> logging.setLogLevel(l, LogLevel.DEBUG));
    int from = output.length();
    try {
      action.run();
    } finally {
      LOGGERS.forEach(l -> logging.setLogLevel(l, null));
    }
    Map<String, Integer> counts = new TreeMap<>();
    Matcher m = STATEMENT.matcher(output.toString().substring(from));
    while (m.find()) {
      counts.merge(m.group(1).replaceAll("\\s+", " ").strip(), 1, Integer::sum);
    }
    return counts;
  }

  public static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
