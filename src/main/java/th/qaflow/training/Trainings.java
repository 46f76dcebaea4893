package th.qaflow.training;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;

/**
 * The district's training events, their registrations, attendance, evaluations and report. Who may
 * do what is decided by the caller (the controller or the demo); the store keeps the rows and
 * drives the TrainingEvent process. State-changing calls refuse (IllegalStateException) an event
 * that is not at the matching step.
 */
public interface Trainings {
  /** The school roles an event may target. */
  List<Role> TARGET_ROLES = List.of(Role.SCHOOL_QA, Role.SCHOOL_DIRECTOR, Role.SCHOOL_BOARD);

  /** The evaluation's items, each rated 1–5. */
  List<String> ITEMS = List.of("content", "speaker", "usefulness", "organisation");

  enum TargetKind {
    ALL,
    CLUSTERS,
    SCHOOLS
  }

  enum Status {
    APPROVAL,
    REVISION,
    REGISTRATION,
    ATTENDANCE,
    EVALUATION,
    REPORT,
    CLOSED;

    /** Whether the targeted people see the event (it was approved). */
    public boolean published() {
      return this != APPROVAL && this != REVISION;
    }
  }

  /**
   * What the organiser plans.
   *
   * @param targets the cluster codes (CLUSTERS) or school codes (SCHOOLS); empty for ALL
   * @param registrationDeadline when registration closes
   */
  record Plan(
      String title,
      String topic,
      Instant startsAt,
      Instant endsAt,
      String place,
      String onlineLink,
      TargetKind targetKind,
      List<String> targets,
      List<Role> roles,
      int capacity,
      Instant registrationDeadline) {
    public Plan {
      targets = List.copyOf(targets);
      roles = List.copyOf(roles);
    }
  }

  record Event(
      long id,
      String districtCode,
      int academicYear,
      Plan plan,
      Instant evaluationCloses,
      String organiserId,
      Status status,
      String directorComment,
      String report,
      Instant reportedAt,
      String processInstanceId,
      Instant createdAt) {
    public String title() {
      return plan.title();
    }

    public Instant startsAt() {
      return plan.startsAt();
    }
  }

  record Registration(
      long id,
      long eventId,
      String userId,
      String schoolCode,
      Role role,
      Instant registeredAt,
      boolean attended) {}

  record WalkIn(long id, long eventId, String schoolCode, String fullName) {}

  record Evaluation(
      long eventId,
      String userId,
      int content,
      int speaker,
      int usefulness,
      int organisation,
      String comment,
      Instant submittedAt) {}

  /**
   * The evaluation summary: how many answered and the mean of each item ({@link #ITEMS}, in order)
   * and of all items, 0 when nobody answered.
   */
  record Summary(
      int answers, int attendees, List<Double> means, double overall, List<String> comments) {}

  /** Attendance of one school: registered attendees by role, walk-ins, and the total. */
  record SchoolAttendance(
      String schoolCode, String schoolName, int qa, int directors, int board, int walkIns) {
    public int total() {
      return qa + directors + board + walkIns;
    }
  }

  /** An event some people of a school attended, and how many of them. */
  record Attended(Event event, int people) {}

  /** Plans an event of the organiser's district and starts its TrainingEvent; returns its id. */
  long plan(String organiserId, Plan plan);

  /** The returned event's new plan, submitted again for approval. */
  void revise(long id, String userId, Plan plan);

  /** The supervision director's decision; a comment says what to change when not approved. */
  void decide(long id, String userId, boolean approve, String comment);

  Optional<Event> event(long id);

  /** The district's events, the next ones first. */
  List<Event> ofDistrict(String districtCode);

  /** The approved events that target the person's school and role, the next ones first. */
  List<Event> openTo(Person person);

  /** Whether the event targets the school and the role. */
  boolean targets(Event event, String schoolCode, Role role);

  /** Everyone the event targets (the targeted roles of the targeted schools). */
  List<Person> invitees(Event event);

  List<Registration> registrations(long id);

  Optional<Registration> registration(long id, String userId);

  /** Registers the person while registration is open and seats are left. */
  void register(long id, String userId);

  void cancel(long id, String userId);

  /** The organiser closes registration before its deadline. */
  void closeRegistration(long id, String userId);

  /** Ticks who came (registration ids); {@code finish} confirms and opens the evaluation. */
  void recordAttendance(long id, String userId, Set<Long> attended, boolean finish);

  void addWalkIn(long id, String schoolCode, String fullName);

  List<WalkIn> walkIns(long id);

  /** An attendee's evaluation (each item 1–5), while the evaluation is open; once per person. */
  void evaluate(
      long id,
      String userId,
      int content,
      int speaker,
      int usefulness,
      int organisation,
      String comment);

  List<Evaluation> evaluations(long id);

  /** The organiser closes the evaluation before its date. */
  void closeEvaluation(long id, String userId);

  /** The organiser's report: closes the event. */
  void report(long id, String userId, String text);

  Summary summary(long id);

  /** Attendance by school (the schools with someone attending), by school code. */
  List<SchoolAttendance> attendance(long id);

  /** The events people of the school attended, the latest first. */
  List<Attended> historyOfSchool(String schoolCode);
}
