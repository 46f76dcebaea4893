package th.qaflow.district.internal;

import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each district's period for reviewing a submitted SAR, in working days: the district's own setting
 * (the seed manuals set no period), edited by its QA officer on /district; {@code
 * qaflow.district.review-working-days} (15) until it does.
 */
@Component
class ReviewPeriods {
  static final int MIN_DAYS = 1;
  static final int MAX_DAYS = 60;

  private final JdbcTemplate jdbc;
  private final int defaultDays;

  ReviewPeriods(
      DataSource dataSource, @Value("${qaflow.district.review-working-days:15}") int defaultDays) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.defaultDays = defaultDays;
  }

  int defaultDays() {
    return defaultDays;
  }

  /** The district's review period in working days, or the default. */
  int workingDays(String districtCode) {
    if (districtCode == null) {
      return defaultDays;
    }
    return jdbc
        .query(
            "select working_days from district_review_period where district_code = ?",
            (rs, n) -> rs.getInt(1),
            districtCode)
        .stream()
        .findFirst()
        .orElse(defaultDays);
  }

  /**
   * Parses the officer's input: a whole number of working days from {@link #MIN_DAYS} to {@link
   * #MAX_DAYS}; throws IllegalArgumentException on anything else.
   */
  static int parse(String text) {
    int days;
    try {
      days = Integer.parseInt(text == null ? "" : text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: " + text);
    }
    if (days < MIN_DAYS || days > MAX_DAYS) {
      throw new IllegalArgumentException("out of range: " + days);
    }
    return days;
  }

  /** Sets the district's period; reviews already open keep their due date. */
  void save(String districtCode, int days, String by, Instant now) {
    Object[] values = {days, Timestamp.from(now), by, districtCode};
    if (jdbc.update(
            "update district_review_period set working_days = ?, updated_at = ?, updated_by = ?"
                + " where district_code = ?",
            values)
        == 0) {
      jdbc.update(
          "insert into district_review_period (working_days, updated_at, updated_by, district_code)"
              + " values (?,?,?,?)",
          values);
    }
  }
}
