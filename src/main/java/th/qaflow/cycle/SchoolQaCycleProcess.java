package th.qaflow.cycle;

import java.util.List;
import java.util.Map;
import th.qaflow.kernel.Stage;

/** Ids of bpmn/SchoolQaCycle.bpmn, in one place so code and model agree. */
public final class SchoolQaCycleProcess {
  public static final String PROCESS_ID = "SchoolQaCycle";

  public static final String START = "StartEvent_CycleStarted";

  /** Exclusive merges: the first pass and every return enter the task through one gateway. */
  public static final String GATEWAY_SET_STANDARDS_MERGE = "Gateway_SetStandardsMerge";

  public static final String TASK_SET_STANDARDS = "Task_SetStandards";
  public static final String TASK_BOARD_ENDORSE_STANDARDS = "Task_BoardEndorseStandards";
  public static final String GATEWAY_STANDARDS_ENDORSED = "Gateway_StandardsEndorsed";
  public static final String TASK_ANNOUNCE_STANDARDS = "Task_AnnounceStandards";
  public static final String TASK_MAKE_PLANS = "Task_MakePlans";
  public static final String TIMER_SEMESTER_ONE_OPENS = "Timer_SemesterOneOpens";
  public static final String TASK_SELF_CHECK_SEMESTER_ONE = "Task_SelfCheckSemesterOne";
  public static final String TIMER_SEMESTER_TWO_OPENS = "Timer_SemesterTwoOpens";
  public static final String TASK_SELF_CHECK_SEMESTER_TWO = "Task_SelfCheckSemesterTwo";
  public static final String TIMER_INTERNAL_ASSESSMENT_OPENS = "Timer_InternalAssessmentOpens";
  public static final String TASK_INTERNAL_ASSESSMENT = "Task_InternalAssessment";
  public static final String GATEWAY_DRAFT_SAR_MERGE = "Gateway_DraftSarMerge";
  public static final String TASK_DRAFT_SAR = "Task_DraftSar";
  public static final String TASK_DIRECTOR_REVIEW_SAR = "Task_DirectorReviewSar";
  public static final String GATEWAY_DIRECTOR_DECISION = "Gateway_DirectorDecision";
  public static final String TASK_BOARD_APPROVE_SAR = "Task_BoardApproveSar";
  public static final String GATEWAY_BOARD_APPROVED = "Gateway_BoardApproved";
  public static final String TASK_SUBMIT_SAR = "Task_SubmitSar";

  /**
   * After submitting, the cycle tells the district (message SarSubmitted); then the school
   * publishes on its own calendar while the district's review runs beside it (parallel split {@link
   * #GATEWAY_PUBLISH_AND_REVIEW}, join {@link #GATEWAY_PUBLISHED_AND_REVIEWED}). Once both are
   * done, advice ends the cycle and a request to revise opens a revision round (redraft, director,
   * board, resubmit, republish).
   */
  public static final String EVENT_SAR_SUBMITTED = "Event_SarSubmitted";

  public static final String GATEWAY_PUBLISH_AND_REVIEW = "Gateway_PublishAndReview";
  public static final String EVENT_SAR_REVIEWED = "Event_SarReviewed";
  public static final String GATEWAY_PUBLISHED_AND_REVIEWED = "Gateway_PublishedAndReviewed";
  public static final String GATEWAY_SAR_REVIEW_DECISION = "Gateway_SarReviewDecision";
  public static final String MESSAGE_SAR_SUBMITTED = "SarSubmitted";
  public static final String MESSAGE_SAR_REVIEWED = "SarReviewed";
  public static final String TASK_PUBLISH_SAR = "Task_PublishSar";
  public static final String END_SAR_PUBLISHED = "EndEvent_SarPublished";

  /** The model's versionTag from which publication no longer waits for the district. */
  public static final int VERSION_REVIEW_ADVISES = 4;

  /**
   * Escalations of an overdue SAR: non-interrupting boundary timers, each leading to a service task
   * and its end.
   */
  public static final String TIMER_BOARD_APPROVAL_OVERDUE_DIRECTOR =
      "Timer_BoardApprovalOverdueDirector";

