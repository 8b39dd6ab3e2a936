/*
 * GxP Flow: "Review" tab for the tasks of an MLR review (mlr-review) in Camunda Tasklist.
 *
 * Reviewers see, without leaving their task, the pre-check findings (the span highlighted in its module's text)
 * and the modules in order with what changed since the last approved version: the word diff of a changed module
 * (deleted words struck through, inserted ones underlined, in red and green), inserted and deleted modules,
 * moved ones, and the modules approved already collapsed as "approved". The reviewer the task is assigned to adds
 * a module comment (mandatory or suggested) under each module; the author revising the item sees the comments of
 * the round before under their modules. GET /api/mlr/tasks/{taskId}/review and POST .../comments, with the webapp
 * session and its CSRF token; the server decides who may see and comment, this tab shows its answer.
 *
 * Tasklist offers a task-detail tab on every task; this plugin hides its tab header on the tasks of other
 * processes (and, should that fail, the tab says so). All text from the server is put in as text, never as
 * markup.
 */
import {callApi, csrfToken} from '../gxp-shared/api.js';
import {element} from '../gxp-shared/dom.js';

const API = '/api/mlr/tasks/';
const ENGINE = '/camunda/api/engine/engine/default';
const PROCESS = 'mlr-review';
const LABEL = 'Review';
const MAX_COMMENT = 4000;

const CHANGES = {
  UNCHANGED: 'unchanged',
  CHANGED: 'changed',
  MOVED: 'moved',
  MOVED_AND_CHANGED: 'moved and changed',
  INSERTED: 'inserted',
  DELETED: 'deleted',
  NEW: 'new'
};

// --- the tab header: only on mlr-review tasks

const processKeys = new Map(); // process definition id → key
const taskProcesses = new Map(); // task id → process definition key (or '' for none)

function currentTaskId() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash || '');
  return match ? decodeURIComponent(match[1]) : null;
}

