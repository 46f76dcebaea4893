package th.qaflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import th.qaflow.QaFlowTest;
import th.qaflow.cycle.CycleService;
import th.qaflow.district.DistrictCycles;
import th.qaflow.documents.Documents;
import th.qaflow.onesqa.ExternalAssessments;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.Endpoints;
import th.qaflow.support.Endpoints.Endpoint;
import th.qaflow.support.WebSessions;

/**
 * The scope matrix: every controller endpoint, read from Spring's handler mappings (so a new
 * endpoint is probed without anyone remembering), is called by every role with path variables and
 * parameters naming a school, cluster, district, user, task, document or process outside that
 * role's scope. Each probe must be refused (403/404; a redirect to the login page for anonymous),
 * change nothing in the engine or in QA Flow's tables, and a page that answers 200 (lists without a
 * scope in the address) must not show any foreign school's name, code or comments. Endpoints that
 * are public by design are on {@link #PUBLIC}; the signed-in user's own settings on {@link
 * #OWN_DATA}. District 7875, year 2775.
 */
@QaFlowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeMatrixTest {
  static final ScopeFixture F = new ScopeFixture("7875", 2775);

  /** Public by design: not probed at all. */
  static final Map<String, String> PUBLIC =
      Map.ofEntries(
          Map.entry("GET /login", "the login page"),
          Map.entry(
              "ANY /error", "Spring Boot's error page (renders the status of a refused request)"),
          Map.entry(
              "GET /public/districts/{district}/synthesis/{year:\\d{4}}",
              "the published synthesis, public by law"),
          Map.entry("GET /public/districts/{district}/synthesis/{year:\\d{4}}.pdf", "its PDF"),
          Map.entry(
              "GET /public/districts/{district}/synthesis/{year:\\d{4}}/sar/{school:\\d{10}}",
              "the SAR files listed in a published synthesis"),
          Map.entry(
              "GET /public/districts/{district}/good-practices/{year:\\d{4}}",
              "the published good practices, beside the synthesis"),
          Map.entry(
              "GET /public/districts/{district}/supervision/{year:\\d{4}}",
              "the published supervision report"),
          Map.entry(
              "GET /public/districts/{district}/monitoring-report/{year:\\d{4}}",
              "the published monitoring report, and its PDF (?format=pdf)"),
          Map.entry(
              "GET /public/districts/{district}/networks/{year:\\d{4}}",
              "the published supervision network report"),
          Map.entry(
              "GET /public/districts/{district}/tumhome/{year:\\d{4}}",
              "the TUMHOME drive's evaluated results (schools and ranks only)"),
          Map.entry(
              "GET /calendar/{token}.ics", "the calendar feed authenticates by its secret token"),
          Map.entry(
              "GET /notifications/unsubscribe",
              "the unsubscribe link authenticates by its signature"),
          Map.entry("POST /notifications/unsubscribe", "the same, confirmed"),
          Map.entry("GET /password/forgot", "asking for a link to set a new password"),
          Map.entry(
              "POST /password/forgot", "mails the link to the account's own address, or nothing"),
          Map.entry("GET /password/reset", "the link authenticates by its secret token"),
          Map.entry("POST /password/reset", "the same, with the new password"));

  /**
   * Only the signed-in user's own settings: no foreign id can be named, so only anonymous access is
   * probed.
   */
  static final Map<String, String> OWN_DATA =
      Map.of(
          "GET /me/notifications", "own mail preferences",
          "POST /me/notifications", "own mail preferences",
          "POST /me/notifications/calendar", "a new feed token for oneself",
          "POST /me/notifications/calendar/revoke", "revokes one's own feed",
          "GET /me/password", "changing one's own password",
          "POST /me/password", "one's own password, with the current one");

  @Autowired MockMvc mvc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CycleService cycles;
  @Autowired DistrictCycles districts;
  @Autowired ExternalAssessments external;
  @Autowired Documents documents;
  @Autowired OrganisationImport organisation;

  List<String> tables;

  /**
   * POSTs that only read (forms.js asks which fields to hide): OBEC, who reads every task, may call
   * them.
   */
  static final Set<String> READS_BY_POST = Set.of("POST /tasks/{taskId}/form-state");

  /**
   * A role and what lies outside its scope; {@code own} is the same role's own scope, for the pages
   * it may open.
   */
  record Prober(
      String user,
      String school,
      String cluster,
      String district,
      String person,
      List<String> tasks,
      String document,
      String process,
      List<String> markers,
      boolean writesOnly,
      Prober own) {}

  @BeforeAll
  void fixture() throws Exception {
    organisation.importDemo();
    F.importSecondDistrict(organisation);
    F.build(mvc, runtime, tasks, cycles, districts, external, documents);
    F.buildRecordsWithIds(jdbc);
    tables =
        jdbc
            .sql(
                "select table_name from information_schema.tables where table_schema = 'PUBLIC'"
                    + " and table_type = 'BASE TABLE' order by table_name")
            .query(String.class)
            .list()
            .stream()
            // the engine's metrics are written by a background reporter, not by requests
            .filter(t -> !t.toUpperCase().contains("METER"))
            .toList();
  }

  List<Prober> probers() {
    List<String> school5Markers =
        List.of(
            ScopeFixture.SCHOOL_5_NAME,
            ScopeFixture.SCHOOL_5,
            F.school5Note,
            F.school5ReturnComment,
            F.school5TaskComment);
    List<String> d2Markers = List.of(F.d2School, F.d2SchoolName, F.d2Comment, F.d2GuidanceName);
    List<String> schoolUserMarkers = concat(school5Markers, d2Markers);
    List<String> schoolUserTasks =
        List.of(
            F.school5Task, F.school5Readiness, F.school5Review, F.district1099Task, F.d2SchoolTask);
    List<String> staffTasks = List.of(F.d2SchoolTask, F.d2Review, F.d2DistrictTask);
    List<Prober> list = new ArrayList<>();
    // a school's own pages (its timeline, its ONESQA readiness task) must not show another school's
    // entries
    for (String user : List.of("qa1", "director1", "board1")) {
      Prober own =
          new Prober(
              user,
              ScopeFixture.SCHOOL_1,
              "1099-C1",
              ScopeFixture.DEMO,
              user,
              List.of(F.school1Task, F.school1Readiness),
              F.school1Document,
              F.school1Cycle,
              schoolUserMarkers,
              false,
              null);
      list.add(
          new Prober(
              user,
              ScopeFixture.SCHOOL_5,
              "1099-C2",
              F.d,
              "qa5",
              schoolUserTasks,
              F.school5Document,
              F.school5Cycle,
              schoolUserMarkers,
              false,
              own));
    }
    // the other district's guidance is published to its own schools, not to a school of 1099
    list.add(
        new Prober(
            "qa1",
            F.d2School,
            F.d + "-C1",
            F.d,
            F.d2User("qa1"),
            List.of(F.d2SchoolTask, F.d2DistrictTask),
            F.d2Guidance,
            F.d2Cycle,
            schoolUserMarkers,
            false,
            null));
    // cluster 1's supervisor: the district's overviews name school 5, but its details and comments
    // are not theirs
    List<String> supervisorMarkers =
        concat(List.of(F.school5Note, F.school5ReturnComment, F.school5TaskComment), d2Markers);
    list.add(
        new Prober(
            "supervisor1",
            ScopeFixture.SCHOOL_5,
            "1099-C2",
            F.d,
            "qa5",
            List.of(
                F.school5Review,
                F.school5Task,
                F.school5Readiness,
                F.d2SchoolTask,
                F.d2DistrictTask),
            F.school5Document,
            F.school5Cycle,
            supervisorMarkers,
            false,
            new Prober(
                "supervisor1",
                ScopeFixture.SCHOOL_1,
                "1099-C1",
                ScopeFixture.DEMO,
                "supervisor1",
                List.of(F.school1Task, F.school1Readiness, F.district1099Task),
                F.school1Document,
                F.school1Cycle,
                supervisorMarkers,
                false,
                null)));
    for (String user : List.of("qaofficer", "supdirector", "districtdirector")) {
      list.add(
          new Prober(
              user,
              F.d2School,
              F.d + "-C1",
              F.d,
              F.d2User("qa1"),
              staffTasks,
              F.d2Document,
              F.d2Cycle,
              d2Markers,
              false,
              new Prober(
                  user,
                  ScopeFixture.SCHOOL_5,
                  "1099-C2",
                  ScopeFixture.DEMO,
                  user,
                  List.of(F.school5Task, F.school5Readiness, F.school5Review, F.district1099Task),
                  F.school5Document,
                  F.school5Cycle,
                  d2Markers,
                  false,
                  null)));
    }
    // OBEC reads everything by design and changes nothing
    list.add(
        new Prober(
            "obec",
            F.d2School,
            F.d + "-C1",
            F.d,
            F.d2User("qa1"),
            staffTasks,
            F.d2Document,
            F.d2Cycle,
            List.of(),
            true,
            null));
    list.add(
        new Prober(
            null,
            F.d2School,
            F.d + "-C1",
            F.d,
            F.d2User("qa1"),
            staffTasks,
            F.d2Document,
            F.d2Cycle,
            List.of(),
            false,
            null));
    return list;
  }

  List<Endpoint> endpoints() {
    return Endpoints.all(mappings);
  }

  @Test
  void everyEndpointRefusesEveryRoleOutsideItsScope() throws Exception {
    List<Endpoint> endpoints = endpoints();
    Set<String> keys = new TreeSet<>();
    endpoints.forEach(e -> keys.add(e.key()));
    // the allow-lists name real endpoints only (a removed endpoint must leave them too)
    assertThat(keys).containsAll(PUBLIC.keySet()).containsAll(OWN_DATA.keySet());

    Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
    List<String> leaks = new ArrayList<>();
    Map<String, Integer> probedPerEndpoint = new TreeMap<>();
    int probes = 0;
    for (Prober p : probers()) {
      MockHttpSession session =
          p.user() == null ? null : sessions.computeIfAbsent(p.user(), u -> login(u));
      for (Endpoint e : endpoints) {
        if (PUBLIC.containsKey(e.key()) || (p.user() != null && OWN_DATA.containsKey(e.key()))) {
          continue;
        }
        String method = "ANY".equals(e.method()) ? "GET" : e.method();
        if (p.writesOnly() && (!"POST".equals(method) || READS_BY_POST.contains(e.key()))) {
          continue;
        }
        List<String> foreign = urls(e.pattern(), p);
        List<String> own =
            p.own() != null && "GET".equals(method) && e.pattern().contains("{")
                ? urls(e.pattern(), p.own())
                : List.of();
        for (String url : concat(foreign, own)) {
          boolean ownScope = !foreign.contains(url);
          Map<String, Object> before = snapshot();
          MvcResult result =
              mvc.perform(request(method, e.pattern(), url, ownScope ? p.own() : p, session))
                  .andReturn();
          MockHttpServletResponse response = result.getResponse();
          probes++;
          probedPerEndpoint.merge(e.key(), 1, Integer::sum);
          String problem =
              ownScope ? ownPage(p, response) : judge(p, method, url, e.pattern(), result);
          Map<String, Object> after = snapshot();
          if (!before.equals(after)) {
            problem =
                (problem == null ? "" : problem + "; ") + "changed " + difference(before, after);
          }
          if (problem != null) {
            leaks.add(
                (p.user() == null ? "anonymous" : p.user())
                    + (ownScope ? " (own) " : " ")
                    + method
                    + " "
                    + url
                    + " -> "
                    + response.getStatus()
                    + ": "
                    + problem);
          }
        }
      }
    }
    System.out.println(
        "SCOPE MATRIX: "
            + probes
            + " probes over "
            + probedPerEndpoint.size()
            + " endpoints ("
            + PUBLIC.size()
            + " public, "
            + OWN_DATA.size()
            + " own-data allow-listed), "
            + leaks.size()
            + " leaks");
    leaks.forEach(l -> System.out.println("  LEAK " + l));
    // every endpoint is either probed or on an allow-list
    for (String key : keys) {
      assertThat(probedPerEndpoint.containsKey(key) || PUBLIC.containsKey(key))
          .as("endpoint %s is neither probed nor allow-listed", key)
          .isTrue();
    }
    assertThat(leaks).isEmpty();
  }

  private MockHttpSession login(String user) {
    try {
      return WebSessions.login(mvc, user);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Null when the response is a proper refusal (or a harmless answer without foreign data), else
   * what is wrong.
   */
  private String judge(Prober p, String method, String url, String pattern, MvcResult result)
      throws Exception {
    MockHttpServletResponse response = result.getResponse();
    int status = response.getStatus();
    if (status >= 500) {
      return "server error";
    }
    if (p.user() == null) {
      String location = response.getRedirectedUrl();
      // an anonymous upload is refused outright before its body is read (AnonymousUploadFilter)
      boolean refused =
          status == 302 && location != null && location.endsWith("/login") || status == 403;
      return refused ? null : "anonymous not sent to login";
    }
    if (status == 403 || status == 404) {
      return null;
    }
    // the tasklist answers another school's task as it answers a missing or finished one: back to
    // the list
    // (and another user's saved filter as a missing one)
    if (status == 302
        && "/tasks".equals(response.getRedirectedUrl())
        && List.of("task.error.gone", "tasks.filters.error.gone")
            .contains(result.getFlashMap().get("error"))) {
      return null;
    }
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    for (String marker : p.markers()) {
      if (body.contains(marker)) {
        return "shows foreign \"" + marker + "\"";
      }
    }
    if (pattern.contains("{")) {
      // a foreign id in the address must be refused, not answered
      return "foreign address answered";
    }
    // no scope in the address: a page of the user's own (the list of their tasks, their district)
    // is fine
    return status == 200 || status == 302 || status == 400 ? null : "unexpected status";
  }

  /** A page of the user's own scope may answer, but must show nothing of another school. */
  private static String ownPage(Prober p, MockHttpServletResponse response) throws Exception {
    if (response.getStatus() >= 500) {
      return "server error";
    }
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    for (String marker : p.markers()) {
      if (body.contains(marker)) {
        return "own page shows foreign \"" + marker + "\"";
      }
    }
    return null;
  }

  /**
   * The pattern with its variables filled from the prober's foreign scope; one URL per foreign
   * task.
   */
  static List<String> urls(String pattern, Prober p) {
    List<String> values = pattern.contains("{taskId}") ? p.tasks() : List.of("");
    List<String> urls = new ArrayList<>();
    for (String task : values) {
      StringBuilder url = new StringBuilder();
      int i = 0;
      while (i < pattern.length()) {
        char c = pattern.charAt(i);
        if (c != '{') {
          url.append(c);
          i++;
          continue;
        }
        int depth = 0;
        int end = i;
        for (; end < pattern.length(); end++) {
          if (pattern.charAt(end) == '{') {
            depth++;
          } else if (pattern.charAt(end) == '}' && --depth == 0) {
            break;
          }
        }
        String name = pattern.substring(i + 1, end).split(":")[0];
        url.append(value(name, url.toString(), task, p));
        i = end + 1;
      }
      urls.add(url.toString());
    }
    return urls;
  }

  private static String value(String name, String before, String task, Prober p) {
    return switch (name) {
      case "taskId" -> task;
      case "versionId" -> p.document();
      case "processInstanceId" -> p.process();
      case "school" -> p.school();
      case "district" -> p.district();
      case "code" ->
          before.endsWith("/schools/")
              ? p.school()
              : before.endsWith("/districts/")
                  ? p.district()
                  : before.endsWith("/groups/") ? p.cluster() : fail(name, before);
      case "year" -> String.valueOf(F.year);
      case "what" -> "matrix";
      case "format" -> "csv";
      case "id" ->
          before.endsWith("/tasks/filters/")
              ? F.foreignFilter
              : before.endsWith("/goodpractice/nominations/")
                  ? String.valueOf(F.foreignNomination)
                  : before.endsWith("/supervision/projects/")
                      ? String.valueOf(F.foreignSupervisionProject)
                      : before.endsWith("/committees/")
                          ? String.valueOf(F.foreignCommittee)
                          : before.endsWith("/helpdesk/questions/")
                              ? String.valueOf(F.foreignQuestion)
                              : before.endsWith("/helpdesk/faq/")
                                  ? String.valueOf(F.foreignFaq)
                                  : before.endsWith("/research/projects/")
                                      ? String.valueOf(F.foreignResearchProject)
                                      : before.endsWith("/training/")
                                          ? String.valueOf(F.foreignTraining)
                                          : "1";
      default -> fail(name, before);
    };
  }

  private static String fail(String name, String before) {
    throw new AssertionError(
        "The scope matrix does not know how to fill {"
            + name
            + "} after "
            + before
            + ": add it to ScopeMatrixTest.value so the new endpoint is probed");
  }

  /**
   * Every parameter an endpoint may read, naming the foreign scope (handlers ignore the ones they
   * do not take).
   */
  private MockHttpServletRequestBuilder request(
      String method, String pattern, String url, Prober p, MockHttpSession session) {
    MockHttpServletRequestBuilder b;
    if ("/admin/organisation/import".equals(pattern) && "POST".equals(method)) {
      // the file names a foreign district's school: an officer of another district is refused row
      // by row
      String csv =
          "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic\n"
              + p.school()
              + ",9"
              + F.d
              + "009,โรงเรียนแอบแก้,Sneaky,"
              + p.district()
              + ","
              + p.cluster()
              + ",กลุ่ม,true,true\n";
      b =
          multipart(url)
              .file(
                  new MockMultipartFile(
                      "file", "schools.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
              .param("kind", "SCHOOLS");
    } else {
      b = "POST".equals(method) ? post(url) : get(url);
    }
    b.with(csrf())
        .param("district", p.district())
        .param("school", p.school())
        .param("cluster", p.cluster())
        .param("scope", p.cluster())
        .param("supervisor", p.person())
        .param("user", p.person())
        .param("year", String.valueOf(F.year))
        .param("round", "1")
        .param("text", "แอบเขียน")
        .param("mode", "DAILY_DIGEST")
        .param("reminderDays", "1")
        .param("directorAfterDays", "1")
        .param("supervisorAfterDays", "1");
    if (session != null) {
      b.session(session);
    }
    return b;
  }

  /**
   * Row counts of every table (engine and QA Flow), and every open task's assignee and revision.
   */
  private Map<String, Object> snapshot() {
    Map<String, Object> state = new TreeMap<>();
    StringBuilder sql = new StringBuilder();
    for (String t : tables) {
      sql.append(sql.isEmpty() ? "" : " union all ")
          .append("select '")
          .append(t)
          .append("', count(*) from \"")
          .append(t)
          .append('"');
    }
    jdbc.sql(sql.toString())
        .query(
            rs -> {
              state.put(rs.getString(1), rs.getLong(2));
            });
    // the reminder scan runs in the background of this context and writes its own kinds of mail at
    // any time;
    // the one mail a request writes is "remind now"
    state.put(
        "MAIL_OUTBOX",
        jdbc.sql("select count(*) from mail_outbox where kind = 'REMIND_NOW'")
            .query(Long.class)
            .single());
    state.put(
        "tasks",
        jdbc.sql("select id_, assignee_, rev_ from act_ru_task order by id_")
            .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getInt(3))
            .list());
    state.put(
        "variables",
        jdbc.sql("select coalesce(sum(rev_), 0) from act_ru_variable").query(Long.class).single());
    return state;
  }

  private static String difference(Map<String, Object> before, Map<String, Object> after) {
    List<String> changed = new ArrayList<>();
    after.forEach(
        (k, v) -> {
          if (!v.equals(before.get(k))) {
            changed.add(
                k.equals("tasks")
                    ? "task assignees/revisions"
                    : k + " " + before.get(k) + "->" + v);
          }
        });
    return String.join(", ", changed);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
