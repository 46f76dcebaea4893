package th.qaflow.cycle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.cycle.internal.SarRecords.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import th.qaflow.forms.FormCatalog;
import th.qaflow.forms.FormComponent;
import th.qaflow.forms.FormOption;
import th.qaflow.forms.FormSchema;

/**
 * The keys the school cycle reads a SAR by ({@link SarRecords}, given to the district's synthesis
 * as {@code AcceptedSar}) are the keys the shipped forms write: renaming a key in forms/*.form
 * fails here, not in a report.
 */
class SarFormKeysTest {
  final FormCatalog forms = new FormCatalog();

  @Test
  void setStandardsWritesTheTargetsRows() {
    FormSchema form = forms.get("SetStandards");
    assertThat(rowKeys(form, TARGETS)).contains(STANDARD_CODE, STANDARD_LABEL, TARGET_LEVEL);
    assertThat(rowKeys(form, OWN_STANDARDS)).contains(STANDARD_CODE, STANDARD_LABEL, TARGET_LEVEL);
  }

  @Test
  void internalAssessmentWritesLevelsStrengthsAndImprovements() {
    assertThat(rowKeys(forms.get("InternalAssessment"), ASSESSMENT))
        .contains(
            STANDARD_CODE, STANDARD_LABEL, TARGET_LEVEL, ACHIEVED_LEVEL, STRENGTHS, IMPROVEMENTS);
  }

  @Test
  void draftSarWritesTheSarsLevelsAndItsSummary() {
    assertThat(rowKeys(forms.get("DraftSar"), SAR_LEVELS))
        .contains(STANDARD_CODE, STANDARD_LABEL, TARGET_LEVEL, ACHIEVED_LEVEL);
    assertThat(forms.get("DraftSar").variables()).contains(EXECUTIVE_SUMMARY);
  }

  @Test
  void publishSarWritesALinkOrAFile() {
    FormSchema form = forms.get("PublishSar");
    assertThat(form.variables()).contains(PUBLISHED_AS, PUBLIC_LINK, PUBLISHED_FILE);
    FormComponent as = form.input(PUBLISHED_AS).orElseThrow();
    assertThat(as.values()).extracting(FormOption::value).contains("link", "file");
    assertThat(form.input(PUBLISHED_FILE).orElseThrow().type()).isEqualTo(FormComponent.FILEPICKER);
  }

  @Test
  void everyVariableReadIsWrittenByAFormOfTheCycle() {
    List<String> written = new ArrayList<>();
    for (String id : List.of("SetStandards", "InternalAssessment", "DraftSar", "PublishSar")) {
      written.addAll(forms.get(id).variables());
    }
    // the board-approved version is set by the cycle itself (SarApprovals), not by a form
    assertThat(written)
        .containsAll(
            VARIABLES.stream()
                .filter(
                    v -> !v.equals(th.qaflow.cycle.SchoolQaCycleProcess.VAR_SAR_APPROVED_VERSION))
                .toList());
  }

  /** The keys of the inputs of a form's dynamic list bound to {@code path}. */
  static List<String> rowKeys(FormSchema form, String path) {
    FormComponent list = find(form.components(), path).orElse(null);
    assertThat(list).as(form.id() + " has a list " + path).isNotNull();
    assertThat(list.isList()).as(path + " is a dynamic list").isTrue();
    return list.components().stream()
        .filter(FormComponent::isInput)
        .map(FormComponent::key)
        .toList();
  }

  static Optional<FormComponent> find(List<FormComponent> components, String path) {
    for (FormComponent c : components) {
      if (c.isList() && path.equals(c.path())) {
        return Optional.of(c);
      }
      if (c.components() != null && !c.components().isEmpty()) {
        Optional<FormComponent> inner = find(c.components(), path);
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }
}
