package th.qaflow.training.internal;

import static th.qaflow.training.TrainingEventProcess.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;
import th.qaflow.training.Trainings;

/**
 * Keeps the training events' rows and drives TrainingEvent. An event's row and its process instance
 * commit together; the organiser's and the director's steps complete the process's tasks, whose
 * listeners ({@link TrainingSteps}) move the event's status, so the task forms and the event page
 * do the same thing.
 */
@Service
class JdbcTrainings implements Trainings {
  private static final String COLUMNS =
      "id, district_code, academic_year, title, topic, starts_at, ends_at, place, online_link,"
          + " target_kind, target_roles, capacity, registration_deadline, evaluation_closes,"
          + " organiser_id, status, director_comment, report, reported_at, process_instance_id,"
          + " created_at";

  private final Clock clock;
  private final OrganisationDirectory directory;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  JdbcTrainings(
      Clock clock,
      OrganisationDirectory directory,
      @Lazy RuntimeService runtime,
      @Lazy TaskService tasks,
      JdbcClient jdbc,
      TransactionTemplate tx) {
    this.clock = clock;
    this.directory = directory;
    this.runtime = runtime;
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public long plan(String organiserId, Plan plan) {
    Person organiser =
        directory
            .person(organiserId)
            .filter(p -> p.districtCode() != null)
            .orElseThrow(() -> new IllegalArgumentException(organiserId + " has no district"));
    Long id =
        tx.execute(
            s -> {
              Instant now = clock.instant();
              int year = AcademicYears.of(LocalDate.ofInstant(plan.startsAt(), AcademicYears.ZONE));
              KeyHolder key = new GeneratedKeyHolder();
              jdbc.sql(
                      """
                      insert into training_event (district_code, academic_year, title, topic,
                        starts_at, ends_at, place, online_link, target_kind, target_roles, capacity,
                        registration_deadline, organiser_id, status, created_at)
                      values (:d, :y, :title, :topic, :starts, :ends, :place, :link, :kind, :roles,
                        :capacity, :deadline, :by, 'APPROVAL', :at)""")
                  .param("d", organiser.districtCode())
                  .param("y", year)
                  .param("title", plan.title())
                  .param("topic", plan.topic())
                  .param("starts", Timestamp.from(plan.startsAt()))
                  .param("ends", Timestamp.from(plan.endsAt()))
                  .param("place", blankToNull(plan.place()))
                  .param("link", blankToNull(plan.onlineLink()))
                  .param("kind", plan.targetKind().name())
                  .param("roles", roles(plan.roles()))
                  .param("capacity", plan.capacity())
                  .param("deadline", Timestamp.from(plan.registrationDeadline()))
                  .param("by", organiserId)
                  .param("at", Timestamp.from(now))
                  .update(key, "id");
              long eid = key.getKeyAs(Number.class).longValue();
              writeTargets(eid, plan);
              Map<String, Object> vars = new LinkedHashMap<>();
              vars.put(VAR_EVENT_ID, eid);
              vars.put(VAR_TITLE, plan.title());
              vars.put(VAR_ORGANISER, organiserId);
              vars.put(ProcessVariables.DISTRICT_CODE, organiser.districtCode());
              vars.put(ProcessVariables.ACADEMIC_YEAR, year);
              String pi =
                  runtime
                      .startProcessInstanceByKey(PROCESS_ID, businessKey(eid), vars)
                      .getProcessInstanceId();
              jdbc.sql("update training_event set process_instance_id = :pi where id = :id")
                  .param("pi", pi)
                  .param("id", eid)
                  .update();
              return eid;
            });
    return id;
  }

  private void writeTargets(long eid, Plan plan) {
    jdbc.sql("delete from training_target where event_id = :e").param("e", eid).update();
    if (plan.targetKind() == TargetKind.ALL) {
      return;
    }
    for (String code : new java.util.LinkedHashSet<>(plan.targets())) {
      jdbc.sql("insert into training_target (event_id, code) values (:e, :c)")
          .param("e", eid)
          .param("c", code)
          .update();
    }
  }

  @Override
  public void revise(long id, String userId, Plan plan) {
    Task task = open(id, TASK_REVISE).orElseThrow(() -> notAt(id, "revision"));
    tx.executeWithoutResult(
        s -> {
          jdbc.sql(
                  """
                  update training_event set title = :title, topic = :topic, starts_at = :starts,
                    ends_at = :ends, place = :place, online_link = :link, target_kind = :kind,
                    target_roles = :roles, capacity = :capacity, registration_deadline = :deadline,
                    academic_year = :y
                  where id = :id""")
              .param("title", plan.title())
              .param("topic", plan.topic())
              .param("starts", Timestamp.from(plan.startsAt()))
              .param("ends", Timestamp.from(plan.endsAt()))
              .param("place", blankToNull(plan.place()))
              .param("link", blankToNull(plan.onlineLink()))
              .param("kind", plan.targetKind().name())
              .param("roles", roles(plan.roles()))
              .param("capacity", plan.capacity())
              .param("deadline", Timestamp.from(plan.registrationDeadline()))
              .param(
                  "y", AcademicYears.of(LocalDate.ofInstant(plan.startsAt(), AcademicYears.ZONE)))
              .param("id", id)
              .update();
          writeTargets(id, plan);
          runtime.setVariable(task.getExecutionId(), VAR_TITLE, plan.title());
          complete(task, userId, Map.of(VAR_REVISION_NOTE, "-"));
        });
  }

  @Override
  public void decide(long id, String userId, boolean approve, String comment) {
    Task task = open(id, TASK_APPROVE).orElseThrow(() -> notAt(id, "approval"));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(VAR_APPROVED, approve ? "yes" : "no");
    vars.put(VAR_DIRECTOR_COMMENT, comment == null ? "" : comment);
    tx.executeWithoutResult(s -> complete(task, userId, vars));
  }

  @Override
  public Optional<Event> event(long id) {
    return jdbc.sql("select " + COLUMNS + " from training_event where id = :id")
        .param("id", id)
        .query((rs, n) -> event(rs))
        .optional();
  }

  @Override
  public List<Event> ofDistrict(String districtCode) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from training_event where district_code = :d order by starts_at desc, id desc")
        .param("d", districtCode)
        .query((rs, n) -> event(rs))
        .list();
  }

