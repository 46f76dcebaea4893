package th.qaflow.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import th.qaflow.district.SarReviewProcess;
import th.qaflow.kernel.AcademicYears;
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
      DistrictWork work,
      List<ClusterSummary> clusterSummaries,
      List<Month> months,
      Paging paging) {

    /**
     * One page of the matrix: {@code size} schools from the {@code page}-th (1-based, clamped), in
     * cluster order; everything else (counts, overdue list, charts) still covers every school.
     */
    Dashboard page(int page, int size) {
      int pages = Math.max(1, (schoolCount + size - 1) / size);
      int p = Math.min(Math.max(page, 1), pages);
      int from = (p - 1) * size;
      int to = Math.min(schoolCount, from + size);
      List<ClusterGroup> sliced = new ArrayList<>();
      int i = 0;
      for (ClusterGroup g : clusters) {
        List<SchoolLine> lines = new ArrayList<>();
        for (SchoolLine line : g.schools()) {
          if (i >= from && i < to) {
            lines.add(line);
          }
          i++;
        }
        if (!lines.isEmpty()) {
          sliced.add(new ClusterGroup(g.code(), g.name(), lines));
        }
      }
      return new Dashboard(
          district,
          year,
          stages,
          sliced,
          counts,
          overdue,
          schoolCount,
          work,
          clusterSummaries,
          months,
          new Paging(p, pages, size, schoolCount == 0 ? 0 : from + 1, to));
    }

    /** A stage's schools per status, done first, for its progress bar. */
    public List<Segment> progress(String stage) {
      Map<CellStatus, Integer> c = counts.getOrDefault(stage, Map.of());
      List<Segment> segments = new ArrayList<>();
      for (CellStatus s : PROGRESS_ORDER) {
        int n = c.getOrDefault(s, 0);
        if (n > 0) {
          segments.add(new Segment(s, n, schoolCount == 0 ? 0 : 100.0 * n / schoolCount));
        }
      }
      return segments;
    }

    /** Schools done with a stage, in percent of the schools shown. */
    public int percentDone(String stage) {
      int done = counts.getOrDefault(stage, Map.of()).getOrDefault(CellStatus.DONE, 0);
      return schoolCount == 0 ? 0 : (int) Math.round(100.0 * done / schoolCount);
    }
  }

  static final List<CellStatus> PROGRESS_ORDER =
      List.of(
          CellStatus.DONE,
          CellStatus.OPEN,
          CellStatus.DUE_SOON,
          CellStatus.RETURNED,
          CellStatus.OVERDUE,
          CellStatus.NOT_OPEN,
          CellStatus.NO_CYCLE);

  /** One part of a stage's progress bar. */
  record Segment(CellStatus status, int count, double percent) {
    public String width() {
      return String.format(java.util.Locale.ROOT, "%.2f%%", percent);
    }
  }

  /** Which schools of the matrix this page shows (1-based, inclusive). */
  record Paging(int page, int pages, int size, int from, int to) {
    static Paging all(int schools) {
      return new Paging(1, 1, Math.max(schools, 1), schools == 0 ? 0 : 1, schools);
    }
  }

  /**
   * A cluster at a glance: its schools (as filtered), how many have something overdue, and its
   * stages done out of those opened.
   */
  record ClusterSummary(
      String code, String name, int schools, int schoolsOverdue, int done, int opened) {
    public int percentDone() {
      return opened == 0 ? 0 : (int) Math.round(100.0 * done / opened);
    }
  }

  /**
   * The schools' stages due in one month of the year: done on time, late (done after the due date
   * or overdue now) and not yet due.
   */
  record Month(YearMonth month, int onTime, int late, int pending) {
    private static final java.time.format.DateTimeFormatter TH =
        java.time.format.DateTimeFormatter.ofPattern("MMM", java.util.Locale.forLanguageTag("th"));
    private static final java.time.format.DateTimeFormatter EN =
        java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", java.util.Locale.ENGLISH);

    /** พ.ค. 2569 in Thai (Buddhist Era), May 2026 in English. */
    public String label(java.util.Locale locale) {
      return "en".equals(locale.getLanguage())
          ? EN.format(month)
          : TH.format(month) + " " + (month.getYear() + 543);
    }
  }

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
    DistrictWork work = work(all, now, directory.supervisorsOfDistrict(district.code()));
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
    return new Dashboard(
        district,
        year,
        stages,
        groups,
        counts,
        overdue,
        schoolCount,
        work,
        summaries(groups, stages),
        months(groups, now),
        Paging.all(schoolCount));
  }

  private static List<ClusterSummary> summaries(List<ClusterGroup> groups, List<String> stages) {
    List<ClusterSummary> result = new ArrayList<>();
    for (ClusterGroup g : groups) {
      int overdueSchools = 0;
      int done = 0;
      int opened = 0;
      for (SchoolLine line : g.schools()) {
        boolean late = false;
        for (Cell c : line.cells().values()) {
          opened++;
          if (c.status() == CellStatus.DONE) {
            done++;
          }
          late |= c.status() == CellStatus.OVERDUE;
        }
        overdueSchools += late ? 1 : 0;
      }
      result.add(
          new ClusterSummary(g.code(), g.name(), g.schools().size(), overdueSchools, done, opened));
    }
    return result;
  }

  /** The shown schools' stages by the month they were due in, for the on-time chart. */
  private static List<Month> months(List<ClusterGroup> groups, Instant now) {
    Map<YearMonth, int[]> byMonth = new TreeMap<>();
    for (ClusterGroup g : groups) {
      for (SchoolLine line : g.schools()) {
        for (Cell c : line.cells().values()) {
          StageRow r = c.row();
          if (r.dueAt() == null) {
            continue;
          }
          int[] m =
              byMonth.computeIfAbsent(
                  YearMonth.from(r.dueAt().atZone(AcademicYears.ZONE)), k -> new int[3]);
          if (!r.open()) {
            m[c.doneLate() ? 1 : 0]++;
          } else {
            m[now.isAfter(r.dueAt()) ? 1 : 2]++;
          }
        }
      }
    }
    return byMonth.entrySet().stream()
        .map(e -> new Month(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
        .toList();
  }

  /** The district rows (its own processes) and the open SAR reviews of the district's schools. */
  /**
   * The district's own steps and the SAR reviews each supervisor holds; {@code supervisors} are the
   * district's (read once, not per cluster or per holder).
   */
  DistrictWork work(List<StageRow> rows, Instant now, List<Person> supervisors) {
    List<OwnStep> current = new ArrayList<>();
    List<OwnStep> done = new ArrayList<>();
    Map<String, int[]> loads = new TreeMap<>();
    Map<String, Person> supervisorById = new HashMap<>();
    supervisors.forEach(p -> supervisorById.put(p.userId(), p));
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
            supervisors.stream()
                .filter(p -> p.clusterCodes().contains(cluster))
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
                            : Optional.ofNullable(supervisorById.get(e.getKey()))
                                .or(() -> directory.person(e.getKey()))
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

  /** The supervisors of a district, for the filter: cluster by cluster, each once. */
  List<Person> supervisors(String districtCode, List<Cluster> clusters) {
    List<Person> all = directory.supervisorsOfDistrict(districtCode);
    Set<String> seen = new HashSet<>();
    List<Person> result = new ArrayList<>();
    for (Cluster c : clusters) {
      for (Person p : all) {
        if (p.clusterCodes().contains(c.code()) && seen.add(p.userId())) {
          result.add(p);
        }
      }
    }
    return result;
  }

  record NationalStage(int opened, int onTime, int overdue) {
    NationalStage plus(NationalStage other) {
      return new NationalStage(
          opened + other.opened, onTime + other.onTime, overdue + other.overdue);
    }

    public Integer percentOnTime() {
      return opened == 0 ? null : (int) Math.round(100.0 * onTime / opened);
    }
  }

  record NationalLine(
      District district,
      int schools,
      Map<String, NationalStage> stages,
      int overdue,
      List<Month> months) {
    public NationalStage stage(String s) {
      return stages.get(s);
    }

    /** Stages on time over every stage opened, in percent; null when nothing opened yet. */
    public Integer percentOnTime() {
      int opened = stages.values().stream().mapToInt(NationalStage::opened).sum();
      int onTime = stages.values().stream().mapToInt(NationalStage::onTime).sum();
      return opened == 0 ? null : (int) Math.round(100.0 * onTime / opened);
    }

    /** Per month of the year, the share of the stages due that were done on time (null: none). */
    public List<Integer> sparkline() {
      return months.stream()
          .map(
              m ->
                  m.onTime() + m.late() == 0
                      ? null
                      : (int) Math.round(100.0 * m.onTime() / (m.onTime() + m.late())))
          .toList();
    }

    /** The sparkline's points for the chart, comma-separated; a month with nothing due is empty. */
    public String sparklinePoints() {
      return String.join(
          ",", sparkline().stream().map(p -> p == null ? "" : String.valueOf(p)).toList());
    }

    /** The sparkline in words, its text alternative: each month with its share on time. */
    public String sparklineText(java.util.Locale locale) {
      List<Integer> points = sparkline();
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < months.size(); i++) {
        parts.add(
            months.get(i).label(locale)
                + " "
                + (points.get(i) == null ? "–" : points.get(i) + "%"));
      }
      return String.join(", ", parts);
    }
  }

  /**
   * The national view: districts ranked by their share on time (best first, those without any stage
   * last), and the whole country's months for the chart.
   */
  record National(
      int year,
      List<String> stages,
      List<NationalLine> districts,
      int overdue,
      List<Month> months) {}

  National national(int year) {
    Instant now = clock.instant();
    Map<String, Map<String, NationalStage>> byDistrict = new TreeMap<>();
    Set<String> stageSet = new TreeSet<>(stageOrder.comparator());
    // every district's sparkline has a point for each month any district had something due
    Set<YearMonth> monthSet = new TreeSet<>();
    // per district and month: on time, late (done late or overdue now), not yet due
    Map<String, Map<YearMonth, int[]>> monthsByDistrict = new HashMap<>();
    Map<YearMonth, int[]> country = new TreeMap<>();
    for (StageStatusTable.NationalCount c : table.national(year, now)) {
      stageSet.add(c.stage());
      byDistrict
          .computeIfAbsent(c.districtCode(), k -> new LinkedHashMap<>())
          .merge(
              c.stage(),
              new NationalStage(c.opened(), c.doneOnTime() + c.openOnTime(), c.overdue()),
              NationalStage::plus);
      if (c.dueMonth() != null) {
        monthSet.add(c.dueMonth());
        int[] own =
            monthsByDistrict
                .computeIfAbsent(c.districtCode(), k -> new HashMap<>())
                .computeIfAbsent(c.dueMonth(), k -> new int[3]);
        int[] all = country.computeIfAbsent(c.dueMonth(), k -> new int[3]);
        for (int[] sum : List.of(own, all)) {
          sum[0] += c.doneOnTime();
          sum[1] += c.doneLate() + c.overdue();
          sum[2] += c.openOnTime();
        }
      }
    }
    Map<String, Integer> schools = table.schoolsPerDistrict(year);
    List<NationalLine> lines = new ArrayList<>();
    int total = 0;
    for (District d : directory.districts()) {
      Map<String, NationalStage> stages = byDistrict.getOrDefault(d.code(), Map.of());
      int overdue = stages.values().stream().mapToInt(NationalStage::overdue).sum();
      total += overdue;
      Map<YearMonth, int[]> own = monthsByDistrict.getOrDefault(d.code(), Map.of());
      List<Month> months =
          monthSet.stream()
              .map(
                  ym -> {
                    int[] m = own.getOrDefault(ym, new int[3]);
                    return new Month(ym, m[0], m[1], m[2]);
                  })
              .toList();
      lines.add(new NationalLine(d, schools.getOrDefault(d.code(), 0), stages, overdue, months));
    }
    lines.sort(
        Comparator.comparing(
                (NationalLine l) -> l.percentOnTime(),
                Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Comparator.comparingInt(NationalLine::overdue))
            .thenComparing(l -> l.district().code()));
    List<Month> months =
        country.entrySet().stream()
            .map(e -> new Month(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
            .toList();
    return new National(year, new ArrayList<>(stageSet), lines, total, months);
  }
}
