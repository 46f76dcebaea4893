package th.qaflow.tasklist.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.documents.DocumentReference;
import th.qaflow.documents.DocumentSlot;
import th.qaflow.documents.DocumentVersion;
import th.qaflow.documents.Documents;
import th.qaflow.forms.FieldError;
import th.qaflow.forms.FormCatalog;
import th.qaflow.forms.FormConditions;
import th.qaflow.forms.FormContext;
import th.qaflow.forms.FormResult;
import th.qaflow.forms.FormSchema;
import th.qaflow.forms.FormSchemaParser;
import th.qaflow.forms.FormSubmission;
import th.qaflow.forms.FormValidator;
import th.qaflow.forms.FormValues;
import th.qaflow.forms.UploadedFile;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.TaskVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.BulkClaim;
import th.qaflow.tasklist.Completion;
import th.qaflow.tasklist.TaskCompletionCheck;
import th.qaflow.tasklist.TaskConflictException;
import th.qaflow.tasklist.TaskFilter;
import th.qaflow.tasklist.TaskListPage;
import th.qaflow.tasklist.TaskPage;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;
import th.qaflow.tasklist.TaskRow;
import th.qaflow.tasklist.TaskWork;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;

@Service
class EngineTaskWork implements TaskWork {
  private final Clock clock;
  static final int MAX_COMMENT_LENGTH = 2000;
  private static final List<String> CONTEXT_VARIABLES =
      List.of(
          ProcessVariables.SCHOOL_CODE, ProcessVariables.SCHOOL_NAME,
          ProcessVariables.ACADEMIC_YEAR, ProcessVariables.STAGE);

  private final TaskService tasks;
  private final FormService forms;
  private final TaskAccess access;
  private final FormCatalog formCatalog;
  private final FormValidator validator;
  private final OrganisationDirectory directory;
  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final IdentityService identity;
  private final FormConditions conditions;
  private final Documents documents;
  private final RepositoryService repository;
  private final List<TaskPanelProvider> panelProviders;
  private final List<TaskCompletionCheck> completionChecks;
  private final RuntimeService runtime;
  private final TaskVariables variables;
  private final TaskListQuery listQuery;

  /**
   * Each action's own transaction, so that a race lost at any point, the commit included, is
   * answered here.
   */
  private final TransactionTemplate writing;

  private final TransactionTemplate reading;

  EngineTaskWork(
      TaskService tasks,
      FormService forms,
      TaskAccess access,
      FormCatalog formCatalog,
      FormValidator validator,
      FormConditions conditions,
      OrganisationDirectory directory,
      JdbcClient jdbc,
      ObjectMapper json,
      IdentityService identity,
      Documents documents,
      RepositoryService repository,
      List<TaskPanelProvider> panelProviders,
      List<TaskCompletionCheck> completionChecks,
      RuntimeService runtime,
      TaskVariables variables,
      TaskListQuery listQuery,
      PlatformTransactionManager transactions,
      Clock clock) {

    this.clock = clock;
    this.runtime = runtime;
    this.variables = variables;
    this.listQuery = listQuery;
    this.writing = new TransactionTemplate(transactions);
    this.reading = new TransactionTemplate(transactions);
    this.reading.setReadOnly(true);
    this.repository = repository;
    this.panelProviders = panelProviders;
    this.completionChecks = completionChecks;
    this.conditions = conditions;
    this.documents = documents;
    this.tasks = tasks;
    this.forms = forms;
    this.access = access;
    this.formCatalog = formCatalog;
    this.validator = validator;
    this.directory = directory;
    this.jdbc = jdbc;
    this.json = json;
    this.identity = identity;
  }

  @Override
  @Transactional(readOnly = true)
  public TaskListPage list(QaUser user, TaskFilter filter) {
    java.util.Locale locale = LocaleContextHolder.getLocale();
    TaskCounts.Counts counts = listQuery.counts(user, filter, locale);
    long total = counts.views().get(filter.view());
    // a page past the end (a bookmark of a list that shrank) shows the last page
    TaskFilter shown = filter;
    int last = (int) Math.max(1, (total + filter.size() - 1) / filter.size());
    if (filter.page() > last) {
      shown = filter.withPage(last);
    }
    List<Task> found = listQuery.page(user, shown, total, counts.dated(), locale);
    return new TaskListPage(shown, rowsOf(found), total, counts.views(), counts.dues());
  }