  @Override
  public List<Event> openTo(Person person) {
    if (person.schoolCode() == null || person.role() == null) {
      return List.of();
    }
    School school = directory.school(person.schoolCode()).orElse(null);
    if (school == null) {
      return List.of();
    }
    return ofDistrict(school.districtCode()).stream()
        .filter(e -> e.status().published())
        .filter(e -> targets(e, school.code(), person.role()))
        .toList();
  }

  @Override
  public boolean targets(Event event, String schoolCode, Role role) {
    if (role == null || !event.plan().roles().contains(role)) {
      return false;
    }
    School school = directory.school(schoolCode).orElse(null);
    if (school == null || !school.districtCode().equals(event.districtCode())) {
      return false;
    }
    return switch (event.plan().targetKind()) {
      case ALL -> true;
      case CLUSTERS -> event.plan().targets().contains(school.clusterCode());
      case SCHOOLS -> event.plan().targets().contains(school.code());
    };
  }

  @Override
  public List<Person> invitees(Event event) {
    List<Person> people = new ArrayList<>();
    for (School school : directory.schoolsOfDistrict(event.districtCode())) {
      for (Person p : directory.peopleOfSchool(school.code())) {
        if (targets(event, school.code(), p.role())) {
          people.add(p);
        }
      }
    }
    return people;
  }

  @Override
  public List<Registration> registrations(long id) {
    return jdbc.sql(
            """
            select id, event_id, user_id, school_code, role, registered_at, attended
            from training_registration where event_id = :e order by school_code, registered_at, id""")
        .param("e", id)
        .query(JdbcTrainings::registration)
        .list();
  }

  @Override
  public Optional<Registration> registration(long id, String userId) {
    return jdbc.sql(
            """
            select id, event_id, user_id, school_code, role, registered_at, attended
            from training_registration where event_id = :e and user_id = :u""")
        .param("e", id)
        .param("u", userId)
        .query(JdbcTrainings::registration)
        .optional();
  }

