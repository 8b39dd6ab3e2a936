/*
 * GxP Flow: electronic signature tab for Camunda Tasklist (21 CFR Part 11).
 *
 * A task whose model marks it as a signature step (camunda:property signature.meaning) is completed here, not
 * with the form's Complete button (the server refuses that). The tab shows what is signed (the step, the meaning
 * to confirm, the step's fields with their values) and a masked password field; it posts to
 * POST /api/tasks/{taskId}/signature with the webapp session and its CSRF token. The password is sent once and
 * never kept.
 *
 * Nobody types twice: what the user entered on the Form tab is carried here. Tasklist's own Save keeps a form's
 * values in the browser (localStorage "camunda-form:<taskId>", which Tasklist reads back into the form); leaving
 * the Form tab for another tab saves it that way first (Tasklist would otherwise drop the unsaved input with the
 * tab), and this tab starts from those values, else from the task's current ones. After signing, the saved
 * values are removed and Tasklist's list is refreshed, so the signed task leaves it.
 */
import {csrfToken} from '../gxp-shared/api.js';
import {element} from '../gxp-shared/dom.js';

const API = '/api/tasks/';
const SAVED = 'camunda-form:';

/** The values Tasklist's Save (or leaving the Form tab) kept in this browser for the task, or {}. */
function savedValues(taskId) {
  try {
    const saved = JSON.parse(localStorage.getItem(SAVED + taskId) || '{}');
    return saved && typeof saved === 'object' ? saved : {};
  } catch (e) {
    return {};
  }
}

// Leaving the Form tab saves its input first (Tasklist's Save button, enabled when the form changed): Tasklist
// re-creates a tab's content on every switch, so unsaved input would be lost. Capture phase: before Tasklist
// switches the tab.
document.addEventListener('click', event => {
  const tab = event.target.closest && event.target.closest('.tabbed-content .nav-tabs a');
  if (!tab) {
    return;
  }
  const save = Array.from(document.querySelectorAll('.tabbed-content .form-actions button.btn-default'))
    .find(button => button.offsetParent !== null && !button.disabled);
  if (save) {
    save.click();
  }
}, true);

/**
 * Tasklist's list reloaded as after its own completion (its "refresh" event), so the signed task leaves it; the
 * detail stays open with the signature's confirmation until the user closes it.
 */
function refreshTasklist() {
  const ng = window.angular;
  const injector = ng && ng.element(document.querySelector('[ng-app]') || document.body).injector();
  if (injector) {
    injector.get('$rootScope').$broadcast('refresh');
  }
}

function fieldInput(field) {
  const id = 'gxp-sign-' + field.key;
  const common = {id, name: field.key, 'data-key': field.key, disabled: field.readOnly, required: field.required};
  let input;
  if (field.type === 'checkbox') {
    input = element('input', {...common, type: 'checkbox', 'data-kind': 'boolean'});
    input.checked = field.current === true;
  } else if ((field.type === 'select' || field.type === 'radio') && field.values.length) {
    input = element('select', {...common, class: 'form-control'},
      element('option', {value: ''}, ''),
      ...field.values.map(v => element('option', {value: String(v), selected: String(v) === String(field.current)},
        labelOf(field, v))));
  } else if (field.type === 'number') {
    input = element('input', {...common, type: 'number', class: 'form-control', 'data-kind': 'number',
      value: field.current === null || field.current === undefined ? '' : field.current});
  } else if (field.type === 'textarea') {
    input = element('textarea', {...common, class: 'form-control', rows: '3'});
    input.value = field.current || '';
  } else {
    input = element('input', {...common, type: 'text', class: 'form-control', value: field.current || ''});
  }
  const label = element('label', {for: id}, (field.label || field.key) + (field.required ? ' *' : ''));
  return element('div', {class: 'form-group'}, label, input);
}

function readVariables(form, fields) {
  const variables = {};
  fields.filter(f => !f.readOnly).forEach(field => {
    const input = form.querySelector('[data-key="' + field.key + '"]');
    if (!input) {
      return;
    }
    if (input.dataset.kind === 'boolean') {
      variables[field.key] = input.checked;
    } else if (input.dataset.kind === 'number') {
      variables[field.key] = input.value === '' ? null : Number(input.value);
    } else {
      variables[field.key] = input.value;
    }
  });
  return variables;
}

function problemText(problem) {
  const errors = (problem.errors || []).map(e => e.field + ': ' + e.reason);
  return [problem.detail || problem.title || 'Signature refused'].concat(errors).join('\n');
}

