package th.qaflow.supervision;

/** Ids and variables of bpmn/SupervisionPlan.bpmn, in one place so code and model agree. */
public final class SupervisionPlanProcess {
  public static final String PROCESS_ID = "SupervisionPlan";

  public static final String START = "StartEvent_PlanStarted";
  public static final String TASK_ANALYSE_NEEDS = "Task_AnalyseNeeds";
  public static final String TASK_DRAFT_PLAN = "Task_DraftPlan";
  public static final String TASK_APPROVE_PLAN = "Task_ApprovePlan";
  public static final String GATEWAY_PLAN_APPROVED = "Gateway_PlanApproved";
  public static final String TASK_RECORD_PLAN = "Task_RecordPlan";
  public static final String SUBPROCESS_PROJECTS = "SubProcess_Projects";

  /** Waits, per project, for the opening of the calendar's SUPERVISION_PROGRESS window. */
  public static final String TIMER_PROGRESS_WINDOW = "Timer_ProgressWindow";

  public static final String TASK_REPORT_PROGRESS = "Task_ReportProgress";

  /** A project still running reports again after this wait. */
  public static final String TIMER_NEXT_REPORT = "Timer_NextReport";

  public static final String TASK_EVALUATE = "Task_EvaluateSupervision";
  public static final String GATEWAY_AS_INTENDED = "Gateway_AsIntended";
  public static final String TASK_PLAN_IMPROVEMENT = "Task_PlanImprovement";
  public static final String TASK_SUMMARY_REPORT = "Task_SummaryReport";
  public static final String TASK_PUBLISH_SUMMARY = "Task_PublishSummary";
  public static final String END_PUBLISHED = "EndEvent_Published";

  public static final String VAR_DISTRICT_NAME = "districtName";
  public static final String VAR_STARTED_BY = "startedBy";

  /** The plan's fiscal year (BE); the process also carries it as {@code academicYear}. */
  public static final String VAR_FISCAL_YEAR = "fiscalYear";

  /** Options of the project owner's select: the district's supervisors and supervision director. */
  public static final String VAR_SUPERVISOR_OPTIONS = "supervisorOptions";

  /** Needs analysis (form SupervisionAnalyseNeeds). */
  public static final String VAR_WORKLOAD = "spWorkload";

  public static final String VAR_NEEDS = "spNeeds";

  /** The plan (form SupervisionDraftPlan). */
  public static final String VAR_VISION = "spVision";

  public static final String VAR_STRATEGIES = "spStrategies";

  /** Rows {@code projectName, projectOwner, projectObjective, projectIndicators}. */
  public static final String VAR_PROJECTS = "spProjects";

  /** The director's decision: {@code approve} or {@code return}, with comments. */
  public static final String VAR_PLAN_DECISION = "spPlanDecision";

  public static final String VAR_PLAN_COMMENTS = "spPlanComments";
  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_RETURN = "return";

  /** Set per project (multi-instance element) by Task_RecordPlan's collection. */
  public static final String VAR_PROJECT_ID = "projectId";

  /** Progress report (form SupervisionReportProgress), local to the project's execution. */
  public static final String VAR_PROGRESS_PERCENT = "progressPercent";

  public static final String VAR_PROGRESS_NOTE = "progressNote";

  /** {@code done} or {@code ongoing}. */
  public static final String VAR_PROGRESS_STATUS = "progressStatus";

  public static final String STATUS_DONE = "done";
  public static final String STATUS_ONGOING = "ongoing";

  /** Evaluation (form SupervisionEvaluate). */
  public static final String VAR_EVALUATION = "spEvaluation";

  /** {@code yes} or {@code no}. */
  public static final String VAR_AS_INTENDED = "spAsIntended";

  public static final String AS_INTENDED_YES = "yes";

  /** Shown on the evaluation: the schools' satisfaction (average, count). */
  public static final String VAR_SATISFACTION_AVERAGE = "spSatisfactionAverage";

  public static final String VAR_SATISFACTION_COUNT = "spSatisfactionCount";

  /** Improvement (form SupervisionPlanImprovement). */
  public static final String VAR_IMPROVEMENT = "spImprovement";

  /** Summary report (form SupervisionSummaryReport). */
  public static final String VAR_SUMMARY = "spSummary";

  public static final String VAR_NEXT_YEAR = "spNextYear";

  private SupervisionPlanProcess() {}

  public static String businessKey(String districtCode, int fiscalYearBE) {
    return districtCode + "-" + fiscalYearBE + "-SUPERVISION";
  }
}
