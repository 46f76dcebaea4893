package th.qaflow.visit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.documents.DocumentSlot;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.Cluster;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;
import th.qaflow.security.QaUser;
import th.qaflow.standards.StandardsCatalog;
import th.qaflow.visit.DistrictVisitProcess;
import th.qaflow.visit.VisitRounds;
import th.qaflow.web.ForbiddenException;

/**
 * Launches visit rounds. Each school gets its own transaction: the school_visit row (primary key
 * school + year + round) and the process instance commit together, so a second launch, on any node,
 * fails on the key instead of starting a twin.
 */
@Service
class JdbcVisitRounds implements VisitRounds {
  private final Clock clock;
  private final OrganisationDirectory directory;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final StandardsCatalog standards;

  JdbcVisitRounds(
      OrganisationDirectory directory,
      RuntimeService runtime,
      TaskService tasks,
      JdbcClient jdbc,
      TransactionTemplate tx,
      StandardsCatalog standards,
      Clock clock) {

    this.clock = clock;
    this.directory = directory;
    this.runtime = runtime;
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.tx = tx;
    this.standards = standards;
  }

  @Override
  public boolean mayLaunch(QaUser user, String districtCode, String clusterCode) {
    if (user == null || user.role() == null || user.isReadOnly()) {
      return false;
    }
    if (user.role() == Role.ADMIN) {
      return true;
    }
    boolean ownDistrict = districtCode != null && districtCode.equals(user.districtCode());
    return switch (user.role()) {
      case DISTRICT_QA_OFFICER, SUPERVISION_DIRECTOR -> ownDistrict;
      case SUPERVISOR ->
          ownDistrict && clusterCode != null && user.clusterCodes().contains(clusterCode);
      default -> false;
    };
  }

