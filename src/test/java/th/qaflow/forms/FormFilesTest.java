package th.qaflow.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The .form files in forms/: complete, Modeler-compatible and consistent across the process. */
class FormFilesTest {

  static final Path DIR = Path.of("forms");

  /** Keys deliberately written by more than one form (none yet). */
  static final Set<String> SHARED_KEYS = Set.of();

  static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("SetStandards", List.of("standardsFramework", "standardsSummary", "standardsTargetNote"));
    EXPECTED.put("BoardEndorseStandards", List.of(
        "endorsementDecision", "endorsementComments", "endorsementMeetingDate", "endorsementResolutionNo"));
    EXPECTED.put("AnnounceStandards", List.of("announcementDate", "announcementRef"));
    EXPECTED.put("MakePlans", List.of("developmentPlanPeriod", "actionPlanSummary", "actionPlanProjectCount"));
    EXPECTED.put("SelfCheckSemesterOne", List.of("sc1Progress", "sc1Findings", "sc1NextActions"));
    EXPECTED.put("SelfCheckSemesterTwo", List.of("sc2Progress", "sc2Findings", "sc2NextActions"));
    EXPECTED.put("InternalAssessment", List.of("iaOverallLevel", "iaStrengths", "iaImprovements"));
    EXPECTED.put("DraftSar", List.of("sarExecutiveSummary", "sarDocumentLink", "sarAnnexesComplete"));
    EXPECTED.put("DirectorReviewSar", List.of("directorDecision", "directorComments"));
    EXPECTED.put("BoardApproveSar", List.of("boardDecision", "boardComments", "boardMeetingDate", "boardResolutionNo"));
    EXPECTED.put("SubmitSar", List.of("sarSubmittedOn", "sarSubmittedToESar"));
    EXPECTED.put("PublishSar", List.of("sarPublicLink", "sarPublishedOn"));
  }

  static Stream<Path> files() throws IOException {
    try (Stream<Path> list = Files.list(DIR)) {
      return list.filter(p -> p.toString().endsWith(".form")).sorted().toList().stream();
    }
  }

  static FormSchema parse(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return FormSchemaParser.parse(in, file.toString());
    }
  }

  @Test
  void oneFormPerUserTaskOfTheSchoolCycle() throws IOException {
    assertThat(files().map(p -> p.getFileName().toString().replace(".form", "")))
        .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    for (var e : EXPECTED.entrySet()) {
      assertThat(parse(DIR.resolve(e.getKey() + ".form")).keys()).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  @ParameterizedTest
  @MethodSource("files")
  void headerAsCamundaModelerWritesIt(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    String id = file.getFileName().toString().replace(".form", "");
    assertThat(root.path("id").asText()).isEqualTo(id);
    assertThat(root.path("type").asText()).isEqualTo("default");
    assertThat(root.path("schemaVersion").asInt()).isEqualTo(16);
    assertThat(root.path("exporter").path("name").asText()).isEqualTo("Camunda Modeler");
    assertThat(root.path("exporter").path("version").asText()).isEqualTo("5.31.0");
    assertThat(root.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(root.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
  }

  @ParameterizedTest
  @MethodSource("files")
  void componentsAreLabelledInThaiAndEnglish(Path file) throws IOException {
    FormSchema form = parse(file);
    assertThat(form.components()).isNotEmpty();
    FormComponent intro = form.components().get(0);
    assertThat(intro.type()).as("a text explains the task first").isEqualTo("text");
    assertThat(intro.text()).containsPattern("\\p{IsThai}");
    assertThat(intro.textEn()).isNotBlank().doesNotContainPattern("\\p{IsThai}");

    Set<String> ids = new HashSet<>();
    for (FormComponent c : form.components()) {
      assertThat(c.id()).as(file + " id").matches("Field_[0-9a-z]+");
      assertThat(ids.add(c.id())).as("unique id " + c.id()).isTrue();
      assertThat(c.isSupported()).as(c.id() + " type " + c.type()).isTrue();
      if (c.type().equals("text")) {
        continue;
      }
      assertThat(c.isInput()).isTrue();
      assertThat(c.label()).as(c.key() + " Thai label").containsPattern("\\p{IsThai}");
      assertThat(c.labelEn()).as(c.key() + " label_en").isNotBlank().doesNotContainPattern("\\p{IsThai}");
      if (c.description() != null) {
        assertThat(c.descriptionEn()).as(c.key() + " description_en").isNotBlank();
      }
      for (FormOption o : c.values()) {
        assertThat(o.label()).as(c.key() + "=" + o.value()).containsPattern("\\p{IsThai}");
        assertThat(o.labelEn()).as(c.key() + " option_en." + o.value()).isNotBlank();
      }
      if (c.type().equals("select") || c.type().equals("radio")) {
        assertThat(c.values()).as(c.key() + " options").isNotEmpty();
      }
      if (c.type().equals("textfield") || c.type().equals("textarea")) {
        assertThat(c.validate().maxLength()).as(c.key() + " fits a Camunda string variable")
            .isNotNull().isLessThanOrEqualTo(FormValidator.STRING_STORAGE_LIMIT);
      }
    }
  }

  /** The rules of form-js's JSON schema that the Modeler's linter would flag. */
  @ParameterizedTest
  @MethodSource("files")
  void propertiesAllowedByTheFormJsSchema(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    for (JsonNode c : root.path("components")) {
      String type = c.path("type").asText();
      String where = file + " " + c.path("id").asText();
      boolean input = FormComponent.INPUT_TYPES.contains(type);
      if (!input) {
        assertThat(c.has("key") || c.has("label") || c.has("validate")).as(where).isFalse();
      }
      if (!type.equals("text")) {
        assertThat(c.has("text")).as(where).isFalse();
      }
      if (!type.equals("datetime")) {
        assertThat(c.has("subtype") || c.has("dateLabel") || c.has("timeLabel")).as(where).isFalse();
      }
      if (!type.equals("number")) {
        assertThat(c.path("validate").has("min") || c.path("validate").has("max") || c.has("decimalDigits"))
            .as(where).isFalse();
      }
      if (!type.equals("textfield")) {
        assertThat(c.path("validate").has("pattern") || c.path("validate").has("validationType")).as(where).isFalse();
      }
      if (!type.equals("textfield") && !type.equals("textarea")) {
        assertThat(c.path("validate").has("minLength") || c.path("validate").has("maxLength")).as(where).isFalse();
      }
      if (!type.equals("select") && !type.equals("radio")) {
        assertThat(c.has("values")).as(where).isFalse();
      }
      if (c.has("key")) {
        assertThat(c.path("key").asText()).matches("^\\w+(\\.\\w+)*$");
      }
      c.path("properties").forEach(p -> assertThat(p.isTextual()).as(where + " properties are strings").isTrue());
    }
  }

  @Test
  void keysAreUniqueAcrossTheProcess() throws IOException {
    Map<String, String> owner = new HashMap<>();
    for (Path file : files().toList()) {
      FormSchema form = parse(file);
      for (String key : form.keys()) {
        String previous = owner.put(key, form.id());
        if (!SHARED_KEYS.contains(key)) {
          assertThat(previous).as("key " + key + " of " + form.id()).isNull();
        }
      }
    }
    assertThat(owner).hasSize(EXPECTED.values().stream().mapToInt(List::size).sum());
  }

  @Test
  void catalogLoadsTheSameFormsFromTheClassPath() {
    FormCatalog catalog = new FormCatalog();
    assertThat(catalog.all()).extracting(FormSchema::id).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    assertThat(catalog.find("Nope")).isEmpty();
    assertThatCode(() -> catalog.get("SetStandards")).doesNotThrowAnyException();
  }

  @Test
  void requiredFieldsAsSpecified() throws IOException {
    Map<String, Set<String>> required = new HashMap<>();
    for (Path file : files().toList()) {
      FormSchema form = parse(file);
      for (FormComponent c : form.inputs()) {
        if (c.isRequired()) {
          required.computeIfAbsent(form.id(), k -> new HashSet<>()).add(c.key());
        }
      }
    }
    assertThat(required.get("SetStandards")).containsExactlyInAnyOrder("standardsSummary", "standardsFramework");
    assertThat(required.get("BoardEndorseStandards"))
        .containsExactlyInAnyOrder("endorsementDecision", "endorsementMeetingDate");
    assertThat(required.get("AnnounceStandards")).containsExactlyInAnyOrder("announcementDate", "announcementRef");
    assertThat(required.get("MakePlans"))
        .containsExactlyInAnyOrder("developmentPlanPeriod", "actionPlanSummary", "actionPlanProjectCount");
    assertThat(required.get("SelfCheckSemesterOne")).containsExactlyInAnyOrder("sc1Progress", "sc1Findings");
    assertThat(required.get("SelfCheckSemesterTwo")).containsExactlyInAnyOrder("sc2Progress", "sc2Findings");
    assertThat(required.get("InternalAssessment"))
        .containsExactlyInAnyOrder("iaOverallLevel", "iaStrengths", "iaImprovements");
    assertThat(required.get("DraftSar")).containsExactlyInAnyOrder("sarExecutiveSummary", "sarDocumentLink");
    assertThat(required.get("DirectorReviewSar")).containsExactlyInAnyOrder("directorDecision");
    assertThat(required.get("BoardApproveSar")).containsExactlyInAnyOrder("boardDecision", "boardMeetingDate");
    assertThat(required.get("SubmitSar")).containsExactlyInAnyOrder("sarSubmittedOn");
    assertThat(required.get("PublishSar")).containsExactlyInAnyOrder("sarPublicLink", "sarPublishedOn");
  }

  @Test
  void theFormsValidateRealSubmissions() throws IOException {
    FormValidator validator = new FormValidator();
    FormResult plans = validator.validate(parse(DIR.resolve("MakePlans.form")), TestForms.params(
        "developmentPlanPeriod", "2568–2571",
        "actionPlanSummary", "โครงการพัฒนาการอ่านออกเขียนได้",
        "actionPlanProjectCount", "18"));
    assertThat(plans.valid()).isTrue();
    assertThat(plans.values()).containsEntry("actionPlanProjectCount", 18L);
    assertThat(validator.validate(parse(DIR.resolve("MakePlans.form")),
        TestForms.params("developmentPlanPeriod", "2568 - 2571")).errorsOf("developmentPlanPeriod")).isEmpty();

    FormSchema publish = parse(DIR.resolve("PublishSar.form"));
    assertThat(validator.validate(publish, TestForms.params("sarPublicLink", "www.school.ac.th/sar", "sarPublishedOn", "2026-05-30"))
        .errorsOf("sarPublicLink")).containsExactly(FieldError.of(FieldError.PATTERN));
    assertThat(validator.validate(publish, TestForms.params("sarPublicLink", "https://www.school.ac.th/sar", "sarPublishedOn", "2026-05-30"))
        .valid()).isTrue();

    FormSchema ia = parse(DIR.resolve("InternalAssessment.form"));
    assertThat(ia.input("iaOverallLevel").orElseThrow().values()).extracting(FormOption::value)
        .containsExactly("excellent", "very_good", "good", "fair", "developing");
  }
}
