// Tasklist work a QA team can live with (issue 12, points 2, 9, 10, 11, 12), walked in the real Tasklist:
// a conditional required field no longer locks Complete, values read as their labels and dates as dates, each
// decision form shows what is decided (the QA approval the whole report, closure and effectiveness the CAPA
// actions), the closure summary typed once on the Form tab is what the Sign tab signs and the signed task leaves
// the list, and extension and cancellation requests are made from a task's Requests tab with the server's
// refusals shown as sentences. Steps outside these points are done over REST, as the users of the contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SHOTS, rest, inTasklist } from './lib/harness.mjs';
import { checkbox, form, radio, select, text } from './lib/forms.mjs';

const RUN = Date.now();
const COMPLETE = 'button.btn-primary';

/** Starts a deviation as paul (as the start form submits it) and answers its process instance id. */
async function report(title) {
  const v = {
    title, description: 'Granulator jacket at 31 °C for 12 minutes, limit 25 °C',
    occurredAt: '2026-11-21T22:15+01:00', site: 'Basel - Granulation 2', product: 'P-100',
    affectedBatches: 'B-2026-0101', category: 'process', containmentActions: 'Line stopped, material quarantined',
  };
  const variables = Object.fromEntries(Object.entries(v).map(([k, value]) => [k, { value }]));
  const started = await rest('paul', 'POST', '/engine-rest/process-definition/key/deviation-capa/submit-form',
    { variables });
  return started.id;
}

/** Waits for the process instance's open task of that name. */
async function taskOf(instance, name) {
  for (let i = 0; i < 60; i++) {
    const [task] = await rest('admin', 'GET', `/engine-rest/task?processInstanceId=${instance}`
      + `&name=${encodeURIComponent(name)}`);
    if (task) {
      return task;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`no task ${name} in ${instance}`);
}

/** Claims and completes a task over REST as the user (the server validates it as any client). */
async function completeByRest(instance, name, user, values) {
  const task = await taskOf(instance, name);
  await rest(user, 'POST', `/engine-rest/task/${task.id}/claim`, { userId: user });
  const variables = Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value }]));
  await rest(user, 'POST', `/engine-rest/task/${task.id}/complete`, { variables });
}

/** Opens the task in the user's queue (by its name and the deviation's title) and claims it. */
async function openTask(page, name, title) {
  const item = page.locator('.tasks-list li').filter({ hasText: name }).filter({ hasText: title });
  await item.first().waitFor({ timeout: 30000 });
  await item.first().click();
  await form(page).waitFor();
  const claim = page.getByRole('button', { name: 'Claim' });
  if (await claim.isVisible()) {
    await claim.click();
    await page.locator(COMPLETE, { hasText: 'Complete' }).waitFor();
  }
}

function completeButton(page) {
  return page.locator(COMPLETE, { hasText: 'Complete' });
}

/** Waits until Complete is enabled (form-js validates typed text after a short pause); fails after 10 s. */
async function enabled(page) {
  for (let i = 0; i < 40 && !(await completeButton(page).isEnabled()); i++) {
    await page.waitForTimeout(250);
  }
  assert.equal(await completeButton(page).isEnabled(), true, 'Complete is enabled');
}

/** Completes the open task; fails with Tasklist's message if it refuses (client or server). */
async function complete(page) {
  // earlier messages (e.g. of a Complete clicked too early) are closed first, as a person would
  for (const close of await page.locator('.notifications .alert button.close').all()) {
    await close.click().catch(() => {});
  }
  await enabled(page);
  await completeButton(page).click();
  const refused = page.locator('.notifications .alert-danger');
  await Promise.race([form(page).waitFor({ state: 'detached', timeout: 30000 }),
    refused.first().waitFor({ timeout: 30000 })]);
  if (await refused.count() > 0) {
    throw new Error('Tasklist refused the completion: ' + await refused.first().innerText());
  }
}

const as = (user, work) => inTasklist('forms', user, work);

/** The form's visible text, one string (for what a reader sees). */
async function formText(page) {
  return (await form(page).innerText()).replace(/\s+/g, ' ');
}

async function assess(instance) {
  await completeByRest(instance, 'Initial assessment', 'ivan', {
    patientSafetyImpact: 'potential', productQualityImpact: 'medium', occurrence: 'first', detectability: 'high',
    batchImpact: false, assessmentSummary: 'Dissolution may be affected; the batch is on hold by line stop',
  });
}

async function openTab(page, label) {
  await page.locator('.tabbed-content .nav-tabs a', { hasText: label }).click();
}