  @Override
  @Transactional(readOnly = true)
  public List<TaskRow> myTasks(QaUser user) {
    return rows(tasks.createTaskQuery().taskAssignee(user.userId()));
  }

  @Override
  @Transactional(readOnly = true)
  public List<TaskRow> groupTasks(QaUser user) {
    if (user.groups().isEmpty() || user.isReadOnly()) {
      return List.of();
    }
    return rows(
            tasks
                .createTaskQuery()
                .taskCandidateGroupIn(List.copyOf(user.groups()))
                .includeAssignedTasks())
        .stream()
        .filter(t -> !user.userId().equals(t.assignee()))
        .toList();
  }

  private List<TaskRow> rows(TaskQuery query) {
    List<Task> found =
        query.active().orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, 500);
    List<TaskRow> rows = new ArrayList<>(rowsOf(found));
    // tasks without a due date go last (the engine sorts nulls first on some databases)
    rows.sort(Comparator.comparing(TaskRow::due, Comparator.nullsLast(Comparator.naturalOrder())));
    return rows;
  }

  /** The rows of found tasks: their variables in one query, not the engine's several per task. */
  private List<TaskRow> rowsOf(List<Task> found) {
    Map<String, Map<String, Object>> values = variables.of(found, CONTEXT_VARIABLES);
    Map<String, String> names = new HashMap<>();
    List<TaskRow> rows = new ArrayList<>(found.size());
    for (Task t : found) {
      rows.add(row(t, values.get(t.getId()), names));
    }
    return rows;
  }

  /** The row of a task whose variables (at least {@link #CONTEXT_VARIABLES}) are already read. */
  private TaskRow row(Task t, Map<String, Object> v, Map<String, String> names) {
    Date due = t.getDueDate();
    String assignee = t.getAssignee();
    return new TaskRow(
        t.getId(),
        t.getName(),
        (String) v.get(ProcessVariables.STAGE),
        (String) v.get(ProcessVariables.SCHOOL_CODE),
        (String) v.get(ProcessVariables.SCHOOL_NAME),
        v.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number n ? n.intValue() : null,
        due,
        due != null && due.before(Date.from(clock.instant())),
        assignee,
        assignee == null ? null : names.computeIfAbsent(assignee, this::nameOf),
        t.getFollowUpDate(),
        listQuery.followUpReached(t.getFollowUpDate()));
  }

  /**
   * The task if it exists and the user may see it; otherwise 404, whether missing or out of scope.
   */
  private Task visibleTask(String taskId, QaUser user) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new NotFoundException("task " + taskId);
    }
    Map<String, Object> scope =
        tasks.getVariables(
            taskId, List.of(ProcessVariables.SCHOOL_CODE, ProcessVariables.DISTRICT_CODE));
    if (!access.canSee(
        user,
        task,
        (String) scope.get(ProcessVariables.SCHOOL_CODE),
        (String) scope.get(ProcessVariables.DISTRICT_CODE))) {
      throw new NotFoundException("task " + taskId);
    }
    return task;
  }

  @Override
  public TaskPage open(String taskId, QaUser user) {
    return reading(taskId, () -> page(taskId, user));
  }

  private TaskPage page(String taskId, QaUser user) {
    Task task = visibleTask(taskId, user);
    FormSchema form = deployedForm(taskId);
    Map<String, Object> variables = tasks.getVariables(taskId);
    boolean acts = access.canAct(user, task);
    boolean works = access.canWork(user, task);
    Set<String> related =
        Set.copyOf(
            SchoolQaCycleProcess.BUILDS_ON.getOrDefault(task.getTaskDefinitionKey(), List.of()));
    return new TaskPage(
        row(task, variables, new HashMap<>()),
        task.getProcessInstanceId(),
        form,
        context(variables),
        variables,
        FormValues.initial(form, variables),
        works,
        works && task.getAssignee() == null,
        user.userId().equals(task.getAssignee()),
        !user.isReadOnly() && (acts || user.isDistrictUser()),
        history(task.getProcessInstanceId(), related, user),
        comments(task.getProcessInstanceId(), user),
        related,
        sarVersions(variables),
        yearDocuments(variables),
        panels(task, variables, user));
  }

  /** What other modules add to this task's page (see {@link TaskPanelProvider}). */
  private List<TaskPanel> panels(Task task, Map<String, Object> variables, QaUser user) {
    if (panelProviders.isEmpty()) {
      return List.of();
    }
    String processKey = repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    Map<String, Object> readOnly = java.util.Collections.unmodifiableMap(variables);
    List<TaskPanel> panels = new ArrayList<>();
    for (TaskPanelProvider provider : panelProviders) {
      provider
          .panel(task.getTaskDefinitionKey(), processKey, readOnly, user)
          .ifPresent(panels::add);
    }
    return panels;
  }

  /**
   * What the forms see: the task's variables, the documents module's checks of uploads, the user's
   * language.
   */
  private FormContext context(Map<String, Object> variables) {
    return new FormContext(variables, this::checkUpload, LocaleContextHolder.getLocale());
  }

  private List<FieldError> checkUpload(UploadedFile file) {
    return documents.check(file.filename(), file.content()).stream()
        .map(p -> FieldError.of(p.messageKey(), p.args()))
        .toList();
  }

  private TaskPage.SarVersions sarVersions(Map<String, Object> variables) {
    return new TaskPage.SarVersions(
        documentVersion(
            DocumentReference.versionId(variables.get(SchoolQaCycleProcess.VAR_SAR_FILE))),
        documentVersion(
            DocumentReference.versionId(
                variables.get(SchoolQaCycleProcess.VAR_SAR_APPROVED_VERSION))));
  }

  private DocumentVersion documentVersion(String versionId) {
    return versionId == null ? null : documents.version(versionId).orElse(null);
  }

  /**
   * The school's documents of the year, or for a district's own task (no school) the district's.
   */
  private List<DocumentVersion> yearDocuments(Map<String, Object> variables) {
    if (!(variables.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number year)) {
      return List.of();
    }
    if (variables.get(ProcessVariables.SCHOOL_CODE) instanceof String school) {
      return documents.ofSchool(school, year.intValue());
    }
    if (variables.get(ProcessVariables.DISTRICT_CODE) instanceof String district) {
      return documents.ofDistrict(district, year.intValue());
    }
    return List.of();
  }

  @Override
  public Set<String> hiddenFields(String taskId, QaUser user, Map<String, String[]> params) {
    return reading(
        taskId,
        () -> {
          visibleTask(taskId, user);
          return conditions.hiddenPaths(
              deployedForm(taskId), params, context(tasks.getVariables(taskId)));
        });
  }

  /**
   * Reads the task in a read-only transaction; a task completed by someone else while we read it is
   * simply not found (as one that never existed or lies outside the user's scope).
   */
  private <T> T reading(String taskId, Supplier<T> read) {
    try {
      return reading.execute(status -> read.get());
    } catch (RuntimeException e) {
      if (!isOurs(e) && Races.isRace(e) && !exists(taskId)) {
        throw new NotFoundException("task " + taskId);
      }
      throw e;
    }
  }

  /**
   * Does a change in its own transaction and answers a lost race (someone claimed or completed the
   * task at the same moment: the engine's optimistic lock, "already claimed", the task gone, the
   * database's lock or unique key, also at commit) with the clear conflict message instead of an
   * error page. The loser's transaction is rolled back whole: no claim, no stored file, no
   * submission.
   */
  private <T> T writing(String taskId, QaUser user, Supplier<T> change) {
    try {
      return writing.execute(status -> change.get());
    } catch (ForbiddenException e) {
      // a task completed by a racing request between reading it and checking who may act on it
      // has no candidate groups left: that is a lost race, not a refusal
      if (!exists(taskId)) {
        throw new TaskConflictException("task.error.alreadyDone");
      }
      throw e;
    } catch (RuntimeException e) {
      if (isOurs(e) || !Races.isRace(e)) {
        throw e;
      }
      Task now = tasks.createTaskQuery().taskId(taskId).singleResult();
      if (now == null) {
        throw new TaskConflictException("task.error.alreadyDone");
      }
      if (now.getAssignee() != null && !now.getAssignee().equals(user.userId())) {
        throw new TaskConflictException("task.error.claimedByOther");
      }
      if (Races.isGone(e)) {
        throw e; // "not found" for a task that is still there: a real error, not a race
      }
      // the other transaction may still be running (a lock timed out): nothing of ours was saved,
      // try again
      throw new TaskConflictException("task.error.concurrent");
    }
  }

  /** The answers this module gives on purpose; they pass through unchanged. */
  private static boolean isOurs(RuntimeException e) {
    return e instanceof TaskConflictException
        || e instanceof NotFoundException
        || e instanceof ForbiddenException
        || e instanceof InvalidCommentException;
  }

  private boolean exists(String taskId) {
    return tasks.createTaskQuery().taskId(taskId).count() > 0;
  }

  private FormSchema deployedForm(String taskId) {
    try (InputStream in = forms.getDeployedTaskForm(taskId)) {
      return FormSchemaParser.parse(in, "task " + taskId);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the form of task " + taskId, e);
    }
  }

  @Override
  public void claim(String taskId, QaUser user) {
    try {
      writing(
          taskId,
          user,
          () -> {
            claimNow(taskId, user);
            return null;
          });
    } catch (TaskConflictException e) {
      Task now = tasks.createTaskQuery().taskId(taskId).singleResult();
      if (now == null || !user.userId().equals(now.getAssignee())) {
        throw e;
      }
      // the same person's second click lost to their first: they hold the task, as they wanted
    }
  }

  private void claimNow(String taskId, QaUser user) {
    Task task = visibleTask(taskId, user);
    if (!access.canAct(user, task)) {
      throw new ForbiddenException("claim " + taskId);
    }
    if (task.getAssignee() != null) {
      throw new TaskConflictException("task.error.claimedByOther");
    }
    asUser(user, () -> tasks.claim(taskId, user.userId()));
  }

  @Override
  public BulkClaim claimAll(List<String> taskIds, QaUser user) {
    List<String> claimed = new ArrayList<>();
    List<String> taken = new ArrayList<>();
    int unavailable = 0;
    for (String id : new java.util.LinkedHashSet<>(taskIds)) {
      // each claim in its own transaction with the single claim's checks: a lost one undoes no
      // other
      try {
        claim(id, user);
        claimed.add(taskName(id));
      } catch (TaskConflictException e) {
        String name = "task.error.alreadyDone".equals(e.messageKey()) ? null : taskName(id);
        taken.add(name != null ? name : "—");
      } catch (NotFoundException | ForbiddenException e) {
        unavailable++; // another school's id, or gone: nothing says which
      }
    }
    return new BulkClaim(claimed, taken, unavailable);
  }

  private String taskName(String taskId) {
    Task t = tasks.createTaskQuery().taskId(taskId).singleResult();
    return t == null || t.getName() == null ? "—" : t.getName();
  }

  @Override
  public void followUp(String taskId, QaUser user, java.time.LocalDate date) {
    writing(
        taskId,
        user,
        () -> {
          Task task = visibleTask(taskId, user);
          if (!user.userId().equals(task.getAssignee())) {
            throw new ForbiddenException("follow-up " + taskId);
          }
          task.setFollowUpDate(
              date == null
                  ? null
                  : Date.from(date.atStartOfDay(th.qaflow.kernel.AcademicYears.ZONE).toInstant()));
          asUser(user, () -> tasks.saveTask(task));
          return null;
        });
  }

  @Override
  public void unclaim(String taskId, QaUser user) {
    writing(
        taskId,
        user,
        () -> {
          Task task = visibleTask(taskId, user);
          if (!user.userId().equals(task.getAssignee())) {
            throw new ForbiddenException("unclaim " + taskId);
          }
          asUser(user, () -> tasks.setAssignee(taskId, null));
          return null;
        });
  }

  @Override
  public Completion complete(String taskId, QaUser user, FormSubmission submission) {
    return writing(taskId, user, () -> completeNow(taskId, user, submission));
  }

  private Completion completeNow(String taskId, QaUser user, FormSubmission submission) {
    Task task = visibleTask(taskId, user);
    if (!access.canAct(user, task)) {
      throw new ForbiddenException("complete " + taskId);
    }
    if (!access.canWork(user, task)) {
      throw new TaskConflictException("task.error.claimedByOther");
    }
    FormSchema form = deployedForm(taskId);
    Map<String, Object> variables = tasks.getVariables(taskId);
    FormResult result = validator.validate(form, submission, context(variables));
    if (!result.valid()) {
      return Completion.invalid(result);
    }
    FormResult refused = refusals(task, variables, user, result);
    if (refused != null) {
      return Completion.invalid(refused);
    }
    // files become document versions first, in this transaction: a failure below leaves no document
    // behind
    Map<String, Object> values = storeFiles(result.values(), variables, user);
    asUser(
        user,
        () -> {
          if (task.getAssignee() == null) {
            tasks.claim(taskId, user.userId());
          }
          tasks.complete(taskId, DocumentValues.asVariables(values));
        });
    recordSubmission(task, form, user, variables, values);
    return Completion.completed();
  }

  /**
   * The form again with the refusals of the modules' {@link TaskCompletionCheck}s next to their
   * fields (the input kept), or null when none refuses.
   */
  private FormResult refusals(
      Task task, Map<String, Object> variables, QaUser user, FormResult result) {
    if (completionChecks.isEmpty()) {
      return null;
    }
    String processKey = repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    Map<String, Object> readOnly = java.util.Collections.unmodifiableMap(variables);
    Map<String, List<FieldError>> errors = new java.util.LinkedHashMap<>();
    for (TaskCompletionCheck check : completionChecks) {
      for (TaskCompletionCheck.Refusal r :
          check.check(task.getTaskDefinitionKey(), processKey, readOnly, user)) {
        errors
            .computeIfAbsent(r.field(), k -> new ArrayList<>())
            .add(new FieldError(r.code(), r.args()));
      }
    }
    return errors.isEmpty() ? null : new FormResult(result.values(), result.raw(), errors);
  }

  private Map<String, Object> storeFiles(
      Map<String, Object> values, Map<String, Object> variables, QaUser user) {
    String school = (String) variables.get(ProcessVariables.SCHOOL_CODE);
    String district = (String) variables.get(ProcessVariables.DISTRICT_CODE);
    int year = ((Number) variables.get(ProcessVariables.ACADEMIC_YEAR)).intValue();
    String prefix = slotPrefix(variables);
    return DocumentValues.replaceFiles(
        values,
        (path, file) -> {
          String slot = prefix + DocumentValues.slotOf(path);
          // a school's task stores in the school's slots; a district's own task (no school) in the
          // district's
          DocumentSlot where =
              school != null
                  ? DocumentSlot.ofSchool(school, year, slot)
                  : DocumentSlot.ofDistrict(district, year, slot);
          return DocumentReference.of(
              documents.store(where, file.filename(), file.content(), user.userId()));
        });
  }

  /**
   * What the process puts before its uploads' slot names ({@link DocumentSlot#VAR_SLOT_PREFIX}), so
   * that, for example, each visit round keeps its own documents; empty when the process sets none.
   */
  private static String slotPrefix(Map<String, Object> variables) {
    return variables.get(DocumentSlot.VAR_SLOT_PREFIX) instanceof String prefix ? prefix : "";
  }

  private void recordSubmission(
      Task task,
      FormSchema form,
      QaUser user,
      Map<String, Object> context,
      Map<String, Object> values) {
    jdbc.sql(
            """
            insert into task_submission (task_id, process_instance_id, task_definition_key, task_name, form_id, stage,
                                         school_code, completed_by, completed_at, values_json)
            values (:id, :pi, :key, :name, :form, :stage, :school, :by, :at, :values)""")
        .param("id", task.getId())
        .param("pi", task.getProcessInstanceId())
        .param("key", task.getTaskDefinitionKey())
        .param("name", task.getName())
        .param("form", form.id())
        .param("stage", context.get(ProcessVariables.STAGE))
        .param("school", context.get(ProcessVariables.SCHOOL_CODE))
        .param("by", user.userId())
        .param("at", Timestamp.from(clock.instant()))
        .param("values", toJson(values))
        .update();
  }

  private String toJson(Map<String, Object> values) {
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every earlier submission the user may read, newest first; the newest of each stage this task
   * builds on is marked related. A school's own process is all that school's; a district's process
   * (the ONESQA coordination holds every school's readiness) shows only the entries of schools in
   * the user's scope.
   */
  private List<TaskPage.Submission> history(
      String processInstanceId, Set<String> relatedKeys, QaUser user) {
    Set<String> seen = new HashSet<>();
    boolean oneSchool = oneSchoolProcess(processInstanceId);
    return jdbc
        .sql(
            """
            select task_definition_key, task_name, stage, form_id, completed_by, completed_at, values_json, school_code
              from task_submission where process_instance_id = :pi order by completed_at desc""")
        .param("pi", processInstanceId)
        .query(
            (rs, n) -> {
              if (!oneSchool && !mayRead(user, rs.getString("school_code"))) {
                return null;
              }
              String key = rs.getString("task_definition_key");
              return new TaskPage.Submission(
                  key,
                  rs.getString("task_name"),
                  rs.getString("stage"),
                  nameOf(rs.getString("completed_by")),
                  rs.getTimestamp("completed_at"),
                  formCatalog.find(rs.getString("form_id")).orElse(null),
                  fromJson(rs.getString("values_json")),
                  relatedKeys.contains(key) && seen.add(key));
            })
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /**
   * Is the process about one school (a {@code schoolCode} on the process itself, not per branch)?
   */
  private boolean oneSchoolProcess(String processInstanceId) {
    return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0
        && runtime.getVariableLocal(processInstanceId, ProcessVariables.SCHOOL_CODE) != null;
  }

  /**
   * An entry of a district's process: a school's entry by the school scope; the district's own to
   * its staff.
   */
  private boolean mayRead(QaUser user, String schoolCode) {
    return schoolCode == null ? !user.isSchoolUser() : access.canSeeSchool(user, schoolCode);
  }

  private Map<String, Object> fromJson(String text) {
    try {
      return json.readValue(text, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The process's comments the user may read (in a district's process: those on tasks of schools in
   * scope).
   */
  private List<TaskPage.CommentView> comments(String processInstanceId, QaUser user) {
    Map<String, String> taskNames = new HashMap<>();
    Map<String, String> taskSchools = new HashMap<>();
    jdbc.sql(
            "select task_id, task_name, school_code from task_submission where process_instance_id = :pi")
        .param("pi", processInstanceId)
        .query(
            rs -> {
              taskNames.put(rs.getString(1), rs.getString(2));
              taskSchools.put(rs.getString(1), rs.getString(3));
            });
    boolean oneSchool = oneSchoolProcess(processInstanceId);
    for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
      taskNames.put(t.getId(), t.getName());
      if (!oneSchool) {
        taskSchools.put(
            t.getId(), (String) tasks.getVariable(t.getId(), ProcessVariables.SCHOOL_CODE));
      }
    }
    List<TaskPage.CommentView> views = new ArrayList<>();
    for (Comment c : tasks.getProcessInstanceComments(processInstanceId)) {
      if (!oneSchool
          && !mayRead(user, c.getTaskId() == null ? null : taskSchools.get(c.getTaskId()))) {
        continue;
      }
      views.add(
          new TaskPage.CommentView(
              nameOf(c.getUserId()),
              c.getTime(),
              taskNames.get(c.getTaskId()),
              c.getFullMessage()));
    }
    views.sort(Comparator.comparing(TaskPage.CommentView::time));
    return views;
  }

  private String nameOf(String userId) {
    return userId == null ? "" : directory.person(userId).map(Person::displayName).orElse(userId);
  }

  @Override
  public void comment(String taskId, QaUser user, String text) {
    writing(
        taskId,
        user,
        () -> {
          commentNow(taskId, user, text);
          return null;
        });
  }

  private void commentNow(String taskId, QaUser user, String text) {
    Task task = visibleTask(taskId, user);
    boolean may = !user.isReadOnly() && (access.canAct(user, task) || user.isDistrictUser());
    if (!may) {
      throw new ForbiddenException("comment " + taskId);
    }
    String message = text == null ? "" : text.strip();
    if (message.isEmpty()) {
      throw new InvalidCommentException("comment.error.empty");
    }
    if (message.codePointCount(0, message.length()) > MAX_COMMENT_LENGTH) {
      throw new InvalidCommentException("comment.error.tooLong");
    }
    asUser(user, () -> tasks.createComment(taskId, task.getProcessInstanceId(), message));
  }

  /**
   * Engine calls made for a user carry their id, so comments and Camunda's operation log name who
   * acted.
   */
  private void asUser(QaUser user, Runnable work) {
    identity.setAuthentication(user.userId(), List.copyOf(user.groups()));
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }
}
