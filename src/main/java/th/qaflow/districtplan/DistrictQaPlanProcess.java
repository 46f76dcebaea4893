package th.qaflow.districtplan;

import java.util.List;

/** Ids and variables of bpmn/DistrictQaPlan.bpmn, in one place so code and model agree. */
public final class DistrictQaPlanProcess {
  public static final String PROCESS_ID = "DistrictQaPlan";

  public static final String START = "StartEvent_PlanYearStarted";
  public static final String GATEWAY_DEVELOPMENT_PLAN_NEEDED = "Gateway_DevelopmentPlanNeeded";
  public static final String TASK_DRAFT_DEVELOPMENT_PLAN = "Task_DraftDevelopmentPlan";
  public static final String TASK_APPROVE_DEVELOPMENT_PLAN = "Task_ApproveDevelopmentPlan";
  public static final String TASK_DRAFT_ACTION_PLAN = "Task_DraftActionPlan";
  public static final String TASK_APPROVE_ACTION_PLAN = "Task_ApproveActionPlan";
  public static final String TASK_PUBLISH_ACTION_PLAN = "Task_PublishActionPlan";

  /** Waits for the opening of the district calendar's PLAN_EVALUATION window. */
  public static final String TIMER_EVALUATION_WINDOW = "Timer_EvaluationWindow";

  public static final String TASK_EVALUATE_PLAN = "Task_EvaluatePlan";
  public static final String TASK_REPORT_EVALUATION = "Task_ReportEvaluation";
  public static final String TASK_ACKNOWLEDGE_REPORT = "Task_AcknowledgeReport";
  public static final String TASK_PUBLISH_EVALUATION = "Task_PublishEvaluation";
  public static final String GATEWAY_DEVELOPMENT_PLAN_ENDS = "Gateway_DevelopmentPlanEnds";
  public static final String TASK_START_NEXT_ACTION_PLAN = "Task_StartNextActionPlan";
  public static final String TASK_START_NEW_DEVELOPMENT_PLAN = "Task_StartNewDevelopmentPlan";
  public static final String END_NEXT_ACTION_PLAN = "EndEvent_NextActionPlanStarted";
  public static final String END_NEW_DEVELOPMENT_PLAN = "EndEvent_NewDevelopmentPlanStarted";

  /** Years a development plan covers, its first year included. */
  public static final int DEVELOPMENT_PLAN_YEARS = 3;

  /** Set at start: whether no approved 3-year plan covers the year, so one is drafted first. */
  public static final String VAR_DEVELOPMENT_PLAN_NEEDED = "developmentPlanNeeded";

  /** The first and last year (BE) of the 3-year plan the year works under. */
  public static final String VAR_PLAN_FIRST_YEAR = "planFirstYear";

  public static final String VAR_PLAN_LAST_YEAR = "planLastYear";

  /** Set when the report is published: whether the 3-year plan ends with this year. */
  public static final String VAR_DEVELOPMENT_PLAN_ENDS = "developmentPlanEnds";

  public static final String VAR_DISTRICT_NAME = "districtName";
  public static final String VAR_STARTED_BY = "startedBy";

  /** The director's decisions: {@code approve} or {@code return}; {@code acknowledge}/return. */
  public static final String VAR_DEVELOPMENT_PLAN_DECISION = "developmentPlanDecision";

  public static final String VAR_DEVELOPMENT_PLAN_COMMENTS = "developmentPlanComments";
  public static final String VAR_ACTION_PLAN_DECISION = "actionPlanDecision";
  public static final String VAR_ACTION_PLAN_COMMENTS = "actionPlanComments";
  public static final String VAR_REPORT_DECISION = "planReportDecision";
  public static final String VAR_REPORT_COMMENTS = "planReportComments";
  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_RETURN = "return";
  public static final String DECISION_ACKNOWLEDGE = "acknowledge";

  /** The 3-year plan (form DistrictPlanDraftDevelopment). */
  public static final String VAR_DP_VISION = "dpVision";

  public static final String VAR_DP_STRATEGIES = "dpStrategies";
  public static final String VAR_DP_INDICATORS = "dpIndicators";

  /** The annual action plan (form DistrictPlanDraftAction). */
  public static final String VAR_AP_SUMMARY = "apSummary";

  public static final String VAR_AP_PROJECTS = "apProjects";
  public static final String VAR_AP_INDICATORS = "apIndicators";

  /** The evaluation, one row per action-plan indicator (form DistrictPlanEvaluate). */
  public static final String VAR_EV_INDICATORS = "evIndicators";

  public static final String INDICATOR_ACHIEVED = "achieved";

  /** The report (form DistrictPlanReport). */
  public static final String VAR_REPORT_SUMMARY = "prSummary";

  public static final String VAR_REPORT_LESSONS = "prLessons";

  /**
   * What a plan year hands to the next one (copied at its start): the 3-year plan while it runs,
   * and always this year's evaluation and report, under the names {@code previous*}.
   */
  public static final List<String> DEVELOPMENT_PLAN_VARIABLES =
      List.of(VAR_DP_VISION, VAR_DP_STRATEGIES, VAR_DP_INDICATORS);

  public static final String VAR_PREVIOUS_YEAR = "previousYear";
  public static final String VAR_PREVIOUS_EVALUATION = "previousEvaluation";
  public static final String VAR_PREVIOUS_SUMMARY = "previousSummary";
  public static final String VAR_PREVIOUS_LESSONS = "previousLessons";

  private DistrictQaPlanProcess() {}

  public static String businessKey(String districtCode, int academicYearBE) {
    return districtCode + "-" + academicYearBE + "-PLAN";
  }
}
