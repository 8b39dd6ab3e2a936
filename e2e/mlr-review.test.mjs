// One promotional item reviewed through the real Tasklist by the demo users of the contract (issue 14), with the
// forms of forms/, the model of bpmn/ and the Review tab: alice submits a Cardiozen detail aid from the start
// form, carl triages, mark sees the findings and the modules in the Review tab and leaves a mandatory comment,
// carl consolidates, alice sees the comment on her module and revises, mark sees the word diff of what she
// changed, approves and signs; carl releases it and the CRM publishes it.
// Needs a fresh database per app start (see README, "Browser tests").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SHOTS, inTasklist, rest } from './lib/harness.mjs';
import { checkbox, form, radio, select, text } from './lib/forms.mjs';

const TITLE = 'Cardiozen detail aid: LDL lowering ' + Date.now();
const COMPLETE = 'button.btn-primary';
const HEADLINE = 'Cardiozen lowered LDL cholesterol by 48% at 12 weeks.';
const ADDED = ' In adults with primary hypercholesterolaemia.';
const ISI = 'Important Safety Information: Cardiozen is contraindicated in patients with active liver disease.'
  + ' Myalgia and raised transaminases were reported. See the full Prescribing Information.';
const CONTENT = [
  '## headline',
  `[${HEADLINE}](claim:CLM-001)`,
  '',
  '## dosing from PM-CZ-DOSING',
  'Take one 250 mg tablet twice daily, with or without food.',
  '',
  '## safety [isi] from PM-ISI-7',
  ISI,
].join('\n');
const COMMENT = 'Say which patients: the study population must follow the claim';

/** Waits for the instance's open task of that name (the pre-check before it runs as a job). */
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

/** Opens the task from its card in the user's queue and claims it. */
async function openTask(page, name) {
  await page.locator('.tasks-list li').filter({ hasText: name }).first().click();
  await form(page).waitFor();
  const claim = page.getByRole('button', { name: 'Claim' });
  if (await claim.isVisible()) {
    await claim.click();
    await page.locator(COMPLETE, { hasText: 'Complete' }).waitFor();
  }
}

async function formText(page) {
  return (await form(page).innerText()).replace(/\s+/g, ' ');
}

async function tab(page, name) {
  await page.locator('.tabbed-content .nav-tabs a', { hasText: name }).click();
}

/** The Review tab, loaded. */
async function reviewTab(page) {
  await tab(page, 'Review');
  const review = page.locator('.gxp-review');
  await review.waitFor({ timeout: 30000 });
  return review;
}