  @Override
  public void register(long id, String userId) {
    Event e = event(id).orElseThrow(() -> notAt(id, "registration"));
    Instant now = clock.instant();
    if (e.status() != Status.REGISTRATION || !now.isBefore(e.plan().registrationDeadline())) {
      throw notAt(id, "registration");
    }
    Person p = directory.person(userId).orElseThrow();
    if (p.schoolCode() == null || !targets(e, p.schoolCode(), p.role())) {
      throw new IllegalStateException(userId + " is not invited to training " + id);
    }
    tx.executeWithoutResult(
        s -> {
          // the row lock on the event serialises registrations, so the capacity holds
          jdbc.sql("update training_event set status = status where id = :id")
              .param("id", id)
              .update();
          if (registration(id, userId).isPresent()) {
            return;
          }
          if (registrations(id).size() >= e.plan().capacity()) {
            throw new IllegalStateException("training " + id + " is full");
          }
          jdbc.sql(
                  """
                  insert into training_registration (event_id, user_id, school_code, role,
                    registered_at, attended)
                  values (:e, :u, :s, :r, :at, false)""")
              .param("e", id)
              .param("u", userId)
              .param("s", p.schoolCode())
              .param("r", p.role().name())
              .param("at", Timestamp.from(now))
              .update();
        });
  }

  @Override
  public void cancel(long id, String userId) {
    Event e = event(id).orElseThrow(() -> notAt(id, "registration"));
    if (e.status() != Status.REGISTRATION) {
      throw notAt(id, "registration");
    }
    jdbc.sql("delete from training_registration where event_id = :e and user_id = :u")
        .param("e", id)
        .param("u", userId)
        .update();
  }

  @Override
  public void closeRegistration(long id, String userId) {
    Task task = open(id, TASK_CLOSE_REGISTRATION).orElseThrow(() -> notAt(id, "registration"));
    tx.executeWithoutResult(s -> complete(task, userId, Map.of("trRegistrationClosed", true)));
  }

  @Override
  public void recordAttendance(long id, String userId, Set<Long> attended, boolean finish) {
    Task task = open(id, TASK_RECORD_ATTENDANCE).orElseThrow(() -> notAt(id, "attendance"));
    tx.executeWithoutResult(
        s -> {
          for (Registration r : registrations(id)) {
            jdbc.sql("update training_registration set attended = :a where id = :id")
                .param("a", attended.contains(r.id()))
                .param("id", r.id())
                .update();
          }
          if (finish) {
            complete(task, userId, Map.of("trAttendanceConfirmed", true));
          }
        });
  }

  @Override
  public void addWalkIn(long id, String schoolCode, String fullName) {
    open(id, TASK_RECORD_ATTENDANCE).orElseThrow(() -> notAt(id, "attendance"));
    jdbc.sql("insert into training_walkin (event_id, school_code, full_name) values (:e, :s, :n)")
        .param("e", id)
        .param("s", schoolCode)
        .param("n", fullName)
        .update();
  }

  @Override
  public List<WalkIn> walkIns(long id) {
    return jdbc.sql(
            "select id, event_id, school_code, full_name from training_walkin where event_id = :e"
                + " order by school_code, id")
        .param("e", id)
        .query(
            (rs, n) ->
                new WalkIn(
                    rs.getLong("id"),
                    rs.getLong("event_id"),
                    rs.getString("school_code"),
                    rs.getString("full_name")))
        .list();
  }

  @Override
  public void evaluate(
      long id,
      String userId,
      int content,
      int speaker,
      int usefulness,
      int organisation,
      String comment) {
    Event e = event(id).orElseThrow(() -> notAt(id, "evaluation"));
    if (e.status() != Status.EVALUATION) {
      throw notAt(id, "evaluation");
    }
    if (registration(id, userId).filter(Registration::attended).isEmpty()) {
      throw new IllegalStateException(userId + " did not attend training " + id);
    }
    for (int v : new int[] {content, speaker, usefulness, organisation}) {
      if (v < 1 || v > 5) {
        throw new IllegalArgumentException("rating " + v);
      }
    }
    if (evaluations(id).stream().anyMatch(ev -> ev.userId().equals(userId))) {
      throw new IllegalStateException(userId + " evaluated training " + id);
    }
    jdbc.sql(
            """
            insert into training_evaluation (event_id, user_id, content, speaker, usefulness,
              organisation, comment, submitted_at)
            values (:e, :u, :c, :s, :us, :o, :cm, :at)""")
        .param("e", id)
        .param("u", userId)
        .param("c", content)
        .param("s", speaker)
        .param("us", usefulness)
        .param("o", organisation)
        .param("cm", blankToNull(comment))
        .param("at", Timestamp.from(clock.instant()))
        .update();
  }

