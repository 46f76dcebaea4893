package th.qaflow.cycle;

/** Ids of bpmn/SchoolQaCycle.bpmn, in one place so code and model agree. */
public final class SchoolQaCycleProcess {
  public static final String PROCESS_ID = "SchoolQaCycle";

  public static final String START = "StartEvent_CycleStarted";
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
  public static final String TASK_DRAFT_SAR = "Task_DraftSar";
  public static final String TASK_DIRECTOR_REVIEW_SAR = "Task_DirectorReviewSar";
  public static final String GATEWAY_DIRECTOR_DECISION = "Gateway_DirectorDecision";
  public static final String TASK_BOARD_APPROVE_SAR = "Task_BoardApproveSar";
  public static final String GATEWAY_BOARD_APPROVED = "Gateway_BoardApproved";
  public static final String TASK_SUBMIT_SAR = "Task_SubmitSar";
  public static final String TASK_PUBLISH_SAR = "Task_PublishSar";
  public static final String END_SAR_PUBLISHED = "EndEvent_SarPublished";

  /** Process variables set when a cycle starts. */
  public static final String VAR_SCHOOL_CODE = "schoolCode";
  public static final String VAR_SCHOOL_NAME = "schoolName";
  public static final String VAR_DISTRICT_CODE = "districtCode";
  public static final String VAR_CLUSTER_CODE = "clusterCode";
  public static final String VAR_ACADEMIC_YEAR = "academicYear";

  private SchoolQaCycleProcess() {}

  public static String businessKey(String schoolCode, int academicYearBE) {
    return schoolCode + "-" + academicYearBE;
  }
}