test('QA decides with the whole report in view, in words; a hidden required field never locks Complete; '
  + 'the closure summary is typed once and the signed task leaves the list', async () => {
  const title = 'Forms walk ' + RUN;
  const instance = await report(title);
  await assess(instance);

  await as('quinn', async page => {
    await openTask(page, 'QA approval of classification', title);
    const shown = await formText(page);
    // point 11: what the decision is about; point 9: labels, not values, dates as dates
    for (const expected of ['Granulator jacket at 31 °C', 'Line stopped, material quarantined', 'P-100',
      'Basel - Granulation 2', 'B-2026-0101', 'Category: Process', 'Occurred: 2026-11-21 22:15 UTC+01:00',
      'Impact on patient safety: Potential', 'Impact on product quality: Medium', 'Occurrence: First occurrence',
      'Detectability: High – controls would detect it', 'Proposed classification: Major',
      'Dates are year-month-day']) {
      assert.ok(shown.includes(expected), `QA approval shows "${expected}": ${shown}`);
    }
    for (const raw of ['potential', 'T22:15', 'MAJOR']) {
      assert.ok(!shown.includes(raw), `QA approval shows no raw "${raw}"`);
    }
    await page.screenshot({ path: join(SHOTS, 'forms-qa-approval.png'), fullPage: true });
    // point 2 on this form: Reclassify, Complete with its fields empty (the server says what is missing),
    // then Approve after all: Complete still works
    await radio(page, 'Reclassify');
    await completeButton(page).click();
    const refusal = page.locator('.notifications .alert-danger');
    await refusal.first().waitFor();
    // point 7: the refusal names the fields by their labels, without Camunda's "Cannot submit task form <id>:"
    const refusalText = await refusal.first().innerText();
    assert.match(refusalText, /"Severity set by QA" is required/);
    assert.doesNotMatch(refusalText, /Cannot submit|[0-9a-f]{8}-[0-9a-f]{4}-/);
    await page.screenshot({ path: join(SHOTS, 'forms-qa-approval-refused.png'), fullPage: true });
    await refusal.first().getByRole('button', { name: '×' }).click();
    await radio(page, 'Approve classification');
    await complete(page);
  });

  await as('ivan', async page => {
    await openTask(page, 'Investigation and root cause', title);
    const shown = await formText(page);
    for (const expected of ['Severity: Major', 'Category: Process']) {
      assert.ok(shown.includes(expected), `investigation shows "${expected}": ${shown}`);
    }
    assert.match(shown, /Investigation due: \d{4}-\d{2}-\d{2} /, 'the due date is a date');
    assert.ok(!/Investigation due: \S+T\d/.test(shown), 'no time stamp as due date');
    // point 2, exactly as reported: CAPA required left unticked, Complete clicked (the rationale is shown),
    // then CAPA required ticked (the rationale hides), the rest filled in, and the task completes
    await completeButton(page).click();
    await page.locator('.fjs-form-field-error').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'forms-investigation-errors.png'), fullPage: true });
    await checkbox(page, 'CAPA required');
    await radio(page, '5 Whys');
    await text(page, 'Why 1', 'Jacket temperature too high');
    await select(page, 'Root cause category', 'Equipment failure');
    await text(page, 'Findings', 'Setpoint drift after the controller firmware update, not re-verified');
    assert.equal(await form(page).getByLabel(/Rationale: why no CAPA/).count(), 0, 'the rationale is hidden');
    await enabled(page);
    await page.screenshot({ path: join(SHOTS, 'forms-investigation-unlocked.png'), fullPage: true });
    await complete(page);
  });

  await completeByRest(instance, 'CAPA plan', 'ivan', {
    capaTitle: 'Controller setpoints after firmware updates',
    action1Description: 'Lock setpoints after firmware updates and re-verify', action1Type: 'corrective',
    action1Owner: 'ivan', action1DueDate: '2027-01-15', addAction2: true,
    action2Description: 'Add setpoint verification to the firmware update SOP', action2Type: 'preventive',
    action2Owner: 'ivan', action2DueDate: '2027-02-15', addAction3: false,
  });
  for (let n = 0; n < 2; n++) {
    await completeByRest(instance, 'Carry out CAPA action', 'ivan',
      { actionEvidence: 'Done, change record CR-2026-03' + n });
  }

  const summary = 'Root cause removed, both CAPA actions implemented and verified';
  await as('quinn', async page => {
    await openTask(page, 'Closure approval', title);
    const shown = await formText(page);
    // point 11: the closure shows the CAPA actions it closes
    for (const expected of ['CAPA actions of the current round', 'Lock setpoints after firmware updates',
      'Add setpoint verification', 'Corrective', 'Preventive', '2027-01-15', 'Method: 5 Whys',
      'Root cause category: Equipment failure']) {
      assert.ok(shown.includes(expected), `closure shows "${expected}": ${shown}`);
    }
    // point 10: typed once, on the Form tab
    await text(page, 'Closure summary', summary);
    await page.screenshot({ path: join(SHOTS, 'forms-closure.png'), fullPage: true });
    await openTab(page, 'Sign');
    const field = page.locator('#gxp-sign-closureSummary');
    await field.waitFor();
    assert.equal(await field.inputValue(), summary, 'the Sign tab carries the Form tab\'s summary');
    assert.match(await page.locator('.gxp-signature-carried').innerText(), /Closure summary/);
    await page.check('#gxp-sign-confirm');
    await page.fill('#gxp-sign-password', 'quinn');
    await page.screenshot({ path: join(SHOTS, 'forms-sign-carried.png'), fullPage: true });
    await page.click('#gxp-sign-submit');
    await page.locator('.gxp-signature-done').waitFor();
    // the signed task leaves the list without a reload
    await page.locator('.tasks-list li').filter({ hasText: 'Closure approval' }).filter({ hasText: title })
      .waitFor({ state: 'detached', timeout: 15000 });
    await page.screenshot({ path: join(SHOTS, 'forms-signed-list.png'), fullPage: true });
  });
  const [variable] = await rest('admin', 'GET', `/engine-rest/history/variable-instance?processInstanceId=${instance}`
    + '&variableName=closureSummary');
  assert.equal(variable.value, summary, 'the signed summary is the one typed on the Form tab');
});

