package th.qaflow.onesqa.internal;

/**
 * Where a school is in the district's ONESQA year: the column {@code external_school.status} and
 * the message key {@code external.status.<name>}. Only the models set it — each step that moves a
 * school names the new status in its own listener, {@code ${externalStatus.ofSchool(execution,
 * 'SCHEDULED')}} — except {@link #WAITING_CRITERIA}, the row's first status when the year's
 * coordination starts.
 */
public enum SchoolStatus {
  WAITING_CRITERIA,
  CRITERIA_PUBLISHED,
  READINESS_OPEN,
  READINESS_DECLARED,
  READINESS_RETURNED,
  READINESS_CONFIRMED,
  READINESS_LISTED,
  TARGET,
  NOT_TARGET,
  SCHEDULING,
  SCHEDULED,
  OBJECTED,
  PREPARING,
  VISITED,
  DRAFT_RECEIVED,
  COMMENTED,
  RESULT_MET,
  REASSESSMENT,
  REASSESSMENT_PREPARED,
  RESULT_NOT_MET
}
