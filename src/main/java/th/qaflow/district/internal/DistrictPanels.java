package th.qaflow.district.internal;

import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.SchoolCycles;
import th.qaflow.cycle.SubmittedSar;
import th.qaflow.district.DistrictQaCycleProcess;
import th.qaflow.district.SarReviewProcess;
import th.qaflow.documents.Documents;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;

/**
 * The district's context on task pages: the completeness check and the SAR file on a review; the
 * district's advice, or its request to revise, on the school's SAR tasks; the missing schools on
 * the chase task; every school's review status before the officer confirms the reviews are done.
 */
@Component
class DistrictPanels implements TaskPanelProvider {
  static final String TEMPLATE = "district/panels";
  static final Set<String> SAR_TASKS =
      Set.of(
          TASK_DRAFT_SAR,
          TASK_DIRECTOR_REVIEW_SAR,
          TASK_BOARD_APPROVE_SAR,
          TASK_SUBMIT_SAR,
          TASK_PUBLISH_SAR);

  record Check(String key, boolean ok, String detail) {}

  private final SchoolCycles schoolCycles;
  private final Documents documents;
  private final OrganisationDirectory directory;
  private final DistrictOverview overview;

  DistrictPanels(
      SchoolCycles schoolCycles,
      Documents documents,
      OrganisationDirectory directory,
      DistrictOverview overview) {
    this.schoolCycles = schoolCycles;
    this.documents = documents;
    this.directory = directory;
    this.overview = overview;
  }

  @Override
  public Optional<TaskPanel> panel(
      String taskKey, String processKey, Map<String, Object> variables, QaUser user) {
    if (SarReviewProcess.PROCESS_ID.equals(processKey)
        && SarReviewProcess.TASK_REVIEW_SAR.equals(taskKey)) {
      return Optional.of(new TaskPanel(TEMPLATE, "review", review(variables)));
    }
    if (PROCESS_ID.equals(processKey) && SAR_TASKS.contains(taskKey)) {
      // the district's latest answer (removed when the school resubmits): a request to revise on
      // the revision round's tasks, advice on whatever SAR task is open when it arrives
      Object decision = variables.get(VAR_SAR_REVIEW_DECISION);
      boolean revise = SAR_REVIEW_REVISE.equals(decision) || SAR_REVIEW_RETURNED.equals(decision);
      boolean advice = SAR_REVIEW_ADVICE.equals(decision) || SAR_REVIEW_ACCEPTED.equals(decision);
      if (revise || advice) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("comments", String.valueOf(variables.getOrDefault(VAR_SAR_REVIEW_COMMENTS, "")));
        return Optional.of(new TaskPanel(TEMPLATE, revise ? "returned" : "advice", model));
      }
    }
    if (DistrictQaCycleProcess.PROCESS_ID.equals(processKey)
        && DistrictQaCycleProcess.TASK_CHASE_MISSING_SARS.equals(taskKey)) {
      List<Object> schools = new ArrayList<>();
      String codes =
          String.valueOf(variables.getOrDefault(DistrictQaCycleProcess.VAR_MISSING_SCHOOLS, ""));
      for (String code : codes.split(",")) {
        if (!code.isBlank()) {
          schools.add(directory.school(code).map(Object.class::cast).orElse(code));
        }
      }
      return Optional.of(new TaskPanel(TEMPLATE, "missing", Map.of("schools", schools)));
    }
    if (DistrictQaCycleProcess.PROCESS_ID.equals(processKey)
        && DistrictQaCycleProcess.TASK_CONFIRM_REVIEWS_DONE.equals(taskKey)
        && variables.get(ProcessVariables.DISTRICT_CODE) instanceof String district
        && variables.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number year) {
      return Optional.of(
          new TaskPanel(
              TEMPLATE, "reviews", Map.of("schools", overview.schools(district, year.intValue()))));
    }
    return Optional.empty();
  }

  /**
   * The completeness check of a submitted SAR, as the school's cycle that waits for the review
   * gives it.
   */
  Map<String, Object> review(Map<String, Object> reviewVariables) {
    SubmittedSar sar =
        schoolCycles.submittedSar(
            reviewVariables.get(SarReviewProcess.VAR_SCHOOL_CYCLE_ID) instanceof String cycleId
                ? cycleId
                : null);
    String submitted = sar.submittedVersionId();
    List<Check> checks = new ArrayList<>();
    checks.add(new Check("district.review.check.board", sar.boardApprovedWhatWasSubmitted(), ""));
    List<String> withoutLevel = sar.standardsWithoutLevel();
    checks.add(
        new Check(
            "district.review.check.levels",
            withoutLevel.isEmpty(),
            String.join(", ", withoutLevel)));
    var version = submitted == null ? Optional.empty() : documents.version(submitted);
    checks.add(new Check("district.review.check.file", version.isPresent(), ""));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("checks", checks);
    model.put("complete", checks.stream().allMatch(Check::ok));
    model.put("version", version.orElse(null));
    model.put("round", reviewVariables.getOrDefault(SarReviewProcess.VAR_ROUND, 1));
    model.put("submittedAt", reviewVariables.get(SarReviewProcess.VAR_SUBMITTED_AT));
    model.put("summary", sar.executiveSummary());
    Object code = reviewVariables.get(ProcessVariables.SCHOOL_CODE);
    model.put("school", code instanceof String c ? directory.school(c).orElse(null) : null);
    return model;
  }
}
