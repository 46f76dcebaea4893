package th.qaflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A model opened and saved in Camunda Modeler passes the build: the lint step
 * (lint/save-as-modeler.mjs) saves every bpmn/*.bpmn as Modeler does (bpmn-moddle with the Camunda
 * extension, Modeler's exporter) into target/modeler-saved and bpmnlint accepts them; here each
 * saved model must keep every element, attribute and text of the hand-edited one (attribute order
 * and the exporter aside) and parse in the engine's model API, so the engine and QA Flow read the
 * same process from either file.
 */
class ModelerSavedModelsTest {
  static final Path MODELS = Path.of("bpmn");
  static final Path SAVED = Path.of("target/modeler-saved");

  @Test
  void modelsSavedAsModelerDoesKeepEverythingTheEngineReads() throws Exception {
    if (!"true".equals(System.getenv("CI"))) {
      Assumptions.assumeTrue(
          Files.isDirectory(SAVED), "the model lint did not run (-Dqaflow.lint.skip=true)");
    }
    List<Path> models;
    try (Stream<Path> files = Files.list(MODELS)) {
      models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(models).isNotEmpty();
    for (Path model : models) {
      Path saved = SAVED.resolve(model.getFileName());
      assertThat(saved).as("saved by the lint step").exists();
      assertThat(canonical(saved.toFile()))
          .as(model.getFileName() + " after a save in Camunda Modeler")
          .isEqualTo(canonical(model.toFile()));

      BpmnModelInstance parsed = Bpmn.readModelFromFile(saved.toFile());
      Bpmn.validateModel(parsed);
      assertThat(parsed.getModelElementsByType(Definitions.class).iterator().next().getExporter())
          .isEqualTo("Camunda Modeler");
      assertThat(parsed.getModelElementsByType(UserTask.class))
          .extracting(UserTask::getId)
          .containsExactlyInAnyOrderElementsOf(
              Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class).stream()
                  .map(UserTask::getId)
                  .toList());
    }
  }

  @Test
  void theComparisonSeesALostAttribute() throws Exception {
    Path model = MODELS.resolve("SarReview.bpmn");
    Path changed = Files.createTempFile("SarReview", ".bpmn");
    try {
      Files.writeString(
          changed, Files.readString(model).replaceFirst(" camunda:formRef=\"[^\"]*\"", ""));
      assertThat(canonical(changed.toFile())).isNotEqualTo(canonical(model.toFile()));
    } finally {
      Files.delete(changed);
    }
  }

  /**
   * Element names, attributes (sorted, without the exporter's), trimmed texts, children in order.
   */
  static String canonical(File file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    StringBuilder out = new StringBuilder();
    write(factory.newDocumentBuilder().parse(file).getDocumentElement(), out, "");
    return out.toString();
  }

  private static void write(Element e, StringBuilder out, String indent) {
    TreeMap<String, String> attributes = new TreeMap<>();
    for (int i = 0; i < e.getAttributes().getLength(); i++) {
      Node a = e.getAttributes().item(i);
      String name = "{" + a.getNamespaceURI() + "}" + a.getLocalName();
      if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())
          && !List.of("exporter", "exporterVersion").contains(a.getLocalName())) {
        attributes.put(name, a.getNodeValue());
      }
    }
    out.append(indent)
        .append('{')
        .append(e.getNamespaceURI())
        .append('}')
        .append(e.getLocalName())
        .append(attributes)
        .append('\n');
    List<Element> children = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child) {
        children.add(child);
      } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(c.getNodeValue());
      }
    }
    if (!text.toString().isBlank()) {
      out.append(indent).append("  \"").append(text.toString().strip()).append("\"\n");
    }
    children.forEach(child -> write(child, out, indent + "  "));
  }
}
