package th.qaflow.kernel;

/**
 * The process variables every QA Flow process carries (set when it starts) and the modules that
 * read work across processes (tasklist, monitoring, notification, calendar) rely on. A process's
 * own variables stay in its constants class.
 */
public final class ProcessVariables {
  public static final String SCHOOL_CODE = "schoolCode";
  public static final String SCHOOL_NAME = "schoolName";
  public static final String DISTRICT_CODE = "districtCode";
  public static final String CLUSTER_CODE = "clusterCode";

  /** The academic year in the Buddhist Era, an integer. */
  public static final String ACADEMIC_YEAR = "academicYear";

  /**
   * Task-local: the stage code of a user task, copied from its model ({@link
   * TaskModel#PROPERTY_STAGE}).
   */
  public static final String STAGE = "stage";

  private ProcessVariables() {}
}
