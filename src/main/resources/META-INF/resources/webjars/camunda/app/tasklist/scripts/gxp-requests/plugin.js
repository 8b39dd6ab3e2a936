/*
 * GxP Flow: "Requests" tab for Camunda Tasklist — ask for a due date extension or the cancellation of the
 * deviation a task belongs to, without leaving Tasklist.
 *
 * It posts to the deviation requests API (POST /api/deviations/{deviationId}/extension-requests and
 * /cancellation-requests, see docs/processes/deviation-capa.md) with the webapp session and its CSRF token; the
 * server decides (who may ask, whether the request fits the current step) and this tab shows its answer: the
 * acceptance, or the problem detail's sentences (detail and field errors), whatever it is. Which form a user
 * sees follows the API's groups (WHO_MAY_ASK); the server remains the one that enforces them.
 */
import {csrfToken} from '../gxp-shared/api.js';
import {element} from '../gxp-shared/dom.js';

const PROCESS = 'deviation-capa';
const ENGINE = '/camunda/api/engine/engine/default';
const WHO_MAY_ASK = {
  extension: ['investigators', 'qa', 'camunda-admin'],
  cancellation: ['production', 'investigators', 'qa', 'camunda-admin']
};

async function json(url) {
  const response = await fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  if (!response.ok) {
    throw new Error(url + ': ' + response.status);
  }
  return response.json();
}

/** The server's answer in sentences: the problem detail (or its title) and one line per field error. */
function problemText(problem, status) {
  const head = problem.detail || problem.title || 'The request was refused (HTTP ' + status + ').';
  const errors = (problem.errors || []).map(e => e.field + ' ' + e.reason + '.');
  return [head].concat(errors).join('\n');
}

function group(label, id, input, help) {
  return element('div', {class: 'form-group'}, element('label', {for: id}, label), input,
    help ? element('p', {class: 'help-block'}, help) : '');
}

function requestForm(kind, title, intro, inputs, body, post) {
  const message = element('div', {class: 'gxp-request-message', role: 'alert',
    style: 'display:none; white-space: pre-line'});
  const submit = element('button', {type: 'submit', class: 'btn btn-default', id: 'gxp-' + kind + '-submit'},
    'Send ' + kind + ' request');
  const form = element('form', {class: 'gxp-request gxp-request-' + kind, autocomplete: 'off'},
    element('h4', {}, title), element('p', {}, intro), ...inputs, submit, message);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    submit.disabled = true;
    message.style.display = 'none';
    const answer = await post(body());
    submit.disabled = false;
    message.textContent = answer.text;
    message.className = 'gxp-request-message alert ' + (answer.ok ? 'alert-success' : 'alert-danger');
    message.style.display = 'block';
    if (answer.ok) {
      form.reset();
    }
  });
  return form;
}

async function render(node, taskId, api) {
  node.innerHTML = '';
  let deviationId;
  let groups;
  try {
    const task = await json(ENGINE + '/task/' + encodeURIComponent(taskId));
    const definition = await json(ENGINE + '/process-definition/' + encodeURIComponent(task.processDefinitionId));
    if (definition.key !== PROCESS) {
      node.append(element('p', {class: 'gxp-requests-none'}, 'Requests are made on the tasks of a deviation.'));
      return;
    }
    deviationId = (await json(ENGINE + '/process-instance/' + encodeURIComponent(task.processInstanceId)))
      .businessKey;
    const user = await json('/camunda/api/admin/auth/user/default');
    groups = (await json(ENGINE + '/group?member=' + encodeURIComponent(user.userId))).map(g => g.id);
  } catch (error) {
    node.append(element('p', {class: 'alert alert-danger'}, 'Cannot load the deviation of this task.'));
    return;
  }
  if (!deviationId) {
    node.append(element('p', {class: 'gxp-requests-none'},
      'This deviation has no id from the QMS yet; requests can be made once it is recorded.'));
    return;
  }
  const headers = {Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken(api)};
  const post = path => async body => {
    const response = await fetch('/api/deviations/' + encodeURIComponent(deviationId) + '/' + path, {
      method: 'POST', credentials: 'same-origin', headers, body: JSON.stringify(body)});
    const answer = await response.json().catch(() => ({}));
    if (response.ok) {
      return {ok: true, text: 'Request sent for ' + deviationId + ': QA has a task to decide on it.'};
    }
    return {ok: false, text: problemText(answer, response.status)};
  };
  const may = kind => WHO_MAY_ASK[kind].some(g => groups.includes(g));
  const forms = [];
  if (may('extension')) {
    const date = element('input', {id: 'gxp-extension-date', type: 'date', class: 'form-control', required: true});
    const reason = element('textarea', {id: 'gxp-extension-reason', class: 'form-control', rows: '3', required: true});
    forms.push(requestForm('extension', 'Due date extension',
      'Ask QA to move the closure due date of ' + deviationId + ' (while the investigation or the CAPA runs).',
      [group('Requested closure due date', 'gxp-extension-date', date,
        'Pick the day in the calendar; the closure is then due at the end of that day (UTC).'),
      group('Reason', 'gxp-extension-reason', reason, 'Why the current due date cannot be met.')],
      () => ({requestedDueDate: date.value, reason: reason.value}), post('extension-requests')));
  }
  if (may('cancellation')) {
    const type = element('select', {id: 'gxp-cancellation-type', class: 'form-control', required: true},
      element('option', {value: ''}, ''),
      element('option', {value: 'duplicate'}, 'Duplicate of another deviation'),
      element('option', {value: 'raised-in-error'}, 'Raised in error'));
    const reason = element('textarea', {id: 'gxp-cancellation-reason', class: 'form-control', rows: '3',
      required: true});
    forms.push(requestForm('cancellation', 'Cancellation',
      'Ask QA to cancel ' + deviationId + '. A cancelled deviation stays in the record; it is not deleted.',
      [group('Type of cancellation', 'gxp-cancellation-type', type),
        group('Reason', 'gxp-cancellation-reason', reason,
          'E.g. the deviation it duplicates, or why no deviation occurred.')],
      () => ({type: type.value || null, reason: reason.value}), post('cancellation-requests')));
  }
  if (!forms.length) {
    node.append(element('p', {class: 'gxp-requests-none'},
      'Extensions are asked by investigators and QA, cancellations by production, investigators and QA.'));
    return;
  }
  node.append(element('div', {class: 'gxp-requests'}, ...forms));
}

export default {
  id: 'gxp-requests',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  render: (node, {taskId, api}) => {
    render(node, taskId, api).catch(error => {
      node.textContent = 'This tab could not be shown: ' + error.message;
    });
  },
  properties: {
    label: 'Requests'
  }
};
