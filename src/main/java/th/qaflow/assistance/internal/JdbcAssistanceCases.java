package th.qaflow.assistance.internal;

import static th.qaflow.assistance.SchoolAssistanceProcess.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.assistance.AssistanceCases;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.SchoolHelpStarted;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.synthesis.SarSynthesis;
import th.qaflow.synthesis.SynthesisSummary;
import th.qaflow.synthesis.SynthesisSummary.BelowTarget;

/**
 * Starts help cases and keeps their row. The assistance_case row (key school + year) and the
 * process instance commit together, so a second start fails on the key instead of making a twin. A
 * case starts only for a school on its district's below-target list of the year (the synthesis),
 * with those standards as the gaps its plan works on.
 */
@Service
class JdbcAssistanceCases implements AssistanceCases {
  private static final Locale EN = Locale.ENGLISH;
  private static final Locale TH = Locale.forLanguageTag("th");

  private final Clock clock;
  private final OrganisationDirectory directory;
  private final SarSynthesis synthesis;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;

  JdbcAssistanceCases(
      Clock clock,
      OrganisationDirectory directory,
      SarSynthesis synthesis,
      @Lazy RuntimeService runtime,
      JdbcClient jdbc,
      TransactionTemplate tx,
      ApplicationEventPublisher events) {
    this.events = events;
    this.clock = clock;
    this.directory = directory;
    this.synthesis = synthesis;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public StartResult start(String schoolCode, int academicYearBE, String startedBy) {
    School school =
        directory
            .school(schoolCode)
            .orElseThrow(() -> new IllegalArgumentException("Unknown school " + schoolCode));
    if (caseOf(schoolCode, academicYearBE).isPresent()) {
      return StartResult.ALREADY_RUNNING;
    }
    SynthesisSummary summary = synthesis.summary(school.districtCode(), academicYearBE);
    List<BelowTarget> below =
        summary.belowTargets().stream().filter(b -> b.schoolCode().equals(schoolCode)).toList();
    if (below.isEmpty()) {
      return StartResult.NOT_BELOW_TARGET;
    }
    try {
      return tx.execute(
          status -> {
            if (caseOf(schoolCode, academicYearBE).isPresent()) {
              return StartResult.ALREADY_RUNNING;
            }
            startInstance(school, academicYearBE, startedBy, summary, below);
            return StartResult.STARTED;
          });
    } catch (DuplicateKeyException raced) {
      return StartResult.ALREADY_RUNNING;
    }
  }

  private void startInstance(
      School school,
      int academicYearBE,
      String startedBy,
      SynthesisSummary summary,
      List<BelowTarget> below) {
    List<Map<String, Object>> gaps = new ArrayList<>();
    List<Map<String, Object>> options = new ArrayList<>();
    for (BelowTarget b : below) {
      Map<String, Object> gap = new LinkedHashMap<>();
      gap.put("standardCode", b.standardCode());
      gap.put("label", b.label(TH));
      gap.put("label_en", b.label(EN));
      gap.put("target", b.target());
      gap.put("achieved", b.achieved());
      gap.put("targetName", summary.levelName(b.target(), TH));
      gap.put("targetName_en", summary.levelName(b.target(), EN));
      gap.put("achievedName", summary.levelName(b.achieved(), TH));
      gap.put("achievedName_en", summary.levelName(b.achieved(), EN));
      gaps.add(gap);
      Map<String, Object> option = new LinkedHashMap<>();
      option.put("value", b.standardCode());
      option.put(
          "label",
          b.label(TH)
              + " (ค่าเป้าหมาย "
              + summary.levelName(b.target(), TH)
              + " ผลการประเมิน "
              + summary.levelName(b.achieved(), TH)
              + ")");
      option.put(
          "label_en",
          b.label(EN)
              + " (target "
              + summary.levelName(b.target(), EN)
              + ", result "
              + summary.levelName(b.achieved(), EN)
              + ")");
      options.add(option);
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ProcessVariables.SCHOOL_CODE, school.code());
    variables.put(VAR_SCHOOL_NAME, school.nameTh());
    variables.put(ProcessVariables.SCHOOL_NAME, school.nameTh());
    variables.put(ProcessVariables.DISTRICT_CODE, school.districtCode());
    variables.put(ProcessVariables.CLUSTER_CODE, school.clusterCode());
    // the help runs in the next academic year: its calendar, dashboard row and self-checks
    variables.put(ProcessVariables.ACADEMIC_YEAR, academicYearBE + 1);
    variables.put(VAR_SYNTHESIS_YEAR, academicYearBE);
    variables.put(VAR_STARTED_BY, startedBy);
    variables.put(VAR_ROUND, 1);
    variables.put(VAR_GAPS, json(gaps));
    variables.put(VAR_GAP_OPTIONS, json(options));
    variables.put(VAR_VISITS, json(List.of()));
    variables.put(VAR_ROUNDS, json(List.of()));
    ProcessInstance instance =
        runtime.startProcessInstanceByKey(
            PROCESS_ID, businessKey(school.code(), academicYearBE), variables);
    jdbc.sql(
            """
            insert into assistance_case (school_code, academic_year, district_code,
              process_instance_id, started_at, started_by, round_no)
            values (:school, :year, :district, :pi, :at, :by, 1)""")
        .param("school", school.code())
        .param("year", academicYearBE)
        .param("district", school.districtCode())
        .param("pi", instance.getId())
        .param("at", Timestamp.from(clock.instant()))
        .param("by", startedBy)
        .update();
    // the school's director and QA group hear of it by mail (notification module)
    events.publishEvent(
        new SchoolHelpStarted(
            school.code(),
            academicYearBE,
            instance.getId(),
            options.stream().map(o -> String.valueOf(o.get("label"))).toList(),
            options.stream().map(o -> String.valueOf(o.get("label_en"))).toList(),
            clock.instant()));
  }

  /** Lists and maps are stored as JSON, as the forms store them. */
  static Object json(Object value) {
    return Variables.objectValue(value)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }

  void roundStarted(String schoolCode, int year, int round) {
    jdbc.sql(
            "update assistance_case set round_no = :r where school_code = :s and academic_year = :y")
        .param("r", round)
        .param("s", schoolCode)
        .param("y", year)
        .update();
  }

  void closed(String schoolCode, int year) {
    jdbc.sql(
            "update assistance_case set closed_at = :at where school_code = :s and academic_year = :y")
        .param("at", Timestamp.from(clock.instant()))
        .param("s", schoolCode)
        .param("y", year)
        .update();
  }

  @Override
  public List<AssistanceCase> cases(String districtCode) {
    return jdbc.sql(SELECT + " where district_code = :d order by academic_year desc, school_code")
        .param("d", districtCode)
        .query(JdbcAssistanceCases::row)
        .list();
  }

  @Override
  public List<AssistanceCase> casesOf(String schoolCode) {
    return jdbc.sql(SELECT + " where school_code = :s order by academic_year desc")
        .param("s", schoolCode)
        .query(JdbcAssistanceCases::row)
        .list();
  }

  @Override
  public Optional<AssistanceCase> caseOf(String schoolCode, int academicYearBE) {
    return jdbc.sql(SELECT + " where school_code = :s and academic_year = :y")
        .param("s", schoolCode)
        .param("y", academicYearBE)
        .query(JdbcAssistanceCases::row)
        .optional();
  }

  private static final String SELECT =
      """
      select school_code, district_code, academic_year, process_instance_id, started_at, started_by,
        round_no, closed_at from assistance_case""";

  private static AssistanceCase row(ResultSet rs, int n) throws SQLException {
    return new AssistanceCase(
        rs.getString(1),
        rs.getString(2),
        rs.getInt(3),
        rs.getString(4),
        instant(rs.getTimestamp(5)),
        rs.getString(6),
        rs.getInt(7),
        instant(rs.getTimestamp(8)));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