/** What the form shows for a choice value (its label), else the value itself. */
function labelOf(field, value) {
  return (field.valueLabels || {})[String(value)] || String(value);
}

function shown(field, value) {
  return value === null || value === undefined || value === '' ? '–' : labelOf(field, value);
}

async function render(node, taskId, api) {
  node.innerHTML = '';
  const headers = {Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(api)};
  const response = await fetch(API + encodeURIComponent(taskId) + '/signature', {headers, credentials: 'same-origin'});
  if (response.status === 409) {
    node.append(element('p', {class: 'gxp-signature-none'}, 'This task is not a signature step.'));
    return;
  }
  if (!response.ok) {
    node.append(element('p', {class: 'alert alert-danger'}, 'Cannot load the signature step (' + response.status + ').'));
    return;
  }
  const step = await response.json();
  const saved = savedValues(taskId);
  const carried = step.fields.filter(f => !f.readOnly && Object.prototype.hasOwnProperty.call(saved, f.key)
    && saved[f.key] !== null && saved[f.key] !== '');
  carried.forEach(f => {
    f.current = saved[f.key];
  });
  const message = element('pre', {class: 'gxp-signature-message', role: 'alert', style: 'display:none'});
  const password = element('input', {id: 'gxp-sign-password', type: 'password', class: 'form-control',
    autocomplete: 'current-password', required: true});
  const confirm = element('input', {id: 'gxp-sign-confirm', type: 'checkbox', required: true});
  const submit = element('button', {type: 'submit', class: 'btn btn-primary', id: 'gxp-sign-submit'}, 'Sign and complete');
  const form = element('form', {class: 'gxp-signature', autocomplete: 'off'},
    element('h4', {}, 'Electronic signature: ' + step.taskName),
    element('p', {}, 'Signer: ', element('strong', {}, step.signerName + ' (' + step.signerId + ')')),
    element('p', {class: 'gxp-signature-carried'}, carried.length
      ? 'Carried over from the Form tab: ' + carried.map(f => f.label || f.key).join(', ')
        + '. Check the values below; they are what you sign.'
      : 'Enter the values of this step below (or on the Form tab); they are signed together with the meaning.'),
    ...step.fields.map(fieldInput),
    element('div', {class: 'checkbox'}, element('label', {for: 'gxp-sign-confirm'}, confirm,
      ' I sign with the meaning: ', element('strong', {class: 'gxp-signature-meaning'}, step.meaning))),
    element('div', {class: 'form-group'}, element('label', {for: 'gxp-sign-password'}, 'Password (re-enter to sign)'),
      password),
    submit, message);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    message.style.display = 'none';
    if (!confirm.checked) {
      message.textContent = 'Confirm the meaning of your signature.';
      message.className = 'gxp-signature-message alert alert-warning';
      message.style.display = 'block';
      return;
    }
    submit.disabled = true;
    const body = JSON.stringify({password: password.value, meaning: step.meaning,
      variables: readVariables(form, step.fields)});
    password.value = '';
    const signed = await fetch(API + encodeURIComponent(taskId) + '/signature', {method: 'POST',
      credentials: 'same-origin', headers: {...headers, 'Content-Type': 'application/json'}, body});
    const result = await signed.json().catch(() => ({}));
    submit.disabled = false;
    if (signed.status === 201) {
      localStorage.removeItem(SAVED + taskId);
      const values = readVariables(form, step.fields);
      form.replaceChildren(element('div', {class: 'alert alert-success gxp-signature-done'},
        'Signed by ' + result.signerName + ' at ' + result.signedAt + ' (' + result.meaning + '). Signature '
        + result.id + ', content SHA-256 ' + result.contentHash + '. The task is completed.'),
        element('dl', {class: 'gxp-signature-signed'}, ...step.fields.filter(f => !f.readOnly).flatMap(f => [
          element('dt', {}, f.label || f.key), element('dd', {}, shown(f, values[f.key]))])));
      refreshTasklist();
      return;
    }
    message.textContent = problemText(result);
    message.className = 'gxp-signature-message alert alert-danger';
    message.style.display = 'block';
  });
  node.append(form);
}

export default {
  id: 'gxp-signature',
  pluginPoint: 'tasklist.task.detail',
  priority: 100,
  render: (node, {taskId, api}) => {
    render(node, taskId, api).catch(error => {
      node.textContent = 'This tab could not be shown: ' + error.message;
    });
  },
  properties: {
    label: 'Sign'
  }
};
