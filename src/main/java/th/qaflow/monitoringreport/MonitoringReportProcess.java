package th.qaflow.monitoringreport;

import java.util.List;

/** Ids and variables of bpmn/MonitoringReport.bpmn, in one place so code and model agree. */
public final class MonitoringReportProcess {
  public static final String PROCESS_ID = "MonitoringReport";

  public static final String START = "StartEvent_ReportStarted";
  public static final String TASK_COLLECT_FINDINGS = "Task_CollectFindings";
  public static final String GATEWAY_DRAFT_REPORT_MERGE = "Gateway_DraftReportMerge";
  public static final String TASK_DRAFT_REPORT = "Task_DraftReport";
  public static final String TASK_APPROVE_REPORT = "Task_ApproveReport";
  public static final String GATEWAY_REPORT_APPROVED = "Gateway_ReportApproved";
  public static final String TASK_REPORT_TO_COMMITTEE = "Task_ReportToCommittee";
  public static final String TASK_PUBLISH_REPORT = "Task_PublishReport";
  public static final String END_REPORT_PUBLISHED = "EndEvent_ReportPublished";

  /** The user tasks in the order of the process. */
  public static final List<String> TASKS =
      List.of(TASK_DRAFT_REPORT, TASK_APPROVE_REPORT, TASK_REPORT_TO_COMMITTEE);

  public static final String VAR_DISTRICT_NAME = "districtName";
  public static final String VAR_STARTED_BY = "startedBy";

  /** The report (form MonitoringReportDraft). */
  public static final String VAR_OVERVIEW = "mrOverview";

  public static final String VAR_STRENGTHS = "mrStrengths";
  public static final String VAR_IMPROVEMENTS = "mrImprovements";
  public static final String VAR_RECOMMENDATIONS = "mrRecommendations";
  public static final String VAR_SCHOOL_RECOMMENDATIONS = "mrSchoolRecommendations";

  /** The texts of the report, in the order the pages and files show them. */
  public static final List<String> TEXTS =
      List.of(
          VAR_OVERVIEW,
          VAR_STRENGTHS,
          VAR_IMPROVEMENTS,
          VAR_RECOMMENDATIONS,
          VAR_SCHOOL_RECOMMENDATIONS);

  /** The supervision director's decision (form MonitoringReportApprove). */
  public static final String VAR_DECISION = "mrDecision";

  public static final String VAR_COMMENTS = "mrComments";
  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_RETURN = "return";

  /** The report to the committee (form MonitoringReportCommittee). */
  public static final String VAR_COMMITTEE_DATE = "mrCommitteeDate";

  public static final String VAR_COMMITTEE_NOTE = "mrCommitteeNote";
  public static final String VAR_SCHOOLS_INFORMED = "mrSchoolsInformed";

  private MonitoringReportProcess() {}

  public static String businessKey(String districtCode, int academicYearBE) {
    return districtCode + "-" + academicYearBE + "-MR";
  }

  public static String publicPath(String districtCode, int academicYearBE) {
    return "/public/districts/" + districtCode + "/monitoring-report/" + academicYearBE;
  }
}
