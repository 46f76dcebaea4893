package th.qaflow.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import th.qaflow.district.SarReviewProcess;
import th.qaflow.organisation.Cluster;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.School;

/**
 * Builds the district dashboard and the national view from the read model: a few queries, never the
 * engine.
 */
@Component
class Dashboards {
  private final StageStatusTable table;
  private final OrganisationDirectory directory;
  private final Clock clock;
  private final int dueSoonDays;
  private final StageOrder stageOrder;

  Dashboards(
      StageStatusTable table,
      OrganisationDirectory directory,
      Clock clock,
      @Value("${qaflow.monitoring.due-soon-days:7}") int dueSoonDays,
      StageOrder stageOrder) {
    this.table = table;
    this.directory = directory;
    this.clock = clock;
    this.dueSoonDays = dueSoonDays;
    this.stageOrder = stageOrder;
  }

  /** Dashboard filters; null or blank means "all". Level is EARLY or BASIC. */
  record Filters(String cluster, String supervisor, String level, CellStatus status) {
    static final Filters NONE = new Filters(null, null, null, null);
  }

  record SchoolLine(School school, Map<String, Cell> cells, boolean hasCycle) {
    public Cell cell(String stage) {
      Cell c = cells.get(stage);
      return c != null ? c : hasCycle ? Cell.NOT_OPEN : Cell.NO_CYCLE;
    }
  }

  record ClusterGroup(String code, String name, List<SchoolLine> schools) {}

  record Overdue(
      School school,
      String stage,
      String taskId,
      Instant due,
      long daysLate,
      List<String> roleKeys,
      String assignee,
      boolean returned) {}

  record Dashboard(
      District district,
      int year,
      List<String> stages,
      List<ClusterGroup> clusters,
      Map<String, Map<CellStatus, Integer>> counts,
      List<Overdue> overdue,
      int schoolCount,
      DistrictWork work) {}

  /**
   * One step of the district's own processes (a district row of the read model) with its derived
   * status.
   */
  record OwnStep(StageRow row, Cell cell, List<String> roleKeys) {}

  /**
   * Open and overdue SAR reviews a supervisor holds (assigned, or candidate through their cluster).
   */
  record SupervisorLoad(String userId, String name, int open, int overdue) {}

  /**
   * The district's own work: its processes' current and done steps, and the SAR reviews per
   * supervisor.
   */
  record DistrictWork(List<OwnStep> current, List<OwnStep> done, List<SupervisorLoad> sarReviews) {
    public boolean isEmpty() {
      return current.isEmpty() && done.isEmpty() && sarReviews.isEmpty();
    }
  }

