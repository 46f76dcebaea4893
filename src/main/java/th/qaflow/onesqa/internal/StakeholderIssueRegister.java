package th.qaflow.onesqa.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.qaflow.onesqa.StakeholderIssue;
import th.qaflow.standards.Framework;
import th.qaflow.standards.Standard;

/**
 * The district's register of the issues stakeholders want ONESQA to assess, per academic year
 * (table onesqa_issue, V24). Checks every entry; the caller checks who may write.
 */
@Component
class StakeholderIssueRegister {
  private final JdbcClient jdbc;
  private final OnesqaFramework framework;
  private final Clock clock;

  StakeholderIssueRegister(JdbcClient jdbc, OnesqaFramework framework, Clock clock) {
    this.jdbc = jdbc;
    this.framework = framework;
    this.clock = clock;
  }

  List<StakeholderIssue> of(String district, int year) {
    return jdbc.sql(
            """
            select id, stakeholder, standard_code, issue, recorded_by, recorded_at from onesqa_issue
            where district_code = :d and academic_year = :y order by recorded_at, id""")
        .param("d", district)
        .param("y", year)
        .query(
            (rs, n) ->
                new StakeholderIssue(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant()))
        .list();
  }

  /**
   * Adds an issue, or says why not (a message key) and stores nothing.
   *
   * @param standardCode blank for the school as a whole, else a standard of the year's framework
   */
  Optional<String> add(
      String district,
      int year,
      String stakeholder,
      String standardCode,
      String issue,
      String recordedBy) {
    String text = issue == null ? "" : issue.strip();
    if (!StakeholderIssue.STAKEHOLDERS.contains(stakeholder)) {
      return Optional.of("external.issue.error.stakeholder");
    }
    String standard = standardCode == null || standardCode.isBlank() ? null : standardCode;
    if (standard != null && !standards(year).contains(standard)) {
      return Optional.of("external.issue.error.standard");
    }
    if (text.isEmpty()) {
      return Optional.of("external.issue.error.empty");
    }
    if (text.length() > StakeholderIssue.MAX_LENGTH) {
      return Optional.of("external.issue.error.tooLong");
    }
    jdbc.sql(
            """
            insert into onesqa_issue (id, district_code, academic_year, stakeholder, standard_code, issue,
              recorded_by, recorded_at)
            values (:id, :d, :y, :st, :std, :i, :by, :at)""")
        .param("id", UUID.randomUUID().toString())
        .param("d", district)
        .param("y", year)
        .param("st", stakeholder)
        .param("std", standard)
        .param("i", text)
        .param("by", recordedBy)
        .param("at", Timestamp.from(clock.instant()))
        .update();
    return Optional.empty();
  }

  /** Removes the district's issue; false when it has no such issue. */
  boolean remove(String district, String id) {
    return jdbc.sql("delete from onesqa_issue where id = :id and district_code = :d")
            .param("id", id)
            .param("d", district)
            .update()
        == 1;
  }

  /** The standard codes of the year's ONESQA framework. */
  List<String> standards(int year) {
    return framework.forYear(year).map(Framework::standards).orElse(List.of()).stream()
        .map(Standard::code)
        .toList();
  }
}
