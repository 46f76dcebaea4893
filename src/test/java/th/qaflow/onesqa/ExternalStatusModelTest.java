package th.qaflow.onesqa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.junit.jupiter.api.Test;
import th.qaflow.onesqa.internal.ExternalStatus;
import th.qaflow.onesqa.internal.ExternalSteps;
import th.qaflow.onesqa.internal.SchoolStatus;

/**
 * The ONESQA models name every school status in their own listeners: each {@code externalStatus}
 * listener names a known {@link SchoolStatus} through a method that exists, every status but the
 * row's first is set somewhere in the models, each {@code externalSteps} call is a step method, the
 * models no longer call the old {@code externalRecords} bean, and every status has its Thai and
 * English label.
 */
class ExternalStatusModelTest {
  static final List<String> MODELS = List.of("ExternalAssessment", "ExternalAssessmentSchool");
  static final Pattern STATUS =
      Pattern.compile("\\$\\{externalStatus\\.(\\w+)\\(execution, '(\\w+)'\\)}");
  static final Pattern STEP = Pattern.compile("\\$\\{externalSteps\\.(\\w+)\\(execution\\)}");

  @Test
  void everyStatusIsNamedInTheModelsByAListenerTheEngineCanCall() throws Exception {
    Set<SchoolStatus> named = EnumSet.noneOf(SchoolStatus.class);
    for (String expression : expressions()) {
      assertThat(expression)
          .as("the old bean (kept for instances of version 1 and 2 only)")
          .doesNotContain("externalRecords");
      if (expression.contains("externalStatus")) {
        Matcher m = STATUS.matcher(expression);
        assertThat(m.matches()).as(expression).isTrue();
        named.add(SchoolStatus.valueOf(m.group(2)));
        Method method =
            ExternalStatus.class.getMethod(m.group(1), DelegateExecution.class, SchoolStatus.class);
        assertThat(Modifier.isPublic(method.getModifiers())).as(expression).isTrue();
      } else if (expression.contains("externalSteps")) {
        Matcher m = STEP.matcher(expression);
        assertThat(m.matches()).as(expression).isTrue();
        assertThat(ExternalSteps.class.getMethod(m.group(1), DelegateExecution.class))
            .as(expression)
            .isNotNull();
      }
    }
    Set<SchoolStatus> expected = EnumSet.complementOf(EnumSet.of(SchoolStatus.WAITING_CRITERIA));
    assertThat(named)
        .as("every status but the row's first is set by a listener in the models")
        .isEqualTo(expected);
  }

  @Test
  void everyStatusHasAThaiAndAnEnglishLabel() throws IOException {
    for (String language : List.of("th", "en")) {
      Properties messages = new Properties();
      try (var in =
          new InputStreamReader(
              new FileInputStream("src/main/resources/i18n/external_" + language + ".properties"),
              StandardCharsets.UTF_8)) {
        messages.load(in);
      }
      for (SchoolStatus status : SchoolStatus.values()) {
        assertThat(messages.getProperty("external.status." + status.name()))
            .as(language + " " + status)
            .isNotBlank();
      }
    }
  }

  /** Every listener and service-task expression of both models. */
  static List<String> expressions() {
    List<String> expressions = new ArrayList<>();
    for (String id : MODELS) {
      BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/" + id + ".bpmn"));
      model
          .getModelElementsByType(CamundaExecutionListener.class)
          .forEach(l -> expressions.add(l.getCamundaExpression()));
      model.getModelElementsByType(ServiceTask.class).stream()
          .map(ServiceTask::getCamundaExpression)
          .filter(e -> e != null && !e.contains("externalDeadlines"))
          .forEach(expressions::add);
    }
    return expressions;
  }
}
