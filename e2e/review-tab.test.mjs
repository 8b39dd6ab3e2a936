// The Review tab (scripts/gxp-review/plugin.js) drawn from a fixed answer of GET /api/mlr/tasks/{id}/review, without
// a browser and without the app: a small stand-in for the DOM (only what the plugin uses) and for fetch. It checks
// what the walk in the real Tasklist cannot check cheaply: the word diff as <del>/<ins>, approved modules collapsed,
// the finding's span marked, a text with markup in it staying text, the comment form only for the assignee, and a
// comment posted with the CSRF token and listed under its module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPTS = join(dirname(fileURLToPath(import.meta.url)), '..',
  'src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/scripts');

// --- a DOM of elements and text nodes, just enough for the plugin

class Text {
  constructor(text) { this.data = String(text); this.parentNode = null; }
  get textContent() { return this.data; }
}

class Element {
  constructor(tag) {
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.childNodes = [];
    this.listeners = {};
    this.dataset = {};
    this.style = {};
    this.parentNode = null;
    this.hidden = false;
    this.classList = { contains: name => (this.getAttribute('class') || '').split(/\s+/).includes(name) };
  }
  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  removeAttribute(name) { this.attributes.delete(name); }
  get className() { return this.getAttribute('class') || ''; }
  set className(value) { this.setAttribute('class', value); }
  get children() { return this.childNodes.filter(n => n instanceof Element); }
  append(...nodes) {
    for (const node of nodes) {
      const child = node instanceof Element || node instanceof Text ? node : new Text(node);
      child.parentNode = this;
      this.childNodes.push(child);
    }
  }
  replaceChildren(...nodes) { this.childNodes = []; this.append(...nodes); }
  get textContent() { return this.childNodes.map(n => n.textContent).join(''); }
  set textContent(text) { this.replaceChildren(String(text)); }
  set innerHTML(markup) { throw new Error('innerHTML used: ' + markup); }
  addEventListener(type, listener) { (this.listeners[type] = this.listeners[type] || []).push(listener); }
  dispatch(type, event) { return Promise.all((this.listeners[type] || []).map(l => l(event))); }
  descendants() { return this.children.flatMap(c => [c, ...c.descendants()]); }
  all(tag, cls) {
    return this.descendants().filter(e => e.tagName === tag.toUpperCase() && (!cls || e.classList.contains(cls)));
  }
  querySelectorAll() { return []; }
  querySelector() { return null; }
  scrollIntoView() {}
  focus() {}
  click() {}
  reset() { this.all('textarea').forEach(t => { t.value = ''; }); }
}

globalThis.document = {
  createElement: tag => new Element(tag),
  documentElement: new Element('html'),
  cookie: 'XSRF-TOKEN=cookie-token',
  querySelectorAll: () => [],
  querySelector: () => null,
  addEventListener() {},
};
globalThis.window = { location: { hash: '#/?task=task-1' }, addEventListener() {} };
globalThis.MutationObserver = class { observe() {} };

const requests = [];
let answers = {};
globalThis.fetch = async (url, options = {}) => {
  requests.push({ url, ...options });
  const [status, body] = answers[(options.method || 'GET') + ' ' + url] || [404, {}];
  return { status, ok: status >= 200 && status < 300, json: async () => body };
};

// the plugin as Tasklist loads it, with its two shared helpers inlined (no module resolution in a test)
function inlined(file) {
  return readFileSync(join(SCRIPTS, file), 'utf8').replace(/^export /gm, '');
}
const source = readFileSync(join(SCRIPTS, 'gxp-review/plugin.js'), 'utf8')
  .replace(/^import .*$/gm, '')
  .replace('export default', 'export const plugin =');
const { plugin } = await import('data:text/javascript;base64,'
  + Buffer.from(inlined('gxp-shared/api.js') + inlined('gxp-shared/dom.js') + source).toString('base64'));

// --- the answer the server gives (shapes as ReviewApiIT asserts them)

