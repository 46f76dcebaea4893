package th.qaflow.synthesis.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import th.qaflow.synthesis.PublishedSynthesis;
import th.qaflow.synthesis.SynthesisSummary;

/**
 * The published reports (table {@code synthesis_report}), with the summary stored as a JSON
 * snapshot.
 */
@Repository
class PublishedReports {
  private final Clock clock;
  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  static final int MAX_TEXT = 20_000;

  private final JdbcClient jdbc;

  PublishedReports(JdbcClient jdbc, Clock clock) {

    this.clock = clock;
    this.jdbc = jdbc;
  }

  /** Stores (or replaces) the report of the district and year; runs in the caller's transaction. */
  @Transactional
  void publish(
      String districtCode,
      int academicYear,
      Map<String, Object> narrative,
      String approvedBy,
      Instant approvedAt,
      SynthesisSummary summary) {
    String json;
    try {
      json = JSON.writeValueAsString(summary);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Cannot store the synthesis summary of " + districtCode + "/" + academicYear, e);
    }
    jdbc.sql("delete from synthesis_report where district_code = :d and academic_year = :y")
        .param("d", districtCode)
        .param("y", academicYear)
        .update();
    jdbc.sql(
            """
            insert into synthesis_report (district_code, academic_year, overview, strengths, weaknesses,
              recommendations, approved_by, approved_at, published_at, summary_json)
            values (:d, :y, :overview, :strengths, :weaknesses, :recommendations, :by, :at, :published, :json)""")
        .param("d", districtCode)
        .param("y", academicYear)
        .param("overview", text(narrative, "synthesisOverview"))
        .param("strengths", text(narrative, "synthesisStrengths"))
        .param("weaknesses", text(narrative, "synthesisWeaknesses"))
        .param("recommendations", text(narrative, "synthesisRecommendations"))
        .param("by", approvedBy == null ? "" : approvedBy)
        .param("at", Timestamp.from(approvedAt == null ? clock.instant() : approvedAt))
        .param("published", Timestamp.from(clock.instant()))
        .param("json", json)
        .update();
  }

  /** The years the district published a report of. */
  List<Integer> years(String districtCode) {
    return jdbc.sql("select academic_year from synthesis_report where district_code = :d")
        .param("d", districtCode)
        .query(Integer.class)
        .list();
  }

  Optional<PublishedSynthesis> find(String districtCode, int academicYear) {
    return jdbc.sql(
            """
            select overview, strengths, weaknesses, recommendations, approved_by, approved_at, summary_json
              from synthesis_report where district_code = :d and academic_year = :y""")
        .param("d", districtCode)
        .param("y", academicYear)
        .query(
            (rs, n) ->
                new PublishedSynthesis(
                    districtCode,
                    academicYear,
                    rs.getString("overview"),
                    rs.getString("strengths"),
                    rs.getString("weaknesses"),
                    rs.getString("recommendations"),
                    rs.getString("approved_by"),
                    rs.getTimestamp("approved_at").toInstant(),
                    read(rs.getString("summary_json"))))
        .optional();
  }

  private static SynthesisSummary read(String json) {
    try {
      return JSON.readValue(json, SynthesisSummary.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored synthesis summary cannot be read", e);
    }
  }

  private static String text(Map<String, Object> narrative, String key) {
    Object value = narrative == null ? null : narrative.get(key);
    if (value == null) {
      return null;
    }
    String s = String.valueOf(value).strip();
    return s.isEmpty() ? null : s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
  }
}
