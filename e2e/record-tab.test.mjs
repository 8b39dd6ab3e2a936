// The Record tab (scripts/gxp-record/plugin.js) without a browser and without the app: a small stand-in for the DOM
// (only what the plugin uses) and for fetch. It checks what the walk in record.test.mjs cannot reach cheaply: the key
// encoded into the frame's and the links' paths, a task without a business key, and the server's refusal shown in
// the frame replaced by one sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPTS = join(dirname(fileURLToPath(import.meta.url)), '..',
  'src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/scripts');

class Element {
  constructor(tag) {
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.childNodes = [];
    this.listeners = {};
  }
  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  get hidden() { return this.attributes.has('hidden'); }
  set hidden(value) { if (value) { this.setAttribute('hidden', ''); } else { this.attributes.delete('hidden'); } }
  append(...nodes) { this.childNodes.push(...nodes.map(n => (n instanceof Element ? n : { textContent: String(n) }))); }
  replaceChildren(...nodes) { this.childNodes = []; this.append(...nodes); }
  get textContent() { return this.childNodes.map(n => n.textContent).join(''); }
  set textContent(text) { this.replaceChildren(String(text)); }
  addEventListener(type, listener) { (this.listeners[type] = this.listeners[type] || []).push(listener); }
  all(tag) {
    return this.childNodes.filter(n => n instanceof Element)
      .flatMap(c => [c, ...c.all('*')]).filter(e => tag === '*' || e.tagName === tag.toUpperCase());
  }
}

globalThis.document = { createElement: tag => new Element(tag) };

let answers = {};
globalThis.fetch = async url => {
  const [status, body] = answers[url] || [404, {}];
  return { status, ok: status >= 200 && status < 300, json: async () => body };
};

const source = readFileSync(join(SCRIPTS, 'gxp-record/plugin.js'), 'utf8')
  .replace(/^import .*$/gm, '')
  .replace('export default', 'export const plugin =');
const dom = readFileSync(join(SCRIPTS, 'gxp-shared/dom.js'), 'utf8').replace(/^export /gm, '');
const { plugin } = await import('data:text/javascript;base64,' + Buffer.from(dom + source).toString('base64'));

const ENGINE = '/camunda/api/engine/engine/default';

async function rendered(businessKey) {
  answers = {
    [ENGINE + '/task/task-1']: [200, { id: 'task-1', processInstanceId: 'pi-1' }],
    [ENGINE + '/process-instance/pi-1']: [200, { id: 'pi-1', businessKey }],
  };
  const node = new Element('div');
  plugin.render(node, { taskId: 'task-1', api: {} });
  for (let i = 0; i < 20 && !node.childNodes.length; i++) {
    await new Promise(resolve => setImmediate(resolve));
  }
  assert.ok(node.childNodes.length, 'the tab drew nothing');
  return node;
}

/** The frame's document as the browser gives it to a same-origin parent after a load. */
function loaded(frame, contentType, text) {
  frame.contentDocument = { contentType, body: { textContent: text } };
  frame.listeners.load.forEach(listener => listener());
}

test('the tab is registered as a task detail tab labelled Record', () => {
  assert.equal(plugin.pluginPoint, 'tasklist.task.detail');
  assert.equal(plugin.properties.label, 'Record');
});

test('the record page in a frame without scripts, a link to open it and one to download its PDF', async () => {
  const node = await rendered('B 2026/07');
  const [frame] = node.all('iframe');
  assert.equal(frame.getAttribute('src'), '/api/records/B%202026%2F07.html');
  assert.equal(frame.getAttribute('sandbox'), 'allow-same-origin');
  const [open, pdf] = node.all('a');
  assert.equal(open.textContent, 'Open in a new tab');
  assert.equal(open.getAttribute('href'), '/api/records/B%202026%2F07.html');
  assert.equal(open.getAttribute('target'), '_blank');
  assert.equal(pdf.textContent, 'Download PDF');
  assert.equal(pdf.getAttribute('href'), '/api/records/B%202026%2F07.pdf');
  assert.equal(pdf.getAttribute('download'), 'B 2026/07.pdf');

  loaded(frame, 'text/html', 'GxP record B 2026/07');
  assert.equal(frame.hidden, false, 'the page stays');
  assert.ok(node.all('p').find(p => p.getAttribute('role') === 'alert').hidden);
});

test('a refusal in the frame becomes one sentence, without the frame and its links', async () => {
  const node = await rendered('DEV-2026-0001');
  const [frame] = node.all('iframe');
  loaded(frame, 'application/problem+json', JSON.stringify({ status: 403, title: 'Forbidden',
    detail: 'Only the people who took part in DEV-2026-0001, QA, QPs, process owners and administrators read its record' }));
  const message = node.all('p').find(p => p.getAttribute('role') === 'alert');
  assert.equal(message.hidden, false);
  assert.equal(message.textContent,
    'You may not read this record: only its participants, QA, QPs, process owners and administrators may.');
  assert.equal(frame.hidden, true);
  assert.equal(node.all('p').find(p => p.getAttribute('class') === 'gxp-record-links').hidden, true);
});

test('another answer in the frame is said with the server\'s detail', async () => {
  const node = await rendered('DEV-2026-0001');
  const [frame] = node.all('iframe');
  loaded(frame, 'application/problem+json', JSON.stringify({ status: 404, detail: 'No GxP record B-2026-0044' }));
  assert.equal(node.all('p').find(p => p.getAttribute('role') === 'alert').textContent, 'No GxP record B-2026-0044');
});

test('a task without a business key says so', async () => {
  const node = await rendered(null);
  assert.equal(node.textContent, 'This task\'s record has no id yet.');
  assert.equal(node.all('iframe').length, 0);
});