  @Override
  public LaunchResult launch(
      QaUser user, String districtCode, int year, int roundNo, String clusterCode) {
    if (directory.district(districtCode).isEmpty()) {
      throw new IllegalArgumentException("Unknown district " + districtCode);
    }
    if (roundNo < 1 || roundNo > MAX_ROUND) {
      throw new IllegalArgumentException("Round out of range: " + roundNo);
    }
    List<School> schools;
    if (clusterCode == null) {
      schools = directory.schoolsOfDistrict(districtCode);
    } else {
      Cluster cluster =
          directory
              .cluster(clusterCode)
              .filter(c -> c.districtCode().equals(districtCode))
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "No cluster " + clusterCode + " in district " + districtCode));
      schools = directory.schoolsOfCluster(cluster.code());
    }
    if (!mayLaunch(user, districtCode, clusterCode)) {
      throw new ForbiddenException(
          "launch visits for " + (clusterCode == null ? districtCode : clusterCode));
    }
    if (schools.isEmpty()) {
      return new LaunchResult(
          DistrictVisitProcess.roundId(districtCode, year, roundNo), List.of(), List.of());
    }
    ensureRound(districtCode, year, roundNo, user.userId());
    List<String> started = new ArrayList<>();
    List<String> already = new ArrayList<>();
    for (School school : schools) {
      (startVisit(school, year, roundNo, user.userId()) ? started : already).add(school.code());
    }
    return new LaunchResult(
        DistrictVisitProcess.roundId(districtCode, year, roundNo), started, already);
  }

  @Override
  public LaunchResult launchForSchools(
      QaUser user, String districtCode, int year, int roundNo, List<String> schoolCodes) {
    if (directory.district(districtCode).isEmpty()) {
      throw new IllegalArgumentException("Unknown district " + districtCode);
    }
    if (roundNo < 1 || roundNo > MAX_ROUND) {
      throw new IllegalArgumentException("Round out of range: " + roundNo);
    }
    if (!mayLaunch(user, districtCode, null)) {
      throw new ForbiddenException("launch visits for " + districtCode);
    }
    List<School> schools =
        schoolCodes.stream()
            .distinct()
            .map(directory::school)
            .flatMap(java.util.Optional::stream)
            .filter(s -> s.districtCode().equals(districtCode))
            .toList();
    if (schools.isEmpty()) {
      return new LaunchResult(
          DistrictVisitProcess.roundId(districtCode, year, roundNo), List.of(), List.of());
    }
    ensureRound(districtCode, year, roundNo, user.userId());
    List<String> started = new ArrayList<>();
    List<String> already = new ArrayList<>();
    for (School school : schools) {
      (startVisit(school, year, roundNo, user.userId()) ? started : already).add(school.code());
    }
    return new LaunchResult(
        DistrictVisitProcess.roundId(districtCode, year, roundNo), started, already);
  }

  private void ensureRound(String districtCode, int year, int roundNo, String userId) {
    try {
      tx.executeWithoutResult(
          status -> {
            if (jdbc.sql(
                        """
                select count(*) from visit_round where district_code = :d and academic_year = :y and round_no = :r""")
                    .param("d", districtCode)
                    .param("y", year)
                    .param("r", roundNo)
                    .query(Integer.class)
                    .single()
                == 0) {
              jdbc.sql(
                      """
                  insert into visit_round (district_code, academic_year, round_no, created_at, created_by)
                  values (:d, :y, :r, :at, :by)""")
                  .param("d", districtCode)
                  .param("y", year)
                  .param("r", roundNo)
                  .param("at", Timestamp.from(clock.instant()))
                  .param("by", userId)
                  .update();
            }
          });
    } catch (DuplicateKeyException raced) {
      // another launch created the round at the same moment
    }
  }

  /** Starts the school's visit of the round unless it has one; true when started. */
  private boolean startVisit(School school, int year, int roundNo, String userId) {
    try {
      return Boolean.TRUE.equals(
          tx.execute(
              status -> {
                if (jdbc.sql(
                            """
                select count(*) from school_visit where school_code = :s and academic_year = :y and round_no = :r""")
                        .param("s", school.code())
                        .param("y", year)
                        .param("r", roundNo)
                        .query(Integer.class)
                        .single()
                    > 0) {
                  return false;
                }
                ProcessInstance instance =
                    runtime.startProcessInstanceByKey(
                        DistrictVisitProcess.PROCESS_ID,
                        DistrictVisitProcess.businessKey(school.code(), year, roundNo),
                        startVariables(school, year, roundNo));
                jdbc.sql(
                        """
                insert into school_visit (school_code, academic_year, round_no, district_code, cluster_code,
                                          process_instance_id, launched_at, launched_by)
                values (:s, :y, :r, :d, :c, :pi, :at, :by)""")
                    .param("s", school.code())
                    .param("y", year)
                    .param("r", roundNo)
                    .param("d", school.districtCode())
                    .param("c", school.clusterCode())
                    .param("pi", instance.getId())
                    .param("at", Timestamp.from(clock.instant()))
                    .param("by", userId)
                    .update();
                return true;
              }));
    } catch (DuplicateKeyException raced) {
      return false;
    }
  }

  private VariableMap startVariables(School school, int year, int roundNo) {
    VariableMap variables =
        Variables.createVariables()
            .putValue(ProcessVariables.SCHOOL_CODE, school.code())
            .putValue(ProcessVariables.SCHOOL_NAME, school.nameTh())
            .putValue(ProcessVariables.DISTRICT_CODE, school.districtCode())
            .putValue(
                ProcessVariables.CLUSTER_CODE,
                school.clusterCode() == null ? "" : school.clusterCode())
            .putValue(ProcessVariables.ACADEMIC_YEAR, year)
            .putValue(
                DistrictVisitProcess.VAR_VISIT_ROUND,
                DistrictVisitProcess.roundId(school.districtCode(), year, roundNo))
            .putValue(DistrictVisitProcess.VAR_VISIT_ROUND_NO, roundNo)
            // each round's uploads (order, evidence) are their own documents: slots
            // V1.visitOrderFile, V2.…
            .putValue(
                DocumentSlot.VAR_SLOT_PREFIX, DistrictVisitProcess.documentSlotPrefix(roundNo));
    standards
        .cycleVariables(school, year)
        .forEach(
            (name, value) ->
                variables.putValue(
                    name,
                    Variables.objectValue(value)
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                        .create()));
    return variables;
  }

  @Override
  public List<Round> rounds(String districtCode, int year) {
    record Row(int roundNo, String school, String cluster, String pi) {}
    List<Row> rows =
        jdbc.sql(
                """
            select round_no, school_code, cluster_code, process_instance_id from school_visit
             where district_code = :d and academic_year = :y order by round_no, school_code""")
            .param("d", districtCode)
            .param("y", year)
            .query(
                (rs, n) -> new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            .list();
    Set<String> ids = new HashSet<>(rows.stream().map(Row::pi).toList());
    Map<String, Task> open = openTasks(ids);
    Set<String> running = running(ids);
    Map<Integer, List<Visit>> byRound = new HashMap<>();
    for (Row r : rows) {
      Task task = open.get(r.pi());
      String name = directory.school(r.school()).map(School::nameTh).orElse(r.school());
      byRound
          .computeIfAbsent(r.roundNo(), k -> new ArrayList<>())
          .add(
              new Visit(
                  r.school(),
                  name,
                  r.cluster(),
                  r.pi(),
                  task == null ? null : task.getTaskDefinitionKey(),
                  task == null ? null : task.getDueDate(),
                  !running.contains(r.pi()),
                  task != null
                      && task.getDueDate() != null
                      && task.getDueDate().toInstant().isBefore(clock.instant())));
    }
    return jdbc.sql(
            """
            select round_no, created_at, created_by from visit_round
             where district_code = :d and academic_year = :y order by round_no""")
        .param("d", districtCode)
        .param("y", year)
        .query(
            (rs, n) ->
                new Round(
                    DistrictVisitProcess.roundId(districtCode, year, rs.getInt(1)),
                    rs.getInt(1),
                    rs.getTimestamp(2),
                    rs.getString(3),
                    byRound.getOrDefault(rs.getInt(1), List.of())))
        .list();
  }

  @Override
  public void attachProject(String districtCode, int year, int roundNo, long projectId) {
    jdbc.sql(
            """
            update visit_round set project_id = :p
             where district_code = :d and academic_year = :y and round_no = :r""")
        .param("p", projectId)
        .param("d", districtCode)
        .param("y", year)
        .param("r", roundNo)
        .update();
  }

  @Override
  public List<Round> roundsOfProject(long projectId) {
    record Key(String district, int year, int roundNo) {}
    List<Round> rounds = new ArrayList<>();
    for (Key k :
        jdbc.sql(
                """
                select district_code, academic_year, round_no from visit_round
                 where project_id = :p order by academic_year, round_no""")
            .param("p", projectId)
            .query((rs, n) -> new Key(rs.getString(1), rs.getInt(2), rs.getInt(3)))
            .list()) {
      rounds(k.district(), k.year()).stream()
          .filter(r -> r.roundNo() == k.roundNo())
          .forEach(rounds::add);
    }
    return rounds;
  }

  /** The open task of each instance (a visit has at most one). */
  private Map<String, Task> openTasks(Set<String> ids) {
    Map<String, Task> open = new HashMap<>();
    if (ids.isEmpty()) {
      return open;
    }
    for (Task t : tasks.createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new)).list()) {
      open.put(t.getProcessInstanceId(), t);
    }
    return open;
  }

  private Set<String> running(Set<String> ids) {
    Set<String> running = new HashSet<>();
    if (!ids.isEmpty()) {
      runtime
          .createProcessInstanceQuery()
          .processInstanceIds(ids)
          .list()
          .forEach(p -> running.add(p.getId()));
    }
    return running;
  }
}