  public static final String TIMER_BOARD_APPROVAL_OVERDUE_SUPERVISOR =
      "Timer_BoardApprovalOverdueSupervisor";
  public static final String TIMER_SUBMISSION_OVERDUE_DIRECTOR = "Timer_SubmissionOverdueDirector";
  public static final String TIMER_SUBMISSION_OVERDUE_SUPERVISOR =
      "Timer_SubmissionOverdueSupervisor";
  public static final String TASK_ESCALATE_BOARD_APPROVAL_TO_DIRECTOR =
      "Task_EscalateBoardApprovalToDirector";
  public static final String TASK_ESCALATE_BOARD_APPROVAL_TO_SUPERVISOR =
      "Task_EscalateBoardApprovalToSupervisor";
  public static final String TASK_ESCALATE_SUBMISSION_TO_DIRECTOR =
      "Task_EscalateSubmissionToDirector";
  public static final String TASK_ESCALATE_SUBMISSION_TO_SUPERVISOR =
      "Task_EscalateSubmissionToSupervisor";
  public static final String END_BOARD_APPROVAL_ESCALATED_TO_DIRECTOR =
      "EndEvent_BoardApprovalEscalatedToDirector";
  public static final String END_BOARD_APPROVAL_ESCALATED_TO_SUPERVISOR =
      "EndEvent_BoardApprovalEscalatedToSupervisor";
  public static final String END_SUBMISSION_ESCALATED_TO_DIRECTOR =
      "EndEvent_SubmissionEscalatedToDirector";
  public static final String END_SUBMISSION_ESCALATED_TO_SUPERVISOR =
      "EndEvent_SubmissionEscalatedToSupervisor";

  /** Escalation levels: the school director first, then the cluster's supervisor. */
  public static final String LEVEL_DIRECTOR = "DIRECTOR";

  public static final String LEVEL_SUPERVISOR = "SUPERVISOR";

  /**
   * The intermediate timers that wait for a stage to open, by the stage whose opening they wait
   * for.
   */
  public static final Map<Stage, String> OPENING_TIMERS =
      Map.of(
          SchoolStage.SELF_CHECK_1, TIMER_SEMESTER_ONE_OPENS,
          SchoolStage.SELF_CHECK_2, TIMER_SEMESTER_TWO_OPENS,
          SchoolStage.INTERNAL_ASSESSMENT, TIMER_INTERNAL_ASSESSMENT_OPENS);

  /** The escalated user tasks by stage, and their boundary timers by level. */
  public static final Map<Stage, String> ESCALATED_TASKS =
      Map.of(
          SchoolStage.SAR_BOARD_APPROVAL, TASK_BOARD_APPROVE_SAR,
          SchoolStage.SAR_SUBMISSION, TASK_SUBMIT_SAR);

  public static final Map<Stage, Map<String, String>> ESCALATION_TIMERS =
      Map.of(
          SchoolStage.SAR_BOARD_APPROVAL,
              Map.of(
                  LEVEL_DIRECTOR, TIMER_BOARD_APPROVAL_OVERDUE_DIRECTOR,
                  LEVEL_SUPERVISOR, TIMER_BOARD_APPROVAL_OVERDUE_SUPERVISOR),
          SchoolStage.SAR_SUBMISSION,
              Map.of(
                  LEVEL_DIRECTOR, TIMER_SUBMISSION_OVERDUE_DIRECTOR,
                  LEVEL_SUPERVISOR, TIMER_SUBMISSION_OVERDUE_SUPERVISOR));

  /* The generic variables every cycle carries (school, district, cluster, academic year) are in th.qaflow.kernel.ProcessVariables. */
  /** The SAR file of the draft form: a document version id (documents module). */
  public static final String VAR_SAR_FILE = "sarFile";

  /** Set when the board approves: exactly which SAR version, and its SHA-256. */
  public static final String VAR_SAR_APPROVED_VERSION = "sarApprovedVersionId";

  public static final String VAR_SAR_APPROVED_SHA256 = "sarApprovedSha256";

