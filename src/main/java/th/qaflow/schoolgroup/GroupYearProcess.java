package th.qaflow.schoolgroup;

/** Ids and variables of bpmn/GroupYear.bpmn: a school group's plan and its member assessment. */
public final class GroupYearProcess {
  public static final String PROCESS_ID = "GroupYear";

  public static final String TASK_OPEN_GROUP_YEAR = "Task_OpenGroupYear";

  /** Splits the plan's path from the meeting-rule checks (version 2). */
  public static final String GATEWAY_GROUP_YEAR_SPLIT = "Gateway_GroupYearSplit";

  /** Wait for GROUP_MEETINGS_ONE / GROUP_MEETINGS_TWO to open, then check the meeting rule. */
  public static final String TIMER_MEETING_CHECK_ONE = "Timer_MeetingCheckOne";

  public static final String TASK_CHECK_MEETINGS_ONE = "Task_CheckMeetingsOne";
  public static final String TIMER_MEETING_CHECK_TWO = "Timer_MeetingCheckTwo";
  public static final String TASK_CHECK_MEETINGS_TWO = "Task_CheckMeetingsTwo";
  public static final String END_MEETING_CHECKS_DONE = "EndEvent_MeetingChecksDone";
  public static final String GATEWAY_DRAFT_GROUP_PLAN_MERGE = "Gateway_DraftGroupPlanMerge";
  public static final String TASK_DRAFT_GROUP_PLAN = "Task_DraftGroupPlan";
  public static final String TASK_APPROVE_GROUP_PLAN = "Task_ApproveGroupPlan";
  public static final String GATEWAY_GROUP_PLAN_APPROVED = "Gateway_GroupPlanApproved";
  public static final String TASK_RECORD_GROUP_PLAN = "Task_RecordGroupPlan";
  public static final String TIMER_YEAR_END = "Timer_YearEnd";
  public static final String TASK_ASSESS_MEMBER_SCHOOLS = "Task_AssessMemberSchools";
  public static final String TASK_RECORD_ASSESSMENT = "Task_RecordAssessment";
  public static final String END_GROUP_YEAR_DONE = "EndEvent_GroupYearDone";

  public static final String VAR_CLUSTER_CODE = "clusterCode";
  public static final String VAR_COMMITTEE_ID = "committeeId";

  /** Task_DraftGroupPlan. */
  public static final String VAR_PLAN_GOALS = "groupPlanGoals";

  public static final String VAR_PLAN_PROJECTS = "groupPlanProjects";

  /** Task_ApproveGroupPlan: approve or return (with comments). */
  public static final String VAR_PLAN_DECISION = "groupPlanDecision";

  public static final String VAR_PLAN_COMMENTS = "groupPlanComments";
  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_RETURN = "return";

  /** Task_AssessMemberSchools: the options and the rows (school, level 1–5, note). */
  public static final String VAR_MEMBER_SCHOOL_OPTIONS = "memberSchoolOptions";

  public static final String VAR_SCHOOL_ASSESSMENTS = "schoolAssessments";

  /**
   * What a meeting-rule check found, per semester ({@code meetingCheck1}, {@code meetingCheck2}):
   * {@link #CHECK_MET}, {@link #CHECK_REMINDED} or {@link #CHECK_OVER}.
   */
  public static final String VAR_MEETING_CHECK_PREFIX = "meetingCheck";

  /** Two meetings held, or held and called: nobody is mailed. */
  public static final String CHECK_MET = "MET";

  /** Fewer than two held or called: the chair, vice-chair and supervisors were mailed. */
  public static final String CHECK_REMINDED = "REMINDED";

  /** The semester had ended when the check ran (a year started late): nobody is mailed. */
  public static final String CHECK_OVER = "OVER";

  private GroupYearProcess() {}

  public static String businessKey(String clusterCode, int academicYearBE) {
    return clusterCode + "-" + academicYearBE + "-GROUP";
  }
}