/** Completes the open task; fails with Tasklist's message if it refuses (client or server). */
async function complete(page) {
  await tab(page, 'Form');
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

const as = (user, work) => inTasklist('mlr', user, work);

async function triage(instance) {
  await taskOf(instance, 'Triage pre-check findings');
  await as('carl', async page => {
    await openTask(page, 'Triage pre-check findings');
    const shown = await formText(page);
    for (const expected of ['Triage pre-check findings', TITLE, 'Score 100 / 100', 'No findings.']) {
      assert.ok(shown.includes(expected), `carl's triage shows "${expected}": ${shown}`);
    }
    await complete(page);
  });
}

test('alice submits, mark comments in the Review tab, alice revises, mark sees the diff and signs', async () => {
  await as('alice', async page => {
    await page.getByText('Start process').click();
    await page.getByText('MLR review').click();
    await form(page).waitFor();
    await text(page, 'Title', TITLE);
    await text(page, 'Product', 'Cardiozen');
    await checkbox(page, 'Switzerland');
    await select(page, 'Channel', 'Rep detail aid');
    await radio(page, 'Health care professionals');
    await text(page, 'Content', CONTENT);
    await page.setViewportSize({ width: 1400, height: 1100 });
    await page.screenshot({ path: join(SHOTS, 'mlr-start-form.png') });
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText('The process has been started').waitFor();
  });
  const [instance] = await rest('admin', 'GET', '/engine-rest/process-instance?processDefinitionKey=mlr-review'
    + '&variables=contentTitle_eq_' + encodeURIComponent(TITLE));
  assert.ok(instance, 'the review was started');
  const itemId = instance.businessKey;
  assert.match(itemId, /^MLR-\d{4}-\d{4}$/, 'the item got its id as business key');

  await triage(instance.id);

  // round 1: mark reads the new item and asks for a change to the headline
  await taskOf(instance.id, 'Medical review');
  await as('mark', async page => {
    await openTask(page, 'Medical review');
    const review = await reviewTab(page);
    assert.match(await review.locator('.gxp-review-against').innerText(), /First version of the item/);
    const headline = review.locator('[aria-label="Module headline"]');
    assert.ok((await headline.innerText()).includes(HEADLINE), 'the headline module shows its text');
    await headline.locator('input[id$="-mandatory"]').check();
    await headline.locator('textarea').fill(COMMENT);
    await headline.getByRole('button', { name: 'Add comment' }).click();
    await headline.getByText('Comment added.').waitFor();
    assert.ok((await headline.locator('.gxp-review-comments').innerText()).includes(COMMENT));
    await page.setViewportSize({ width: 1400, height: 1100 });
    await page.screenshot({ path: join(SHOTS, 'mlr-review-comment.png'), fullPage: true });
    await tab(page, 'Form');
    await radio(page, 'Approve with changes');
    await complete(page);
  });

  // the mandatory comment sends it back, through the coordinator
  await taskOf(instance.id, 'Consolidate review feedback');
  await as('carl', async page => {
    await openTask(page, 'Consolidate review feedback');
    const shown = await formText(page);
    assert.ok(shown.includes(COMMENT), `carl reads the mandatory comment: ${shown}`);
    await text(page, 'Instruction for the author', 'Add the study population to the headline claim.');
    await complete(page);
  });

  await taskOf(instance.id, 'Revise content');
  await as('alice', async page => {
    await openTask(page, 'Revise content');
    assert.ok((await formText(page)).includes('Add the study population'), 'alice reads the instruction');
    const review = await reviewTab(page);
    assert.ok((await review.locator('.gxp-review-previous').first().innerText()).includes(COMMENT),
      'alice sees the comment on the module it is about');
    await tab(page, 'Form');
    const content = form(page).getByLabel(/^\s*Content\s*\*?\s*$/);
    const current = await content.inputValue();
    assert.ok(current.includes(`[${HEADLINE}](claim:CLM-001)`), 'the form holds the version as text: ' + current);
    await content.fill(current.replace(`[${HEADLINE}](claim:CLM-001)`, `[${HEADLINE}](claim:CLM-001)${ADDED}`));
    await page.setViewportSize({ width: 1400, height: 1100 });
    await page.screenshot({ path: join(SHOTS, 'mlr-revision.png'), fullPage: true });
    await complete(page);
  });

  await triage(instance.id);

  // round 2: mark reviews what changed, word by word, then signs
  await taskOf(instance.id, 'Medical review');
  await as('mark', async page => {
    await openTask(page, 'Medical review');
    const review = await reviewTab(page);
    assert.match(await review.locator('.gxp-review-against').innerText(), /Compared with version 1/);
    const headline = review.locator('[aria-label="Module headline"]');
    assert.equal((await headline.locator('ins.gxp-review-ins').allInnerTexts()).join('').trim(), ADDED.trim());
    // the modules alice did not touch are collapsed as unchanged
    assert.equal(await review.locator('details.gxp-review-approved').count(), 2);
    await page.setViewportSize({ width: 1400, height: 1100 });
    await page.screenshot({ path: join(SHOTS, 'mlr-review-diff.png'), fullPage: true });
    await tab(page, 'Form');
    await radio(page, 'Approve');
    await complete(page);
  });

  await taskOf(instance.id, 'Approve for distribution (e-signature)');
  await as('mark', async page => {
    await openTask(page, 'Approve for distribution');
    assert.ok((await formText(page)).includes('Content SHA-256'), 'the approval shows the hash signed');
    await tab(page, 'Sign');
    const password = page.locator('#gxp-sign-password');
    await password.waitFor();
    assert.equal(await page.locator('.gxp-signature-meaning').innerText(), 'Approved for distribution');
    await page.check('#gxp-sign-confirm');
    await password.fill('mark');
    await page.screenshot({ path: join(SHOTS, 'mlr-sign.png'), fullPage: true });
    await page.click('#gxp-sign-submit');
    await page.locator('.gxp-signature-done').waitFor();
    assert.match(await page.locator('.gxp-signature-done').innerText(), /Signed by Mark .* \(Approved for distribution\)/);
  });

  await taskOf(instance.id, 'Release for distribution');
  await as('carl', async page => {
    await openTask(page, 'Release for distribution');
    const expiry = form(page).getByLabel(/^\s*Expiry date\s*\*?\s*$/);
    assert.match(await expiry.inputValue(), /^\d{4}-\d{2}-\d{2}$/, 'the default expiry is filled in');
    await complete(page);
  });

  // published to the CRM by a job; the version approved in the content store
  let audit;
  for (let i = 0; i < 60; i++) {
    audit = await rest('quinn', 'GET', `/api/audit?businessKey=${itemId}`);
    if (audit.some(e => e.type === 'SYSTEM_CALL' && e.details.operation === 'publish-content')) {
      break;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  const types = audit.map(e => e.type);
  for (const type of ['MLR_CONTENT_SUBMITTED', 'MLR_PRECHECK_COMPLETED', 'MLR_MODULE_COMMENT_ADDED', 'SIGNATURE',
    'MLR_CONTENT_STATUS_CHANGED', 'SYSTEM_CALL']) {
    assert.ok(types.includes(type), type + ' in ' + types.join(','));
  }
  const published = audit.find(e => e.type === 'SYSTEM_CALL' && e.details.operation === 'publish-content');
  assert.equal(published.details.outcome, 'OK');
  const signature = audit.find(e => e.type === 'SIGNATURE');
  assert.equal(signature.actor, 'mark');
  assert.equal(signature.details.meaning, 'Approved for distribution');
  const item = await rest('alice', 'GET', `/api/mlr/items/${itemId}`);
  assert.deepEqual(item.versions.map(v => v.status), ['SUPERSEDED', 'APPROVED']);
  assert.equal((await rest('quinn', 'GET', '/api/audit/verify')).status, 'OK');
});
