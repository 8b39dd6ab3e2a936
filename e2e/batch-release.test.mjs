// One batch released through the real Tasklist by the demo users of the contract (issue 13), with the forms of
// forms/ and the model of bpmn/: the MES reports B-2026-0043 complete (the simulator's batch with one minor
// exception), quinn finds the QA review on her queue by the card's batch, product and review depth, reads the
// batch, its markets and the exception on the form and finds it acceptable; petra finds the QP certification,
// decides to release with a justification and signs in the Sign tab (a wrong password first); then the release
// has ended, the MES has the batch RELEASED and the audit trail of the batch has the signature.
// Needs the demo batches fresh: a new database per app start (see README, "Browser tests").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE, SHOTS, inTasklist, rest } from './lib/harness.mjs';
import { form, text } from './lib/forms.mjs';

const BATCH = 'B-2026-0043';
const PRODUCT = 'Amoxicillin 500 mg capsules';
const EXCEPTION = 'Temperature excursion in granulation';
const COMPLETE = 'button.btn-primary';

/** Sends an event as the MES bridge does: its API key, never a password. */
async function mesEvent(path, body) {
  const response = await fetch(BASE + path, {
    method: 'POST',
    headers: { 'X-Api-Key': 'demo-mes-bridge-key', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.text();
  assert.equal(response.status, 201, `${path}: ${response.status} ${answer}`);
  return JSON.parse(answer);
}

/** What the simulated MES holds for the batch. */
async function mesRecord(batch) {
  const response = await fetch(`${BASE}/sim/mes/batches/${batch}/record`,
    { headers: { 'X-Api-Key': 'demo-simulator-key' } });
  assert.equal(response.status, 200, `MES record of ${batch}`);
  return response.json();
}

/** Waits for the instance's open task of that name (the checks before it run as jobs). */
async function taskOf(instance, name) {
  for (let i = 0; i < 120; i++) {
    const [task] = await rest('admin', 'GET', `/engine-rest/task?processInstanceId=${instance}`
      + `&name=${encodeURIComponent(name)}`);
    if (task) {
      return task;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`no task ${name} in ${instance}`);
}

/** The card of this batch's task in the user's queue (the first filter, their group's). */
function card(page, name) {
  return page.locator('.tasks-list li').filter({ hasText: name }).filter({ hasText: BATCH });
}

/** Asserts the card shows batch, product and review depth as a person sees them: whole, not under "Show more". */
async function assertCard(page, name, depth) {
  const shown = card(page, name).first();
  await shown.waitFor({ timeout: 30000 });
  for (const [label, value] of [['Batch', BATCH], ['Product', PRODUCT], ['Review depth', depth]]) {
    const seen = await shown.locator('.task-card-details').evaluate((details, [label, value]) => {
      const item = [...details.querySelectorAll('.variable-item')]
        .find(i => i.querySelector('.variable-label').textContent.trim() === label + ':');
      const shown = item && item.querySelector('.variable-value');
      if (!shown || shown.textContent.trim() !== value) {
        return 'missing';
      }
      const box = shown.getBoundingClientRect();
      if (box.height === 0 || box.bottom > details.getBoundingClientRect().bottom) {
        return 'clipped by the card';
      }
      return shown.scrollWidth > shown.clientWidth ? 'cut off' : 'whole';
    }, [label, value]);
    assert.equal(seen, 'whole', `the card shows ${label} "${value}"`);
  }
}

/** Opens the task from its card and claims it. */
async function openTask(page, name) {
  await card(page, name).first().click();
  await form(page).waitFor();
  const claim = page.getByRole('button', { name: 'Claim' });
  if (await claim.isVisible()) {
    await claim.click();
    await page.locator(COMPLETE, { hasText: 'Complete' }).waitFor();
  }
}

/** The form's visible text, one string (what a reader sees). */
async function formText(page) {
  return (await form(page).innerText()).replace(/\s+/g, ' ');
}

/** Completes the open task; fails with Tasklist's message if it refuses (client or server). */
async function complete(page) {
  const button = page.locator(COMPLETE, { hasText: 'Complete' });
  for (let i = 0; i < 40 && !(await button.isEnabled()); i++) {
    await page.waitForTimeout(250); // form-js validates typed text after a short pause
  }
  await button.click();
  const refused = page.locator('.notifications .alert-danger');
  await Promise.race([form(page).waitFor({ state: 'detached', timeout: 30000 }),
    refused.first().waitFor({ timeout: 30000 })]);
  if (await refused.count() > 0) {
    throw new Error('Tasklist refused the completion: ' + await refused.first().innerText());
  }
}

const as = (user, work) => inTasklist('batch', user, work);

test('a batch with a minor exception: QA review by quinn, QP certification signed by petra, released', async () => {
  const record = await mesRecord(BATCH);
  assert.equal(record.status, 'IN_REVIEW', `${BATCH} is fresh in the MES (a new database per app start)`);

  const started = await mesEvent('/api/events/mes/batch-record-completed', {
    eventId: 'e2e-' + Date.now(), batchNumber: BATCH, productCode: 'P-100', site: 'Basel',
    completedAt: '2026-11-22T08:15:00Z', intendedMarkets: ['CH', 'DE'],
  });
  const instance = started.processInstanceId;
  await taskOf(instance, 'QA review of exceptions');

  const comment = 'Excursion within the validated range, dissolution results in specification: acceptable';
  await as('quinn', async page => {
    // the card says which batch, which product and how deep the review is, before anyone opens it
    await assertCard(page, 'QA review of exceptions', 'EXCEPTIONS_ONLY');
    await page.screenshot({ path: join(SHOTS, 'batch-qa-queue.png') });

    await openTask(page, 'QA review of exceptions');
    const shown = await formText(page);
    for (const expected of ['QA review of the batch exceptions', `Batch ${BATCH}`, `${PRODUCT} (P-100)`,
      'Site: Basel', 'Intended markets: CH, DE', 'Exceptions only – minor findings',
      'Exceptions and findings to review', 'MES batch record', 'MINOR', 'DEV-TEMP', EXCEPTION]) {
      assert.ok(shown.includes(expected), `QA's form shows "${expected}": ${shown}`);
    }
    // every check is compliant here: no empty table of non-compliant checks, a sentence that says so
    assert.ok(shown.includes('Checks not compliant or in error: none.'), 'QA reads that every check is compliant');
    assert.equal(await form(page).locator('table').count(), 1, 'one table: the finding to review');
    await page.getByLabel('The exceptions are acceptable for release').check();
    await text(page, 'QA assessment', comment);
    // the README's picture: the whole form from its title to QA's assessment
    await page.setViewportSize({ width: 1400, height: 1000 });
    await form(page).getByText('QA review of the batch exceptions').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'batch-qa-review.png'), fullPage: true });
    await complete(page);
  });

  await taskOf(instance, 'QP certification (e-signature)');
  const justification = 'Minor temperature excursion reviewed by QA and found acceptable; all checks compliant';
  await as('petra', async page => {
    await assertCard(page, 'QP certification', 'EXCEPTIONS_ONLY');
    await page.screenshot({ path: join(SHOTS, 'batch-qp-queue.png') });
    await openTask(page, 'QP certification');
    const shown = await formText(page);
    for (const expected of ['QP certification', `Batch ${BATCH}`, 'Intended markets: CH, DE', 'Release checks',
      'MES batch record', 'QC results', 'QMS deviations and change controls', 'Compliant', EXCEPTION,
      'Acceptable for release', comment]) {
      assert.ok(shown.includes(expected), `the QP's form shows "${expected}": ${shown}`);
    }
    await page.getByLabel('Certify and release').check();
    await text(page, 'Justification', justification);
    // the README's picture: from the table of every check down to the decision
    await page.setViewportSize({ width: 1400, height: 1000 });
    await form(page).getByText('Release checks', { exact: true }).evaluate(e => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SHOTS, 'batch-qp-form.png'), fullPage: true });
    await page.setViewportSize({ width: 1400, height: 900 });

    // the signature step: the decision typed on the Form tab is carried into the Sign tab and signed there
    await page.locator('.tabbed-content .nav-tabs a', { hasText: 'Sign' }).click();
    const password = page.locator('#gxp-sign-password');
    await password.waitFor();
    assert.equal(await page.locator('.gxp-signature-meaning').innerText(), 'Certified for release (EU GMP Annex 16)');
    assert.equal(await page.locator('#gxp-sign-releaseDecision').inputValue(), 'RELEASE');
    // the decision reads as the form says it, not as the value stored
    assert.equal(await page.locator('#gxp-sign-releaseDecision option:checked').innerText(), 'Certify and release');
    assert.equal(await page.locator('#gxp-sign-releaseJustification').inputValue(), justification);
    assert.equal(await password.getAttribute('type'), 'password');
    await page.check('#gxp-sign-confirm');
    await password.fill('not-petras-password');
    await page.screenshot({ path: join(SHOTS, 'batch-qp-sign.png'), fullPage: true });
    await page.click('#gxp-sign-submit');
    const message = page.locator('.gxp-signature-message');
    await message.waitFor({ state: 'visible' });
    assert.match(await message.innerText(), /wrong password/);
    await page.screenshot({ path: join(SHOTS, 'batch-qp-wrong-password.png'), fullPage: true });
    // the engine delays the next password check of a user after a wrong one
    await page.waitForTimeout(3500);
    await password.fill('petra');
    await page.click('#gxp-sign-submit');
    const done = page.locator('.gxp-signature-done');
    await done.waitFor();
    assert.match(await done.innerText(),
      /Signed by Petra .* \(Certified for release \(EU GMP Annex 16\)\)/);
    // the signed task leaves the list without a reload
    await card(page, 'QP certification').waitFor({ state: 'detached', timeout: 15000 });
    await page.screenshot({ path: join(SHOTS, 'batch-qp-signed.png'), fullPage: true });
  });

  // the release and supply run as jobs after the decision
  let history;
  for (let i = 0; i < 120; i++) {
    history = await rest('admin', 'GET', `/engine-rest/history/process-instance/${instance}`);
    if (history.state !== 'ACTIVE') {
      break;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  assert.equal(history.state, 'COMPLETED', 'the release ended');
  assert.equal(history.businessKey, BATCH);
  const released = await rest('admin', 'GET', '/engine-rest/history/activity-instance'
    + `?processInstanceId=${instance}&activityId=EndEvent_Released`);
  assert.equal(released.length, 1, 'the release ended at "Batch released"');
  assert.equal((await mesRecord(BATCH)).status, 'RELEASED');

  const manifests = await rest('quinn', 'GET', `/api/signatures?businessKey=${BATCH}`);
  assert.equal(manifests.length, 1);
  assert.equal(manifests[0].signerId, 'petra');
  assert.equal(manifests[0].meaning, 'Certified for release (EU GMP Annex 16)');
  // the audit entries of the CRM calls can land just after the instance's end: wait for them a little
  let audit;
  for (let i = 0; i < 60; i++) {
    audit = await rest('quinn', 'GET', `/api/audit?businessKey=${BATCH}`);
    if (audit.filter(e => e.type === 'SYSTEM_CALL' && e.details.operation === 'publish-supply').length >= 2) {
      break;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  const types = audit.map(e => e.type);
  for (const type of ['PROCESS_STARTED', 'RELEASE_CHECKS_JUDGED', 'SIGNATURE_FAILED', 'SIGNATURE', 'TASK_COMPLETED',
    'PROCESS_ENDED']) {
    assert.ok(types.includes(type), type + ' in ' + types.join(','));
  }
  const signature = audit.find(e => e.type === 'SIGNATURE');
  assert.equal(signature.actor, 'petra');
  assert.equal(signature.details.meaning, 'Certified for release (EU GMP Annex 16)');
  assert.equal(signature.details.signatureId, manifests[0].id);
  assert.deepEqual(audit.filter(e => e.type === 'TASK_COMPLETED').map(e => e.actor), ['quinn', 'petra']);
  // the MES took the release and the CRM the supply of each intended market, once
  const calls = audit.filter(e => e.type === 'SYSTEM_CALL').map(e => e.details);
  assert.equal(calls.filter(c => c.system === 'MES' && c.operation === 'set-status' && c.outcome === 'OK').length, 1);
  assert.deepEqual(calls.filter(c => c.operation === 'publish-supply' && c.outcome === 'OK')
    .map(c => c.idempotencyKey.split('@').pop()).sort(), ['CH', 'DE']);
  assert.equal((await rest('quinn', 'GET', '/api/audit/verify')).status, 'OK');
});
