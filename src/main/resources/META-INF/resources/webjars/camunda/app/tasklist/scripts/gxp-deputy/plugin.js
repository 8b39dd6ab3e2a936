/*
 * GxP Flow: "Out of office" in Tasklist's top bar. A person names a deputy from the people of their own groups
 * and the day they are back; tasks assigned to them until then go to the deputy, unless segregation of duties
 * forbids it (docs/security/working-tasks.md). It reads and writes /api/me/deputy as the logged-in user.
 */
import {callApi} from '../gxp-shared/api.js';
import {element} from '../gxp-shared/dom.js';

const DEPUTY = '/api/me/deputy';

function day(instant) {
  return new Date(instant).toLocaleDateString(undefined, {year: 'numeric', month: 'short', day: 'numeric'});
}

function render(node, api) {
  node.innerHTML = '';
  const wrapper = element('span', {class: 'gxp-deputy'});
  wrapper.style.cssText = 'position: relative; display: inline-block; margin: 0 12px; line-height: 40px';
  const toggle = element('a', {href: '', id: 'gxp-deputy-toggle'}, 'Out of office');
  const panel = element('div', {id: 'gxp-deputy-panel'});
  panel.style.cssText = 'display: none; position: absolute; right: 0; top: 40px; z-index: 2000; width: 320px;'
    + ' padding: 12px; background: #fff; border: 1px solid #ccc; box-shadow: 0 2px 6px rgba(0,0,0,.2);'
    + ' line-height: 1.5; color: #333';
  const deputy = element('select', {id: 'gxp-deputy-select', class: 'form-control'});
  const back = element('input', {id: 'gxp-deputy-until', type: 'date', class: 'form-control'});
  const save = element('button', {type: 'button', class: 'btn btn-primary'}, 'Save');
  const end = element('button', {type: 'button', class: 'btn btn-default'}, 'I am back');
  end.style.marginLeft = '8px';
  const status = element('p', {id: 'gxp-deputy-status'});
  status.style.marginTop = '8px';
  panel.append(
    element('p', {}, 'Tasks assigned to you while you are away go to your deputy, '
      + 'unless segregation of duties forbids it.'),
    element('label', {for: deputy.id}, 'Deputy'), deputy,
    element('label', {for: back.id}, 'Back on'), back,
    element('div', {}, save, end), status);
  wrapper.append(toggle, panel);
  node.append(wrapper);

  const names = new Map();
  const show = current => {
    const away = current && current.active;
    toggle.textContent = away ? `Out of office until ${day(current.until)}` : 'Out of office';
    end.disabled = !current;
    status.textContent = current
      ? `${names.get(current.deputy) || current.deputy} stands in for you from ${day(current.from)} until ${day(current.until)}.`
      : 'No deputy set.';
    if (current) {
      deputy.value = current.deputy;
      back.value = new Date(current.until).toLocaleDateString('sv');
    }
  };
  const load = () => Promise.all([callApi('GET', DEPUTY + '/candidates', undefined, api),
    callApi('GET', DEPUTY, undefined, api)])
    .then(([candidates, current]) => {
      candidates.forEach(c => names.set(c.id, c.name));
      deputy.replaceChildren(element('option', {value: ''}, 'Choose your deputy'),
        ...candidates.map(c => element('option', {value: c.id}, `${c.name} (${c.id})`)));
      if (candidates.length === 0) {
        node.innerHTML = ''; // people who work no tasks need no deputy
        return;
      }
      show(current);
    });
  load().catch(() => { node.innerHTML = ''; });

  toggle.addEventListener('click', event => {
    event.preventDefault();
    panel.style.display = panel.style.display === 'none' ? 'block' : 'none';
  });
  save.addEventListener('click', () => {
    const until = back.value ? new Date(back.value + 'T00:00').toISOString() : undefined;
    callApi('PUT', DEPUTY, {deputy: deputy.value, until}, api)
      .then(show)
      .catch(error => { status.textContent = 'Not saved: ' + error.message; });
  });
  end.addEventListener('click', () => {
    callApi('DELETE', DEPUTY, undefined, api)
      .then(() => show(null))
      .catch(error => { status.textContent = 'Not saved: ' + error.message; });
  });
}

export default {
  id: 'gxp-deputy',
  pluginPoint: 'tasklist.navbar.action',
  priority: 90,
  render: (node, {api} = {}) => render(node, api)
};
