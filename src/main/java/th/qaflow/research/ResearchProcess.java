package th.qaflow.research;

/** Ids and variables of bpmn/DistrictResearch.bpmn, in one place so code and model agree. */
public final class ResearchProcess {
  public static final String PROCESS_ID = "DistrictResearch";

  public static final String START = "StartEvent_ProjectStarted";
  public static final String TASK_STUDY_NEEDS = "Task_StudyNeeds";
  public static final String TASK_SYNTHESISE_SCHOOLS = "Task_SynthesiseSchoolResearch";
  public static final String TASK_DRAFT_PROPOSAL = "Task_DraftProposal";
  public static final String TASK_APPROVE_PROPOSAL = "Task_ApproveProposal";
  public static final String GATEWAY_PROPOSAL_APPROVED = "Gateway_ProposalApproved";
  public static final String TASK_PLAN = "Task_PlanResearch";
  public static final String TASK_COLLECT_DATA = "Task_CollectData";
  public static final String TASK_ANALYSE = "Task_AnalyseData";
  public static final String TASK_EVALUATE_MODEL = "Task_EvaluateModel";
  public static final String GATEWAY_MODEL_EFFECTIVE = "Gateway_ModelEffective";
  public static final String TASK_REVISE_MODEL = "Task_ReviseModel";
  public static final String TASK_WRITE_REPORT = "Task_WriteReport";

  /** Waits for the opening of the calendar's RESEARCH_SHARING window. */
  public static final String TIMER_SHARING_OPENS = "Timer_SharingOpens";

  public static final String TASK_HOLD_SHARING = "Task_HoldSharing";
  public static final String TASK_PUBLISH = "Task_Publish";
  public static final String END_PUBLISHED = "EndEvent_Published";

  public static final String VAR_PROJECT_ID = "researchProjectId";
  public static final String VAR_TITLE = "researchTitle";
  public static final String VAR_KIND = "researchKind";
  public static final String VAR_DISTRICT_NAME = "districtName";

  /** Study (form ResearchStudyNeeds). */
  public static final String VAR_INNOVATIONS = "rsInnovations";

  public static final String VAR_PROBLEMS = "rsProblems";

  /** The synthesis of the schools' research (form ResearchSynthesis, แบบสังเคราะห์งานวิจัย). */
  public static final String VAR_SYNTHESIS_COUNT = "rsSynthesisCount";

  public static final String VAR_SYNTHESIS = "rsSynthesis";

  /** Proposal (form ResearchDraftProposal). */
  public static final String VAR_QUESTION = "rsQuestion";

  public static final String VAR_METHOD = "rsMethod";

  /** The supervision director's decision: {@code approve} or {@code return}, with comments. */
  public static final String VAR_PROPOSAL_DECISION = "rsProposalDecision";

  public static final String VAR_PROPOSAL_COMMENTS = "rsProposalComments";
  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_RETURN = "return";

  /** Plan (form ResearchPlan). */
  public static final String VAR_SAMPLE = "rsSample";

  public static final String VAR_PLAN = "rsPlan";

  /** Data collection (form ResearchCollectData). */
  public static final String VAR_RESPONDENTS = "rsRespondents";

  public static final String VAR_DATA_COLLECTED = "rsDataCollected";

  /** Analysis (form ResearchAnalyse). */
  public static final String VAR_FINDINGS = "rsFindings";

  /** Evaluation of the model or technique (form ResearchEvaluateModel). */
  public static final String VAR_MODEL_EVALUATION = "rsModelEvaluation";

  /** {@code yes} or {@code no}. */
  public static final String VAR_MODEL_EFFECTIVE = "rsModelEffective";

  public static final String EFFECTIVE_YES = "yes";

  /** Revision (form ResearchReviseModel). */
  public static final String VAR_REVISION = "rsRevision";

  /** Report (form ResearchReport). */
  public static final String VAR_SUMMARY = "rsSummary";

  public static final String VAR_RECOMMENDATIONS = "rsRecommendations";

  /** Sharing and publication (form ResearchSharing). */
  public static final String VAR_SHARING_DATE = "rsSharingDate";

  public static final String VAR_SHARING_ATTENDANCE = "rsSharingAttendance";
  public static final String VAR_PUBLICATION = "rsPublication";

  private ResearchProcess() {}

  public static String businessKey(String districtCode, int academicYearBE, long projectId) {
    return districtCode + "-" + academicYearBE + "-RESEARCH-" + projectId;
  }
}
