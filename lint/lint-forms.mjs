// Imports every forms/*.form into form-js (the viewer Camunda Modeler and Camunda's Tasklist use) in a
// jsdom page and fails on any error or warning: an unknown component type, a duplicate id or key, a
// binding path claimed twice, a schemaVersion this form-js does not know, or anything form-js logs
// while importing and rendering. Usage: node lint-forms.mjs <forms folder>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node lint-forms.mjs <forms folder>');
  process.exit(2);
}

// form-js renders with preact into a DOM: give it jsdom's window before it loads.
const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>', { pretendToBeVisual: true });
for (const name of ['window', 'document', 'navigator', 'HTMLElement', 'Node', 'Element', 'Event', 'CustomEvent',
  'KeyboardEvent', 'MouseEvent', 'FocusEvent', 'InputEvent', 'DOMParser', 'getComputedStyle',
  'requestAnimationFrame', 'cancelAnimationFrame', 'MutationObserver']) {
  if (!(name in globalThis) || name === 'navigator') {
    Object.defineProperty(globalThis, name, { value: dom.window[name], configurable: true, writable: true });
  }
}

// the CommonJS build: the ES build imports 'lodash/isEqual' without an extension, which Node's ESM loader refuses
const { Form, schemaVersion: supportedSchemaVersion } = createRequire(import.meta.url)('@bpmn-io/form-js-viewer');

// The oldest schema QA Flow's forms were written for (Camunda 7.24, form-js 1.8+).
const MIN_SCHEMA_VERSION = 16;

// Whatever form-js logs while importing or rendering a form is a warning about that form.
const logged = [];
for (const level of ['warn', 'error']) {
  console[level] = (...args) => logged.push(args.map(String).join(' '));
}
const report = (...lines) => process.stderr.write(lines.join('\n') + '\n');

const files = readdirSync(dir).filter((f) => f.endsWith('.form')).sort();
if (files.length === 0) {
  report(`no .form files in ${dir}`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  const problems = [];
  logged.length = 0;
  let schema;
  try {
    schema = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch (e) {
    problems.push(`not JSON: ${e.message}`);
  }
  if (schema) {
    const v = schema.schemaVersion;
    if (!Number.isInteger(v) || v < MIN_SCHEMA_VERSION || v > supportedSchemaVersion) {
      problems.push(`schemaVersion ${v} outside ${MIN_SCHEMA_VERSION}..${supportedSchemaVersion} (the newest schema this build's form-js reads is ${supportedSchemaVersion})`);
    }
    const container = document.createElement('div');
    document.body.appendChild(container);
    const form = new Form({ container });
    try {
      const { warnings } = await form.importSchema(schema, {});
      for (const w of warnings) {
        problems.push(`warning: ${w.message || w}`);
      }
    } catch (e) {
      problems.push(`import error: ${e.message}`);
      for (const w of e.warnings || []) {
        problems.push(`warning: ${w.message || w}`);
      }
    }
    form.destroy();
    container.remove();
  }
  problems.push(...logged.map((l) => `logged: ${l}`));
  if (problems.length) {
    failed++;
    report(`${join(dir, file)}`, ...problems.map((p) => `  ${p}`));
  }
}
if (failed) {
  report(`✖ ${failed} of ${files.length} forms do not import cleanly into form-js`);
  process.exit(1);
}
process.stdout.write(`form-js (schema ${supportedSchemaVersion}): ${files.length} forms imported, 0 errors, 0 warnings\n`);
