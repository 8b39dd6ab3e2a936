// Notifications in the embedded default (no SMTP server: the outbox and the log are the delivery): paul reports a
// deviation, ivan assesses it in Tasklist, quinn returns it to him; ivan finds the "returned" notification in his
// outbox (/api/notifications), follows its link and lands on the returned task in Tasklist. Then he switches
// notifications off with the switch in Tasklist's top bar, and the next one (an assignment by admin) is kept in the
// outbox as skipped, not delivered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE, SHOTS, browser, login, rest, inTasklist } from './lib/harness.mjs';
import { form, radio, select, text } from './lib/forms.mjs';

const TITLE = 'Label mix-up on packaging line 2 ' + Date.now();
const wait = ms => new Promise(resolve => setTimeout(resolve, ms));

async function until(what, probe, timeoutMs = 30000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) {
      return value;
    }
    if (Date.now() > end) {
      throw new Error('timed out waiting for ' + what);
    }
    await wait(500);
  }
}

const as = (user, work) => inTasklist('notifications', user, work);

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

async function complete(page) {
  await page.locator('button.btn-primary', { hasText: 'Complete' }).click();
  const refused = page.locator('.notifications .alert-danger');
  await Promise.race([form(page).waitFor({ state: 'detached', timeout: 30000 }),
    refused.first().waitFor({ timeout: 30000 })]);
  if (await refused.count() > 0) {
    throw new Error('Tasklist refused the completion: ' + await refused.first().innerText());
  }
}

test('a returned task reaches its assessor through the outbox, and the link opens it in Tasklist', async () => {
  await rest('paul', 'POST', '/engine-rest/process-definition/key/deviation-capa/submit-form', { variables: {
    title: { value: TITLE }, description: { value: 'Wrong leaflet version found at line clearance' },
    occurredAt: { value: '2026-11-30T08:10+00:00' }, site: { value: 'Basel - Packaging 2' },
    product: { value: 'P-100' }, affectedBatches: { value: '' }, category: { value: 'equipment' },
    containmentActions: { value: 'Line stopped, cartons segregated' } } });
  const instance = await until('the deviation', async () => (await rest('admin', 'GET',
    '/engine-rest/process-instance?processDefinitionKey=deviation-capa&variables=title_eq_'
      + encodeURIComponent(TITLE)))[0]);
  const businessKey = await until('the QMS id as business key', async () => (await rest('admin', 'GET',
    `/engine-rest/process-instance/${instance.id}`)).businessKey);

  await as('ivan', async page => {
    await openTask(page, 'Initial assessment');
    await select(page, 'Impact on patient safety', 'None');
    await select(page, 'Impact on product quality', 'Low');
    await select(page, 'Occurrence', 'First occurrence');
    await select(page, 'Detectability', 'High – controls would detect it');
    await text(page, 'Assessment summary', 'Wrong leaflet caught at line clearance, no carton released');
    await complete(page);
  });
  await as('quinn', async page => {
    await openTask(page, 'QA approval of classification');
    await radio(page, 'Return to assessor');
    await text(page, 'Reason for returning', 'Check the cartons packed before the line stop as well');
    await complete(page);
  });

  const returned = await until('the returned notification', async () => (await rest('ivan', 'GET',
    '/api/notifications')).find(n => n.businessKey === businessKey && n.kind === 'RETURNED' && n.status === 'LOGGED'));
  assert.equal(returned.taskName, 'Initial assessment');
  assert.match(returned.subject, new RegExp(`^GxP Flow: Task returned to you: Initial assessment \\(${businessKey}\\)$`));
  assert.equal(returned.link, `${BASE}/camunda/app/tasklist/default/#/?task=${returned.taskId}`);
  assert.equal(returned.email, 'ivan@demo.gxpflow.io');
  assert.deepEqual((await rest('quinn', 'GET', '/api/notifications')).filter(n => n.businessKey === businessKey), [],
    'quinn claimed her task herself: nothing for her');

  // ivan's outbox as the browser shows it (HTTP Basic), then the link from it
  const context = await browser();
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.setExtraHTTPHeaders({ Authorization: 'Basic ' + Buffer.from('ivan:ivan').toString('base64') });
    await page.goto(`${BASE}/api/notifications`);
    await page.getByText(businessKey).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'notifications-outbox.png') });
    await page.setExtraHTTPHeaders({});
    await login(page, 'tasklist', 'ivan');
    await page.goto(returned.link);
    await form(page).waitFor({ timeout: 30000 });
    await page.getByText('Check the cartons packed before the line stop as well').first().waitFor();
    assert.ok(await page.locator('.task-details').getByText('Initial assessment').count() > 0,
      'the link opens the returned assessment');
    await page.screenshot({ path: join(SHOTS, 'notifications-link-opens-task.png') });

    // ivan switches notifications off with the switch in Tasklist's top bar
    const enabled = page.locator('#gxp-notifications-enabled');
    await page.locator('label.gxp-notifications', { hasText: 'Email notifications' }).waitFor();
    await enabled.waitFor({ state: 'attached' });
    await page.waitForFunction(() => !document.querySelector('#gxp-notifications-enabled').disabled);
    assert.equal(await enabled.isChecked(), true, 'notifications are on by default');
    await enabled.click();
    await page.locator('label.gxp-notifications', { hasText: '(off)' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'notifications-switched-off.png') });
  } finally {
    await context.close();
  }
  assert.equal((await rest('ivan', 'GET', '/api/notifications/settings')).enabled, false,
    'the switch stored the setting on the server');

  // the next notification stays in his outbox as skipped
  try {
    await rest('admin', 'POST', `/engine-rest/task/${returned.taskId}/assignee`, { userId: 'ivan' });
    const skipped = await until('the skipped assignment', async () => (await rest('ivan', 'GET',
      '/api/notifications')).find(n => n.taskId === returned.taskId && n.kind === 'ASSIGNED' && n.status !== 'PENDING'));
    assert.equal(skipped.status, 'SKIPPED');
    assert.equal(skipped.sentAt, null);
  } finally {
    await rest('ivan', 'PUT', '/api/notifications/settings', { enabled: true });
  }
});
