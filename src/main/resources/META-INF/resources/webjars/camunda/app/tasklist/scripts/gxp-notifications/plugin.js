/*
 * GxP Flow: a switch in Tasklist's top bar for one's own email notifications (assigned, returned, due soon,
 * overdue; docs/notifications.md). It reads and writes GET/PUT /api/notifications/settings as the logged-in user,
 * with the webapp session and its CSRF token; the server decides and its refusal is shown as it is.
 */
import {callApi} from '../gxp-shared/api.js';

const SETTINGS = '/api/notifications/settings';

function settings(method, body, api) {
  return callApi(method, SETTINGS, body, api);
}

function render(node, api) {
  node.innerHTML = '';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = 'gxp-notifications-enabled';
  box.disabled = true;
  const label = document.createElement('label');
  label.htmlFor = box.id;
  label.className = 'gxp-notifications';
  label.title = 'Emails when a task is assigned to you or returned, when it is due soon and when it is overdue';
  label.style.cssText = 'margin: 0 12px; font-weight: normal; cursor: pointer; line-height: 40px';
  const text = document.createElement('span');
  text.style.marginLeft = '6px';
  text.textContent = 'Email notifications';
  label.append(box, text);
  node.append(label);

  const show = state => {
    box.checked = state.enabled;
    box.disabled = false;
    text.textContent = 'Email notifications' + (state.enabled ? '' : ' (off)');
  };
  settings('GET', undefined, api)
    .then(show)
    .catch(() => {
      // users outside the working groups have no notifications: no switch
      node.innerHTML = '';
    });
  box.addEventListener('change', () => {
    box.disabled = true;
    settings('PUT', {enabled: box.checked}, api)
      .then(show)
      .catch(error => {
        box.checked = !box.checked;
        box.disabled = false;
        text.textContent = 'Not saved: ' + error.message;
      });
  });
}

export default {
  id: 'gxp-notifications',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: (node, {api} = {}) => render(node, api)
};
