// The GxP record in the real Tasklist (issue 15): a deviation is walked to its closure approval over the REST API
// (deviation.test.mjs shows those steps in the browser); quinn opens the closure task's Record tab and reads the
// record page in it (title, signatures, the steps with the forms' labels, the audit annex), opens it in a new tab
// and downloads its PDF from the tab's links; then she signs the closure and opens the record page by its URL, now
// with her signature manifested. lena, who has Tasklist but took no part and is not QA, gets 403 for the same URL.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, SHOTS, browser, inTasklist, login, rest } from './lib/harness.mjs';

const TITLE = 'Tablet press lubricant leak ' + Date.now();

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

/** A deviation reported by paul, assessed by ivan, approved by quinn, investigated by ivan: at its closure. */
async function deviationAtClosure() {
  const started = await rest('paul', 'POST', '/engine-rest/process-definition/key/deviation-capa/submit-form', {
    variables: Object.fromEntries(Object.entries({
      title: TITLE, description: 'Lubricant dripped from the upper punch guide of press TP-3 onto the turret',
      occurredAt: '2026-11-30T07:40+01:00', site: 'Basel - Compression 1', product: 'P-100', affectedBatches: '',
      category: 'equipment', containmentActions: 'Press stopped, tablets of the last 20 minutes segregated',
    }).map(([name, value]) => [name, { value }])),
  });
  await completeByApi('ivan', started.id, 'Task_Assessment', {
    patientSafetyImpact: 'potential', productQualityImpact: 'medium', occurrence: 'first', detectability: 'high',
    batchImpact: false, assessmentSummary: 'Segregated tablets inspected; no stained tablet beyond them',
  });
  await completeByApi('quinn', started.id, 'Task_QaApproval', { qaDecision: 'approve' });
  await completeByApi('ivan', started.id, 'Task_Investigation', {
    rootCauseMethod: 'fishbone', causeMachine: 'Worn seal of the upper punch guide', rootCauseCategory: 'equipment',
    findings: 'Seal past its replacement interval', capaRequired: false,
    noCapaRationale: 'Seal replaced; the interval is already in the maintenance plan',
  });
  const closure = await task(started.id, 'Task_ClosureApproval');
  const key = (await rest('admin', 'GET', `/engine-rest/process-instance/${started.id}`)).businessKey;
  assert.match(key, /^DEV-/, 'the QMS gave the deviation its id');
  return { key, closure };
}

let key;
let closure;
before(async () => {
  ({ key, closure } = await deviationAtClosure());
});

test('quinn reads the record in the Record tab of the closure task and downloads its PDF', async () => {
  await inTasklist('record', 'quinn', async page => {
    const card = page.locator('.tasks-list li').filter({ hasText: 'Closure approval' }).filter({ hasText: TITLE });
    await card.first().waitFor({ timeout: 30000 });
    await card.first().click();
    await page.getByRole('link', { name: 'Record', exact: true }).click();

    const frame = page.locator('iframe.gxp-record-frame');
    await frame.waitFor();
    assert.equal(await frame.getAttribute('src'), `/api/records/${encodeURIComponent(key)}.html`);
    const sandbox = await frame.getAttribute('sandbox');
    assert.ok(sandbox !== null && !sandbox.includes('allow-scripts'), 'the frame runs no script: ' + sandbox);
    const inside = page.frameLocator('iframe.gxp-record-frame');
    await inside.locator('h1', { hasText: key }).waitFor({ timeout: 30000 });
    const text = await inside.locator('body').innerText();
    for (const shown of [TITLE, 'Electronic signatures', 'Steps and what was entered', 'Initial assessment',
      'Impact on patient safety', 'Assessment summary', 'Annex: audit trail']) {
      assert.ok(text.includes(shown), `the record page in the tab shows "${shown}"`);
    }
    // what ivan entered, under the assessment form's labels (the audit annex keeps the variable names)
    assert.equal(await inside.locator('table.facts th', { hasText: /^Impact on patient safety$/ }).count(), 1);
    assert.equal(await inside.locator('table.facts th', { hasText: /^patientSafetyImpact$/ }).count(), 0);
    const box = await frame.boundingBox();
    assert.ok(box.height >= 0.6 * page.viewportSize().height, 'the frame is readable: ' + box.height + 'px high');
    await page.screenshot({ path: join(SHOTS, 'record-tab.png') });

    const open = page.getByRole('link', { name: 'Open in a new tab' });
    assert.equal(await open.getAttribute('href'), `/api/records/${encodeURIComponent(key)}.html`);
    assert.equal(await open.getAttribute('target'), '_blank');
    const [tab] = await Promise.all([page.context().waitForEvent('page'), open.click()]);
    await tab.locator('h1', { hasText: key }).waitFor({ timeout: 30000 });
    await tab.close();

    // the PDF/A copy, from the tab's link (GET /api/records/{key}.pdf)
    const pdfLink = page.getByRole('link', { name: 'Download PDF' });
    assert.equal(await pdfLink.getAttribute('download'), `${key}.pdf`);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), pdfLink.click()]);
    assert.equal(download.suggestedFilename(), `${key}.pdf`);
    const pdf = readFileSync(await download.path());
    assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF', 'the download is a PDF');
    assert.ok(pdf.length > 10 * 1024, `the PDF has the record in it (${pdf.length} bytes)`);
  });
});

test('the record page by its URL: quinn\'s signature manifested; lena, who took no part, refused', async () => {
  const pageUrl = `${BASE}/api/records/${encodeURIComponent(key)}.html`;
  // quinn signs the closure; the record page, opened by its URL, manifests the signature
  await rest('quinn', 'POST', `/engine-rest/task/${closure.id}/claim`, { userId: 'quinn' });
  await rest('quinn', 'POST', `/api/tasks/${closure.id}/signature`, { password: 'quinn',
    meaning: 'Deviation closure approved', variables: { closureSummary: 'Seal replaced, no stained tablet released' } });
  await inTasklist('record', 'quinn', async page => {
    const response = await page.goto(pageUrl);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-security-policy'], /frame-ancestors 'self'/);
    const text = await page.locator('body').innerText();
    for (const shown of [TITLE, 'Quinn Quality', 'Meaning: Deviation closure approved', 'Closure approval',
      'Annex: audit trail', 'Verified: every one of the']) {
      assert.ok(text.includes(shown), `the record page shows "${shown}"`);
    }
    await page.screenshot({ path: join(SHOTS, 'record-page.png'), fullPage: true });
  });

  // lena (mlr-legal) has Tasklist but no part in the deviation: not her record
  const context = await browser();
  try {
    const page = context.pages()[0] || await context.newPage();
    await login(page, 'tasklist', 'lena');
    const refused = await page.goto(pageUrl);
    assert.equal(refused.status(), 403);
    assert.match(await page.locator('body').innerText(), /QA, QPs, process owners and administrators/);
  } finally {
    await context.close();
  }
});
