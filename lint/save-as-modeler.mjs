// Saves every bpmn/*.bpmn the way Camunda Modeler does: bpmn-js reads the XML into bpmn-moddle with the
// Camunda 7 extension (camunda-bpmn-moddle) and writes it back (toXML, formatted), stamping its own
// exporter. The results go to target/modeler-saved/; bpmnlint then lints them and ModelerSavedModelsTest
// checks that nothing the engine or QA Flow reads (ids, expressions, properties, forms) was lost. So a model
// that an analyst opens and saves in Modeler passes the build as the hand-edited file does.
import { readFile, writeFile, readdir, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };

const [source = '../bpmn', target = '../target/modeler-saved'] = process.argv.slice(2);
const moddle = new BpmnModdle({ camunda: camundaModdle });
await mkdir(target, { recursive: true });
let failed = 0;
const files = (await readdir(source)).filter((f) => f.endsWith('.bpmn')).sort();
for (const file of files) {
  const xml = await readFile(path.join(source, file), 'utf8');
  const { rootElement: definitions, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  for (const w of warnings) {
    failed++;
    console.error(`${file}: ${w.message}`);
  }
  definitions.exporter = 'Camunda Modeler';
  definitions.exporterVersion = '5.31.0';
  const { xml: saved } = await moddle.toXML(definitions, { format: true });
  await writeFile(path.join(target, file), saved);
}
if (failed) {
  console.error(`save-as-modeler: ${failed} warning(s) reading the models`);
  process.exit(1);
}
console.log(`save-as-modeler: ${files.length} models saved as Camunda Modeler does, in ${target}`);
