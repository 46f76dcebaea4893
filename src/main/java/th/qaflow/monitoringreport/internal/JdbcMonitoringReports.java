package th.qaflow.monitoringreport.internal;

import static th.qaflow.monitoringreport.MonitoringReportProcess.*;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.StartOnce;
import th.qaflow.monitoringreport.MonitoringReports;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;
import th.qaflow.security.QaUser;
import th.qaflow.visit.DistrictVisitProcess;

/**
 * The monitoring reports' rows and findings. Starting one writes its row and starts the process in
 * one transaction, so a second start (on any node) fails on the key instead of making a twin.
 */
@Service
class JdbcMonitoringReports implements MonitoringReports {
  /** The levels of the MoE frameworks, best first. */
  static final List<String> LEVELS = List.of("5", "4", "3", "2", "1");

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final OrganisationDirectory directory;
  private final TransactionTemplate tx;
  private final Clock clock;

  JdbcMonitoringReports(
      JdbcClient jdbc,
      @Lazy RuntimeService runtime,
      @Lazy HistoryService history,
      OrganisationDirectory directory,
      TransactionTemplate tx,
      Clock clock) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.history = history;
    this.directory = directory;
    this.tx = tx;
    this.clock = clock;
  }

  /** The report's row. */
  record Report(
      String districtCode,
      int academicYear,
      String processInstanceId,
      Instant startedAt,
      String startedBy,
      Instant approvedAt,
      LocalDate committeeDate,
      String committeeNote,
      Instant publishedAt,
      Map<String, String> texts) {
    public boolean published() {
      return publishedAt != null;
    }
  }

  /** One school's finding on one standard. */
  record Finding(
      String schoolCode,
      String schoolName,
      String standardCode,
      String standardLabel,
      String level,
      String findings,
      String recommendations,
      Instant visitCompletedAt) {}

  /** May the user start the district's report: its QA officer or supervision director, an admin. */
  boolean mayStart(QaUser user, String districtCode) {
    if (user == null || user.role() == null || user.isReadOnly()) {
      return false;
    }
    return user.role() == Role.ADMIN
        || ((user.role() == Role.DISTRICT_QA_OFFICER || user.role() == Role.SUPERVISION_DIRECTOR)
            && districtCode.equals(user.districtCode()));
  }

  @Override
  public Optional<String> start(String districtCode, int year, String userId) {
    District district =
        directory
            .district(districtCode)
            .orElseThrow(() -> new IllegalArgumentException("Unknown district " + districtCode));
    return StartOnce.inTransaction(
        tx,
        () -> report(districtCode, year).isPresent(),
        () -> {
          jdbc.sql(
                  """
                    insert into monitoring_report (district_code, academic_year, process_instance_id, started_at, started_by)
                    values (:d, :y, 'starting', :at, :by)""")
              .param("d", districtCode)
              .param("y", year)
              .param("at", Timestamp.from(clock.instant()))
              .param("by", userId)
              .update();
          ProcessInstance pi =
              runtime.startProcessInstanceByKey(
                  PROCESS_ID,
                  businessKey(districtCode, year),
                  Variables.createVariables()
                      .putValue(ProcessVariables.DISTRICT_CODE, districtCode)
                      .putValue(ProcessVariables.ACADEMIC_YEAR, year)
                      .putValue(VAR_DISTRICT_NAME, district.nameTh())
                      .putValue(VAR_STARTED_BY, userId));
          jdbc.sql(
                  "update monitoring_report set process_instance_id = :pi where district_code = :d and academic_year = :y")
              .param("pi", pi.getId())
              .param("d", districtCode)
              .param("y", year)
              .update();
          return pi.getId();
        });
  }

  Optional<Report> report(String districtCode, int year) {
    return jdbc.sql(
            "select * from monitoring_report where district_code = :d and academic_year = :y")
        .param("d", districtCode)
        .param("y", year)
        .query(JdbcMonitoringReports::report)
        .optional();
  }

  /** The district's reports, newest year first. */
  List<Report> reports(String districtCode) {
    return jdbc.sql(
            "select * from monitoring_report where district_code = :d order by academic_year desc")
        .param("d", districtCode)
        .query(JdbcMonitoringReports::report)
        .list();
  }

  private static Report report(ResultSet rs, int n) throws SQLException {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put(VAR_OVERVIEW, rs.getString("overview"));
    texts.put(VAR_STRENGTHS, rs.getString("strengths"));
    texts.put(VAR_IMPROVEMENTS, rs.getString("improvements"));
    texts.put(VAR_RECOMMENDATIONS, rs.getString("recommendations"));
    texts.put(VAR_SCHOOL_RECOMMENDATIONS, rs.getString("school_recommendations"));
    Date committee = rs.getDate("committee_date");
    return new Report(
        rs.getString("district_code"),
        rs.getInt("academic_year"),
        rs.getString("process_instance_id"),
        instant(rs.getTimestamp("started_at")),
        rs.getString("started_by"),
        instant(rs.getTimestamp("approved_at")),
        committee == null ? null : committee.toLocalDate(),
        rs.getString("committee_note"),
        instant(rs.getTimestamp("published_at")),
        texts);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /**
   * The report's texts: as published, or (while it runs) as the QA officer last saved them in the
   * process.
   */
  Map<String, String> texts(Report report) {
    if (report.published()) {
      return report.texts();
    }
    Map<String, String> texts = new LinkedHashMap<>();
    if (runtime.createProcessInstanceQuery().processInstanceId(report.processInstanceId()).count()
        > 0) {
      Map<String, Object> live = runtime.getVariables(report.processInstanceId(), TEXTS);
      for (String name : TEXTS) {
        texts.put(name, live.get(name) == null ? null : live.get(name).toString());
      }
    }
    return texts;
  }

  /**
   * Collects the findings of the year's completed visits of the district (each school's last one),
   * replacing what was collected before. Runs in the engine's transaction.
   */
  int collect(String districtCode, int year) {
    List<HistoricProcessInstance> visits =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(DistrictVisitProcess.PROCESS_ID)
            .completed()
            .variableValueEquals(ProcessVariables.DISTRICT_CODE, districtCode)
            .variableValueEquals(ProcessVariables.ACADEMIC_YEAR, year)
            .orderByProcessInstanceEndTime()
            .asc()
            .list();
    Map<String, Map<String, Object>> vars = new HashMap<>();
    if (!visits.isEmpty()) {
      for (HistoricVariableInstance v :
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceIdIn(
                  visits.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
              .variableNameIn(ProcessVariables.SCHOOL_CODE, DistrictVisitProcess.VAR_VISIT_FINDINGS)
              .list()) {
        vars.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
            .put(v.getName(), v.getValue());
      }
    }
    // the last completed visit of each school
    Map<String, HistoricProcessInstance> last = new TreeMap<>();
    for (HistoricProcessInstance visit : visits) {
      if (vars.getOrDefault(visit.getId(), Map.of()).get(ProcessVariables.SCHOOL_CODE)
          instanceof String school) {
        last.put(school, visit);
      }
    }
    jdbc.sql(
            "delete from monitoring_report_finding where district_code = :d and academic_year = :y")
        .param("d", districtCode)
        .param("y", year)
        .update();
    int n = 0;
    for (Map.Entry<String, HistoricProcessInstance> e : last.entrySet()) {
      HistoricProcessInstance visit = e.getValue();
      Object rows = vars.get(visit.getId()).get(DistrictVisitProcess.VAR_VISIT_FINDINGS);
      if (!(rows instanceof List<?> list)) {
        continue;
      }
      Set<String> seen = new LinkedHashSet<>();
      for (Object row : list) {
        if (!(row instanceof Map<?, ?> m) || !(m.get("standardCode") instanceof String code)) {
          continue;
        }
        if (!seen.add(code)) {
          continue;
        }
        jdbc.sql(
                """
            insert into monitoring_report_finding (district_code, academic_year, school_code, standard_code,
                standard_label, observed_level, findings, recommendations, visit_process_instance_id,
                visit_completed_at)
            values (:d, :y, :s, :c, :label, :level, :f, :r, :pi, :at)""")
            .param("d", districtCode)
            .param("y", year)
            .param("s", e.getKey())
            .param("c", code)
            .param("label", cut(m.get("standardLabel"), 500))
            .param("level", cut(m.get("observedLevel"), 10))
            .param("f", cut(m.get("findings"), 4000))
            .param("r", cut(m.get("recommendations"), 4000))
            .param("pi", visit.getId())
            .param("at", new Timestamp(visit.getEndTime().getTime()))
            .update();
        n++;
      }
    }
    jdbc.sql(
            "update monitoring_report set collected_at = :at where district_code = :d and academic_year = :y")
        .param("at", Timestamp.from(clock.instant()))
        .param("d", districtCode)
        .param("y", year)
        .update();
    return n;
  }

  private static String cut(Object value, int max) {
    if (value == null) {
      return null;
    }
    String s = value.toString();
    return s.length() > max ? s.substring(0, max) : s;
  }

  void approved(String districtCode, int year) {
    jdbc.sql(
            "update monitoring_report set approved_at = :at where district_code = :d and academic_year = :y")
        .param("at", Timestamp.from(clock.instant()))
        .param("d", districtCode)
        .param("y", year)
        .update();
  }

  /** Publishes the report with its texts and the committee's date and note. */
  Instant publish(
      String districtCode,
      int year,
      Map<String, String> texts,
      LocalDate committeeDate,
      String committeeNote) {
    Instant now = clock.instant();
    jdbc.sql(
            """
        update monitoring_report set published_at = :at, committee_date = :cd, committee_note = :cn,
               overview = :o, strengths = :s, improvements = :i, recommendations = :r, school_recommendations = :sr
         where district_code = :d and academic_year = :y""")
        .param("at", Timestamp.from(now))
        .param("cd", committeeDate == null ? null : Date.valueOf(committeeDate))
        .param("cn", cut(committeeNote, 4000))
        .param("o", texts.get(VAR_OVERVIEW))
        .param("s", texts.get(VAR_STRENGTHS))
        .param("i", texts.get(VAR_IMPROVEMENTS))
        .param("r", texts.get(VAR_RECOMMENDATIONS))
        .param("sr", texts.get(VAR_SCHOOL_RECOMMENDATIONS))
        .param("d", districtCode)
        .param("y", year)
        .update();
    return now;
  }

  /** The findings of the report, by school and standard; only one school's when it is given. */
  List<Finding> findings(String districtCode, int year, String schoolCode) {
    var query =
        jdbc.sql(
                """
        select school_code, standard_code, standard_label, observed_level, findings, recommendations, visit_completed_at
          from monitoring_report_finding
         where district_code = :d and academic_year = :y"""
                    + (schoolCode == null ? "" : " and school_code = :s")
                    + " order by school_code, standard_code")
            .param("d", districtCode)
            .param("y", year);
    if (schoolCode != null) {
      query = query.param("s", schoolCode);
    }
    return query
        .query(
            (rs, n) ->
                new Finding(
                    rs.getString(1),
                    directory.school(rs.getString(1)).map(School::nameTh).orElse(rs.getString(1)),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getTimestamp(7).toInstant()))
        .list();
  }

  /** The findings per standard across the schools, in the order of the standards' codes. */
  static List<StandardSummary> perStandard(List<Finding> findings) {
    Map<String, List<Finding>> byStandard = new TreeMap<>();
    for (Finding f : findings) {
      byStandard.computeIfAbsent(f.standardCode(), k -> new ArrayList<>()).add(f);
    }
    List<StandardSummary> out = new ArrayList<>();
    for (Map.Entry<String, List<Finding>> e : byStandard.entrySet()) {
      Map<String, Integer> levels = new LinkedHashMap<>();
      LEVELS.forEach(l -> levels.put(l, 0));
      Set<String> recommendations = new LinkedHashSet<>();
      for (Finding f : e.getValue()) {
        if (f.level() != null && levels.containsKey(f.level())) {
          levels.merge(f.level(), 1, Integer::sum);
        }
        if (f.recommendations() != null && !f.recommendations().isBlank()) {
          recommendations.add(f.recommendations().strip());
        }
      }
      out.add(
          new StandardSummary(
              e.getKey(),
              e.getValue().get(0).standardLabel(),
              (int) e.getValue().stream().map(Finding::schoolCode).distinct().count(),
              levels,
              List.copyOf(recommendations)));
    }
    return out;
  }

  @Override
  public Optional<PublishedReport> publishedFor(String districtCode, int year) {
    return report(districtCode, year)
        .filter(Report::published)
        .map(
            r -> {
              List<Finding> findings = findings(districtCode, year, null);
              return new PublishedReport(
                  districtCode,
                  year,
                  r.publishedAt(),
                  r.committeeDate(),
                  r.texts(),
                  perStandard(findings),
                  (int) findings.stream().map(Finding::schoolCode).distinct().count(),
                  publicPath(districtCode, year));
            });
  }
}