  /** Set when the school submits: always the version the board approved. */
  public static final String VAR_SAR_SUBMITTED_VERSION = "sarSubmittedVersionId";

  /** The director's decision on the draft (form DirectorReviewSar) and what to change. */
  public static final String VAR_DIRECTOR_DECISION = "directorDecision";

  public static final String DIRECTOR_RETURNED = "returnToQa";
  public static final String VAR_DIRECTOR_COMMENTS = "directorComments";

  public static final String VAR_BOARD_DECISION = "boardDecision";

  /** The board's return of the SAR (form BoardApproveSar) and what to change. */
  public static final String BOARD_RETURNED = "return";

  public static final String VAR_BOARD_COMMENTS = "boardComments";

  /**
   * The district's review of the submitted SAR, set on the school's cycle when the review ends:
   * {@link #SAR_REVIEW_ADVICE} or {@link #SAR_REVIEW_REVISE}; removed when the school resubmits.
   * The district advises, it does not accept or certify a SAR; its synthesis reads the SARs whose
   * latest review ended in advice.
   */
  public static final String VAR_SAR_REVIEW_DECISION = "sarReviewDecision";

  public static final String SAR_REVIEW_ADVICE = "ADVICE";
  public static final String SAR_REVIEW_REVISE = "REVISE";

  /**
   * The values models before version 4 use (publication waited for an acceptance); still read from
   * the history of their instances and sent to instances that still run on them.
   */
  @Deprecated public static final String SAR_REVIEW_ACCEPTED = "ACCEPTED";

  @Deprecated public static final String SAR_REVIEW_RETURNED = "RETURNED";

  /** The district's advice that came with the answer (required with both answers). */
  public static final String VAR_SAR_REVIEW_COMMENTS = "sarReviewComments";

  private SchoolQaCycleProcess() {}

  public static String businessKey(String schoolCode, int academicYearBE) {
    return schoolCode + "-" + academicYearBE;
  }

  /**
   * For each user task, the earlier tasks whose latest submission it builds on: the board sees the
   * draft it decides on, a redraft sees the return that caused it, the self-checks see the targets.
   */
  public static final Map<String, List<String>> BUILDS_ON =
      Map.ofEntries(
          Map.entry(TASK_SET_STANDARDS, List.of(TASK_BOARD_ENDORSE_STANDARDS)),
          Map.entry(TASK_BOARD_ENDORSE_STANDARDS, List.of(TASK_SET_STANDARDS)),
          Map.entry(
              TASK_ANNOUNCE_STANDARDS, List.of(TASK_SET_STANDARDS, TASK_BOARD_ENDORSE_STANDARDS)),
          Map.entry(TASK_MAKE_PLANS, List.of(TASK_SET_STANDARDS)),
          Map.entry(TASK_SELF_CHECK_SEMESTER_ONE, List.of(TASK_SET_STANDARDS, TASK_MAKE_PLANS)),
          Map.entry(TASK_SELF_CHECK_SEMESTER_TWO, List.of(TASK_SELF_CHECK_SEMESTER_ONE)),
          Map.entry(
              TASK_INTERNAL_ASSESSMENT, List.of(TASK_SET_STANDARDS, TASK_SELF_CHECK_SEMESTER_TWO)),
          Map.entry(
              TASK_DRAFT_SAR,
              List.of(TASK_INTERNAL_ASSESSMENT, TASK_DIRECTOR_REVIEW_SAR, TASK_BOARD_APPROVE_SAR)),
          Map.entry(TASK_DIRECTOR_REVIEW_SAR, List.of(TASK_DRAFT_SAR)),
          Map.entry(TASK_BOARD_APPROVE_SAR, List.of(TASK_DRAFT_SAR, TASK_DIRECTOR_REVIEW_SAR)),
          Map.entry(TASK_SUBMIT_SAR, List.of(TASK_BOARD_APPROVE_SAR, TASK_DRAFT_SAR)),
          Map.entry(TASK_PUBLISH_SAR, List.of(TASK_SUBMIT_SAR)));
}