function review(overrides = {}) {
  return {
    taskId: 'task-1', taskName: 'Medical review', taskDefinitionKey: 'Task_MedicalReview',
    itemId: 'MLR-2026-0042', version: 3, round: 1,
    content: { title: 'Relief email', product: 'Painfree', markets: ['US'], channel: 'email', audience: 'HCP',
      status: 'IN_REVIEW', contentHash: 'abc' },
    precheck: { round: 1, checkedAt: '2026-11-02T09:00:00Z', score: 70, blocked: false, findings: [
      { rule: 'prohibited-phrase', severity: 'MAJOR', moduleId: 'efficacy', start: 35, end: 41,
        before: 'Reduces pain by 40% in adults, ', excerpt: 'safest', after: ' choice.', message: '"safest" is absolute' },
      { rule: 'fair-balance-missing', severity: 'BLOCKING', moduleId: null, start: null, end: null, before: null,
        excerpt: null, after: null, message: 'No safety information' },
      // a span that does not fit the text as drawn (say, normalised differently) is listed but not marked in it
      { rule: 'product-other-named', severity: 'MINOR', moduleId: 'headline', start: 3, end: 9, before: '',
        excerpt: 'Relief', after: ' in 30 minutes.', message: 'Off by three' }] },
    against: { version: 2, kind: 'APPROVED' },
    diff: {
      firstVersion: false, toReview: 3,
      counts: {}, reuse: { modules: 4, reusedUnchanged: 0, reusedChanged: 1, sourceNotFound: 0, rate: 0 },
      modules: [
        { moduleId: 'headline', change: 'UNCHANGED', previousModuleId: 'headline', matchedByText: false, position: 1,
          previousPosition: 1, text: 'Relief in 30 minutes.', words: [], reuse: { status: 'NOT_REUSED', words: [] },
          reviewRequired: false },
        { moduleId: 'efficacy', change: 'CHANGED', previousModuleId: 'efficacy', matchedByText: false, position: 2,
          previousPosition: 2, text: 'Reduces pain by 40% in adults, the safest choice <script>x</script>.',
          words: [{ kind: 'EQUAL', text: 'Reduces pain by ' }, { kind: 'DELETED', text: '50%' },
            { kind: 'INSERTED', text: '40%' }, { kind: 'EQUAL', text: ' in adults' },
            { kind: 'INSERTED', text: ', the safest choice <script>x</script>' }, { kind: 'EQUAL', text: '.' }],
          reuse: { status: 'NOT_REUSED', words: [] }, reviewRequired: true },
        { moduleId: 'footnote', change: 'DELETED', previousModuleId: 'footnote', matchedByText: false,
          position: null, previousPosition: 3, text: 'Data on file.', words: [],
          reuse: { status: 'NOT_REUSED', words: [] }, reviewRequired: true },
        { moduleId: 'dosing', change: 'INSERTED', previousModuleId: null, matchedByText: false, position: 3,
          previousPosition: null, text: 'Take one tablet twice a day.', words: [],
          reuse: { sourceModuleId: 'lib-dosing', status: 'CHANGED', words: [{ kind: 'EQUAL', text: 'Take one tablet ' },
            { kind: 'DELETED', text: 'daily' }, { kind: 'INSERTED', text: 'twice a day' }, { kind: 'EQUAL', text: '.' }] },
          reviewRequired: true }] },
    preApprovedTexts: { 'lib-dosing': 'Take one tablet daily.' },
    moduleTypes: { headline: 'BODY', efficacy: 'BODY', dosing: 'BODY' },
    comments: [{ id: 1, itemId: 'MLR-2026-0042', version: 3, round: 1, moduleId: 'efficacy', mandatory: true,
      text: '<b>Cite</b> the study', author: 'lena', reviewGroup: 'mlr-legal', taskId: 't', createdAt: '2026-11-02T10:00:00Z' }],
    previousRoundComments: [], reviewGroup: 'mlr-medical', mayComment: true,
    ...overrides,
  };
}

async function rendered(answer) {
  answers = { 'GET /api/mlr/tasks/task-1/review': [200, answer] };
  const node = new Element('div');
  plugin.render(node, { taskId: 'task-1', api: { CSRFToken: 'session-token' } });
  for (let i = 0; i < 20 && !node.childNodes.length; i++) {
    await new Promise(resolve => setImmediate(resolve));
  }
  assert.ok(node.childNodes.length, 'the tab drew nothing');
  return node;
}

function moduleOf(node, moduleId) {
  return node.descendants().find(e => (e.tagName === 'SECTION' || e.tagName === 'DETAILS')
    && e.classList.contains('gxp-review-module') && e.textContent.includes(moduleId));
}

test('the tab is registered as a task detail tab labelled Review', () => {
  assert.equal(plugin.pluginPoint, 'tasklist.task.detail');
  assert.equal(plugin.properties.label, 'Review');
});

