package th.qaflow.helpdesk.internal;

import static th.qaflow.helpdesk.SchoolQuestionProcess.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.helpdesk.Helpdesk;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.HelpdeskQuestionAsked;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.School;

/**
 * Keeps the help desk's rows and drives SchoolQuestion. A question's row and its process instance
 * commit together; answers and replies complete the process's tasks, whose listeners ({@link
 * HelpdeskSteps}) write the thread, so the task form and the thread page do the same thing.
 */
@Service
class JdbcHelpdesk implements Helpdesk {
  private static final String FAQ_COLUMNS =
      "select id, district_code, question_id, topic, title, answer, created_by, created_at,"
          + " updated_by, updated_at";

  private static final String COLUMNS =
      "id, district_code, school_code, cluster_code, topic, title, body, asked_by, asked_at,"
          + " status, process_instance_id, answered_at, closed_at";

  private final Clock clock;
  private final OrganisationDirectory directory;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;

  JdbcHelpdesk(
      Clock clock,
      OrganisationDirectory directory,
      @Lazy RuntimeService runtime,
      @Lazy TaskService tasks,
      JdbcClient jdbc,
      TransactionTemplate tx,
      ApplicationEventPublisher events) {
    this.clock = clock;
    this.directory = directory;
    this.runtime = runtime;
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.tx = tx;
    this.events = events;
  }

  @Override
  public long ask(String askerId, Topic topic, String title, String body) {
    Person asker =
        directory
            .person(askerId)
            .orElseThrow(() -> new IllegalArgumentException("Unknown person " + askerId));
    School school =
        directory
            .school(asker.schoolCode() == null ? "" : asker.schoolCode())
            .orElseThrow(() -> new IllegalArgumentException(askerId + " has no school"));
    Long id =
        tx.execute(
            s -> {
              Instant now = clock.instant();
              KeyHolder key = new GeneratedKeyHolder();
              jdbc.sql(
                      """
                      insert into helpdesk_question (district_code, school_code, cluster_code,
                        topic, title, body, asked_by, asked_at, status)
                      values (:d, :s, :c, :topic, :title, :body, :by, :at, 'OPEN')""")
                  .param("d", school.districtCode())
                  .param("s", school.code())
                  .param("c", school.clusterCode())
                  .param("topic", topic.name())
                  .param("title", title)
                  .param("body", body)
                  .param("by", askerId)
                  .param("at", Timestamp.from(now))
                  .update(key, "id");
              long qid = key.getKeyAs(Number.class).longValue();
              Map<String, Object> vars = new LinkedHashMap<>();
              vars.put(VAR_QUESTION_ID, qid);
              vars.put(VAR_QUESTION_TITLE, title);
              vars.put(VAR_QUESTION_TEXT, title + "\n\n" + body);
              vars.put(VAR_ASKED_BY, askerId);
              vars.put(VAR_ROUND, 1);
              vars.put(ProcessVariables.SCHOOL_CODE, school.code());
              vars.put(ProcessVariables.SCHOOL_NAME, school.nameTh());
              vars.put(ProcessVariables.DISTRICT_CODE, school.districtCode());
              vars.put(ProcessVariables.CLUSTER_CODE, school.clusterCode());
              vars.put(
                  ProcessVariables.ACADEMIC_YEAR,
                  AcademicYears.of(LocalDate.ofInstant(now, AcademicYears.ZONE)));
              String pi =
                  runtime
                      .startProcessInstanceByKey(PROCESS_ID, businessKey(qid), vars)
                      .getProcessInstanceId();
              jdbc.sql("update helpdesk_question set process_instance_id = :pi where id = :id")
                  .param("pi", pi)
                  .param("id", qid)
                  .update();
              tellSupervisors(qid, 1, school, title, body, now);
              return qid;
            });
    return id;
  }

  void tellSupervisors(long qid, int round, School school, String title, String text, Instant at) {
    events.publishEvent(
        new HelpdeskQuestionAsked(
            qid,
            round,
            school.nameTh(),
            title,
            text,
            directory.supervisorsOfCluster(school.clusterCode()).stream()
                .map(Person::userId)
                .toList(),
            "/helpdesk/questions/" + qid,
            at));
  }

  @Override
  public Optional<Question> question(long id) {
    return jdbc.sql("select " + COLUMNS + " from helpdesk_question where id = :id")
        .param("id", id)
        .query(JdbcHelpdesk::question)
        .optional();
  }