  Dashboard district(District district, int year, Filters filters, Set<String> ownClusters) {
    Instant now = clock.instant();
    List<School> schools = directory.schoolsOfDistrict(district.code());
    List<StageRow> all = table.ofDistrict(district.code(), year);
    List<StageRow> rows = all.stream().filter(r -> !r.districtLevel()).toList();
    DistrictWork work = work(all, now);
    Map<String, Map<String, Cell>> cellsBySchool = new LinkedHashMap<>();
    Set<String> stageSet = new TreeSet<>(stageOrder.comparator());
    for (StageRow r : rows) {
      stageSet.add(r.stage());
      cellsBySchool
          .computeIfAbsent(r.schoolCode(), k -> new LinkedHashMap<>())
          .put(r.stage(), Cell.of(r, now, dueSoonDays));
    }
    List<String> stages = new ArrayList<>(stageSet);

    Set<String> supervisorClusters = null;
    if (filters.supervisor() != null && !filters.supervisor().isBlank()) {
      supervisorClusters =
          directory
              .person(filters.supervisor())
              .map(p -> Set.copyOf(p.clusterCodes()))
              .orElse(Set.of());
    }
    Map<String, String> clusterNames =
        directory.clusters(district.code()).stream()
            .collect(
                Collectors.toMap(Cluster::code, Cluster::nameTh, (a, b) -> a, LinkedHashMap::new));

    Map<String, List<SchoolLine>> byCluster =
        new TreeMap<>(
            Comparator.comparing((String c) -> ownClusters.contains(c) ? 0 : 1)
                .thenComparing(Comparator.naturalOrder()));
    Map<String, Map<CellStatus, Integer>> counts = new LinkedHashMap<>();
    for (String s : stages) {
      counts.put(s, new EnumMap<>(CellStatus.class));
    }
    List<Overdue> overdue = new ArrayList<>();
    int schoolCount = 0;
    for (School school : schools) {
      String cluster = school.clusterCode() == null ? "" : school.clusterCode();
      if (filters.cluster() != null
          && !filters.cluster().isBlank()
          && !filters.cluster().equals(cluster)) {
        continue;
      }
      if (supervisorClusters != null && !supervisorClusters.contains(cluster)) {
        continue;
      }
      if ("EARLY".equals(filters.level()) && !school.earlyChildhood()
          || "BASIC".equals(filters.level()) && !school.basic()) {
        continue;
      }
      Map<String, Cell> cells = cellsBySchool.getOrDefault(school.code(), Map.of());
      SchoolLine line = new SchoolLine(school, cells, !cells.isEmpty());
      if (filters.status() != null
          && stages.stream().noneMatch(s -> line.cell(s).status() == filters.status())
          && !(stages.isEmpty() && filters.status() == CellStatus.NO_CYCLE)) {
        continue;
      }
      schoolCount++;
      byCluster.computeIfAbsent(cluster, k -> new ArrayList<>()).add(line);
      for (String s : stages) {
        Cell c = line.cell(s);
        counts.get(s).merge(c.status(), 1, Integer::sum);
        if (c.status() == CellStatus.OVERDUE) {
          overdue.add(
              new Overdue(
                  school,
                  s,
                  c.row().taskId(),
                  c.row().dueAt(),
                  c.daysLate(),
                  c.row().assignee() != null
                      ? List.of()
                      : Responsible.roleKeys(c.row().candidateGroups()),
                  c.row().assignee(),
                  c.row().returned()));
        }
      }
    }
    overdue.sort(
        Comparator.comparingLong(Overdue::daysLate)
            .reversed()
            .thenComparing(o -> o.school().code())
            .thenComparing(Overdue::stage, stageOrder.comparator()));
    List<ClusterGroup> groups =
        byCluster.entrySet().stream()
            .map(
                e ->
                    new ClusterGroup(
                        e.getKey(),
                        clusterNames.getOrDefault(e.getKey(), e.getKey()),
                        e.getValue()))
            .toList();
    return new Dashboard(district, year, stages, groups, counts, overdue, schoolCount, work);
  }

