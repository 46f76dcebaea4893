package th.qaflow.assistance;

/** Ids and variables of bpmn/SchoolAssistance.bpmn, in one place so code and model agree. */
public final class SchoolAssistanceProcess {
  public static final String PROCESS_ID = "SchoolAssistance";

  public static final String START = "StartEvent_HelpStarted";
  public static final String TASK_APPOINT_TEAM = "Task_AppointTeam";
  public static final String TASK_DRAFT_PLAN = "Task_DraftAssistancePlan";
  public static final String TASK_APPROVE_PLAN = "Task_ApproveAssistancePlan";
  public static final String TASK_FOLLOW_UP_VISIT = "Task_FollowUpVisit";
  public static final String TASK_CHECK_SELF_CHECK = "Task_CheckSelfCheck";

  /** Re-checks daily while the school's next self-check is not done. */
  public static final String TIMER_RECHECK_SELF_CHECK = "Timer_RecheckSelfCheck";

  public static final String TASK_START_NEXT_ROUND = "Task_StartNextRound";
  public static final String TASK_REPORT_RESULT = "Task_ReportResult";
  public static final String TASK_CLOSE_CASE = "Task_CloseCase";
  public static final String END_TARGET_REACHED = "EndEvent_TargetReached";

  public static final String VAR_SCHOOL_NAME = "schoolName";

  /**
   * The academic year whose SARs the synthesis found below target (the case's key). The process's
   * {@code academicYear} is the year after it, when the help runs: its due dates, dashboard row and
   * first self-check are that year's.
   */
  public static final String VAR_SYNTHESIS_YEAR = "synthesisYear";

  public static final String VAR_STARTED_BY = "startedBy";

  /**
   * The standards below target the help started from (a JSON list of {@code standardCode, label,
   * label_en, target, achieved}), and the same as options for the plan's form ({@code value, label,
   * label_en}).
   */
  public static final String VAR_GAPS = "gaps";

  public static final String VAR_GAP_OPTIONS = "standardOptions";

  /** The round of plan → visits → self-check, from 1. */
  public static final String VAR_ROUND = "round";

  /** The working team (form AssistanceAppointTeam). */
  public static final String VAR_TEAM_MEMBERS = "teamMembers";

  public static final String VAR_TEAM_ORDER = "teamOrderRef";

  /** The assistance plan (form AssistanceDraftPlan). */
  public static final String VAR_PLAN_SUMMARY = "planSummary";

  public static final String VAR_PLAN_ITEMS = "planItems";

  /** The supervision director's decision: {@code approve} or {@code return}, with comments. */
  public static final String VAR_PLAN_DECISION = "planDecision";

  public static final String VAR_PLAN_COMMENTS = "planComments";
  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_RETURN = "return";

  /** A follow-up visit (form AssistanceFollowUpVisit), appended to {@link #VAR_VISITS}. */
  public static final String VAR_VISIT_DATE = "visitDate";

  public static final String VAR_VISIT_FINDINGS = "visitFindings";
  public static final String VAR_VISIT_ADVICE = "visitAdvice";

  /** The team's decision after a visit: {@code more} (another visit) or {@code enough}. */
  public static final String VAR_VISITS_DECISION = "visitsDecision";

  public static final String VISITS_MORE = "more";
  public static final String VISITS_ENOUGH = "enough";

  /** Every follow-up visit of every round: {@code round, visitDate, findings, advice}. */
  public static final String VAR_VISITS = "followUpVisits";

  /** When the round's visits ended: the self-check after it is the one that checks the result. */
  public static final String VAR_VISITS_ENDED_AT = "visitsEndedAt";

  /** The self-check that checks the round: its academic year and semester (1 or 2). */
  public static final String VAR_CHECK_YEAR = "checkYear";

  public static final String VAR_CHECK_SEMESTER = "checkSemester";
  public static final String VAR_SELF_CHECK_DONE = "selfCheckDone";
  public static final String VAR_TARGET_REACHED = "targetReached";

  /** The checked self-check's rows of the plan's standards ({@code standardCode, label, ...}). */
  public static final String VAR_CHECK_RESULT = "checkResult";

  /** Each round's result: {@code round, checkYear, checkSemester, reached}. */
  public static final String VAR_ROUNDS = "roundResults";

  /** The closing report (form AssistanceReportResult). */
  public static final String VAR_RESULT_SUMMARY = "resultSummary";

  public static final String VAR_RESULT_LESSONS = "resultLessons";

  private SchoolAssistanceProcess() {}

  public static String businessKey(String schoolCode, int academicYearBE) {
    return schoolCode + "-" + academicYearBE + "-HELP";
  }
}