test('extension and cancellation requests from Tasklist\'s Requests tab, refusals in sentences', async () => {
  const title = 'Requests walk ' + RUN;
  const instance = await report(title);
  await assess(instance);

  await as('quinn', async page => {
    // QA's own task: an extension does not fit the classification step, and the server says why
    await openTask(page, 'QA approval of classification', title);
    await openTab(page, 'Requests');
    await page.locator('#gxp-extension-date').waitFor();
    await page.fill('#gxp-extension-date', '2027-03-31');
    await page.fill('#gxp-extension-reason', 'Supplier data needed for the investigation');
    await page.click('#gxp-extension-submit');
    const message = page.locator('.gxp-request-extension .gxp-request-message');
    await message.waitFor({ state: 'visible' });
    assert.match(await message.getAttribute('class'), /alert-danger/);
    assert.doesNotMatch(await message.innerText(), /Exception|io\.gxpflow|HTTP 4/);
    await page.screenshot({ path: join(SHOTS, 'forms-request-refused.png'), fullPage: true });
    await openTab(page, 'Form');
    await form(page).waitFor();
    await radio(page, 'Approve classification');
    await complete(page);
  });

  await as('ivan', async page => {
    await openTask(page, 'Investigation and root cause', title);
    await openTab(page, 'Requests');
    await page.locator('#gxp-extension-date').waitFor();
    await page.fill('#gxp-extension-date', '2027-03-31');
    await page.fill('#gxp-extension-reason', 'Supplier data needed for the investigation');
    await page.click('#gxp-extension-submit');
    const message = page.locator('.gxp-request-extension .gxp-request-message');
    await message.waitFor({ state: 'visible' });
    assert.match(await message.innerText(), /Request sent/);
    await page.selectOption('#gxp-cancellation-type', 'duplicate');
    await page.fill('#gxp-cancellation-reason', 'Same excursion already reported as an earlier deviation');
    await page.click('#gxp-cancellation-submit');
    const cancelled = page.locator('.gxp-request-cancellation .gxp-request-message');
    await cancelled.waitFor({ state: 'visible' });
    assert.match(await cancelled.innerText(), /Request sent/);
    await page.screenshot({ path: join(SHOTS, 'forms-requests-sent.png'), fullPage: true });
  });

  await as('quinn', async page => {
    await openTask(page, 'Decide on due date extension', title);
    const shown = await formText(page);
    assert.ok(shown.includes('Requested new closure due date: 2027-03-31'), shown);
    assert.match(shown, /Current closure due date: \d{4}-\d{2}-\d{2} /);
    assert.ok(shown.includes('Severity: Major'), shown);
    await page.screenshot({ path: join(SHOTS, 'forms-extension-decision.png'), fullPage: true });
    await radio(page, 'Approve extension');
    await text(page, 'Comment', 'Supplier data is needed, agreed');
    await complete(page);

    await openTask(page, 'Decide on cancellation', title);
    const cancellation = await formText(page);
    assert.ok(cancellation.includes('Type of cancellation: Duplicate'), cancellation);
    assert.ok(cancellation.includes('Requested by: ivan'), cancellation);
    await page.screenshot({ path: join(SHOTS, 'forms-cancellation-decision.png'), fullPage: true });
    await radio(page, 'Keep it open');
    await text(page, 'Comment', 'Not a duplicate: different batch');
    await complete(page);
  });
  const types = (await rest('quinn', 'GET', `/api/audit?businessKey=${(await rest('admin', 'GET',
    `/engine-rest/process-instance/${instance}`)).businessKey}`)).map(e => e.type);
  assert.ok(types.includes('CHANGE_REQUESTED'), types.join(','));
  assert.ok(types.includes('DUE_DATE_CHANGED'), types.join(','));
});
