package th.qaflow.committee;

/** Ids and variables of bpmn/CommitteeMeeting.bpmn and bpmn/MonitoringCommitteeYear.bpmn. */
public final class CommitteeMeetingProcess {
  public static final String PROCESS_ID = "CommitteeMeeting";
  public static final String YEAR_PROCESS_ID = "MonitoringCommitteeYear";

  public static final String TASK_OPEN_MEETING = "Task_OpenMeeting";
  public static final String TASK_DRAFT_AGENDA = "Task_DraftAgenda";
  public static final String TASK_SEND_INVITATIONS = "Task_SendInvitations";
  public static final String TIMER_MEETING_DAY = "Timer_MeetingDay";
  public static final String TASK_RECORD_MINUTES = "Task_RecordMinutes";
  public static final String TASK_VOTE_ON_MINUTES = "Task_VoteOnMinutes";
  public static final String GATEWAY_MINUTES_APPROVED = "Gateway_MinutesApproved";
  public static final String TASK_FOLLOW_UP_RESOLUTION = "Task_FollowUpResolution";
  public static final String END_MEETING_DONE = "EndEvent_MeetingDone";
  public static final String TASK_HOLD_MEETING = "Task_HoldMeeting";
  public static final String END_YEAR_DONE = "EndEvent_YearDone";

  public static final String VAR_COMMITTEE_ID = "committeeId";
  public static final String VAR_COMMITTEE_NAME = "committeeName";
  public static final String VAR_MEETING_ID = "meetingId";
  public static final String VAR_MEETING_INDEX = "meetingIndex";
  public static final String VAR_MEETINGS_PER_YEAR = "meetingsPerYear";
  public static final String VAR_STARTED_BY = "startedBy";

  /** Task_DraftAgenda: the proposals (rows) and the agenda as drafted. */
  public static final String VAR_AGENDA_SUGGESTIONS = "agendaSuggestions";

  public static final String VAR_AGENDA_ITEMS = "agendaItems";
  public static final String VAR_MEETING_DATE = "meetingDate";
  public static final String VAR_MEETING_PLACE = "meetingPlace";

  /** The meeting day, 09:00 Bangkok, for Timer_MeetingDay. */
  public static final String VAR_MEETING_AT = "meetingAt";

  /** Task_RecordMinutes. */
  public static final String VAR_MINUTES = "minutes";

  public static final String VAR_RESOLUTIONS = "resolutions";
  public static final String VAR_OWNER_OPTIONS = "ownerOptions";
  public static final String VAR_MINUTES_OBJECTIONS = "minutesObjections";
  public static final String VAR_RESOLUTION_SUMMARY = "resolutionSummary";

  /** Task_VoteOnMinutes: one instance per member ({@code voter}). */
  public static final String VAR_VOTERS = "voters";

  public static final String VAR_MINUTES_VOTE = "minutesVote";
  public static final String VAR_MINUTES_OBJECTION = "minutesObjection";
  public static final String VOTE_APPROVE = "approve";
  public static final String VOTE_OBJECT = "object";
  public static final String VAR_MINUTES_OBJECTED = "minutesObjected";

  /** Task_FollowUpResolution: one instance per resolution ({@code resolutionId}). */
  public static final String VAR_RESOLUTION_IDS = "resolutionIds";

  public static final String VAR_RESOLUTION_TEXT = "resolutionText";
  public static final String VAR_FOLLOW_UP_RESULT = "followUpResult";

  private CommitteeMeetingProcess() {}

  public static String businessKey(String districtCode, int academicYearBE, long committeeId) {
    return districtCode + "-" + academicYearBE + "-COMMITTEE-" + committeeId;
  }
}
