// One major deviation walked through the real Tasklist by the demo users of the contract, with the forms of
// forms/ and the model of bpmn/: paul reports it on the start form, ivan assesses, quinn approves the
// classification, ivan investigates and plans one CAPA action with paul (production) as its owner, picked from
// the people who work in deviations, paul carries it out, and quinn signs the closure in the Sign tab (a wrong
// password first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SHOTS, rest, inTasklist } from './lib/harness.mjs';
import { checkbox, dateTime, form, radio, select, text } from './lib/forms.mjs';

const TITLE = 'Granulation temperature excursion ' + Date.now();

/** Opens the task of this deviation in the user's queue and claims it. */
async function openTask(page, name) {
  const item = page.locator('.tasks-list li').filter({ hasText: name }).filter({ hasText: TITLE });
  await item.first().waitFor({ timeout: 30000 });
  await item.first().click();
  await form(page).waitFor();
  const claim = page.getByRole('button', { name: 'Claim' });
  if (await claim.isVisible()) {
    await claim.click();
    await page.locator('button.btn-primary', { hasText: 'Complete' }).waitFor();
  }
}

/** Completes the open task; fails with Tasklist's message if the server refuses it. */
async function complete(page) {
  await page.locator('button.btn-primary', { hasText: 'Complete' }).click();
  const refused = page.locator('.notifications .alert-danger');
  await Promise.race([form(page).waitFor({ state: 'detached', timeout: 30000 }),
    refused.first().waitFor({ timeout: 30000 })]);
  if (await refused.count() > 0) {
    throw new Error('Tasklist refused the completion: ' + await refused.first().innerText());
  }
}

const as = (user, work) => inTasklist('deviation', user, work);

test('a major deviation from the Tasklist start form to the signed closure', async () => {
  await as('paul', async page => {
    await page.getByText('Start process').click();
    await page.getByText('Deviation and CAPA').click();
    await form(page).waitFor();
    await text(page, 'Title', TITLE);
    await text(page, 'Description', 'Granulator jacket at 31 °C for 12 minutes, limit 25 °C');
    await dateTime(page, 'Occurred on', '11/21/2026', 'Time of occurrence', '22:15');
    await text(page, 'Site / line', 'Basel - Granulation 2');
    await text(page, 'Product', 'P-100');
    await select(page, 'Category', 'Process');
    await text(page, 'Immediate containment actions', 'Line stopped, material quarantined');
    await page.screenshot({ path: join(SHOTS, 'deviation-start-form.png') });
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText('The process has been started').waitFor();
  });
  const [instance] = (await rest('admin', 'GET', '/engine-rest/process-instance?processDefinitionKey=deviation-capa'
    + '&variables=title_eq_' + encodeURIComponent(TITLE)));
  assert.ok(instance, 'the deviation was started');

  await as('ivan', async page => {
    await openTask(page, 'Initial assessment');
    assert.ok(await form(page).getByText(TITLE).count() > 0, 'the assessment shows the report');
    await select(page, 'Impact on patient safety', 'Potential');
    await select(page, 'Impact on product quality', 'Medium');
    await select(page, 'Occurrence', 'First occurrence');
    await select(page, 'Detectability', 'High – controls would detect it');
    await text(page, 'Assessment summary', 'Dissolution may be affected; the batch is on hold by line stop');
    await page.screenshot({ path: join(SHOTS, 'deviation-assessment.png') });
    await complete(page);
  });

  await as('quinn', async page => {
    await openTask(page, 'QA approval of classification');
    await page.screenshot({ path: join(SHOTS, 'deviation-qa-approval.png'), fullPage: true });
    assert.ok(await form(page).getByText('MAJOR').count() > 0, 'QA sees the proposed classification');
    await radio(page, 'Approve classification');
    await complete(page);
  });

  await as('ivan', async page => {
    await openTask(page, 'Investigation and root cause');
    await radio(page, '5 Whys');
    await text(page, 'Why 1', 'Jacket temperature too high');
    await text(page, 'Why 2', 'Controller setpoint drifted after the firmware update');
    await select(page, 'Root cause category', 'Equipment failure');
    await text(page, 'Findings', 'Setpoint drift after the controller firmware update, not re-verified');
    await checkbox(page, 'CAPA required');
    await complete(page);

    // the CAPA plan: the owner is picked from the people who work in deviations (production here)
    await openTask(page, 'CAPA plan');
    await text(page, 'CAPA title', 'Controller setpoints after firmware updates');
    await text(page, 'Action', 'Lock setpoints after firmware updates and re-verify');
    await radio(page, 'Corrective');
    await select(page, 'Owner', 'Paul Production');
    await dateTime(page, 'Due date', '01/15/2027');
    await page.screenshot({ path: join(SHOTS, 'deviation-capa-owner.png') });
    await complete(page);
  });

  await as('paul', async page => {
    await openTask(page, 'Carry out CAPA action');
    await text(page, 'Evidence of completion', 'Setpoint lock configured, change record CR-2026-0311');
    await complete(page);
  });

  await as('quinn', async page => {
    await openTask(page, 'Closure approval');
    // the signature step's fields are on the Sign tab, signed together with the meaning
    await page.getByRole('link', { name: 'Sign', exact: true }).click();
    const password = page.locator('#gxp-sign-password');
    await password.waitFor();
    await page.fill('#gxp-sign-closureSummary', 'Root cause removed, CAPA implemented and verified');
    assert.equal(await password.getAttribute('type'), 'password');
    assert.equal(await page.locator('.gxp-signature-meaning').innerText(), 'Deviation closure approved');
    await page.check('#gxp-sign-confirm');
    await password.fill('not-quinns-password');
    await page.click('#gxp-sign-submit');
    const message = page.locator('.gxp-signature-message');
    await message.waitFor({ state: 'visible' });
    assert.match(await message.innerText(), /wrong password/);
    await page.screenshot({ path: join(SHOTS, 'signature-wrong-password.png') });
    // the engine delays the next password check of a user after a wrong one
    await page.waitForTimeout(3500);
    await password.fill('quinn');
    await page.click('#gxp-sign-submit');
    const done = page.locator('.gxp-signature-done');
    await done.waitFor();
    assert.match(await done.innerText(), /Signed by Quinn Quality .* \(Deviation closure approved\)/);
    await page.screenshot({ path: join(SHOTS, 'signature-signed.png') });
  });

  const businessKey = (await rest('admin', 'GET', `/engine-rest/process-instance/${instance.id}`)).businessKey;
  const waiting = await rest('admin', 'GET', `/engine-rest/process-instance/${instance.id}/activity-instances`);
  assert.deepEqual(waiting.childActivityInstances.map(a => a.activityId), ['Timer_EffectivenessDue']);
  const manifests = await rest('quinn', 'GET', `/api/signatures?businessKey=${businessKey}`);
  assert.equal(manifests.length, 1);
  assert.equal(manifests[0].signerId, 'quinn');
  const types = (await rest('quinn', 'GET', `/api/audit?businessKey=${businessKey}`)).map(e => e.type);
  for (const type of ['SIGNATURE_FAILED', 'SIGNATURE', 'DUE_DATE_CHANGED', 'SYSTEM_CALL', 'TASK_COMPLETED']) {
    assert.ok(types.includes(type), type + ' in ' + types.join(','));
  }
  assert.equal((await rest('quinn', 'GET', '/api/audit/verify')).status, 'OK');
});
