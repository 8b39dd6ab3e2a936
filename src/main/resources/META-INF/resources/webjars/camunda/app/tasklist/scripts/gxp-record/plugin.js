/*
 * GxP Flow: "Record" tab for Camunda Tasklist — the GxP record of the task's process instance (its business key),
 * without leaving the task: the record page GET /api/records/{key}.html in a frame, a link that opens it in a new
 * tab and a link that downloads its PDF/A copy (.pdf). Both go with the webapp session alone: the server takes a
 * same-origin GET of a record copy without the CSRF token (WebappSessionAuthenticationFilter) and decides who may
 * read it; every read is audited.
 *
 * The frame is sandboxed without scripts (the page has none; its CSP forbids them too), but keeps its origin:
 * links to linked records inside the page then stay same-origin requests the server accepts, and this tab can see
 * whether the server refused the page (its problem detail instead of the page) and say so in a sentence, rather
 * than showing JSON. A check before the frame would be a second, audited read of the record on every tab switch.
 * Paths are from the server's root, as in the other gxp-* plugins.
 */
import {element} from '../gxp-shared/dom.js';

const ENGINE = '/camunda/api/engine/engine/default';
const RECORDS = '/api/records/';
const REFUSED = 'You may not read this record: only its participants, QA, QPs, process owners and administrators may.';

async function engineJson(path) {
  const response = await fetch(ENGINE + path, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  if (!response.ok) {
    throw new Error(path + ': ' + response.status);
  }
  return response.json();
}

/** The business key of the task's process instance, or null (a task outside a process, a key not given yet). */
async function businessKeyOfTask(taskId) {
  const task = await engineJson('/task/' + encodeURIComponent(taskId));
  if (!task.processInstanceId) {
    return null;
  }
  return (await engineJson('/process-instance/' + encodeURIComponent(task.processInstanceId))).businessKey || null;
}

/**
 * What the server answered in the frame instead of a record page, as a sentence; null for a page (or a frame
 * this tab cannot look into: then it shows what it shows).
 */
function refusal(frame) {
  let page;
  try {
    page = frame.contentDocument;
  } catch (e) {
    return null;
  }
  if (!page || /html/.test(page.contentType || 'text/html')) {
    return null;
  }
  let problem = {};
  try {
    problem = JSON.parse(page.body ? page.body.textContent : '') || {};
  } catch (e) {
    // not a problem detail: said below by its status, if any
  }
  if (problem.status === 403) {
    return REFUSED;
  }
  if (problem.status === 401) {
    return 'Your session has ended: log in again to see the record.';
  }
  return problem.detail || problem.title || 'The record cannot be shown.';
}

async function render(node, taskId) {
  node.replaceChildren();
  const key = await businessKeyOfTask(taskId);
  if (!key) {
    node.append(element('p', {class: 'gxp-record-none'}, 'This task\'s record has no id yet.'));
    return;
  }
  const page = RECORDS + encodeURIComponent(key) + '.html';
  const message = element('p', {class: 'gxp-record-message alert alert-warning', role: 'alert', hidden: true});
  const links = element('p', {class: 'gxp-record-links'},
    element('a', {href: page, target: '_blank', rel: 'noopener', class: 'gxp-record-open'}, 'Open in a new tab'),
    element('a', {href: RECORDS + encodeURIComponent(key) + '.pdf', download: key + '.pdf',
      class: 'gxp-record-pdf'}, 'Download PDF'));
  const frame = element('iframe', {class: 'gxp-record-frame', src: page, sandbox: 'allow-same-origin',
    title: 'GxP record ' + key});
  frame.addEventListener('load', () => {
    const refused = refusal(frame);
    if (refused) {
      message.textContent = refused;
      message.hidden = false;
      frame.hidden = true;
      links.hidden = true;
    }
  });
  node.append(element('div', {class: 'gxp-record'}, links, message, frame));
}

export default {
  id: 'gxp-record',
  pluginPoint: 'tasklist.task.detail',
  priority: 40,
  render: (node, {taskId}) => {
    render(node, taskId).catch(error => {
      node.textContent = 'This tab could not be shown: ' + error.message;
    });
  },
  properties: {
    label: 'Record'
  }
};
