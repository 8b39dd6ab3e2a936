// Two due date extensions asked for one deviation while the investigation runs, decided by quinn in the real
// Tasklist: each request has its own QA task showing its own date, reason and requester (a second request no
// longer overwrites the first), every card carries a due date, and approving a request applies that request's
// date. The deviation gets to the investigation over the REST API (the walk in deviation.test.mjs shows those
// steps in the browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SHOTS, browser, login, rest, watch } from './lib/harness.mjs';
import { form, radio, text } from './lib/forms.mjs';

const TITLE = 'Balance calibration overdue ' + Date.now();

async function task(instanceId, key) {
  for (let attempt = 0; attempt < 60; attempt++) {
    const [found] = await rest('admin', 'GET',
      `/engine-rest/task?processInstanceId=${instanceId}&taskDefinitionKey=${key}`);
    if (found) {
      return found;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`no task ${key} for ${instanceId}`);
}

async function completeByApi(user, instanceId, key, variables) {
  const open = await task(instanceId, key);
  await rest(user, 'POST', `/engine-rest/task/${open.id}/claim`, { userId: user });
  const typed = Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, { value }]));
  await rest(user, 'POST', `/engine-rest/task/${open.id}/complete`, { variables: typed });
}

test('two extension requests reach QA each with its own date and reason, and carry due dates', async () => {
  const started = await rest('paul', 'POST', '/engine-rest/process-definition/key/deviation-capa/submit-form', {
    variables: Object.fromEntries(Object.entries({
      title: TITLE, description: 'Analytical balance B-7 used two days past its calibration date',
      occurredAt: '2026-11-30T09:00+01:00', site: 'Basel - QC lab', product: 'P-100', affectedBatches: '',
      category: 'equipment', containmentActions: 'Balance B-7 locked out, results of the two days flagged',
    }).map(([name, value]) => [name, { value }])),
  });
  await completeByApi('ivan', started.id, 'Task_Assessment', {
    patientSafetyImpact: 'potential', productQualityImpact: 'low', occurrence: 'first', detectability: 'high',
    batchImpact: false, assessmentSummary: 'Weighings of two days concerned, re-check planned',
  });
  await completeByApi('quinn', started.id, 'Task_QaApproval', { qaDecision: 'approve' });
  await task(started.id, 'Task_Investigation');
  const deviationId = (await rest('admin', 'GET', `/engine-rest/process-instance/${started.id}`)).businessKey;

  await rest('ivan', 'POST', `/api/deviations/${deviationId}/extension-requests`,
    { requestedDueDate: '2027-02-15', reason: 'Supplier audit report outstanding' });
  await rest('ivan', 'POST', `/api/deviations/${deviationId}/extension-requests`,
    { requestedDueDate: '2027-03-15', reason: 'Stability data due in March' });

  const context = await browser();
  const page = context.pages()[0] || await context.newPage();
  const seen = watch(page);
  try {
    await login(page, 'tasklist', 'quinn');
    const cards = page.locator('.tasks-list li')
      .filter({ hasText: 'Decide on due date extension' }).filter({ hasText: TITLE });
    await cards.nth(1).waitFor({ timeout: 30000 });
    assert.equal(await cards.count(), 2, 'one QA task per request');
    for (const card of await cards.all()) {
      assert.match(await card.innerText(), /Due/i, 'the card shows its due date');
    }
    await page.screenshot({ path: join(SHOTS, 'deviation-two-extension-requests.png') });

    const shown = [];
    for (let n = 0; n < 2; n++) {
      await cards.nth(n).click();
      await form(page).getByText('Requested new closure due date').waitFor();
      shown.push(await form(page).innerText());
    }
    assert.ok(shown.some(f => f.includes('2027-02-15') && f.includes('Supplier audit report outstanding')
      && !f.includes('2027-03-15')), 'the first request on its own task');
    assert.ok(shown.some(f => f.includes('2027-03-15') && f.includes('Stability data due in March')
      && !f.includes('2027-02-15')), 'the second request on its own task');

    // approve the February request in the browser
    await cards.filter({ hasText: TITLE }).first().waitFor();
    for (let n = 0; n < 2; n++) {
      await cards.nth(n).click();
      await form(page).getByText('Requested new closure due date').waitFor();
      if ((await form(page).innerText()).includes('2027-02-15')) {
        break;
      }
    }
    const claim = page.getByRole('button', { name: 'Claim' });
    if (await claim.isVisible()) {
      await claim.click();
      await page.locator('button.btn-primary', { hasText: 'Complete' }).waitFor();
    }
    await radio(page, 'Approve extension');
    await text(page, 'Comment', 'Audit report agreed with the supplier for February');
    await page.screenshot({ path: join(SHOTS, 'deviation-extension-decision.png'), fullPage: true });
    await page.locator('button.btn-primary', { hasText: 'Complete' }).click();
    await form(page).waitFor({ state: 'detached', timeout: 30000 });
  } catch (error) {
    await page.screenshot({ path: join(SHOTS, 'deviation-requests-failure.png'), fullPage: true });
    console.log('browser console and failed requests:\n' + seen.join('\n'));
    throw error;
  } finally {
    await context.close();
  }

  const closureDue = (await rest('admin', 'GET',
    `/engine-rest/process-instance/${started.id}/variables/closureDueDate`)).value;
  assert.match(closureDue, /^2027-02-16T00:00:00/);
  const investigation = await task(started.id, 'Task_Investigation');
  const investigationDue = (await rest('admin', 'GET',
    `/engine-rest/process-instance/${started.id}/variables/investigationDueDate`)).value;
  assert.equal(Date.parse(investigation.due), Date.parse(investigationDue), 'the open task moved with it');
  const pending = await rest('admin', 'GET',
    `/engine-rest/task?processInstanceId=${started.id}&taskDefinitionKey=Task_ExtensionDecision`);
  assert.equal(pending.length, 1, 'the March request still waits for QA');

  // the record, found by its business key, starts with the report as paul submitted it
  const audit = await rest('quinn', 'GET', `/api/audit?businessKey=${deviationId}`);
  assert.equal(audit[0].type, 'PROCESS_STARTED');
  assert.equal(audit[0].details.variables.title, TITLE);
});
