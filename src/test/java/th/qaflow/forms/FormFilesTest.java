package th.qaflow.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The .form files in forms/: complete, Modeler-compatible and consistent across the process. The
 * structure is checked on the JSON itself (so this test does not depend on how the forms module
 * models lists and groups); the forms module's parser and validator are used only where their
 * behaviour is settled.
 *
 * <p>Keys are written as the process variables they become: a top-level field {@code key}, a
 * dynamic list {@code path}, a field in a list row {@code path[].key}, a field in a group with a
 * path {@code g.key}.
 */
class FormFilesTest {

  static final Path DIR = Path.of("forms");
  static final Path BPMN = Path.of("bpmn/SchoolQaCycle.bpmn");
  static final ObjectMapper JSON = new ObjectMapper();

  /** Keys deliberately written by more than one form (none yet). */
  static final Set<String> SHARED_KEYS = Set.of();

  /** The variables the cycle sets at its start, which forms may read (options, seeded rows). */
  static final Set<String> CONTEXT_LISTS = Set.of("standards", "levelOptions", "standardOptions");

  /** The entries of each row of the context variable {@code standards}. */
  static final Set<String> STANDARD_ROW_KEYS =
      Set.of(
          "educationLevel",
          "frameworkCode",
          "standardCode",
          "standardLabel",
          "standardLabelEn",
          "standardItems");

  /** Option lists of the context, for {@code valuesKey}. */
  static final Set<String> VALUES_KEYS =
      Set.of(
          "levelOptions",
          "standardOptions",
          // external (ONESQA): the framework's levels, set when a school's assessment starts
          "onesqaLevelOptions",
          // supervision: the district's supervisors, set when the supervision plan starts
          "supervisorOptions",
          // committee: the district's staff who may own a resolution, set when a meeting opens
          "ownerOptions",
          // school group: the member schools the chair assesses, set when the group's year opens
          "memberSchoolOptions",
          // classroom-level QA: the district's schools, set when the pilot starts
          "cqSchoolOptions");

