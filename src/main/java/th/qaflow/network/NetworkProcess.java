package th.qaflow.network;

/** Ids and variables of bpmn/SupervisionNetwork.bpmn, in one place so code and model agree. */
public final class NetworkProcess {
  public static final String PROCESS_ID = "SupervisionNetwork";

  public static final String START = "StartEvent_CycleStarted";
  public static final String TASK_COLLECT_NEEDS = "Task_CollectNeeds";
  public static final String TASK_PLAN_NETWORKS = "Task_PlanNetworks";
  public static final String TASK_APPROVE_PLAN = "Task_ApprovePlan";
  public static final String GATEWAY_PLAN_APPROVED = "Gateway_PlanApproved";
  public static final String TASK_RECORD_PLAN = "Task_RecordPlan";
  public static final String TASK_HOLD_SEMINAR = "Task_HoldSeminar";
  public static final String TASK_DEVELOP_SEMESTER_ONE = "Task_DevelopSemesterOne";

  /** Waits for the opening of the calendar's NETWORK_SEMESTER_TWO window. */
  public static final String TIMER_SEMESTER_TWO = "Timer_SemesterTwo";

  public static final String TASK_DEVELOP_SEMESTER_TWO = "Task_DevelopSemesterTwo";
  public static final String TASK_EVALUATE = "Task_EvaluateNetworks";
  public static final String GATEWAY_AS_INTENDED = "Gateway_AsIntended";
  public static final String TASK_IMPROVE = "Task_ImproveNetworks";
  public static final String TASK_SET_GUIDELINES = "Task_SetGuidelines";
  public static final String TASK_REPORT = "Task_ReportAndPublish";
  public static final String TASK_PUBLISH = "Task_Publish";
  public static final String END_PUBLISHED = "EndEvent_Published";

  public static final String VAR_DISTRICT_NAME = "districtName";
  public static final String VAR_STARTED_BY = "startedBy";

  /** Needs (form NetworkCollectNeeds). */
  public static final String VAR_DATA = "nwData";

  public static final String VAR_RESPONDENTS = "nwRespondents";
  public static final String VAR_NEEDS = "nwNeeds";

  /** The plan (form NetworkPlan). */
  public static final String VAR_PLAN_GOAL = "nwPlanGoal";

  /** Rows {@code networkName, networkKind, networkLead, networkTarget}. */
  public static final String VAR_NETWORKS = "nwNetworks";

  /** The supervision director's decision: {@code approve} or {@code return}, with comments. */
  public static final String VAR_PLAN_DECISION = "nwPlanDecision";

  public static final String VAR_PLAN_COMMENTS = "nwPlanComments";
  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_RETURN = "return";

  /** Seminar (form NetworkHoldSeminar). */
  public static final String VAR_SEMINAR_DATE = "nwSeminarDate";

  public static final String VAR_SEMINAR_ATTENDANCE = "nwSeminarAttendance";
  public static final String VAR_SEMINAR_SUMMARY = "nwSeminarSummary";

  /** Development per semester (forms NetworkDevelopSemesterOne/Two). */
  public static final String VAR_S1_ACTIVITIES = "nwS1Activities";

  public static final String VAR_S1_PROGRESS = "nwS1Progress";
  public static final String VAR_S2_ACTIVITIES = "nwS2Activities";
  public static final String VAR_S2_PROGRESS = "nwS2Progress";

  /** Evaluation (form NetworkEvaluate). */
  public static final String VAR_EVALUATION = "nwEvaluation";

  /** {@code yes} or {@code no}. */
  public static final String VAR_AS_INTENDED = "nwAsIntended";

  public static final String AS_INTENDED_YES = "yes";

  /** Improvement (form NetworkImprove). */
  public static final String VAR_IMPROVEMENT = "nwImprovement";

  /** Guidelines (form NetworkSetGuidelines). */
  public static final String VAR_GUIDELINES = "nwGuidelines";

  /** Report (form NetworkReport). */
  public static final String VAR_SUMMARY = "nwSummary";

  public static final String VAR_REPORTED_TO = "nwReportedTo";

  private NetworkProcess() {}

  public static String businessKey(String districtCode, int academicYearBE) {
    return districtCode + "-" + academicYearBE + "-NETWORK";
  }
}