async function engineJson(path) {
  const response = await fetch(ENGINE + path, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  if (!response.ok) {
    throw new Error(path + ': ' + response.status);
  }
  return response.json();
}

async function processKeyOfTask(taskId) {
  if (!taskProcesses.has(taskId)) {
    const task = await engineJson('/task/' + encodeURIComponent(taskId));
    let key = '';
    if (task.processDefinitionId) {
      if (!processKeys.has(task.processDefinitionId)) {
        const definition = await engineJson('/process-definition/' + encodeURIComponent(task.processDefinitionId));
        processKeys.set(task.processDefinitionId, definition.key);
      }
      key = processKeys.get(task.processDefinitionId);
    }
    taskProcesses.set(taskId, key);
  }
  return taskProcesses.get(taskId);
}

function reviewTabHeader() {
  return Array.from(document.querySelectorAll('.tabbed-content .nav-tabs > li'))
    .find(li => li.textContent.trim() === LABEL);
}

let checking = false;
async function showTabOnlyForReviews() {
  const header = reviewTabHeader();
  const taskId = currentTaskId();
  if (!header || !taskId || checking) {
    return;
  }
  if (header.dataset.gxpTask === taskId) {
    return;
  }
  checking = true;
  try {
    const key = await processKeyOfTask(taskId);
    const other = key !== PROCESS;
    header.hidden = other;
    header.dataset.gxpTask = taskId;
    if (other && header.classList.contains('active')) {
      const first = Array.from(header.parentNode.children).find(li => li !== header && !li.hidden);
      const link = first && first.querySelector('a');
      if (link) {
        link.click();
      }
    }
  } catch (e) {
    header.hidden = false; // cannot tell: the tab itself will say whether it applies
    header.dataset.gxpTask = taskId; // and not asked again on every change of the page
  } finally {
    checking = false;
    if (currentTaskId() !== taskId) {
      scheduleCheck(); // the user moved on while this one was looked up
    }
  }
}

let scheduled = null;
function scheduleCheck() {
  if (scheduled === null) {
    scheduled = setTimeout(() => {
      scheduled = null;
      showTabOnlyForReviews();
    }, 50);
  }
}

new MutationObserver(scheduleCheck).observe(document.documentElement, {childList: true, subtree: true});
window.addEventListener('hashchange', () => {
  const header = reviewTabHeader();
  if (header) {
    delete header.dataset.gxpTask;
  }
  scheduleCheck();
});

// --- drawing

function when(instant) {
  if (!instant) {
    return '';
  }
  const date = new Date(instant);
  return isNaN(date) ? String(instant) : date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/**
 * The findings' spans in a module's text (UTF-16 offsets, as JavaScript counts), each only where the text there is
 * the finding's excerpt: a text the server normalised differently is left unmarked rather than marked wrongly.
 */
function spansIn(review, moduleId, text) {
  return ((review.precheck && review.precheck.findings) || [])
    .filter(f => f.moduleId === moduleId && typeof f.start === 'number' && f.end > f.start
      && text.substring(f.start, f.end) === f.excerpt)
    .map(f => ({start: f.start, end: f.end, title: f.severity.toLowerCase() + ', ' + f.rule + ': ' + f.message}));
}

/** The part of a text that starts at offset `at` of the module's text, with the findings' spans in it marked. */
function marked(text, at, spans) {
  const cuts = new Set([0, text.length]);
  spans.forEach(span => {
    [span.start - at, span.end - at].filter(cut => cut > 0 && cut < text.length).forEach(cut => cuts.add(cut));
  });
  const sorted = Array.from(cuts).sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const part = text.substring(sorted[i], sorted[i + 1]);
    const span = spans.find(s => s.start <= at + sorted[i] && at + sorted[i + 1] <= s.end);
    parts.push(span ? element('mark', {class: 'gxp-review-span', title: span.title}, part) : part);
  }
  return parts;
}

/**
 * The word diff as it comes: deleted runs struck through (red), inserted ones underlined (green); `spans` (in the
 * new text) marked in the kept and inserted runs.
 */
function words(segments, spans = []) {
  let at = 0;
  return element('p', {class: 'gxp-review-text gxp-review-words'}, ...segments.map(segment => {
    if (segment.kind === 'DELETED') {
      return element('del', {class: 'gxp-review-del'}, segment.text);
    }
    const parts = marked(segment.text, at, spans);
    at += segment.text.length;
    return segment.kind === 'INSERTED' ? element('ins', {class: 'gxp-review-ins'}, ...parts) : element('span', {}, ...parts);
  }));
}

function severityBadge(severity) {
  return element('span', {class: 'label gxp-review-severity gxp-review-severity-' + severity.toLowerCase()},
    severity.toLowerCase());
}

function findingItem(finding, moduleSections) {
  const where = [];
  if (finding.moduleId) {
    const section = moduleSections.get(finding.moduleId);
    const go = element('button', {type: 'button', class: 'btn btn-link gxp-review-goto'}, finding.moduleId);
    go.addEventListener('click', () => {
      if (section) {
        if (section.tagName === 'DETAILS') {
          section.open = true;
        }
        section.scrollIntoView({block: 'center'});
        section.focus();
      }
    });
    where.push(' in module ', go);
  } else {
    where.push(' (whole item)');
  }
  const item = element('li', {class: 'gxp-review-finding'},
    severityBadge(finding.severity), ' ', element('code', {}, finding.rule), ...where, ': ', finding.message);
  if (finding.excerpt !== null && finding.excerpt !== undefined) {
    item.append(element('blockquote', {class: 'gxp-review-text gxp-review-context'},
      finding.before ? '…' + finding.before : '',
      element('mark', {class: 'gxp-review-span'}, finding.excerpt),
      finding.after ? finding.after + '…' : ''));
  }
  return item;
}

function findingsSection(review, moduleSections) {
  const section = element('section', {class: 'gxp-review-findings', 'aria-labelledby': 'gxp-review-findings-title'});
  const precheck = review.precheck;
  if (!precheck) {
    section.append(element('h5', {id: 'gxp-review-findings-title'}, 'Pre-check'),
      element('p', {}, 'No pre-check of version ' + review.version + ' was recorded.'));
    return section;
  }
  section.append(element('h5', {id: 'gxp-review-findings-title'},
    'Pre-check findings: ' + precheck.findings.length + ', score ' + precheck.score
    + (precheck.blocked ? ' (blocking findings)' : '')));
  section.append(precheck.findings.length
    ? element('ul', {class: 'list-unstyled gxp-review-finding-list'},
      ...precheck.findings.map(f => findingItem(f, moduleSections)))
    : element('p', {}, 'The pre-check found nothing.'));
  return section;
}

function commentItem(comment, round) {
  return element('li', {class: 'gxp-review-comment' + (comment.mandatory ? ' gxp-review-mandatory' : '')},
    element('span', {class: 'label ' + (comment.mandatory ? 'label-danger' : 'label-default')},
      comment.mandatory ? 'Mandatory' : 'Suggested'),
    ' ', element('span', {class: 'gxp-review-comment-text'}, comment.text),
    element('small', {class: 'gxp-review-comment-by'},
      ' — ' + comment.author + ' (' + (comment.reviewGroup || '') + '), '
      + (round ? 'round ' + round + ', ' : '') + when(comment.createdAt)));
}

function commentForm(taskId, moduleId, index, list, api) {
  const base = 'gxp-review-comment-' + index;
  const mandatory = element('input', {type: 'radio', name: base + '-kind', id: base + '-mandatory', value: 'true'});
  const suggested = element('input', {type: 'radio', name: base + '-kind', id: base + '-suggested', value: 'false',
    checked: true});
  const text = element('textarea', {id: base + '-text', class: 'form-control', rows: '3', maxlength: String(MAX_COMMENT),
    required: true, 'aria-describedby': base + '-help'});
  const message = element('div', {class: 'gxp-review-message', role: 'status', 'aria-live': 'polite'});
  const submit = element('button', {type: 'submit', class: 'btn btn-default'}, 'Add comment');
  const form = element('form', {class: 'gxp-review-comment-form', autocomplete: 'off'},
    element('fieldset', {class: 'gxp-review-kind'},
      element('legend', {}, 'Comment on module ' + moduleId),
      element('label', {for: base + '-mandatory', class: 'radio-inline'}, mandatory,
        ' Mandatory (must be addressed)'),
      element('label', {for: base + '-suggested', class: 'radio-inline'}, suggested, ' Suggested')),
    element('div', {class: 'form-group'},
      element('label', {for: base + '-text'}, 'Comment'), text,
      element('p', {id: base + '-help', class: 'help-block'}, 'Up to ' + MAX_COMMENT + ' characters.')),
    submit, message);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    submit.disabled = true;
    message.className = 'gxp-review-message';
    message.setAttribute('role', 'status');
    message.textContent = '';
    try {
      const stored = await callApi('POST', API + encodeURIComponent(taskId) + '/comments',
        {moduleId, mandatory: mandatory.checked, text: text.value}, api);
      list.append(commentItem(stored));
      list.hidden = false;
      form.reset();
      message.className = 'gxp-review-message text-success';
      message.textContent = 'Comment added.';
    } catch (error) {
      message.className = 'gxp-review-message alert alert-danger';
      message.setAttribute('role', 'alert');
      message.textContent = error.message;
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function changeLine(module, review) {
  const parts = [];
  const since = review.against ? ' since version ' + review.against.version : '';
  switch (module.change) {
    case 'MOVED':
    case 'MOVED_AND_CHANGED':
      parts.push('Moved from place ' + module.previousPosition + ' to ' + module.position + since + '.');
      break;
    case 'DELETED':
      parts.push('Removed' + since + ': it was at place ' + module.previousPosition + '.');
      break;
    case 'INSERTED':
      parts.push('Inserted' + since + '.');
      break;
    case 'NEW':
      parts.push('First version of the item: nothing to compare with.');
      break;
    default:
  }
  if (module.matchedByText) {
    parts.push('Re-created under a new id; it was ' + module.previousModuleId + '.');
  }
  const reuse = module.reuse || {};
  if (reuse.status === 'UNCHANGED') {
    parts.push('Pre-approved module ' + reuse.sourceModuleId + ', unchanged.');
  } else if (reuse.status === 'CHANGED') {
    parts.push('Taken from pre-approved module ' + reuse.sourceModuleId + ' and changed:');
  } else if (reuse.status === 'SOURCE_NOT_FOUND') {
    parts.push('Names pre-approved module ' + reuse.sourceModuleId + ', which is not (or no longer) in the library.');
  }
  return parts.length ? element('p', {class: 'gxp-review-change-note'}, parts.join(' ')) : null;
}

function moduleBody(module, review) {
  if (module.change === 'DELETED') {
    return element('p', {class: 'gxp-review-text'}, element('del', {class: 'gxp-review-del'}, module.text));
  }
  const spans = spansIn(review, module.moduleId, module.text);
  switch (module.change) {
    case 'CHANGED':
    case 'MOVED_AND_CHANGED':
      return words(module.words, spans);
    case 'INSERTED':
      return element('p', {class: 'gxp-review-text'},
        element('ins', {class: 'gxp-review-ins'}, ...marked(module.text, 0, spans)));
    default:
      return element('p', {class: 'gxp-review-text'}, ...marked(module.text, 0, spans));
  }
}

/** What an unchanged module is: approved (against an approved version or an unchanged pre-approved module). */
function approvedLabel(module, review) {
  if (module.reviewRequired) {
    return null;
  }
  if (module.change === 'UNCHANGED' && review.against && review.against.kind === 'PREVIOUS') {
    return 'unchanged since version ' + review.against.version + ' (not approved yet)';
  }
  return 'approved';
}

function moduleSection(module, index, review, taskId, api, previousByModule) {
  const type = review.moduleTypes[module.moduleId];
  const heading = [module.position ? module.position + '. ' : '– ', module.moduleId,
    type === 'ISI' ? ' (safety information)' : ''].join('');
  const badge = element('span', {class: 'label gxp-review-change gxp-review-change-' + module.change.toLowerCase()},
    CHANGES[module.change] || module.change);
  const comments = (review.comments || []).filter(c => c.moduleId === module.moduleId);
  const list = element('ul', {class: 'list-unstyled gxp-review-comments', 'aria-label': 'Comments on ' + module.moduleId},
    ...comments.map(c => commentItem(c)));
  list.hidden = comments.length === 0;
  const content = [changeLine(module, review), moduleBody(module, review)].filter(Boolean);
  if (module.reuse && module.reuse.status === 'CHANGED') {
    content.push(words(module.reuse.words));
  }
  const previous = previousByModule.get(module.moduleId) || [];
  if (previous.length) {
    content.push(element('div', {class: 'gxp-review-previous'},
      element('p', {}, element('strong', {}, 'To address from round ' + (review.round - 1) + ':')),
      element('ul', {class: 'list-unstyled gxp-review-comments'}, ...previous.map(c => commentItem(c, review.round - 1)))));
  }
  content.push(list);
  if (review.mayComment) {
    content.push(commentForm(taskId, module.moduleId, index, list, api));
  }
  const approved = approvedLabel(module, review);
  const classes = 'gxp-review-module gxp-review-module-' + module.change.toLowerCase();
  if (approved) {
    return element('details', {class: classes + ' gxp-review-approved', tabindex: '-1'},
      element('summary', {}, element('span', {class: 'gxp-review-module-title'}, heading), ' ',
        element('span', {class: 'label label-success'}, approved),
        comments.length || previous.length ? ' (' + (comments.length + previous.length) + ' comments)' : ''),
      ...content);
  }
  return element('section', {class: classes, tabindex: '-1', 'aria-label': 'Module ' + module.moduleId},
    element('h5', {}, element('span', {class: 'gxp-review-module-title'}, heading), ' ', badge,
      module.reviewRequired ? element('span', {class: 'gxp-review-to-review'}, ' to review') : ''),
    ...content);
}

function header(review) {
  const c = review.content || {};
  let against;
  if (!review.against) {
    against = 'First version of the item: every module is new.';
  } else if (review.against.kind === 'APPROVED') {
    against = 'Compared with version ' + review.against.version + ', the last approved version: unchanged '
      + 'modules are approved and collapsed.';
  } else {
    against = 'Compared with version ' + review.against.version + ', the version before (no version was approved '
      + 'yet): unchanged means unchanged since then, not approved.';
  }
  const diff = review.diff;
  return element('header', {class: 'gxp-review-header'},
    element('h4', {}, 'Review: ' + (c.title || review.itemId)),
    element('p', {}, review.itemId + ', version ' + review.version + ', review round ' + review.round + ' · '
      + [c.product, (c.markets || []).join(' '), c.channel, c.audience].filter(Boolean).join(' · ')),
    element('p', {class: 'gxp-review-against'}, against),
    element('p', {class: 'gxp-review-summary'}, diff.toReview + ' of ' + diff.modules.length
      + ' modules to review; reuse of pre-approved modules ' + Math.round(diff.reuse.rate * 100) + '%.'),
    review.reviewGroup && !review.mayComment
      ? element('p', {class: 'alert alert-info'}, 'Claim the task to add module comments.')
      : '');
}

async function render(node, taskId, api) {
  node.replaceChildren();
  const response = await fetch(API + encodeURIComponent(taskId) + '/review', {credentials: 'same-origin',
    headers: {Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(api)}});
  if (response.status === 409 || response.status === 404) {
    const problem = await response.json().catch(() => ({}));
    node.append(element('p', {class: 'gxp-review-none'}, problem.reason === 'not-an-mlr-review-task'
      ? 'The Review tab is for the tasks of an MLR review.' : (problem.detail || 'No review to show.')));
    return;
  }
  if (!response.ok) {
    node.append(element('p', {class: 'alert alert-danger'}, 'Cannot load the review (' + response.status + ').'));
    return;
  }
  const review = await response.json();
  const previousByModule = new Map();
  (review.previousRoundComments || []).forEach(c => {
    previousByModule.set(c.moduleId, (previousByModule.get(c.moduleId) || []).concat([c]));
  });
  const moduleSections = new Map();
  const modules = review.diff.modules.map((module, index) => {
    const section = moduleSection(module, index, review, taskId, api, previousByModule);
    moduleSections.set(module.moduleId, section);
    return section;
  });
  // comments on modules that are in neither version (cannot happen through the API, but never hide one)
  const known = new Set(review.diff.modules.map(m => m.moduleId));
  const orphans = (review.comments || []).concat(review.previousRoundComments || []).filter(c => !known.has(c.moduleId));
  node.append(element('div', {class: 'gxp-review'},
    header(review),
    findingsSection(review, moduleSections),
    element('section', {class: 'gxp-review-modules', 'aria-label': 'Modules'}, element('h5', {}, 'Modules'), ...modules),
    orphans.length ? element('section', {class: 'gxp-review-orphans'}, element('h5', {}, 'Other comments'),
      element('ul', {class: 'list-unstyled'}, ...orphans.map(c => commentItem(c)))) : ''));
}

export default {
  id: 'gxp-review',
  pluginPoint: 'tasklist.task.detail',
  priority: 150,
  render: (node, {taskId, api}) => {
    render(node, taskId, api).catch(error => {
      node.textContent = 'This tab could not be shown: ' + error.message;
    });
  },
  properties: {
    label: LABEL
  }
};