test('the word diff, collapsed approved modules, the marked finding and text that stays text', async () => {
  const node = await rendered(review());
  assert.match(node.textContent, /Compared with version 2, the last approved version/);

  const efficacy = moduleOf(node, 'efficacy');
  assert.equal(efficacy.tagName, 'SECTION');
  assert.deepEqual(efficacy.all('del').map(e => e.textContent), ['50%']);
  assert.deepEqual(efficacy.all('ins').map(e => e.textContent), ['40%', ', the safest choice <script>x</script>']);
  assert.equal(node.all('script').length, 0, 'markup in the text became an element');
  assert.equal(node.all('b').length, 0, 'markup in a comment became an element');
  assert.match(efficacy.textContent, /<b>Cite<\/b> the study/);
  assert.match(efficacy.textContent, /Mandatory/);

  const headline = moduleOf(node, 'headline');
  assert.equal(headline.tagName, 'DETAILS', 'an approved module is collapsed');
  assert.match(headline.all('summary')[0].textContent, /approved/);

  const footnote = moduleOf(node, 'footnote');
  assert.deepEqual(footnote.all('del').map(e => e.textContent), ['Data on file.']);
  const dosing = moduleOf(node, 'dosing');
  assert.match(dosing.textContent, /pre-approved module lib-dosing and changed/);
  assert.deepEqual(dosing.all('del').map(e => e.textContent), ['daily']);

  // the span in the findings list, and in the module's text inside the inserted run
  assert.deepEqual(node.all('blockquote').flatMap(q => q.all('mark')).map(m => m.textContent),
    ['safest', 'Relief']);
  const inModule = efficacy.all('mark');
  assert.deepEqual(inModule.map(m => m.textContent), ['safest']);
  assert.equal(inModule[0].parentNode.tagName, 'INS');
  assert.match(inModule[0].getAttribute('title'), /major, prohibited-phrase/);
  assert.equal(headline.all('mark').length, 0);
  assert.match(node.textContent, /whole item/);
  // every module that can be commented has its form (the deleted one too), labelled
  assert.equal(node.all('form').length, 4);
  assert.ok(node.all('label').some(l => l.textContent.includes('Mandatory')));
});

test('unchanged against a version nobody approved is not called approved', async () => {
  const node = await rendered(review({ against: { version: 2, kind: 'PREVIOUS' } }));
  const headline = moduleOf(node, 'headline');
  assert.match(headline.textContent, /unchanged since version 2 \(not approved yet\)/);
});

test('no comment form for someone the task is not assigned to; the author sees the round before', async () => {
  const node = await rendered(review({
    taskDefinitionKey: 'Task_Revise', reviewGroup: null, mayComment: false, round: 2, comments: [],
    previousRoundComments: [{ id: 7, moduleId: 'dosing', mandatory: true, text: 'Keep daily.', author: 'mark',
      reviewGroup: 'mlr-medical', createdAt: '2026-11-01T10:00:00Z' }] }));
  assert.equal(node.all('form').length, 0);
  assert.match(moduleOf(node, 'dosing').textContent, /To address from round 1:.*Keep daily\./s);
});

test('a comment is posted with the CSRF token and listed under its module', async () => {
  const node = await rendered(review());
  const efficacy = moduleOf(node, 'efficacy');
  const form = efficacy.all('form')[0];
  const [mandatory] = form.all('input').filter(i => i.getAttribute('value') === 'true');
  mandatory.checked = true;
  form.all('input').filter(i => i.getAttribute('value') === 'false')[0].checked = false;
  form.all('textarea')[0].value = 'Cite the study behind 40%.';
  answers['POST /api/mlr/tasks/task-1/comments'] = [201, { id: 2, moduleId: 'efficacy', mandatory: true,
    text: 'Cite the study behind 40%.', author: 'mark', reviewGroup: 'mlr-medical', createdAt: '2026-11-02T11:00:00Z' }];

  await form.dispatch('submit', { preventDefault() {} });

  const post = requests.find(r => r.method === 'POST');
  assert.equal(post.headers['X-XSRF-TOKEN'], 'session-token');
  assert.deepEqual(JSON.parse(post.body), { moduleId: 'efficacy', mandatory: true, text: 'Cite the study behind 40%.' });
  const listed = efficacy.all('li', 'gxp-review-comment').map(li => li.textContent);
  assert.equal(listed.length, 2);
  assert.match(listed[1], /Mandatory.*Cite the study behind 40%\..*mark \(mlr-medical\)/);
  assert.match(form.textContent, /Comment added/);

  answers['POST /api/mlr/tasks/task-1/comments'] = [403, { detail: 'Only the reviewer the task is assigned to may comment' }];
  await form.dispatch('submit', { preventDefault() {} });
  assert.match(form.textContent, /Only the reviewer the task is assigned to may comment/);
});

test('a task of another process gets a sentence, not an error', async () => {
  answers = { 'GET /api/mlr/tasks/task-1/review': [409, { reason: 'not-an-mlr-review-task' }] };
  const node = new Element('div');
  plugin.render(node, { taskId: 'task-1', api: {} });
  for (let i = 0; i < 20 && !node.childNodes.length; i++) {
    await new Promise(resolve => setImmediate(resolve));
  }
  assert.equal(node.textContent, 'The Review tab is for the tasks of an MLR review.');
});