  static final Set<String> INPUTS =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "select",
          "radio",
          "checkbox",
          "checklist",
          "taglist",
          "datetime",
          "filepicker");
  static final Set<String> MULTI_INPUTS = Set.of("select", "radio", "checklist", "taglist");
  static final Set<String> CONTAINERS = Set.of("group", "dynamiclist");
  static final Set<String> DISPLAY = Set.of("text", "separator");

  /** The forms in process order, with the variables each one writes. */
  static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put(
        "SetStandards",
        List.of(
            "standardsFramework",
            "targets",
            "targets[].standardCode",
            "targets[].standardLabel",
            "targets[].standardItems",
            "targets[].targetLevel",
            "targets[].targetDescription",
            "targets[].targetBaseline",
            "ownStandards",
            "ownStandards[].standardCode",
            "ownStandards[].standardLabel",
            "ownStandards[].targetLevel",
            "ownStandards[].targetDescription",
            "ownStandards[].targetBaseline",
            "standardsTargetNote"));
    EXPECTED.put(
        "BoardEndorseStandards",
        List.of(
            "endorsementDecision",
            "endorsementComments",
            "endorsementMeetingDate",
            "endorsementResolutionNo"));
    EXPECTED.put("AnnounceStandards", List.of("announcementDate", "announcementRef"));
    EXPECTED.put(
        "MakePlans",
        List.of(
            "developmentPlanPeriod",
            "developmentPlanFile",
            "planBasis",
            "planBasisSummary",
            "actionPlanSummary",
            "actionPlanFile",
            "projects",
            "projects[].projectName",
            "projects[].projectStandards",
            "projects[].projectOwner",
            "projects[].projectIndicator",
            "projects[].projectTarget",
            "projects[].projectSchedule",
            "projects[].projectBudget"));
    for (int n = 1; n <= 2; n++) {
      String rows = "sc" + n + "Rows";
      EXPECTED.put(
          n == 1 ? "SelfCheckSemesterOne" : "SelfCheckSemesterTwo",
          List.of(
              "sc" + n + "Evaluators",
              "sc" + n + "Method",
              rows,
              rows + "[].standardCode",
              rows + "[].standardLabel",
              rows + "[].targetLevel",
              rows + "[].progressStatus",
              rows + "[].evidence",
              rows + "[].problems",
              rows + "[].nextActions",
              "sc" + n + "Projects",
              "sc" + n + "Projects[].projectName",
              "sc" + n + "Projects[].projectTarget",
              "sc" + n + "Projects[].projectProgress",
              "sc" + n + "Projects[].projectResult"));
    }
    EXPECTED.put(
        "InternalAssessment",
        List.of(
            "assessmentEvaluators",
            "assessmentMethod",
            "achievementData",
            "assessment",
            "assessment[].standardCode",
            "assessment[].standardLabel",
            "assessment[].standardItems",
            "assessment[].targetLevel",
            "assessment[].achievedLevel",
            "assessment[].evidence",
            "assessment[].strengths",
            "assessment[].improvements"));
    EXPECTED.put(
        "DraftSar",
        List.of(
            "sarFile",
            "sarLevels",
            "sarLevels[].standardCode",
            "sarLevels[].standardLabel",
            "sarLevels[].targetLevel",
            "sarLevels[].achievedLevel",
            "sarLevels[].strengths",
            "sarLevels[].improvements",
            "sarExecutiveSummary",
            "sarAnnexesComplete"));
    EXPECTED.put("DirectorReviewSar", List.of("directorDecision", "directorComments"));
    EXPECTED.put(
        "BoardApproveSar",
        List.of(
            "boardDecision",
            "boardComments",
            "boardRecommendations",
            "boardMeetingDate",
            "boardResolutionNo"));
    EXPECTED.put(
        "SubmitSar",
        List.of("sarApprovedVersionConfirmed", "sarSubmittedOn", "sarSubmittedToESar"));
    EXPECTED.put(
        "PublishSar",
        List.of("sarPublishedAs", "sarPublicLink", "sarPublishedFile", "sarPublishedOn"));
    // DistrictQaCycle's synthesis tasks (synthesis module)
    EXPECTED.put(
        "SynthesiseSars",
        List.of(
            "synthesisOverview",
            "synthesisStrengths",
            "synthesisWeaknesses",
            "synthesisRecommendations"));
    EXPECTED.put("ApproveSynthesis", List.of("synthesisDecision", "synthesisComments"));
    // district: DistrictQaCycle and SarReview
    EXPECTED.put(
        "PublishGuidance",
        List.of(
            "guidanceFile",
            "sarTemplateFile",
            "formsFile",
            "guidanceLink",
            "guidanceSummary",
            "calendarChecked"));
    EXPECTED.put(
        "AppointCommittee",
        List.of(
            "committeeOrderNo",
            "committeeOrderDate",
            "committeeOrderFile",
            "committeeOrderLink",
            "committeeMembers"));
    EXPECTED.put(
        "ReportLastYear",
        List.of(
            "lastYearSummary", "lastYearReportFile", "lastYearReportLink", "lastYearReportedOn"));
    EXPECTED.put("RunVisitRounds", List.of("visitRoundsDone", "visitRoundsNote"));
    EXPECTED.put("ChaseMissingSars", List.of("chaseActions", "chasedOn"));
    EXPECTED.put("ConfirmReviewsDone", List.of("reviewsConfirmed", "reviewsNote"));
    EXPECTED.put(
        "ReportSynthesis",
        List.of(
            "reportedToObecOn",
            "reportedToCommitteeOn",
            "districtReportRef",
            "districtReportFile"));
    EXPECTED.put("SelectGoodPractices", List.of("goodPractices", "goodPracticesSharing"));
    EXPECTED.put("ReviewSar", List.of("reviewDecision", "reviewComments"));
  }

  static final Map<String, Set<String>> REQUIRED = new LinkedHashMap<>();

  static {
    REQUIRED.put(
        "SetStandards",
        Set.of(
            "standardsFramework",
            "targets[].targetLevel",
            "targets[].targetDescription",
            "targets[].targetBaseline",
            "ownStandards[].standardCode",
            "ownStandards[].standardLabel",
            "ownStandards[].targetLevel",
            "ownStandards[].targetDescription",
            "ownStandards[].targetBaseline"));
    REQUIRED.put(
        "BoardEndorseStandards",
        Set.of("endorsementDecision", "endorsementComments", "endorsementMeetingDate"));
    REQUIRED.put("AnnounceStandards", Set.of("announcementDate", "announcementRef"));
    REQUIRED.put(
        "MakePlans",
        Set.of(
            "developmentPlanPeriod",
            "planBasis",
            "planBasisSummary",
            "actionPlanSummary",
            "projects[].projectName",
            "projects[].projectStandards",
            "projects[].projectOwner",
            "projects[].projectIndicator",
            "projects[].projectTarget",
            "projects[].projectSchedule",
            "projects[].projectBudget"));
    REQUIRED.put(
        "SelfCheckSemesterOne",
        Set.of(
            "sc1Evaluators",
            "sc1Method",
            "sc1Rows[].progressStatus",
            "sc1Rows[].evidence",
            "sc1Rows[].nextActions",
            "sc1Projects[].projectProgress",
            "sc1Projects[].projectResult"));
    REQUIRED.put(
        "SelfCheckSemesterTwo",
        Set.of(
            "sc2Evaluators",
            "sc2Method",
            "sc2Rows[].progressStatus",
            "sc2Rows[].evidence",
            "sc2Rows[].nextActions",
            "sc2Projects[].projectProgress",
            "sc2Projects[].projectResult"));
    REQUIRED.put(
        "InternalAssessment",
        Set.of(
            "assessmentEvaluators",
            "assessmentMethod",
            "achievementData",
            "assessment[].achievedLevel",
            "assessment[].evidence",
            "assessment[].strengths",
            "assessment[].improvements"));
    REQUIRED.put("DraftSar", Set.of("sarFile", "sarLevels[].achievedLevel", "sarExecutiveSummary"));
    REQUIRED.put("DirectorReviewSar", Set.of("directorDecision", "directorComments"));
    REQUIRED.put("BoardApproveSar", Set.of("boardDecision", "boardComments", "boardMeetingDate"));
    REQUIRED.put("SubmitSar", Set.of("sarApprovedVersionConfirmed", "sarSubmittedOn"));
    REQUIRED.put(
        "PublishSar",
        Set.of("sarPublishedAs", "sarPublicLink", "sarPublishedFile", "sarPublishedOn"));
    REQUIRED.put(
        "SynthesiseSars", Set.of("synthesisOverview", "synthesisStrengths", "synthesisWeaknesses"));
    REQUIRED.put("ApproveSynthesis", Set.of("synthesisDecision", "synthesisComments"));
  }

  /**
   * Dates of the year's own work, held to the academic year (16 May – 15 May). The board's SAR
   * meeting, submission and publication may fall after 15 May, so they are not.
   */
  static final Set<String> WITHIN_ACADEMIC_YEAR =
      Set.of("endorsementMeetingDate", "announcementDate");

  static Stream<Path> files() throws IOException {
    try (Stream<Path> list = Files.list(DIR)) {
      return list.filter(p -> p.toString().endsWith(".form")).sorted().toList().stream();
    }
  }

  static JsonNode json(String formId) throws IOException {
    return JSON.readTree(DIR.resolve(formId + ".form").toFile());
  }

  static Set<String> formRefs(Path bpmn) throws IOException {
    Set<String> refs = new TreeSet<>();
    Matcher m = Pattern.compile("camunda:formRef=\"(\\w+)\"").matcher(Files.readString(bpmn));
    while (m.find()) {
      refs.add(m.group(1));
    }
    return refs;
  }

  static String formId(Path file) {
    return file.getFileName().toString().replace(".form", "");
  }

  /** A component found in a form, with the variable path it writes (or null) and where it sits. */
  record Found(JsonNode node, String path, String listPath) {
    String type() {
      return node.path("type").asText();
    }

    String where() {
      return node.path("id").asText() + (path == null ? "" : " (" + path + ")");
    }
  }

  /** Every component of the form, depth first, in display order. */
  static List<Found> walk(JsonNode form) {
    List<Found> all = new ArrayList<>();
    walk(form.path("components"), "", null, all);
    return all;
  }

  private static void walk(JsonNode components, String prefix, String listPath, List<Found> all) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (type.equals("dynamiclist")) {
        String path = prefix + c.path("path").asText();
        all.add(new Found(c, path, listPath));
        walk(c.path("components"), path + "[].", path, all);
      } else if (type.equals("group")) {
        String path = c.path("path").asText("");
        all.add(new Found(c, null, listPath));
        walk(c.path("components"), path.isEmpty() ? prefix : prefix + path + ".", listPath, all);
      } else {
        all.add(new Found(c, c.has("key") ? prefix + c.path("key").asText() : null, listPath));
      }
    }
  }

  /** The variables a form writes: keys of inputs and paths of dynamic lists. */
  static List<String> keys(JsonNode form) {
    return walk(form).stream().filter(f -> f.path() != null).map(Found::path).toList();
  }

  static String prop(JsonNode c, String name) {
    JsonNode p = c.path("properties").get(name);
    return p == null ? null : p.asText();
  }

  static String label(JsonNode c) {
    if (c.path("type").asText().equals("datetime")) {
      return c.path("dateLabel").asText(null);
    }
    return c.path("label").asText(null);
  }

  @Test
  void oneFormPerUserTaskOfTheSchoolAndDistrictCycles() throws IOException {
    // the forms of the school's cycle, the district's cycle and the SAR review are exactly EXPECTED
    Set<String> cycleForms = new TreeSet<>();
    for (Path bpmn :
        List.of(BPMN, Path.of("bpmn/DistrictQaCycle.bpmn"), Path.of("bpmn/SarReview.bpmn"))) {
      cycleForms.addAll(formRefs(bpmn));
    }
    assertThat(cycleForms).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    // every form file is some process's (other modules add theirs: Visit*, Onesqa*)
    Set<String> referenced = new HashSet<>();
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        referenced.addAll(formRefs(model));
      }
    }
    assertThat(files().map(FormFilesTest::formId)).containsExactlyInAnyOrderElementsOf(referenced);
    for (var e : EXPECTED.entrySet()) {
      assertThat(keys(json(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  /** The form-js schema QA Flow's forms were written for (Camunda Modeler 5.x for Camunda 7.24). */
  static final int MIN_SCHEMA_VERSION = 16;

  /**
   * The newest schema of the form-js the build imports every form into (lint/package.json,
   *
   * @bpmn-io/form-js-viewer 2.0.0; lint-forms.mjs checks the same bound against the library
   *     itself). Raise both together when a newer Modeler saves a newer schema.
   */
  static final int MAX_SCHEMA_VERSION = 19;

  /**
   * What a form saved by any current Camunda Modeler (or form-js editor) for Camunda 7 has: the
   * exporter and schema version are whatever saved it last, within what form-js reads.
   */
  @ParameterizedTest
  @MethodSource("files")
  void headerAsCamundaModelerWritesIt(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    assertThat(root.path("id").asText()).isEqualTo(formId(file));
    assertThat(root.path("type").asText()).isEqualTo("default");
    assertThat(root.path("schemaVersion").isInt()).as("schemaVersion").isTrue();
    assertThat(root.path("schemaVersion").asInt())
        .as("schemaVersion")
        .isBetween(MIN_SCHEMA_VERSION, MAX_SCHEMA_VERSION);
    assertThat(root.path("exporter").path("name").asText()).as("exporter name").isNotBlank();
    assertThat(root.path("exporter").path("version").asText()).as("exporter version").isNotBlank();
    assertThat(root.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(root.path("executionPlatformVersion").asText())
        .as("Camunda 7.x")
        .matches("7\\.\\d+(\\.\\d+)?");
  }

  /** The bound above is the form-js the lint pins: bumping one without the other fails here. */
  @Test
  void schemaBoundFollowsTheLintsFormJs() throws IOException {
    JsonNode pinned = JSON.readTree(Path.of("lint/package.json").toFile()).path("dependencies");
    assertThat(pinned.path("@bpmn-io/form-js-viewer").asText()).isEqualTo("2.0.0");
  }

  @ParameterizedTest
  @MethodSource("files")
  void componentsAreLabelledInThaiAndEnglish(Path file) throws IOException {
    JsonNode form = JSON.readTree(file.toFile());
    JsonNode intro = form.path("components").path(0);
    assertThat(intro.path("type").asText()).as("a text explains the task first").isEqualTo("text");
    assertThat(intro.path("text").asText()).containsPattern("\\p{IsThai}");
    assertThat(prop(intro, "text_en")).isNotBlank().doesNotContainPattern("\\p{IsThai}");

    Set<String> ids = new HashSet<>();
    Set<String> rows = new HashSet<>();
    for (Found f : walk(form)) {
      JsonNode c = f.node();
      String type = f.type();
      String where = file + " " + f.where();
      assertThat(c.path("id").asText()).as(where + " id").matches("Field_[0-9a-z]+");
      assertThat(ids.add(c.path("id").asText())).as("unique id " + where).isTrue();
      assertThat(c.path("layout").path("row").asText())
          .as(where + " layout row")
          .matches("Row_[0-9a-z]+");
      rows.add(c.path("layout").path("row").asText());
      assertThat(INPUTS.contains(type) || CONTAINERS.contains(type) || DISPLAY.contains(type))
          .as(where + " type " + type)
          .isTrue();

      if (type.equals("text")) {
        assertThat(c.path("text").asText()).as(where).containsPattern("\\p{IsThai}");
        assertThat(prop(c, "text_en"))
            .as(where + " text_en")
            .isNotBlank()
            .doesNotContainPattern("\\p{IsThai}");
        continue;
      }
      if (type.equals("separator")) {
        continue;
      }
      if (INPUTS.contains(type)) {
        assertThat(c.path("key").asText()).as(where + " has a key").isNotBlank();
      }
      assertThat(label(c)).as(where + " Thai label").containsPattern("\\p{IsThai}");
      assertThat(prop(c, "label_en"))
          .as(where + " label_en")
          .isNotBlank()
          .doesNotContainPattern("\\p{IsThai}");
      if (c.has("description")) {
        assertThat(prop(c, "description_en")).as(where + " description_en").isNotBlank();
      }
      for (JsonNode o : c.path("values")) {
        String value = o.path("value").asText();
        assertThat(o.path("label").asText()).as(where + "=" + value).containsPattern("\\p{IsThai}");
        assertThat(prop(c, "option_en." + value))
            .as(where + " option_en." + value)
            .isNotBlank()
            .doesNotContainPattern("\\p{IsThai}");
      }
      if (MULTI_INPUTS.contains(type)) {
        boolean staticValues = c.path("values").size() > 0;
        assertThat(staticValues ^ c.has("valuesKey"))
            .as(where + ": static values or a valuesKey")
            .isTrue();
        if (c.has("valuesKey")) {
          assertThat(c.path("valuesKey").asText()).as(where + " valuesKey").isIn(VALUES_KEYS);
        }
      }
      if (type.equals("textfield") || type.equals("textarea")) {
        assertThat(c.path("validate").path("maxLength").isInt())
            .as(where + " has a maxLength")
            .isTrue();
        assertThat(c.path("validate").path("maxLength").asInt())
            .as(where + " fits a Camunda string variable")
            .isLessThanOrEqualTo(FormValidator.STRING_STORAGE_LIMIT);
      }
    }
    assertThat(rows)
        .as("row ids are not shared with component ids")
        .doesNotContainAnyElementsOf(ids);
  }

  /** The rules of form-js's JSON schema that the Modeler's linter would flag. */
  @ParameterizedTest
  @MethodSource("files")
  void propertiesAllowedByTheFormJsSchema(Path file) throws IOException {
    for (Found f : walk(JSON.readTree(file.toFile()))) {
      JsonNode c = f.node();
      String type = f.type();
      String where = file + " " + f.where();
      boolean input = INPUTS.contains(type);
      if (!input) {
        assertThat(
                c.has("key")
                    || c.has("validate")
                    || c.has("description")
                    || c.has("readonly")
                    || c.has("disabled"))
            .as(where)
            .isFalse();
      }
      if (!input && !CONTAINERS.contains(type)) {
        assertThat(c.has("label")).as(where).isFalse();
      }
      if (!type.equals("text")) {
        assertThat(c.has("text")).as(where).isFalse();
      }
      if (!type.equals("datetime")) {
        assertThat(c.has("subtype") || c.has("dateLabel") || c.has("timeLabel"))
            .as(where)
            .isFalse();
      } else {
        assertThat(c.has("label")).as(where + ": a date's label is its dateLabel").isFalse();
      }
      if (!type.equals("number")) {
        assertThat(
                c.path("validate").has("min")
                    || c.path("validate").has("max")
                    || c.has("decimalDigits")
                    || c.has("increment"))
            .as(where)
            .isFalse();
      }
      if (!type.equals("textfield")) {
        assertThat(c.path("validate").has("pattern") || c.path("validate").has("validationType"))
            .as(where)
            .isFalse();
      }
      if (!type.equals("textfield") && !type.equals("textarea")) {
        assertThat(c.path("validate").has("minLength") || c.path("validate").has("maxLength"))
            .as(where)
            .isFalse();
      }
      if (!MULTI_INPUTS.contains(type)) {
        assertThat(c.has("values") || c.has("valuesKey") || c.has("valuesExpression"))
            .as(where)
            .isFalse();
      }
      if (c.has("valuesKey")) {
        assertThat(c.has("defaultValue")).as(where + ": no defaultValue with valuesKey").isFalse();
      }
      if (!CONTAINERS.contains(type)) {
        assertThat(c.has("path") || c.has("components") || c.has("showOutline"))
            .as(where)
            .isFalse();
      }
      if (!type.equals("dynamiclist")) {
        assertThat(
                c.has("isRepeating")
                    || c.has("defaultRepetitions")
                    || c.has("allowAddRemove")
                    || c.has("nonCollapsedItems"))
            .as(where)
            .isFalse();
      } else {
        assertThat(c.path("path").asText()).as(where + " path").matches("^\\w+$");
        assertThat(c.path("isRepeating").asBoolean()).as(where + " isRepeating").isTrue();
        assertThat(c.path("allowAddRemove").isBoolean()).as(where + " allowAddRemove").isTrue();
        assertThat(c.path("defaultRepetitions").isInt()).as(where + " defaultRepetitions").isTrue();
        assertThat(c.path("components").size()).as(where + " has rows").isPositive();
      }
      if (!type.equals("filepicker")) {
        assertThat(c.has("accept") || c.has("multiple")).as(where).isFalse();
      } else {
        assertThat(c.path("accept").asText())
            .as(where + " accept")
            .matches("^(\\.[a-z0-9]+)(,\\.[a-z0-9]+)*$");
      }
      if (c.has("key")) {
        assertThat(c.path("key").asText()).as(where).matches("^\\w+$");
      }
      if (c.has("readonly")) {
        assertThat(c.path("readonly").isBoolean()).as(where + " readonly").isTrue();
      }
      if (c.has("conditional")) {
        assertThat(c.path("conditional").path("hide").asText())
            .as(where + " FEEL condition")
            .startsWith("=");
      }
      c.path("properties")
          .forEach(p -> assertThat(p.isTextual()).as(where + " properties are strings").isTrue());
    }
  }

  @Test
  void keysAreUniqueAcrossTheProcess() throws IOException {
    Map<String, String> owner = new HashMap<>();
    for (String form : EXPECTED.keySet()) {
      Set<String> inForm = new HashSet<>();
      for (String key : keys(json(form))) {
        assertThat(inForm.add(key)).as("key " + key + " repeated in " + form).isTrue();
        if (key.contains("[]")) {
          continue; // a list row's fields are scoped by the list
        }
        String previous = owner.put(key, form);
        if (!SHARED_KEYS.contains(key)) {
          assertThat(previous).as("key " + key + " of " + form).isNull();
        }
        assertThat(key)
            .as("a form never overwrites the cycle's own variables")
            .isNotIn(CONTEXT_LISTS);
      }
    }
  }

  @Test
  void requiredFieldsAsSpecified() throws IOException {
    for (var e : REQUIRED.entrySet()) {
      Set<String> required = new TreeSet<>();
      for (Found f : walk(json(e.getKey()))) {
        if (f.node().path("validate").path("required").asBoolean(false)) {
          required.add(f.path());
        }
      }
      assertThat(required).as(e.getKey()).containsExactlyInAnyOrderElementsOf(e.getValue());
    }
  }

  @Test
  void datesOfTheYearsWorkStayInsideTheAcademicYear() throws IOException {
    Set<String> within = new TreeSet<>();
    for (String form : EXPECTED.keySet()) {
      for (Found f : walk(json(form))) {
        String value = prop(f.node(), "withinAcademicYear");
        if (value != null) {
          assertThat(f.type()).as(form + " " + f.where()).isEqualTo("datetime");
          assertThat(value).isEqualTo("true");
          within.add(f.path());
        }
      }
    }
    assertThat(within).containsExactlyInAnyOrderElementsOf(WITHIN_ACADEMIC_YEAR);
  }

  /**
   * A list seeded with {@code rowsFrom} reads variables that exist by the time its task opens: the
   * cycle's own {@code standards}, or a list written by an earlier form. Its rows are fixed, and
   * every read-only cell is a value the source rows carry.
   */
  @Test
  void seededListsReadEarlierRows() throws IOException {
    Map<String, Set<String>> rowKeys = new HashMap<>();
    rowKeys.put("standards", STANDARD_ROW_KEYS);
    List<String> seeded = new ArrayList<>();
    for (String form : EXPECTED.keySet()) {
      List<Found> all = walk(json(form));
      for (Found list : all) {
        if (!list.type().equals("dynamiclist")) {
          continue;
        }
        String where = form + " " + list.where();
        Set<String> cells = new LinkedHashSet<>();
        all.stream()
            .filter(f -> list.path().equals(f.listPath()) && f.path() != null)
            .forEach(f -> cells.add(f.path().substring(list.path().length() + 3)));
        String rowsFrom = prop(list.node(), "rowsFrom");
        if (rowsFrom != null) {
          seeded.add(list.path());
          assertThat(list.node().path("allowAddRemove").asBoolean())
              .as(where + " fixed rows")
              .isFalse();
          List<String> sources = List.of(rowsFrom.split(","));
          for (String source : sources) {
            assertThat(rowKeys)
                .as(where + " rowsFrom " + source + " is written before")
                .containsKey(source);
          }
          for (Found cell : all) {
            if (!list.path().equals(cell.listPath())
                || !cell.node().path("readonly").asBoolean(false)) {
              continue;
            }
            String key = cell.node().path("key").asText();
            boolean hiddenWhenAbsent = cell.node().has("conditional");
            for (String source : hiddenWhenAbsent ? sources.subList(0, 1) : sources) {
              assertThat(rowKeys.get(source))
                  .as(where + ": read-only " + key + " comes from " + source)
                  .contains(key);
            }
          }
        } else {
          assertThat(
                  all.stream()
                      .filter(f -> list.path().equals(f.listPath()))
                      .noneMatch(f -> f.node().path("readonly").asBoolean(false)))
              .as(where + ": a list the user fills has no read-only cells")
              .isTrue();
        }
        rowKeys.put(list.path(), cells);
      }
    }
    assertThat(seeded)
        .containsExactly(
            "targets",
            "sc1Rows",
            "sc1Projects",
            "sc2Rows",
            "sc2Projects",
            "assessment",
            "sarLevels");
  }

  /**
   * The decisions the BPMN gateways read are required choices offering exactly the gateway's
   * values.
   */
  @Test
  void gatewayDecisionsMatchTheProcess() throws IOException {
    Map<String, Set<String>> fromBpmn = new TreeMap<>();
    Matcher m = Pattern.compile("\\$\\{(\\w+) == '(\\w+)'}").matcher(Files.readString(BPMN));
    while (m.find()) {
      fromBpmn.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
    }
    // the district's review decision reaches the school's cycle by message (SarReviewed), not from
    // a form
    assertThat(fromBpmn.remove("sarReviewDecision")).containsExactly("ADVICE", "REVISE");
    assertThat(fromBpmn)
        .containsOnlyKeys("endorsementDecision", "directorDecision", "boardDecision");
    Map<String, Set<String>> fromForms = new TreeMap<>();
    for (String form : EXPECTED.keySet()) {
      for (Found f : walk(json(form))) {
        if (f.path() != null && fromBpmn.containsKey(f.path())) {
          assertThat(f.type()).as(f.path()).isEqualTo("radio");
          assertThat(f.node().path("validate").path("required").asBoolean())
              .as(f.path() + " required")
              .isTrue();
          Set<String> values = new TreeSet<>();
          f.node().path("values").forEach(v -> values.add(v.path("value").asText()));
          fromForms.put(f.path(), values);
        }
      }
    }
    assertThat(fromForms).isEqualTo(fromBpmn);
  }

  /**
   * A decision is never carried into a new round (issue 11): every input whose variable a gateway
   * of any process reads, and every input shown only for a decision (its comment), is marked {@code
   * qaflow.carry: never}, so the form asks afresh when the work comes back; the dates and numbers
   * of the meeting too. What the school revises (the draft, the findings, the synthesis) keeps
   * being pre-filled.
   */
  @Test
  void decisionsAndTheirCommentsAndDatesAreNeverCarriedIntoANewRound() throws IOException {
    Set<String> routing = new TreeSet<>();
    try (Stream<Path> bpmns = Files.list(Path.of("bpmn"))) {
      for (Path bpmn : bpmns.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher m =
            Pattern.compile("conditionExpression[^>]*>\\$\\{!?(\\w+)")
                .matcher(Files.readString(bpmn));
        while (m.find()) {
          routing.add(m.group(1));
        }
      }
    }
    Set<String> never = new TreeSet<>();
    Set<String> routingInForms = new TreeSet<>();
    Map<String, String> hideOf = new HashMap<>();
    for (Path file : files().toList()) {
      for (Found f : walk(JSON.readTree(file.toFile()))) {
        String carry = prop(f.node(), FormComponent.CARRY);
        if (carry != null) {
          assertThat(carry).as(file + " " + f.where()).isEqualTo(FormComponent.CARRY_NEVER);
          assertThat(INPUTS)
              .as(file + " " + f.where() + ": only inputs carry values")
              .contains(f.type());
          never.add(f.path());
        }
        if (f.path() != null && routing.contains(f.path())) {
          routingInForms.add(f.path());
        }
        if (f.path() != null && f.node().path("conditional").has("hide")) {
          hideOf.put(f.path(), f.node().path("conditional").path("hide").asText());
        }
      }
    }
    assertThat(routingInForms)
        .as("the forms' decisions")
        .contains(
            "directorDecision",
            "boardDecision",
            "endorsementDecision",
            "reviewDecision",
            "visitReportDecision",
            "synthesisDecision",
            "readinessDecision",
            "scheduleResponse");
    assertThat(never).as("every decision a gateway reads").containsAll(routingInForms);
    hideOf.forEach(
        (path, hide) -> {
          for (String decision : routingInForms) {
            if (Pattern.compile("\\b" + decision + "\\b").matcher(hide).find()) {
              assertThat(never).as(path + " is shown for the decision " + decision).contains(path);
            }
          }
        });
    assertThat(never)
        .as("the meetings' dates and numbers, the submission's confirmations")
        .contains(
            "boardMeetingDate",
            "boardResolutionNo",
            "endorsementMeetingDate",
            "endorsementResolutionNo",
            "sarApprovedVersionConfirmed",
            "sarSubmittedOn");
    assertThat(never)
        .as("what the school revises stays pre-filled")
        .doesNotContain(
            "sarExecutiveSummary",
            "sarLevels[].achievedLevel",
            "sarAnnexesComplete",
            "visitFindings[].findings",
            "visitSummary",
            "synthesisOverview",
            "targets[].targetLevel",
            "readiness",
            "readinessNote");
  }

  /**
   * Comments are asked for (and required) exactly when a decision sends the work back; the
   * district's advice on a SAR always.
   */
  @Test
  void commentsAreRequiredWhenReturning() throws IOException {
    Map<String, String> expected =
        Map.of(
            "endorsementComments", "=endorsementDecision != \"return\"",
            "directorComments", "=directorDecision != \"returnToQa\"",
            "boardComments", "=boardDecision != \"return\"",
            // the district's advice: required with both answers, never hidden (issue 13)
            "reviewComments", "",
            "sarPublicLink", "=sarPublishedAs != \"link\"",
            "sarPublishedFile", "=sarPublishedAs != \"file\"",
            "synthesisComments", "=synthesisDecision != \"return\"");
    Map<String, String> found = new HashMap<>();
    for (String form : EXPECTED.keySet()) {
      for (Found f : walk(json(form))) {
        if (f.path() != null && expected.containsKey(f.path())) {
          assertThat(f.node().path("validate").path("required").asBoolean()).as(f.path()).isTrue();
          found.put(f.path(), f.node().path("conditional").path("hide").asText());
        }
      }
    }
    assertThat(found).isEqualTo(expected);
  }

  /** The assessment and the SAR warn, in the row, when a level is below the school's target. */
  @Test
  void levelsBelowTheTargetAreFlagged() throws IOException {
    String below =
        "=not(achievedLevel != null and targetLevel != null and number(achievedLevel) < number(targetLevel))";
    for (String list : List.of("InternalAssessment:assessment", "DraftSar:sarLevels")) {
      String[] formAndList = list.split(":");
      List<Found> all = walk(json(formAndList[0]));
      List<Found> row = all.stream().filter(f -> formAndList[1].equals(f.listPath())).toList();
      assertThat(row)
          .as(list)
          .anySatisfy(
              f -> {
                assertThat(f.type()).isEqualTo("text");
                assertThat(f.node().path("conditional").path("hide").asText()).isEqualTo(below);
                assertThat(f.node().path("text").asText()).contains("ต่ำกว่าค่าเป้าหมาย");
              });
      assertThat(row)
          .as(list + " target and level")
          .anySatisfy(f -> assertThat(f.path()).endsWith("[].targetLevel"))
          .anySatisfy(f -> assertThat(f.path()).endsWith("[].achievedLevel"));
    }
    Found sarFile =
        walk(json("DraftSar")).stream()
            .filter(f -> "sarFile".equals(f.path()))
            .findFirst()
            .orElseThrow();
    assertThat(sarFile.type()).isEqualTo("filepicker");
    assertThat(sarFile.node().path("accept").asText()).isEqualTo(".pdf,.docx");
  }

  @Test
  void catalogLoadsTheSameFormsFromTheClassPath() throws IOException {
    FormCatalog catalog = new FormCatalog();
    assertThat(catalog.all())
        .extracting(FormSchema::id)
        .containsExactlyInAnyOrderElementsOf(files().map(FormFilesTest::formId).toList())
        .containsAll(EXPECTED.keySet());
    assertThat(catalog.find("Nope")).isEmpty();
    assertThatCode(() -> catalog.get("SetStandards")).doesNotThrowAnyException();
  }

  @Test
  void theFormsValidateRealSubmissions() throws IOException {
    FormSchema publish;
    try (InputStream in = Files.newInputStream(DIR.resolve("PublishSar.form"))) {
      publish = FormSchemaParser.parse(in, "PublishSar.form");
    }
    FormValidator validator = new FormValidator();
    assertThat(
            validator
                .validate(
                    publish,
                    TestForms.params(
                        "sarPublishedAs",
                        "link",
                        "sarPublicLink",
                        "www.school.ac.th/sar",
                        "sarPublishedOn",
                        "2026-05-30"))
                .errorsOf("sarPublicLink"))
        .containsExactly(FieldError.of(FieldError.PATTERN));
    FormResult published =
        validator.validate(
            publish,
            TestForms.params(
                "sarPublishedAs",
                "link",
                "sarPublicLink",
                "https://www.school.ac.th/sar",
                "sarPublishedOn",
                "2026-05-30"));
    assertThat(published.valid()).isTrue();
    assertThat(published.values())
        .containsEntry("sarPublishedAs", "link")
        .containsEntry("sarPublicLink", "https://www.school.ac.th/sar");
  }
}
