// Part 11 signature in the real Tasklist: the Sign tab with a masked password field, a wrong password refused
// with its message, the right one signing and completing the step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE, SHOTS, browser, deploy, login, rest } from './lib/harness.mjs';

const FIXTURE = 'src/test/resources/fixtures/compliance/';

async function deviationAtClosure() {
  await deploy('olivia', 'e2e-compliance-check', ['deviation-capa.bpmn', 'assessment.form', 'approval.form',
    'closure.form'].map(f => FIXTURE + f));
  const businessKey = 'DEV-E2E-' + Date.now();
  const instance = await rest('paul', 'POST', '/engine-rest/process-definition/key/deviation-capa/start',
    { businessKey });
  const [assessment] = await rest('ivan', 'GET', `/engine-rest/task?processInstanceId=${instance.id}`);
  await rest('ivan', 'POST', `/engine-rest/task/${assessment.id}/complete`, { variables: {
    severity: { value: 'MAJOR' }, impact: { value: 'Two sterile batches affected' }, capaRequired: { value: true } } });
  const [approval] = await rest('quinn', 'GET', `/engine-rest/task?processInstanceId=${instance.id}`);
  await rest('quinn', 'POST', `/engine-rest/task/${approval.id}/complete`, { variables: { approved: { value: true } } });
  return { businessKey, processInstanceId: instance.id };
}

test('QA signs the closure in Tasklist with a masked password', async () => {
  const { businessKey, processInstanceId } = await deviationAtClosure();
  const context = await browser();
  const page = context.pages()[0] || await context.newPage();
  const consoleLines = [];
  page.on('console', message => consoleLines.push(message.type() + ': ' + message.text()));
  page.on('response', response => {
    if (response.status() >= 400) {
      consoleLines.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
    }
  });
  try {
    await login(page, 'tasklist', 'quinn');
    await page.getByText('QA closure approval').first().click();
    await page.waitForLoadState('networkidle');
    await page.getByText('Sign', { exact: true }).click();

    const password = page.locator('#gxp-sign-password');
    await password.waitFor();
    assert.equal(await password.getAttribute('type'), 'password');
    assert.equal(await page.locator('.gxp-signature-meaning').innerText(), 'Deviation closure approved');
    await page.fill('#gxp-sign-closureComment', 'All CAPA actions verified effective');
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
    // still logged in to Tasklist after signing through /api (the session was not renewed under its feet)
    await page.getByText('Form', { exact: true }).click();
    assert.equal(await page.locator('input[type=password]').count(), 0);
  } catch (error) {
    await page.screenshot({ path: join(SHOTS, 'signature-failure.png') });
    console.log('browser console and failed requests:\n' + consoleLines.join('\n'));
    throw error;
  } finally {
    await context.close();
  }

  const remaining = await rest('quinn', 'GET', `/engine-rest/task?processInstanceId=${processInstanceId}`);
  assert.equal(remaining.length, 0);
  const manifests = await rest('quinn', 'GET', `/api/signatures?businessKey=${businessKey}`);
  assert.equal(manifests.length, 1);
  assert.equal(manifests[0].signerId, 'quinn');
  const types = (await rest('quinn', 'GET', `/api/audit?businessKey=${businessKey}`)).map(e => e.type);
  assert.ok(types.includes('SIGNATURE_FAILED') && types.includes('SIGNATURE'), types.join(','));
  assert.equal((await rest('quinn', 'GET', '/api/audit/verify')).status, 'OK');
  console.log(`signed ${businessKey} at ${BASE}`);
});