  @Override
  public List<Post> thread(long questionId) {
    return jdbc.sql(
            """
            select id, question_id, kind, body, author_id, author_name, posted_at
            from helpdesk_post where question_id = :q order by posted_at, id""")
        .param("q", questionId)
        .query(
            (rs, n) ->
                new Post(
                    rs.getLong("id"),
                    rs.getLong("question_id"),
                    rs.getString("kind"),
                    rs.getString("body"),
                    rs.getString("author_id"),
                    rs.getString("author_name"),
                    rs.getTimestamp("posted_at").toInstant()))
        .list();
  }

  @Override
  public List<Question> ofSchool(String schoolCode) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from helpdesk_question where school_code = :s order by asked_at desc, id desc")
        .param("s", schoolCode)
        .query(JdbcHelpdesk::question)
        .list();
  }

  @Override
  public List<Question> ofDistrict(String districtCode) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from helpdesk_question where district_code = :d"
                + " order by asked_at desc, id desc")
        .param("d", districtCode)
        .query(JdbcHelpdesk::question)
        .list();
  }

  private Optional<Task> open(long questionId, String taskKey) {
    return question(questionId)
        .filter(q -> q.processInstanceId() != null)
        .flatMap(
            q ->
                tasks
                    .createTaskQuery()
                    .processInstanceId(q.processInstanceId())
                    .taskDefinitionKey(taskKey)
                    .active()
                    .list()
                    .stream()
                    .findFirst());
  }

  @Override
  public List<String> answerCandidates(long questionId) {
    return open(questionId, TASK_ANSWER)
        .map(
            t ->
                tasks.getIdentityLinksForTask(t.getId()).stream()
                    .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                    .map(IdentityLink::getGroupId)
                    .filter(g -> g != null)
                    .toList())
        .orElse(List.of());
  }

  @Override
  public boolean waitsForReplyOf(long questionId, String userId) {
    return open(questionId, TASK_CONFIRM)
        .map(t -> userId != null && userId.equals(t.getAssignee()))
        .orElse(false);
  }

  @Override
  public void answer(long questionId, String userId, String text) {
    Task task =
        open(questionId, TASK_ANSWER)
            .orElseThrow(() -> new IllegalStateException("question " + questionId + " answered"));
    tx.executeWithoutResult(
        s -> {
          if (task.getAssignee() == null) {
            tasks.claim(task.getId(), userId);
          } else if (!task.getAssignee().equals(userId)) {
            tasks.setAssignee(task.getId(), userId);
          }
          tasks.complete(task.getId(), Map.of(VAR_ANSWER, text));
        });
  }

  @Override
  public void reply(long questionId, String userId, boolean solved, String followUp) {
    Task task =
        open(questionId, TASK_CONFIRM)
            .filter(t -> userId.equals(t.getAssignee()))
            .orElseThrow(() -> new IllegalStateException("no reply awaited from " + userId));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(VAR_SOLVED, solved ? SOLVED : NOT_SOLVED);
    vars.put(VAR_FOLLOW_UP, followUp == null ? "" : followUp);
    tasks.complete(task.getId(), vars);
  }

  @Override
  public long toFaq(long questionId, String userId, String title, String answer) {
    Question q =
        question(questionId)
            .orElseThrow(() -> new IllegalArgumentException("no question " + questionId));
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into helpdesk_faq (district_code, question_id, topic, title, answer,
              created_by, created_at)
            values (:d, :q, :topic, :title, :answer, :by, :at)""")
        .param("d", q.districtCode())
        .param("q", q.id())
        .param("topic", q.topic().name())
        .param("title", title)
        .param("answer", answer)
        .param("by", userId)
        .param("at", Timestamp.from(clock.instant()))
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  @Override
  public List<Faq> faq(String districtCode, String search) {
    String like =
        search == null || search.isBlank()
            ? null
            : "%"
                + search
                    .trim()
                    .toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_")
                + "%";
    String sql =
        FAQ_COLUMNS
            + " from helpdesk_faq where district_code = :d"
            + (like == null
                ? ""
                : " and (lower(title) like :q escape '\\' or lower(answer) like :q escape '\\')")
            + " order by created_at desc, id desc";
    var spec = jdbc.sql(sql).param("d", districtCode);
    if (like != null) {
      spec = spec.param("q", like);
    }
    return spec.query(JdbcHelpdesk::faq).list();
  }

  @Override
  public Optional<Faq> faqOf(long questionId) {
    return jdbc
        .sql(FAQ_COLUMNS + " from helpdesk_faq where question_id = :q order by id")
        .param("q", questionId)
        .query(JdbcHelpdesk::faq)
        .list()
        .stream()
        .findFirst();
  }

  @Override
  public void attach(long questionId, String versionId, String filename, String userId) {
    jdbc.sql(
            """
            insert into helpdesk_attachment (question_id, version_id, filename, attached_by,
              attached_at) values (:q, :v, :f, :by, :at)""")
        .param("q", questionId)
        .param("v", versionId)
        .param("f", filename)
        .param("by", userId)
        .param("at", Timestamp.from(clock.instant()))
        .update();
  }

  @Override
  public List<Attachment> attachments(long questionId) {
    return jdbc.sql(
            """
            select id, question_id, version_id, filename, attached_by, attached_at
            from helpdesk_attachment where question_id = :q order by attached_at, id""")
        .param("q", questionId)
        .query(
            (rs, n) ->
                new Attachment(
                    rs.getLong("id"),
                    rs.getLong("question_id"),
                    rs.getString("version_id"),
                    rs.getString("filename"),
                    rs.getString("attached_by"),
                    rs.getTimestamp("attached_at").toInstant()))
        .list();
  }

  @Override
  public Optional<Faq> faqEntry(long id) {
    return jdbc.sql(FAQ_COLUMNS + " from helpdesk_faq where id = :id")
        .param("id", id)
        .query(JdbcHelpdesk::faq)
        .optional();
  }

  @Override
  public void editFaq(long id, String userId, Topic topic, String title, String answer) {
    jdbc.sql(
            """
            update helpdesk_faq set topic = :topic, title = :title, answer = :answer,
              updated_by = :by, updated_at = :at where id = :id""")
        .param("topic", topic.name())
        .param("title", title)
        .param("answer", answer)
        .param("by", userId)
        .param("at", Timestamp.from(clock.instant()))
        .param("id", id)
        .update();
  }

  @Override
  public void removeFaq(long id) {
    jdbc.sql("delete from helpdesk_faq where id = :id").param("id", id).update();
  }

  // --- written by the process's listeners (HelpdeskSteps), inside the engine's transaction

  void post(long questionId, String kind, String body, String authorId, Instant at) {
    String name = directory.person(authorId).map(Person::displayName).orElse(authorId);
    jdbc.sql(
            """
            insert into helpdesk_post (question_id, kind, body, author_id, author_name, posted_at)
            values (:q, :kind, :body, :by, :name, :at)""")
        .param("q", questionId)
        .param("kind", kind)
        .param("body", body)
        .param("by", authorId)
        .param("name", name)
        .param("at", Timestamp.from(at))
        .update();
  }

  void status(long questionId, Status status, Instant at) {
    String column =
        switch (status) {
          case ANSWERED -> ", answered_at = :at";
          case CLOSED -> ", closed_at = :at";
          case OPEN -> "";
        };
    var spec =
        jdbc.sql("update helpdesk_question set status = :st" + column + " where id = :id")
            .param("st", status.name())
            .param("id", questionId);
    if (!column.isEmpty()) {
      spec = spec.param("at", Timestamp.from(at));
    }
    spec.update();
  }

  private static Question question(ResultSet rs, int n) throws SQLException {
    return new Question(
        rs.getLong("id"),
        rs.getString("district_code"),
        rs.getString("school_code"),
        rs.getString("cluster_code"),
        Topic.valueOf(rs.getString("topic")),
        rs.getString("title"),
        rs.getString("body"),
        rs.getString("asked_by"),
        rs.getTimestamp("asked_at").toInstant(),
        Status.valueOf(rs.getString("status")),
        rs.getString("process_instance_id"),
        instant(rs.getTimestamp("answered_at")),
        instant(rs.getTimestamp("closed_at")));
  }

  private static Faq faq(ResultSet rs, int n) throws SQLException {
    long q = rs.getLong("question_id");
    return new Faq(
        rs.getLong("id"),
        rs.getString("district_code"),
        rs.wasNull() ? null : q,
        Topic.valueOf(rs.getString("topic")),
        rs.getString("title"),
        rs.getString("answer"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("updated_by"),
        instant(rs.getTimestamp("updated_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
