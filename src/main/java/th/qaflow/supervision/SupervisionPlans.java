package th.qaflow.supervision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The district's annual supervision plans (SupervisionPlan): start one, read them. */
public interface SupervisionPlans {

  /** Starts the district's plan of the fiscal year; empty when it runs (or ran) already. */
  Optional<String> start(String districtCode, int fiscalYearBE, String startedBy);

  /** The district's plans, newest first. */
  List<Plan> plans(String districtCode);

  Optional<Plan> plan(String districtCode, int fiscalYearBE);

  Optional<Plan> planById(long planId);

  /** The approved plan's projects in their order, with indicators and progress reports. */
  List<Project> projects(long planId);

  Optional<Project> project(long projectId);

  /**
   * Ties the project to the school group it serves (โครงการนิเทศกลุ่ม): a cluster of the plan's
   * district, or null for none. The caller checks who may and that the cluster is the district's.
   */
  void serveGroup(long projectId, String clusterCode);

  /** The projects that serve the school group, newest plan first. */
  List<Project> projectsOfCluster(String clusterCode);

  /** The schools' ratings of the supervision they received in the fiscal year. */
  List<Rating> ratings(String districtCode, int fiscalYearBE);

  /** Records (or replaces) the school's rating of the year; 1–5. */
  void rate(
      String schoolCode,
      String districtCode,
      int fiscalYearBE,
      int rating,
      String comment,
      String ratedBy);

  /**
   * A plan as stored: started, then approved (vision, strategies, projects), evaluated, published.
   *
   * @param asIntended the last evaluation's answer (null before the evaluation)
   * @param improvementRounds how often the projects ran again after an evaluation
   */
  record Plan(
      long id,
      String districtCode,
      int fiscalYear,
      String processInstanceId,
      Instant startedAt,
      String startedBy,
      String vision,
      String strategies,
      Instant approvedAt,
      Boolean asIntended,
      int improvementRounds,
      String summary,
      Instant publishedAt) {}

  /**
   * A project of the plan.
   *
   * @param clusterCode the school group the project serves (null: none)
   */
  record Project(
      long id,
      long planId,
      int ord,
      String name,
      String ownerUserId,
      String objective,
      List<Indicator> indicators,
      List<Progress> progress,
      String clusterCode) {
    /** The latest reported percentage, 0 before the first report. */
    public int percent() {
      return progress.isEmpty() ? 0 : progress.get(progress.size() - 1).percent();
    }

    public boolean done() {
      return !progress.isEmpty() && progress.get(progress.size() - 1).done();
    }
  }

  record Indicator(String text, String target) {}

  record Progress(Instant reportedAt, String reportedBy, int percent, boolean done, String note) {}

  record Rating(String schoolCode, int rating, String comment, String ratedBy, Instant ratedAt) {}

  /** Average of the ratings, 0 when there are none. */
  static double average(List<Rating> ratings) {
    return ratings.stream().mapToInt(Rating::rating).average().orElse(0);
  }
}
