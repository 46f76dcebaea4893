package th.qaflow.districtplan.internal;

import static th.qaflow.districtplan.DistrictQaPlanProcess.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.districtplan.DistrictPlans;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.StartOnce;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.standards.EducationLevel;
import th.qaflow.standards.Framework;
import th.qaflow.standards.Standard;
import th.qaflow.standards.StandardsCatalog;

/**
 * Starts plan years and keeps their row. The district_plan_year row (key district + year) and the
 * process instance commit together, so a second start fails on the key instead of making a twin. A
 * year started from the page reads what it needs from the engine's history: the 3-year plan that
 * covers it (from the year that drafted it) and the previous year's evaluation; a year started by
 * the previous one gets both from that instance directly.
 */
@Service
class JdbcPlanYears implements DistrictPlans {
  private final Clock clock;
  private final OrganisationDirectory directory;
  private final StandardsCatalog standards;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  JdbcPlanYears(
      Clock clock,
      OrganisationDirectory directory,
      StandardsCatalog standards,
      @Lazy RuntimeService runtime,
      @Lazy HistoryService history,
      JdbcClient jdbc,
      TransactionTemplate tx) {
    this.clock = clock;
    this.directory = directory;
    this.standards = standards;
    this.runtime = runtime;
    this.history = history;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public Optional<String> start(String districtCode, int academicYearBE, String startedBy) {
    return StartOnce.inTransaction(
        tx,
        () -> year(districtCode, academicYearBE).isPresent(),
        () -> {
          Map<String, Object> carried = new LinkedHashMap<>();
          Optional<PlanYear> covering = covering(districtCode, academicYearBE);
          covering.ifPresent(
              plan -> {
                carried.put(VAR_PLAN_FIRST_YEAR, plan.planFirstYear());
                carried.put(VAR_PLAN_LAST_YEAR, plan.planLastYear());
                year(districtCode, plan.planFirstYear())
                    .ifPresent(
                        drafted ->
                            carried.putAll(
                                variables(
                                    drafted.processInstanceId(), DEVELOPMENT_PLAN_VARIABLES)));
              });
          year(districtCode, academicYearBE - 1)
              .ifPresent(
                  previous -> carried.putAll(previousOf(previous.processInstanceId(), null)));
          return startInstance(
              districtCode, academicYearBE, startedBy, covering.isEmpty(), carried);
        });
  }

  /**
   * Starts the year after the execution's: with its 3-year plan unless {@code newPlan}, and its
   * evaluation. Runs inside the engine's command; a year started already (by hand) is left alone.
   */
  Optional<String> startNext(
      String districtCode, int nextYear, String startedBy, Map<String, Object> carried) {
    if (year(districtCode, nextYear).isPresent()) {
      return Optional.empty();
    }
    boolean newPlan = !carried.containsKey(VAR_PLAN_FIRST_YEAR);
    return Optional.of(startInstance(districtCode, nextYear, startedBy, newPlan, carried));
  }

  private String startInstance(
      String districtCode,
      int academicYearBE,
      String startedBy,
      boolean developmentPlanNeeded,
      Map<String, Object> carried) {
    District district =
        directory
            .district(districtCode)
            .orElseThrow(() -> new IllegalArgumentException("Unknown district " + districtCode));
    Map<String, Object> variables = new LinkedHashMap<>();
    carried.forEach((name, value) -> variables.put(name, json(value)));
    variables.put(ProcessVariables.DISTRICT_CODE, districtCode);
    variables.put(VAR_DISTRICT_NAME, district.nameTh());
    variables.put(ProcessVariables.ACADEMIC_YEAR, academicYearBE);
    variables.put(VAR_STARTED_BY, startedBy);
    variables.put(VAR_DEVELOPMENT_PLAN_NEEDED, developmentPlanNeeded);
    variables.put(StandardsCatalog.VAR_STANDARD_OPTIONS, json(standardOptions(academicYearBE)));
    ProcessInstance instance =
        runtime.startProcessInstanceByKey(
            PROCESS_ID, businessKey(districtCode, academicYearBE), variables);
    jdbc.sql(
            """
            insert into district_plan_year (district_code, academic_year, process_instance_id,
              started_at, started_by, plan_first_year, plan_last_year)
            values (:district, :year, :pi, :at, :by, :first, :last)""")
        .param("district", districtCode)
        .param("year", academicYearBE)
        .param("pi", instance.getId())
        .param("at", Timestamp.from(clock.instant()))
        .param("by", startedBy)
        .param("first", developmentPlanNeeded ? null : carried.get(VAR_PLAN_FIRST_YEAR))
        .param("last", developmentPlanNeeded ? null : carried.get(VAR_PLAN_LAST_YEAR))
        .update();
    return instance.getId();
  }

  /** Lists and maps are stored as JSON, as the forms store them. */
  private static Object json(Object value) {
    return value instanceof List<?> || value instanceof Map<?, ?>
        ? Variables.objectValue(value)
            .serializationDataFormat(Variables.SerializationDataFormats.JSON)
            .create()
        : value;
  }

  /**
   * The previous year's evaluation and report under the names the next year reads; from {@code
   * live} variables when given (the previous year's own execution), else from its history.
   */
  Map<String, Object> previousOf(String processInstanceId, Map<String, Object> live) {
    Map<String, Object> source =
        live != null
            ? live
            : variables(
                processInstanceId,
                List.of(
                    ProcessVariables.ACADEMIC_YEAR,
                    VAR_EV_INDICATORS,
                    VAR_REPORT_SUMMARY,
                    VAR_REPORT_LESSONS));
    Map<String, Object> previous = new LinkedHashMap<>();
    if (source.get(VAR_EV_INDICATORS) == null) {
      return previous; // not evaluated (yet): nothing to carry
    }
    previous.put(VAR_PREVIOUS_YEAR, source.get(ProcessVariables.ACADEMIC_YEAR));
    previous.put(VAR_PREVIOUS_EVALUATION, source.get(VAR_EV_INDICATORS));
    previous.put(VAR_PREVIOUS_SUMMARY, source.get(VAR_REPORT_SUMMARY));
    previous.put(VAR_PREVIOUS_LESSONS, source.get(VAR_REPORT_LESSONS));
    return previous;
  }

  /** What a reported year published: its action plan, evaluation and report. */
  Map<String, Object> published(String processInstanceId) {
    Map<String, Object> published =
        variables(
            processInstanceId,
            List.of(VAR_AP_SUMMARY, VAR_EV_INDICATORS, VAR_REPORT_SUMMARY, VAR_REPORT_LESSONS));
    published.put(VAR_EV_INDICATORS, DistrictPlanPanels.rows(published.get(VAR_EV_INDICATORS)));
    return published;
  }

  private Map<String, Object> variables(String processInstanceId, List<String> names) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .variableNameIn(names.toArray(String[]::new))
            .list()) {
      // process-level variables only (task-local ones share names in the history)
      if (v.getActivityInstanceId() == null
          || v.getActivityInstanceId().equals(processInstanceId)) {
        values.put(v.getName(), v.getValue());
      }
    }
    return values;
  }

  /** The district's standards of both levels as options, for the plans' standard fields. */
  List<Map<String, Object>> standardOptions(int academicYearBE) {
    List<Map<String, Object>> options = new ArrayList<>();
    for (EducationLevel level : EducationLevel.values()) {
      Optional<Framework> framework = standards.internalFramework(level, academicYearBE);
      if (framework.isEmpty()) {
        continue;
      }
      String levelTh = level == EducationLevel.BASIC ? "ขั้นพื้นฐาน" : "ปฐมวัย";
      String levelEn = level == EducationLevel.BASIC ? "Basic" : "Early childhood";
      for (Standard s : framework.get().standards()) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("value", level.name() + "-" + s.code());
        option.put("label", levelTh + " มาตรฐานที่ " + s.code() + " " + s.nameTh());
        option.put("label_en", levelEn + ", standard " + s.code() + ": " + s.nameEn());
        options.add(option);
      }
    }
    return options;
  }

  /** The approved 3-year plan whose years include the year, if any. */
  Optional<PlanYear> covering(String districtCode, int academicYearBE) {
    return jdbc
        .sql(
            SELECT
                + " where district_code = :d and plan_first_year <= :y and plan_last_year >= :y"
                + " order by plan_first_year desc")
        .param("d", districtCode)
        .param("y", academicYearBE)
        .query(JdbcPlanYears::row)
        .list()
        .stream()
        .findFirst();
  }

  @Override
  public List<PlanYear> years(String districtCode) {
    return jdbc.sql(SELECT + " where district_code = :d order by academic_year desc")
        .param("d", districtCode)
        .query(JdbcPlanYears::row)
        .list();
  }

  @Override
  public Optional<PlanYear> year(String districtCode, int academicYearBE) {
    return jdbc.sql(SELECT + " where district_code = :d and academic_year = :y")
        .param("d", districtCode)
        .param("y", academicYearBE)
        .query(JdbcPlanYears::row)
        .optional();
  }

  void actionPlanPublished(String districtCode, int year, int planFirstYear, int planLastYear) {
    jdbc.sql(
            """
            update district_plan_year set plan_first_year = :first, plan_last_year = :last,
              action_plan_published_at = :at where district_code = :d and academic_year = :y""")
        .param("first", planFirstYear)
        .param("last", planLastYear)
        .param("at", Timestamp.from(clock.instant()))
        .param("d", districtCode)
        .param("y", year)
        .update();
  }

  void reportPublished(String districtCode, int year, int total, int achieved) {
    jdbc.sql(
            """
            update district_plan_year set indicators_total = :total, indicators_achieved = :achieved,
              report_published_at = :at where district_code = :d and academic_year = :y""")
        .param("total", total)
        .param("achieved", achieved)
        .param("at", Timestamp.from(clock.instant()))
        .param("d", districtCode)
        .param("y", year)
        .update();
  }

  private static final String SELECT =
      """
      select district_code, academic_year, process_instance_id, plan_first_year, plan_last_year,
        action_plan_published_at, indicators_total, indicators_achieved, report_published_at
        from district_plan_year""";

  private static PlanYear row(ResultSet rs, int n) throws SQLException {
    return new PlanYear(
        rs.getString(1),
        rs.getInt(2),
        rs.getString(3),
        (Integer) rs.getObject(4, Integer.class),
        (Integer) rs.getObject(5, Integer.class),
        instant(rs.getTimestamp(6)),
        (Integer) rs.getObject(7, Integer.class),
        (Integer) rs.getObject(8, Integer.class),
        instant(rs.getTimestamp(9)));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
