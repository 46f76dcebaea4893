package th.qaflow.onesqa;

/**
 * Ids of bpmn/ExternalAssessmentSchool.bpmn: ONESQA's assessment of one target school in a year,
 * called by {@link ExternalAssessmentProcess#CALL_SCHOOL_ASSESSMENT}.
 */
public final class ExternalAssessmentSchoolProcess {
  public static final String PROCESS_ID = "ExternalAssessmentSchool";

  public static final String START = "StartEvent_SchoolSelected";

  /** Exclusive merges: the first pass and every loop back enter the task through one gateway. */
  public static final String GATEWAY_RECORD_SCHEDULE_MERGE = "Gateway_RecordScheduleMerge";

  public static final String TASK_RECORD_SCHEDULE = "Task_RecordSchedule";
  public static final String TASK_REVIEW_SCHEDULE = "Task_ReviewSchedule";
  public static final String GATEWAY_SCHEDULE_ACCEPTED = "Gateway_ScheduleAccepted";
  public static final String TASK_PREPARE = "Task_PrepareAssessment";
  public static final String TASK_APPOINT_COMMITTEE = "Task_AppointCommittee";
  public static final String TASK_RECORD_VISIT = "Task_RecordVisit";
  public static final String TASK_RECEIVE_DRAFT_REPORT = "Task_ReceiveDraftReport";
  public static final String TIMER_DRAFT_REPORT_OVERDUE = "Timer_DraftReportOverdue";
  public static final String TASK_ESCALATE_DRAFT_REPORT = "Task_EscalateDraftReport";
  public static final String END_DRAFT_REPORT_ESCALATED = "EndEvent_DraftReportEscalated";
  public static final String TASK_COMMENT_ON_DRAFT = "Task_CommentOnDraft";
  public static final String TASK_RECORD_FINAL_RESULT = "Task_RecordFinalResult";
  public static final String GATEWAY_EVALUATE_RESULT_MERGE = "Gateway_EvaluateResultMerge";
  public static final String TASK_EVALUATE_RESULT = "Task_EvaluateResult";
  public static final String GATEWAY_STANDARDS_MET = "Gateway_StandardsMet";
  public static final String END_RESULT_FINAL = "EndEvent_ResultFinal";
  public static final String TASK_PLAN_IMPROVEMENT = "Task_PlanImprovement";
  public static final String TASK_RECORD_REASSESSMENT = "Task_RecordReassessment";
  public static final String END_NOT_MET = "EndEvent_NotMetAfterReassessment";

  // Set when the school's assessment starts, besides the school's identity (kernel
  // ProcessVariables).
  /**
   * The ONESQA framework's standards as form rows ({@code standardCode}, {@code standardLabel}, …).
   */
  public static final String VAR_ONESQA_STANDARDS = "onesqaStandards";

  public static final String VAR_ONESQA_LEVEL_OPTIONS = "onesqaLevelOptions";
  public static final String VAR_FRAMEWORK_CODE = "onesqaFrameworkCode";

  /**
   * The SAR ONESQA reads: a document version id of the school's cycle, and the year it belongs to.
   */
  public static final String VAR_SAR_VERSION_ID = "onesqaSarVersionId";

  public static final String VAR_SAR_YEAR = "onesqaSarYear";

  /** Form values the process decides on. */
  public static final String VAR_SCHEDULE_RESPONSE = "scheduleResponse";

  public static final String RESPONSE_ACCEPT = "accept";
  public static final String RESPONSE_OBJECT = "object";
  public static final String VAR_OBJECTION_REASON = "objectionReason";
  public static final String VAR_VISIT_START = "visitStartOn";
  public static final String VAR_VISITED_ON = "visitedOn";
  public static final String VAR_DRAFT_RECEIVED_ON = "draftReceivedOn";

  /** The final result (and each re-assessment): one row per ONESQA standard with {@code level}. */
  public static final String VAR_RESULTS = "onesqaResults";

  public static final String VAR_ALL_STANDARDS_MET = "allStandardsMet";
  public static final String VAR_STANDARDS_NOT_MET = "standardsNotMet";
  public static final String VAR_REASSESSMENT_ALLOWED = "reassessmentAllowed";
  public static final String VAR_ASSESSMENT_ROUND = "assessmentRound";
  public static final String VAR_DRAFT_REPORT_DUE = "draftReportDueOn";
  public static final String VAR_DRAFT_REPORT_LATE = "draftReportLate";

  private ExternalAssessmentSchoolProcess() {}

  public static String businessKey(String schoolCode, int academicYearBE) {
    return schoolCode + "-" + academicYearBE + "-ONESQA";
  }
}