  /** The district rows (its own processes) and the open SAR reviews of the district's schools. */
  DistrictWork work(List<StageRow> rows, Instant now) {
    List<OwnStep> current = new ArrayList<>();
    List<OwnStep> done = new ArrayList<>();
    Map<String, int[]> loads = new TreeMap<>();
    Map<String, List<Person>> supervisorsOf = new HashMap<>();
    for (StageRow r : rows) {
      Cell cell = Cell.of(r, now, dueSoonDays);
      if (r.districtLevel()) {
        OwnStep step =
            new OwnStep(
                r,
                cell,
                r.assignee() != null ? List.of() : Responsible.roleKeys(r.candidateGroups()));
        (r.open() ? current : done).add(step);
      } else if (r.open() && SarReviewProcess.PROCESS_ID.equals(r.processKey())) {
        Set<String> holders = new TreeSet<>();
        if (r.assignee() != null) {
          holders.add(r.assignee());
        } else {
          for (String cluster : clustersOf(r.candidateGroups())) {
            supervisorsOf
                .computeIfAbsent(cluster, directory::supervisorsOfCluster)
                .forEach(p -> holders.add(p.userId()));
          }
        }
        if (holders.isEmpty()) {
          holders.add("");
        }
        for (String h : holders) {
          int[] load = loads.computeIfAbsent(h, k -> new int[2]);
          load[0]++;
          if (cell.status() == CellStatus.OVERDUE) {
            load[1]++;
          }
        }
      }
    }
    Comparator<OwnStep> byStage =
        Comparator.comparing((OwnStep o) -> o.row().stage(), stageOrder.comparator());
    current.sort(byStage);
    done.sort(
        Comparator.comparing(
                (OwnStep o) -> o.row().doneAt(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(byStage));
    List<SupervisorLoad> sarReviews =
        loads.entrySet().stream()
            .map(
                e ->
                    new SupervisorLoad(
                        e.getKey(),
                        e.getKey().isEmpty()
                            ? ""
                            : directory
                                .person(e.getKey())
                                .map(Person::displayName)
                                .orElse(e.getKey()),
                        e.getValue()[0],
                        e.getValue()[1]))
            .sorted(
                Comparator.comparingInt(SupervisorLoad::overdue)
                    .reversed()
                    .thenComparing(Comparator.comparingInt(SupervisorLoad::open).reversed())
                    .thenComparing(SupervisorLoad::userId))
            .toList();
    return new DistrictWork(current, done, sarReviews);
  }

  /** The cluster codes of {@code cluster-<code>-supervisor} candidate groups. */
  static List<String> clustersOf(String candidateGroups) {
    List<String> clusters = new ArrayList<>();
    if (candidateGroups == null) {
      return clusters;
    }
    for (String g : candidateGroups.split(",")) {
      String group = g.trim();
      if (group.startsWith("cluster-")
          && group.endsWith("-supervisor")
          && group.length() > "cluster--supervisor".length()) {
        clusters.add(group.substring("cluster-".length(), group.length() - "-supervisor".length()));
      }
    }
    return clusters;
  }

  /** The supervisors of a district, for the filter. */
  List<Person> supervisors(String districtCode) {
    Set<String> seen = new HashSet<>();
    List<Person> result = new ArrayList<>();
    for (Cluster c : directory.clusters(districtCode)) {
      for (Person p : directory.supervisorsOfCluster(c.code())) {
        if (seen.add(p.userId())) {
          result.add(p);
        }
      }
    }
    return result;
  }

  record NationalStage(int opened, int onTime, int overdue) {
    public Integer percentOnTime() {
      return opened == 0 ? null : (int) Math.round(100.0 * onTime / opened);
    }
  }

  record NationalLine(
      District district, int schools, Map<String, NationalStage> stages, int overdue) {
    public NationalStage stage(String s) {
      return stages.get(s);
    }
  }

  record National(int year, List<String> stages, List<NationalLine> districts, int overdue) {}

  National national(int year) {
    Instant now = clock.instant();
    Map<String, Map<String, NationalStage>> byDistrict = new TreeMap<>();
    Set<String> stageSet = new TreeSet<>(stageOrder.comparator());
    for (StageStatusTable.NationalCount c : table.national(year, now)) {
      stageSet.add(c.stage());
      byDistrict
          .computeIfAbsent(c.districtCode(), k -> new LinkedHashMap<>())
          .put(
              c.stage(),
              new NationalStage(c.opened(), c.doneOnTime() + c.openOnTime(), c.overdue()));
    }
    Map<String, Integer> schools = table.schoolsPerDistrict(year);
    List<NationalLine> lines = new ArrayList<>();
    int total = 0;
    for (District d : directory.districts()) {
      Map<String, NationalStage> stages = byDistrict.getOrDefault(d.code(), Map.of());
      int overdue = stages.values().stream().mapToInt(NationalStage::overdue).sum();
      total += overdue;
      lines.add(new NationalLine(d, schools.getOrDefault(d.code(), 0), stages, overdue));
    }
    return new National(year, new ArrayList<>(stageSet), lines, total);
  }
}
