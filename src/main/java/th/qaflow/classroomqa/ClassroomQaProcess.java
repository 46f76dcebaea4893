package th.qaflow.classroomqa;

/** Ids and variables of bpmn/ClassroomQaPilot.bpmn, in one place so code and model agree. */
public final class ClassroomQaProcess {
  public static final String PROCESS_ID = "ClassroomQaPilot";

  public static final String START = "StartEvent_PilotStarted";
  public static final String TASK_CHOOSE = "Task_ChoosePilotSchool";
  public static final String TASK_PROMOTE_PLC = "Task_PromotePlc";
  public static final String TASK_PLAN_LESSON = "Task_PlanLesson";
  public static final String TASK_TEACH_OBSERVE = "Task_TeachAndObserve";
  public static final String TASK_REFLECT = "Task_Reflect";
  public static final String TASK_REVISE = "Task_ReviseLesson";
  public static final String GATEWAY_ANOTHER_CYCLE = "Gateway_AnotherCycle";
  public static final String TASK_SUPERVISE = "Task_SuperviseNetwork";
  public static final String TASK_ASSESS_READINESS = "Task_AssessReadiness";
  public static final String GATEWAY_READY = "Gateway_Ready";
  public static final String TASK_IMPROVE = "Task_ImproveReadiness";
  public static final String TASK_ANNOUNCE = "Task_AnnounceModelSchool";
  public static final String TASK_SPREAD = "Task_SpreadResults";
  public static final String END_SPREAD = "EndEvent_ResultsSpread";

  public static final String VAR_DISTRICT_NAME = "districtName";
  public static final String VAR_STARTED_BY = "startedBy";

  /** The district's schools as select options ({@code value}, {@code label}). */
  public static final String VAR_SCHOOL_OPTIONS = "cqSchoolOptions";

  /** Choose (form ClassroomQaChoose). */
  public static final String VAR_PILOT_SCHOOL = "cqPilotSchool";

  public static final String VAR_NETWORK_SCHOOLS = "cqNetworkSchools";
  public static final String VAR_CHOICE_REASON = "cqChoiceReason";

  /** PLC and Lesson Study promoted (form ClassroomQaPromotePlc). */
  public static final String VAR_STUDY = "cqStudy";

  public static final String VAR_PLC = "cqPlc";
  public static final String VAR_CO5 = "cqCo5";

  /** The cycle being run, from 1. */
  public static final String VAR_CYCLE_NO = "cqCycleNo";

  /** Plan the lesson (form ClassroomQaPlanLesson). */
  public static final String VAR_LESSON = "cqLesson";

  public static final String VAR_LESSON_DATE = "cqLessonDate";
  public static final String VAR_TEAM = "cqTeam";
  public static final String VAR_LESSON_PLAN = "cqLessonPlan";

  /** Teach and observe (form ClassroomQaObserve). */
  public static final String VAR_OBSERVERS = "cqObservers";

  public static final String VAR_OBSERVATIONS = "cqObservations";

  /** Reflect (form ClassroomQaReflect). */
  public static final String VAR_REFLECTION = "cqReflection";

  /** Revise (form ClassroomQaRevise): what is revised, and {@code yes} for another cycle. */
  public static final String VAR_REVISION = "cqRevision";

  public static final String VAR_ANOTHER_CYCLE = "cqAnotherCycle";
  public static final String YES = "yes";

  /** Supervise (form ClassroomQaSupervise). */
  public static final String VAR_SUPERVISION = "cqSupervision";

  /** Readiness (form ClassroomQaReadiness): {@code ready} or {@code notReady}. */
  public static final String VAR_IQA_TEAM = "cqIqaTeam";

  public static final String VAR_ASSESSED_ON = "cqAssessedOn";
  public static final String VAR_READINESS = "cqReadiness";
  public static final String VAR_READINESS_NOTES = "cqReadinessNotes";
  public static final String READY = "ready";
  public static final String NOT_READY = "notReady";

  /** Improve (form ClassroomQaImprove). */
  public static final String VAR_IMPROVEMENT = "cqImprovement";

  /** Announce (form ClassroomQaAnnounce). */
  public static final String VAR_ANNOUNCEMENT_NO = "cqAnnouncementNo";

  public static final String VAR_ANNOUNCED_ON = "cqAnnouncedOn";

  /** Spread (form ClassroomQaSpread). */
  public static final String VAR_SHARING_ON = "cqSharingOn";

  public static final String VAR_SHARING = "cqSharing";

  private ClassroomQaProcess() {}

  public static String businessKey(String districtCode, int academicYearBE) {
    return districtCode + "-" + academicYearBE + "-CLASSROOMQA";
  }
}
