package th.qaflow.research.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import th.qaflow.cycle.ReportedLevels;
import th.qaflow.cycle.SchoolCycles;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;

/**
 * The anonymised data for researchers (000 L333-334): the levels each school of a district reported
 * per standard and academic year, with the school replaced by a stable pseudonym (HMAC-SHA256 of
 * the school code under a secret made once per installation and kept in the database: neither the
 * code nor a plain hash of it) and the schools of a group (the education levels a school offers)
 * with fewer than {@code qaflow.research.min-group-size} schools left out. Every request is logged.
 */
@Service
class ResearchData {
  static final String DATASET = "levels-per-standard";

  private final OrganisationDirectory directory;
  private final SchoolCycles schoolCycles;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final int minGroup;

  ResearchData(
      OrganisationDirectory directory,
      SchoolCycles schoolCycles,
      JdbcClient jdbc,
      Clock clock,
      @Value("${qaflow.research.min-group-size:5}") int minGroup) {
    this.directory = directory;
    this.schoolCycles = schoolCycles;
    this.jdbc = jdbc;
    this.clock = clock;
    this.minGroup = Math.max(2, minGroup);
  }

  int minGroup() {
    return minGroup;
  }

  /** The education levels a school offers: the only grouping column of the data. */
  enum Group {
    BOTH,
    BASIC,
    EARLY;

    static Group of(School s) {
      return s.earlyChildhood() && s.basic() ? BOTH : s.earlyChildhood() ? EARLY : BASIC;
    }

    String messageKey() {
      return "research.export.group." + name();
    }
  }

  /** One reported level of a pseudonymous school. */
  record Row(String pseudonym, Group group, int academicYear, String standard, String level) {}

  /** One group's count of schools per level of a standard in a year; null counts = suppressed. */
  record Summary(
      Group group, int academicYear, String standard, Map<String, Integer> levels, int schools) {
    boolean suppressed() {
      return levels == null;
    }
  }

  record Dataset(List<Row> rows, List<Summary> summary, int schools, int suppressedSchools) {}

  Dataset dataset(String districtCode) {
    Map<Group, List<School>> withData = new TreeMap<>();
    Map<String, List<ReportedLevels>> reported = new LinkedHashMap<>();
    for (School s : directory.schoolsOfDistrict(districtCode)) {
      List<ReportedLevels> years = schoolCycles.reportedLevels(s.code());
      if (years.stream().anyMatch(y -> !y.levels().isEmpty())) {
        withData.computeIfAbsent(Group.of(s), g -> new ArrayList<>()).add(s);
        reported.put(s.code(), years);
      }
    }
    List<Row> rows = new ArrayList<>();
    List<Summary> summary = new ArrayList<>();
    int schools = 0;
    int suppressed = 0;
    for (var group : withData.entrySet()) {
      boolean small = group.getValue().size() < minGroup;
      schools += group.getValue().size();
      // year → standard → level → schools
      Map<Integer, Map<String, Map<String, Integer>>> counts = new TreeMap<>();
      for (School s : group.getValue()) {
        if (small) {
          suppressed++;
        }
        String pseudonym = small ? null : pseudonym(s.code());
        for (ReportedLevels year : reported.get(s.code())) {
          for (ReportedLevels.Level l : year.levels()) {
            if (!small) {
              rows.add(
                  new Row(
                      pseudonym,
                      group.getKey(),
                      year.academicYear(),
                      l.standardCode(),
                      l.achievedLevel()));
            }
            counts
                .computeIfAbsent(year.academicYear(), y -> new TreeMap<>())
                .computeIfAbsent(l.standardCode(), c -> new TreeMap<>())
                .merge(l.achievedLevel(), 1, Integer::sum);
          }
        }
      }
      for (var year : counts.entrySet()) {
        for (var standard : year.getValue().entrySet()) {
          int n = standard.getValue().values().stream().mapToInt(Integer::intValue).sum();
          boolean hide = small || n < minGroup;
          summary.add(
              new Summary(
                  group.getKey(),
                  year.getKey(),
                  standard.getKey(),
                  hide ? null : standard.getValue(),
                  hide ? 0 : n));
        }
      }
    }
    rows.sort(
        java.util.Comparator.comparing(Row::pseudonym)
            .thenComparingInt(Row::academicYear)
            .thenComparing(Row::standard));
    return new Dataset(rows, summary, schools, suppressed);
  }

  /** {@code S-} and the first 12 hex digits of HMAC-SHA256(secret, school code). */
  String pseudonym(String schoolCode) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret()), "HmacSHA256"));
      byte[] h = mac.doFinal(schoolCode.getBytes(StandardCharsets.UTF_8));
      return "S-" + HexFormat.of().withUpperCase().formatHex(h, 0, 6);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private String secret() {
    var stored =
        jdbc.sql("select secret from research_secret where id = 1").query(String.class).optional();
    if (stored.isPresent()) {
      return stored.get();
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    try {
      jdbc.sql("insert into research_secret (id, secret) values (1, :s)")
          .param("s", Base64.getEncoder().encodeToString(random))
          .update();
    } catch (DataIntegrityViolationException concurrent) {
      // another request made it first: use theirs
    }
    return jdbc.sql("select secret from research_secret where id = 1").query(String.class).single();
  }

  /** A logged request for the data. */
  record Request(
      Instant requestedAt,
      String userId,
      String requester,
      String organisation,
      String purpose,
      String dataset,
      int schools,
      int rows,
      int suppressed) {}

  void log(
      String districtCode,
      String userId,
      String requester,
      String organisation,
      String purpose,
      Dataset data) {
    jdbc.sql(
            """
            insert into research_export_log (district_code, requested_at, user_id, requester,
              organisation, purpose, dataset, schools, rows_written, suppressed)
            values (:d, :at, :u, :r, :o, :p, :ds, :s, :n, :x)""")
        .param("d", districtCode)
        .param("at", Timestamp.from(clock.instant()))
        .param("u", userId)
        .param("r", requester)
        .param("o", organisation)
        .param("p", purpose)
        .param("ds", DATASET)
        .param("s", data.schools())
        .param("n", data.rows().size())
        .param("x", data.suppressedSchools())
        .update();
  }

  List<Request> requests(String districtCode) {
    return jdbc.sql(
            """
            select requested_at, user_id, requester, organisation, purpose, dataset, schools,
              rows_written, suppressed
              from research_export_log where district_code = :d order by requested_at desc, id desc""")
        .param("d", districtCode)
        .query(
            (rs, i) ->
                new Request(
                    rs.getTimestamp("requested_at").toInstant(),
                    rs.getString("user_id"),
                    rs.getString("requester"),
                    rs.getString("organisation"),
                    rs.getString("purpose"),
                    rs.getString("dataset"),
                    rs.getInt("schools"),
                    rs.getInt("rows_written"),
                    rs.getInt("suppressed")))
        .list();
  }
}
