package th.qaflow.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Per-district reminder offsets and escalation delays, with the configured defaults. */
public class DistrictSettings {
  public static final int MAX_DAYS = 60;

  /** The offsets (days before due, descending, 0 = on the day) and delays of one district. */
  public record Setting(
      List<Integer> reminderDays, int directorAfterDays, int supervisorAfterDays, boolean custom) {
    public int maxReminderDays() {
      return reminderDays.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    public String reminderDaysText() {
      return String.join(",", reminderDays.stream().map(String::valueOf).toList());
    }
  }

  private final JdbcTemplate jdbc;
  private final Setting defaults;

  public DistrictSettings(
      DataSource dataSource,
      String defaultReminderDays,
      int directorAfterDays,
      int supervisorAfterDays) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.defaults =
        new Setting(parseDays(defaultReminderDays), directorAfterDays, supervisorAfterDays, false);
  }

  public Setting defaults() {
    return defaults;
  }

  public Setting of(String districtCode) {
    if (districtCode == null) {
      return defaults;
    }
    return find(districtCode).orElse(defaults);
  }

  public Optional<Setting> find(String districtCode) {
    return jdbc
        .query(
            "select reminder_days, director_after_days, supervisor_after_days from notification_setting"
                + " where district_code = ?",
            (rs, n) -> new Setting(parseDays(rs.getString(1)), rs.getInt(2), rs.getInt(3), true),
            districtCode)
        .stream()
        .findFirst();
  }

  /** The largest offset any district uses: how far ahead the scanner looks. */
  public int maxReminderDays() {
    Integer custom =
        jdbc
            .query("select reminder_days from notification_setting", (rs, n) -> rs.getString(1))
            .stream()
            .map(DistrictSettings::parseDays)
            .mapToInt(d -> d.stream().mapToInt(Integer::intValue).max().orElse(0))
            .boxed()
            .max(Integer::compare)
            .orElse(0);
    return Math.max(custom, defaults.maxReminderDays());
  }

  public void save(String districtCode, Setting s, String by, Instant now) {
    Object[] values = {
      s.reminderDaysText(),
      s.directorAfterDays(),
      s.supervisorAfterDays(),
      Timestamp.from(now),
      by,
      districtCode
    };
    if (jdbc.update(
            "update notification_setting set reminder_days = ?, director_after_days = ?,"
                + " supervisor_after_days = ?, updated_at = ?, updated_by = ? where district_code = ?",
            values)
        == 0) {
      jdbc.update(
          "insert into notification_setting (reminder_days, director_after_days, supervisor_after_days,"
              + " updated_at, updated_by, district_code) values (?,?,?,?,?,?)",
          values);
    }
  }

  /**
   * Parses the text 7,3,1,0 into the list 7, 3, 1, 0: distinct, descending, each 0..60. Throws
   * IllegalArgumentException on anything else.
   */
  public static List<Integer> parseDays(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty");
    }
    List<Integer> days =
        Arrays.stream(text.split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .distinct()
            .sorted((a, b) -> b - a)
            .toList();
    if (days.isEmpty() || days.stream().anyMatch(d -> d < 0 || d > MAX_DAYS)) {
      throw new IllegalArgumentException("out of range: " + text);
    }
    return days;
  }
}
