// Operations and access in the real webapps: oscar finds an incident of a failing QMS call in Cockpit, reads why,
// retries it once the QMS answers again, and the deviation goes on; a reviewer is refused Cockpit and Admin and
// sees only their group's queue in Tasklist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE, SHOTS, browser, login, rest, watch } from './lib/harness.mjs';

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

/** Reported on the start form over REST, as Tasklist submits it. */
async function report(title) {
  return rest('paul', 'POST', '/engine-rest/process-definition/key/deviation-capa/submit-form', { variables: {
    title: { value: title }, description: { value: 'Found during the line walk' },
    occurredAt: { value: '2026-11-21T22:15+00:00' }, site: { value: 'Basel - Filling line 3' },
    product: { value: 'P-100' }, affectedBatches: { value: '' }, category: { value: 'equipment' },
    containmentActions: { value: 'Line stopped' } } });
}

async function inBrowser(user, app, work) {
  const context = await browser();
  const page = context.pages()[0] || await context.newPage();
  const seen = watch(page);
  try {
    await login(page, app, user);
    await work(page);
  } catch (error) {
    await page.screenshot({ path: join(SHOTS, `operations-failure-${user}-${app}.png`), fullPage: true });
    console.log(`${user} in ${app}: browser console and failed requests:\n` + seen.join('\n'));
    throw error;
  } finally {
    await context.close();
  }
}

test('oscar retries a failed QMS call from Cockpit once the QMS answers again', async () => {
  await rest('oscar', 'PUT', '/api/sim/faults/qms/create-deviation', { status: 503, times: 100 });
  let instance;
  try {
    instance = await report('Door sensor alarm ' + Date.now());
    // the job executor tries once; two more tries use up the retries and raise the incident
    const job = await until('the failed QMS job', async () => (await rest('admin', 'GET',
      `/engine-rest/job?processInstanceId=${instance.id}&withException=true`))[0]);
    for (let retries = job.retries; retries > 0; retries--) {
      await fetch(`${BASE}/engine-rest/job/${job.id}/execute`, { method: 'POST',
        headers: { Authorization: 'Basic ' + Buffer.from('admin:admin').toString('base64') } });
    }
    const [incident] = await until('the incident', async () => (await rest('oscar', 'GET',
      `/engine-rest/incident?processInstanceId=${instance.id}`)));
    assert.match(incident.incidentMessage, /QMS/);
  } finally {
    await rest('oscar', 'DELETE', '/api/sim/faults/qms/create-deviation');
  }

  await inBrowser('oscar', 'cockpit', async page => {
    await page.goto(`${BASE}/camunda/app/cockpit/default/#/process-instance/${instance.id}/runtime?tab=incidents-tab`);
    // the incident says which system failed, in which call, and how
    const row = page.locator('table tbody tr').filter({ hasText: 'QMS create-deviation failed' }).first();
    await row.waitFor();
    assert.match(await row.innerText(), /Record deviation in QMS/);
    await page.screenshot({ path: join(SHOTS, 'cockpit-incident.png') });
    await row.locator('a[ng-click^="openJobRetryDialog"]').click();
    const dialog = page.locator('.modal-dialog');
    await dialog.waitFor();
    // run it now rather than after the remaining wait of the retry cycle
    await dialog.locator('input[type=radio]').nth(1).check();
    await page.screenshot({ path: join(SHOTS, 'cockpit-retry.png') });
    await dialog.getByRole('button', { name: 'Retry' }).click();
    await dialog.getByRole('button', { name: 'OK' }).waitFor();
    assert.match(await dialog.innerText(), /success/i);
    await dialog.getByRole('button', { name: 'OK' }).click();
  });

  const businessKey = await until('the QMS record after the retry', async () => (await rest('admin', 'GET',
    `/engine-rest/process-instance/${instance.id}`)).businessKey);
  assert.match(businessKey, /^DEV-/);
  assert.equal((await rest('oscar', 'GET', `/engine-rest/incident?processInstanceId=${instance.id}`)).length, 0);
});

test('a reviewer is refused Cockpit and Admin and sees only their group\'s queue', async () => {
  const title = 'Filter integrity check ' + Date.now();
  await report(title);
  for (const app of ['cockpit', 'admin']) {
    const context = await browser();
    const page = context.pages()[0] || await context.newPage();
    try {
      await page.goto(`${BASE}/camunda/app/${app}/default/`);
      await page.waitForLoadState('networkidle');
      await page.fill('input[type=text]', 'mark');
      await page.fill('input[type=password]', 'mark');
      await page.click('button[type=submit]');
      await page.locator('.notifications .alert-danger, .alert-danger').first().waitFor();
      assert.ok(await page.locator('input[type=password]').count() > 0, `mark stays on the ${app} login`);
      await page.screenshot({ path: join(SHOTS, `refused-${app}.png`) });
    } finally {
      await context.close();
    }
  }
  await inBrowser('mark', 'tasklist', async page => {
    await page.getByText('MLR medical reviewers queue').waitFor();
    assert.equal(await page.getByText(/(Investigators|Quality assurance|Production) queue/).count(), 0);
    assert.equal(await page.locator('.tasks-list li').filter({ hasText: title }).count(), 0);
    await page.screenshot({ path: join(SHOTS, 'tasklist-reviewer.png') });
  });
});
