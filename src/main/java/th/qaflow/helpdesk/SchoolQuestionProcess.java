package th.qaflow.helpdesk;

/** Ids and variables of bpmn/SchoolQuestion.bpmn, in one place so code and model agree. */
public final class SchoolQuestionProcess {
  public static final String PROCESS_ID = "SchoolQuestion";

  public static final String TASK_ANSWER = "Task_AnswerQuestion";
  public static final String TIMER_ESCALATE = "Timer_Escalate";
  public static final String TASK_ESCALATE = "Task_Escalate";
  public static final String TASK_CONFIRM = "Task_ConfirmSolved";
  public static final String TIMER_NO_REPLY = "Timer_NoReply";
  public static final String TASK_CLOSE = "Task_CloseQuestion";
  public static final String END_CLOSED = "EndEvent_QuestionClosed";

  /** The question's row id (a Long). */
  public static final String VAR_QUESTION_ID = "questionId";

  public static final String VAR_QUESTION_TITLE = "questionTitle";

  /** The question and every follow-up, as the answering form shows them. */
  public static final String VAR_QUESTION_TEXT = "questionText";

  public static final String VAR_ASKED_BY = "askedBy";

  /** The answering round, from 1: a "not solved" reply starts the next. */
  public static final String VAR_ROUND = "round";

  /** The answer (form HelpdeskAnswer or the thread page). */
  public static final String VAR_ANSWER = "answerText";

  /** The asker's reply (form HelpdeskConfirm or the thread page): {@code yes} or {@code no}. */
  public static final String VAR_SOLVED = "solved";

  public static final String SOLVED = "yes";
  public static final String NOT_SOLVED = "no";
  public static final String VAR_FOLLOW_UP = "followUp";

  /** Working days (Monday to Friday, not a district holiday) the supervisors have to answer. */
  public static final int ANSWER_WORKING_DAYS = 3;

  private SchoolQuestionProcess() {}

  public static String businessKey(long questionId) {
    return "Q-" + questionId;
  }
}
