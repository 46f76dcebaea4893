package th.qaflow.research;

/** Ids and variables of bpmn/SchoolResearch.bpmn, in one place so code and model agree. */
public final class SchoolResearchProcess {
  public static final String PROCESS_ID = "SchoolResearch";

  public static final String START = "StartEvent_Registered";
  public static final String TASK_DEVELOP_TOOLS = "Task_DevelopTools";
  public static final String TASK_CHECK_TOOLS = "Task_CheckTools";
  public static final String GATEWAY_TOOLS_APPROVED = "Gateway_ToolsApproved";
  public static final String TASK_RECORD_DATA = "Task_RecordData";
  public static final String TASK_FINAL_REPORT = "Task_FinalReport";
  public static final String TASK_FINISH = "Task_Finish";
  public static final String END_REPORTED = "EndEvent_Reported";

  public static final String VAR_PROJECT_ID = "schoolResearchId";
  public static final String VAR_TITLE = "researchTitle";

  /** The tools (form SchoolResearchTools). */
  public static final String VAR_TOOLS = "rsTools";

  /** The adviser's check: {@code approve} or {@code return}, with comments. */
  public static final String VAR_TOOLS_DECISION = "rsToolsDecision";

  public static final String VAR_TOOLS_COMMENTS = "rsToolsComments";
  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_RETURN = "return";

  /** The research data record and progress (form SchoolResearchRecordData). */
  public static final String VAR_DATA = "rsSchoolData";

  public static final String VAR_PROGRESS = "rsProgress";

  /** The final report (form SchoolResearchReport). */
  public static final String VAR_FINDINGS = "rsSchoolFindings";

  public static final String VAR_USE = "rsSchoolUse";

  private SchoolResearchProcess() {}

  public static String businessKey(String schoolCode, int academicYearBE, long projectId) {
    return schoolCode + "-" + academicYearBE + "-RESEARCH-" + projectId;
  }
}
