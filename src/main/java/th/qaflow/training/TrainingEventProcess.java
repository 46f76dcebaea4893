package th.qaflow.training;

/** Ids and variables of bpmn/TrainingEvent.bpmn, in one place so code and model agree. */
public final class TrainingEventProcess {
  public static final String PROCESS_ID = "TrainingEvent";

  public static final String TASK_APPROVE = "Task_ApproveEvent";
  public static final String TASK_REVISE = "Task_ReviseEvent";
  public static final String TASK_SEND_INVITATIONS = "Task_SendInvitations";
  public static final String TASK_CLOSE_REGISTRATION = "Task_CloseRegistration";
  public static final String TIMER_REGISTRATION_CLOSES = "Timer_RegistrationCloses";
  public static final String TASK_RECORD_ATTENDANCE = "Task_RecordAttendance";
  public static final String TASK_CLOSE_EVALUATION = "Task_CloseEvaluation";
  public static final String TIMER_EVALUATION_REMINDER = "Timer_EvaluationReminder";
  public static final String TASK_REMIND_EVALUATORS = "Task_RemindEvaluators";
  public static final String TIMER_EVALUATION_CLOSES = "Timer_EvaluationCloses";
  public static final String TASK_WRITE_REPORT = "Task_WriteReport";
  public static final String END_CLOSED = "EndEvent_TrainingClosed";

  /** The event's row id (a Long). */
  public static final String VAR_EVENT_ID = "trainingId";

  public static final String VAR_TITLE = "trainingTitle";

  /** Who planned the event: the organiser's tasks are assigned to them. */
  public static final String VAR_ORGANISER = "organiser";

  /**
   * The director's decision (form TrainingApprove or the event page): {@code yes} or {@code no}.
   */
  public static final String VAR_APPROVED = "trApproved";

  public static final String VAR_DIRECTOR_COMMENT = "trDirectorComment";
  public static final String VAR_REVISION_NOTE = "trRevisionNote";
  public static final String VAR_REPORT = "trReportText";

  /** Days after the event the attendees may evaluate it. */
  public static final int EVALUATION_DAYS = 7;

  /** Days before the evaluation closes that the attendees who have not evaluated are reminded. */
  public static final int REMINDER_DAYS_BEFORE = 2;

  /** Days the supervision director has to approve (and the organiser to revise). */
  public static final int APPROVAL_DAYS = 5;

  /** Days after the evaluation closes the organiser has to report. */
  public static final int REPORT_DAYS = 14;

  private TrainingEventProcess() {}

  public static String businessKey(long eventId) {
    return "TR-" + eventId;
  }
}
