package th.qaflow.goodpractice;

/** Ids and variables of bpmn/GoodPracticeRound.bpmn, in one place so code and model agree. */
public final class GoodPracticeRoundProcess {
  public static final String PROCESS_ID = "GoodPracticeRound";

  public static final String START = "StartEvent_RoundStarted";
  public static final String TASK_OPEN_NOMINATIONS = "Task_OpenNominations";
  public static final String TASK_MONITOR_NOMINATIONS = "Task_MonitorNominations";

  /** Closes the nominations at the due date of the district calendar's GP_NOMINATION stage. */
  public static final String TIMER_NOMINATIONS_CLOSE = "Timer_NominationsClose";

  public static final String TASK_CLOSE_NOMINATIONS = "Task_CloseNominations";
  public static final String GATEWAY_ANY_NOMINATIONS = "Gateway_AnyNominations";
  public static final String END_NO_NOMINATIONS = "EndEvent_NoNominations";
  public static final String TASK_SELECT_PRACTICES = "Task_SelectPractices";
  public static final String TASK_RECORD_SELECTION = "Task_RecordSelection";
  public static final String GATEWAY_ANY_SELECTED = "Gateway_AnySelected";
  public static final String END_NONE_SELECTED = "EndEvent_NoneSelected";
  public static final String TASK_RECORD_HONOURS = "Task_RecordHonours";
  public static final String TASK_PUBLISH_PRACTICES = "Task_PublishPractices";
  public static final String TASK_RECORD_SHARING_EVENT = "Task_RecordSharingEvent";
  public static final String TASK_CLOSE_ROUND = "Task_CloseRound";
  public static final String END_ROUND_DONE = "EndEvent_RoundDone";

  public static final String VAR_DISTRICT_NAME = "districtName";
  public static final String VAR_STARTED_BY = "startedBy";

  /** Set when nominations close: how many, and one row per nomination for the committee's form. */
  public static final String VAR_NOMINATION_COUNT = "gpNominationCount";

  public static final String VAR_NOMINATION_ROWS = "gpNominationRows";

  /** The committee's form (GoodPracticeSelect): one row per nomination, and its members. */
  public static final String VAR_DECISIONS = "gpDecisions";

  public static final String VAR_COMMITTEE = "gpCommittee";
  public static final String DECISION_SELECTED = "selected";
  public static final String DECISION_NOT_SELECTED = "notSelected";

  /** Set by the selection step: how many were selected. */
  public static final String VAR_SELECTED_COUNT = "gpSelectedCount";

  /** The honours (GoodPracticeHonours). */
  public static final String VAR_HONOURS_KIND = "honoursKind";

  public static final String VAR_HONOURS_REFERENCE = "honoursReference";
  public static final String VAR_HONOURS_DATE = "honoursDate";
  public static final String VAR_HONOURS_NOTE = "honoursNote";

  /** The knowledge-sharing event (GoodPracticeSharing). */
  public static final String VAR_EVENT_DATE = "eventDate";

  public static final String VAR_EVENT_MODE = "eventMode";
  public static final String VAR_EVENT_PLACE = "eventPlace";
  public static final String VAR_EVENT_ATTENDANCE = "eventAttendance";
  public static final String VAR_EVENT_SUMMARY = "eventSummary";

  private GoodPracticeRoundProcess() {}

  public static String businessKey(String districtCode, int academicYearBE) {
    return districtCode + "-" + academicYearBE + "-GP";
  }
}
