// Working a task in the real Tasklist as a QA team does (issue 12): ivan finds the project's notice instead of
// Camunda's "migrate to Camunda 8" banner and no "Create task", claims a deviation's assessment, finds it under
// My tasks, comments on it (audited as COMMENT_ADDED), attaches a file (its SHA-256 audited and listed with the
// record) and hands the task back with Unclaim; quinn, who may not use Cockpit, gets a page that says what to do
// instead of Spring's Whitelabel error page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { BASE, SHOTS, rest, inTasklist } from './lib/harness.mjs';

const TITLE = 'Label mix-up on line 2 ' + Date.now();

const as = (user, work) => inTasklist('access', user, work);

async function report(title) {
  return rest('paul', 'POST', '/engine-rest/process-definition/key/deviation-capa/submit-form', { variables: {
    title: { value: title }, description: { value: 'Wrong labels found at line clearance' },
    occurredAt: { value: '2026-11-30T09:15+00:00' }, site: { value: 'Basel - Packaging line 2' },
    product: { value: 'P-100' }, affectedBatches: { value: '' }, category: { value: 'equipment' },
    containmentActions: { value: 'Line stopped, labels quarantined' } } });
}

test('ivan claims a task, finds it under My tasks, comments, attaches a file and hands it back', async () => {
  const instance = await report(TITLE);
  // the assessment follows the QMS registration, an asynchronous step
  let task;
  for (let i = 0; i < 60 && !task; i++) {
    [task] = await rest('ivan', 'GET', `/engine-rest/task?processInstanceId=${instance.id}`);
    if (!task) {
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }
  assert.ok(task, 'the assessment task appears');
  const businessKey = (await rest('ivan', 'GET', `/engine-rest/process-instance/${instance.id}`)).businessKey;

  await as('ivan', async page => {
    // the project's notice, not Camunda's end-of-life banner; no standalone "Create task"
    const notice = page.locator('.ce-eol-banner');
    await notice.waitFor();
    assert.match(await notice.innerText(), /GxP Flow on Camunda Platform 7\.24.*Support/);
    assert.doesNotMatch(await notice.innerText(), /Camunda 8/);
    assert.equal(await page.locator('.create-task-action').isVisible(), false);
    await page.getByText('My tasks').waitFor();

    const item = page.locator('.tasks-list li').filter({ hasText: TITLE });
    await item.first().waitFor({ timeout: 30000 });
    await item.first().click();
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.locator('button.unclaim').waitFor();

    await page.getByText('My tasks').click();
    await page.locator('.tasks-list li').filter({ hasText: TITLE }).first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: join(SHOTS, 'access-my-tasks.png') });

    await page.locator('.tasks-list li').filter({ hasText: TITLE }).first().click();
    await page.getByText('Add Comment').click();
    await page.getByPlaceholder('Enter Comment').fill('Labels of batch B-2026-0042 checked: 12 wrong, all quarantined.');
    await page.screenshot({ path: join(SHOTS, 'access-comment.png') });
    await page.locator('.modal-footer button', { hasText: 'Save' }).click();
    await page.locator('.modal-content').waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByText('12 wrong, all quarantined').first().waitFor({ timeout: 15000 });
    await page.screenshot({ path: join(SHOTS, 'access-comment-history.png') });
  });

  // a file, attached as a client of the REST API would (Tasklist 7.24 has no attachment view)
  const content = 'line clearance checklist, line 2, 2026-11-30';
  const upload = new FormData();
  upload.append('attachment-name', 'line-clearance.txt');
  upload.append('attachment-type', 'text/plain');
  upload.append('content', new Blob([content]), 'line-clearance.txt');
  await rest('ivan', 'POST', `/engine-rest/task/${task.id}/attachment/create`, upload);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const [listed] = await rest('quinn', 'GET', `/api/attachments?businessKey=${businessKey}`);
  assert.equal(listed.sha256, sha256);
  assert.equal(listed.intact, true);
  assert.equal(listed.addedBy, 'ivan');
  const audit = await rest('quinn', 'GET', `/api/audit?businessKey=${businessKey}`);
  assert.ok(audit.some(e => e.type === 'COMMENT_ADDED' && e.actor === 'ivan' && /12 wrong/.test(e.details.message)));
  assert.ok(audit.some(e => e.type === 'ATTACHMENT_ADDED' && e.details.sha256 === sha256));

  await as('ivan', async page => {
    await page.getByText('My tasks').click();
    const item = page.locator('.tasks-list li').filter({ hasText: TITLE });
    await item.first().waitFor({ timeout: 30000 });
    await item.first().click();
    await page.locator('button.unclaim').hover();
    await page.getByText('Unclaim').waitFor();
    await page.screenshot({ path: join(SHOTS, 'access-unclaim-button.png') });
    await page.locator('button.unclaim').click();
    await page.getByRole('button', { name: 'Claim' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'access-unclaimed.png') });
  });
  const [after] = await rest('ivan', 'GET', `/engine-rest/task?processInstanceId=${instance.id}`);
  assert.equal(after.assignee, null);
  const trail = await rest('quinn', 'GET', `/api/audit?businessKey=${businessKey}`);
  assert.ok(trail.some(e => e.type === 'TASK_UNCLAIMED' && e.actor === 'ivan'));
});

test('quinn opening Cockpit gets a page that says what she may do instead', async () => {
  await as('quinn', async page => {
    await page.goto(`${BASE}/camunda/app/cockpit/default/`);
    await page.getByText('Your account may not open this page').waitFor();
    assert.equal(await page.getByText('Whitelabel').count(), 0);
    assert.ok(await page.getByRole('link', { name: 'Tasklist' }).count() > 0);
    await page.screenshot({ path: join(SHOTS, 'access-cockpit-refused.png') });
  });
});
