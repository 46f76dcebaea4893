package th.qaflow.schoolgroup.internal;

import static th.qaflow.schoolgroup.GroupYearProcess.*;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.committee.Committees;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.StartOnce;
import th.qaflow.organisation.Cluster;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.schoolgroup.GroupYearProcess;

/** A school group's year (GroupYear): its plan and the chair's assessment of its schools. */
@Service
class GroupYears {
  record Year(
      String clusterCode,
      int academicYear,
      String processInstanceId,
      String status,
      String goals,
      String projects,
      Instant approvedAt) {}

  record Assessment(String schoolCode, int level, String note) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Committees committees;
  private final OrganisationDirectory directory;
  private final RuntimeService runtime;
  private final TransactionTemplate tx;

  GroupYears(
      JdbcClient jdbc,
      Clock clock,
      Committees committees,
      OrganisationDirectory directory,
      @Lazy RuntimeService runtime,
      TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.committees = committees;
    this.directory = directory;
    this.runtime = runtime;
    this.tx = tx;
  }

  /** Starts the group's year once; empty when it runs already (or has no committee). */
  Optional<String> start(String clusterCode, int academicYearBE, String by) {
    Cluster c = directory.cluster(clusterCode).orElseThrow();
    long committeeId = committees.ofCluster(clusterCode).orElseThrow().id();
    return StartOnce.inTransaction(
        tx,
        () -> year(clusterCode, academicYearBE).isPresent(),
        () -> {
          jdbc.sql(
                  "insert into school_group_year (cluster_code, academic_year, status, started_at,"
                      + " started_by) values (:c, :y, 'PLANNING', :at, :by)")
              .param("c", clusterCode)
              .param("y", academicYearBE)
              .param("at", Timestamp.from(clock.instant()))
              .param("by", by)
              .update();
          Map<String, Object> vars = new LinkedHashMap<>();
          vars.put(VAR_CLUSTER_CODE, clusterCode);
          vars.put(VAR_COMMITTEE_ID, committeeId);
          vars.put(ProcessVariables.DISTRICT_CODE, c.districtCode());
          vars.put(ProcessVariables.ACADEMIC_YEAR, academicYearBE);
          String pi =
              runtime
                  .startProcessInstanceByKey(
                      PROCESS_ID, GroupYearProcess.businessKey(clusterCode, academicYearBE), vars)
                  .getId();
          jdbc.sql(
                  "update school_group_year set process_instance_id = :pi"
                      + " where cluster_code = :c and academic_year = :y")
              .param("pi", pi)
              .param("c", clusterCode)
              .param("y", academicYearBE)
              .update();
          return pi;
        });
  }

  Optional<Year> year(String clusterCode, int academicYearBE) {
    return jdbc.sql(
            "select cluster_code, academic_year, process_instance_id, status, plan_goals,"
                + " plan_projects, approved_at from school_group_year"
                + " where cluster_code = :c and academic_year = :y")
        .param("c", clusterCode)
        .param("y", academicYearBE)
        .query(
            (rs, n) -> {
              Timestamp at = rs.getTimestamp(7);
              return new Year(
                  rs.getString(1),
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  at == null ? null : at.toInstant());
            })
        .optional();
  }

  void planApproved(String clusterCode, int year, String goals, String projects) {
    jdbc.sql(
            "update school_group_year set status = 'APPROVED', plan_goals = :g, plan_projects = :p,"
                + " approved_at = :at where cluster_code = :c and academic_year = :y")
        .param("g", goals)
        .param("p", projects)
        .param("at", Timestamp.from(clock.instant()))
        .param("c", clusterCode)
        .param("y", year)
        .update();
  }

  void assessed(String clusterCode, int year, List<Assessment> rows, String by) {
    for (Assessment a : rows) {
      jdbc.sql(
              "delete from school_group_assessment"
                  + " where cluster_code = :c and academic_year = :y and school_code = :s")
          .param("c", clusterCode)
          .param("y", year)
          .param("s", a.schoolCode())
          .update();
      jdbc.sql(
              "insert into school_group_assessment (cluster_code, academic_year, school_code,"
                  + " quality_level, note, assessed_by, assessed_at)"
                  + " values (:c, :y, :s, :l, :n, :by, :at)")
          .param("c", clusterCode)
          .param("y", year)
          .param("s", a.schoolCode())
          .param("l", a.level())
          .param("n", a.note())
          .param("by", by == null ? "-" : by)
          .param("at", Timestamp.from(clock.instant()))
          .update();
    }
    jdbc.sql(
            "update school_group_year set status = 'ASSESSED'"
                + " where cluster_code = :c and academic_year = :y")
        .param("c", clusterCode)
        .param("y", year)
        .update();
  }

  List<Assessment> assessments(String clusterCode, int year) {
    return jdbc.sql(
            "select school_code, quality_level, note from school_group_assessment"
                + " where cluster_code = :c and academic_year = :y order by school_code")
        .param("c", clusterCode)
        .param("y", year)
        .query((rs, n) -> new Assessment(rs.getString(1), rs.getInt(2), rs.getString(3)))
        .list();
  }
}