  @Override
  public List<Evaluation> evaluations(long id) {
    return jdbc.sql(
            """
            select event_id, user_id, content, speaker, usefulness, organisation, comment,
              submitted_at
            from training_evaluation where event_id = :e order by submitted_at, user_id""")
        .param("e", id)
        .query(
            (rs, n) ->
                new Evaluation(
                    rs.getLong("event_id"),
                    rs.getString("user_id"),
                    rs.getInt("content"),
                    rs.getInt("speaker"),
                    rs.getInt("usefulness"),
                    rs.getInt("organisation"),
                    rs.getString("comment"),
                    rs.getTimestamp("submitted_at").toInstant()))
        .list();
  }

  @Override
  public void closeEvaluation(long id, String userId) {
    Task task = open(id, TASK_CLOSE_EVALUATION).orElseThrow(() -> notAt(id, "evaluation"));
    tx.executeWithoutResult(s -> complete(task, userId, Map.of("trEvaluationClosed", true)));
  }

  @Override
  public void report(long id, String userId, String text) {
    Task task = open(id, TASK_WRITE_REPORT).orElseThrow(() -> notAt(id, "report"));
    tx.executeWithoutResult(s -> complete(task, userId, Map.of(VAR_REPORT, text)));
  }

  @Override
  public Summary summary(long id) {
    List<Evaluation> all = evaluations(id);
    int attendees = (int) registrations(id).stream().filter(Registration::attended).count();
    List<Double> means = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < ITEMS.size(); i++) {
      final int item = i;
      double mean = all.stream().mapToInt(e -> rating(e, item)).average().orElse(0);
      mean = Math.round(mean * 100) / 100.0;
      means.add(mean);
      total += mean;
    }
    double overall = all.isEmpty() ? 0 : Math.round(total / ITEMS.size() * 100) / 100.0;
    List<String> comments =
        all.stream().map(Evaluation::comment).filter(c -> c != null && !c.isBlank()).toList();
    return new Summary(all.size(), attendees, means, overall, comments);
  }

  static int rating(Evaluation e, int item) {
    return switch (item) {
      case 0 -> e.content();
      case 1 -> e.speaker();
      case 2 -> e.usefulness();
      default -> e.organisation();
    };
  }

  @Override
  public List<SchoolAttendance> attendance(long id) {
    Map<String, int[]> bySchool = new TreeMap<>();
    for (Registration r : registrations(id)) {
      if (!r.attended()) {
        continue;
      }
      int[] c = bySchool.computeIfAbsent(r.schoolCode(), k -> new int[4]);
      switch (r.role()) {
        case SCHOOL_QA -> c[0]++;
        case SCHOOL_DIRECTOR -> c[1]++;
        default -> c[2]++;
      }
    }
    for (WalkIn w : walkIns(id)) {
      bySchool.computeIfAbsent(w.schoolCode(), k -> new int[4])[3]++;
    }
    List<SchoolAttendance> rows = new ArrayList<>();
    bySchool.forEach(
        (code, c) ->
            rows.add(
                new SchoolAttendance(
                    code,
                    directory.school(code).map(School::nameTh).orElse(code),
                    c[0],
                    c[1],
                    c[2],
                    c[3])));
    return rows;
  }

  @Override
  public List<Attended> historyOfSchool(String schoolCode) {
    Map<Long, Integer> people = new LinkedHashMap<>();
    jdbc.sql(
            """
            select event_id, count(*) as n from (
              select event_id from training_registration where school_code = :s and attended = true
              union all
              select event_id from training_walkin where school_code = :s) a
            group by event_id""")
        .param("s", schoolCode)
        .query(
            (rs, n) -> {
              people.put(rs.getLong("event_id"), rs.getInt("n"));
              return null;
            })
        .list();
    List<Attended> result = new ArrayList<>();
    for (Map.Entry<Long, Integer> e : people.entrySet()) {
      event(e.getKey()).ifPresent(ev -> result.add(new Attended(ev, e.getValue())));
    }
    result.sort(Comparator.comparing((Attended a) -> a.event().startsAt()).reversed());
    return result;
  }

  /** The approved events the person registered for. */
  List<Event> registeredEvents(String userId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from training_event where id in"
                + " (select event_id from training_registration where user_id = :u)"
                + " order by starts_at")
        .param("u", userId)
        .query((rs, n) -> event(rs))
        .list();
  }

  // --- the process's tasks

  Optional<Task> open(long id, String taskKey) {
    return event(id)
        .filter(e -> e.processInstanceId() != null)
        .flatMap(
            e ->
                tasks
                    .createTaskQuery()
                    .processInstanceId(e.processInstanceId())
                    .taskDefinitionKey(taskKey)
                    .active()
                    .list()
                    .stream()
                    .findFirst());
  }

  private void complete(Task task, String userId, Map<String, Object> vars) {
    if (task.getAssignee() == null) {
      tasks.claim(task.getId(), userId);
    } else if (!task.getAssignee().equals(userId)) {
      tasks.setAssignee(task.getId(), userId);
    }
    tasks.complete(task.getId(), vars);
  }

  private static IllegalStateException notAt(long id, String step) {
    return new IllegalStateException("training " + id + " is not at its " + step);
  }

  // --- written by the process's listeners (TrainingSteps), inside the engine's transaction

  void status(long id, Status status) {
    jdbc.sql("update training_event set status = :s where id = :id")
        .param("s", status.name())
        .param("id", id)
        .update();
  }

  void directorComment(long id, String comment) {
    jdbc.sql("update training_event set director_comment = :c where id = :id")
        .param("c", blankToNull(comment))
        .param("id", id)
        .update();
  }

  void evaluationCloses(long id, Instant closes) {
    jdbc.sql("update training_event set evaluation_closes = :c where id = :id")
        .param("c", Timestamp.from(closes))
        .param("id", id)
        .update();
  }

  void reportWritten(long id, String text, Instant at) {
    jdbc.sql("update training_event set report = :r, reported_at = :at where id = :id")
        .param("r", text)
        .param("at", Timestamp.from(at))
        .param("id", id)
        .update();
  }

  /** Attendees without an evaluation. */
  List<String> notEvaluated(long id) {
    Set<String> done = new HashSet<>();
    evaluations(id).forEach(e -> done.add(e.userId()));
    return registrations(id).stream()
        .filter(Registration::attended)
        .map(Registration::userId)
        .filter(u -> !done.contains(u))
        .toList();
  }

  // --- rows

  private Event event(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    List<String> targets =
        jdbc.sql("select code from training_target where event_id = :e order by code")
            .param("e", id)
            .query(String.class)
            .list();
    List<Role> roles =
        Arrays.stream(rs.getString("target_roles").split(","))
            .filter(s -> !s.isBlank())
            .map(Role::valueOf)
            .toList();
    Plan plan =
        new Plan(
            rs.getString("title"),
            rs.getString("topic"),
            rs.getTimestamp("starts_at").toInstant(),
            rs.getTimestamp("ends_at").toInstant(),
            rs.getString("place"),
            rs.getString("online_link"),
            TargetKind.valueOf(rs.getString("target_kind")),
            targets,
            roles,
            rs.getInt("capacity"),
            rs.getTimestamp("registration_deadline").toInstant());
    return new Event(
        id,
        rs.getString("district_code"),
        rs.getInt("academic_year"),
        plan,
        instant(rs.getTimestamp("evaluation_closes")),
        rs.getString("organiser_id"),
        Status.valueOf(rs.getString("status")),
        rs.getString("director_comment"),
        rs.getString("report"),
        instant(rs.getTimestamp("reported_at")),
        rs.getString("process_instance_id"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static Registration registration(ResultSet rs, int n) throws SQLException {
    return new Registration(
        rs.getLong("id"),
        rs.getLong("event_id"),
        rs.getString("user_id"),
        rs.getString("school_code"),
        Role.valueOf(rs.getString("role")),
        rs.getTimestamp("registered_at").toInstant(),
        rs.getBoolean("attended"));
  }

  private static String roles(List<Role> roles) {
    return String.join(",", roles.stream().map(Role::name).toList());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
