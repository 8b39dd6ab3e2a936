// Working as a team in the real Tasklist (issue 12, point 5): ivan goes on leave and names iris, a second
// investigator, his deputy under "Out of office"; quinn, the QA lead, finds the assessment ivan had claimed under
// All open tasks and reassigns it to iris in Tasklist (audited); iris finds it under My tasks; back at work, ivan
// ends his absence. Tasks assigned to ivan by others while he is away go to iris by themselves: that forwarding is
// proven in TaskCollaborationIT (Tasklist offers no assigning of an unclaimed task to pick a person).
// iris is created here by admin, as a user administrator would in Camunda Admin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SHOTS, rest, inTasklist } from './lib/harness.mjs';

const TITLE = 'Torn blister foil on line 4 ' + Date.now();

const as = (user, work) => inTasklist('team', user, work);

async function secondInvestigator() {
  const existing = await rest('admin', 'GET', '/engine-rest/user?id=iris');
  if (existing.length === 0) {
    await rest('admin', 'POST', '/engine-rest/user/create', {
      profile: { id: 'iris', firstName: 'Iris', lastName: 'Investigator', email: 'iris@gxpflow.test' },
      credentials: { password: 'iris' } });
    await rest('admin', 'PUT', '/engine-rest/group/investigators/members/iris');
  }
}

async function assessmentOf(title) {
  const instance = await rest('paul', 'POST', '/engine-rest/process-definition/key/deviation-capa/submit-form', {
    variables: {
      title: { value: title }, description: { value: 'Blister foil torn at the sealing station' },
      occurredAt: { value: '2026-11-30T07:40+00:00' }, site: { value: 'Basel - Packaging line 4' },
      product: { value: 'P-100' }, affectedBatches: { value: '' }, category: { value: 'equipment' },
      containmentActions: { value: 'Sealing station stopped, blisters segregated' } } });
  for (let i = 0; i < 60; i++) {
    const [task] = await rest('ivan', 'GET', `/engine-rest/task?processInstanceId=${instance.id}`);
    if (task) {
      return { instance, task };
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error('the assessment task did not appear');
}

test('ivan names iris his deputy; quinn reassigns his task to iris in Tasklist; ivan comes back', async () => {
  await secondInvestigator();
  const back = new Date(Date.now() + 3 * 24 * 3600 * 1000).toLocaleDateString('sv');

  await as('ivan', async page => {
    await page.locator('#gxp-deputy-toggle').click();
    await page.locator('#gxp-deputy-select').selectOption('iris');
    await page.locator('#gxp-deputy-until').fill(back);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Iris Investigator stands in for you').waitFor();
    assert.match(await page.locator('#gxp-deputy-toggle').innerText(), /Out of office until/);
    await page.screenshot({ path: join(SHOTS, 'team-out-of-office.png') });
  });
  assert.equal((await rest('ivan', 'GET', '/api/me/deputy')).deputy, 'iris');

  // ivan had claimed an assessment before he left; quinn, the QA lead, finds it under All open tasks and gives
  // it to iris in Tasklist
  const { instance, task } = await assessmentOf(TITLE);
  await rest('ivan', 'POST', `/engine-rest/task/${task.id}/claim`, { userId: 'ivan' });
  await as('quinn', async page => {
    await page.getByText('All open tasks').click();
    const item = page.locator('.tasks-list li').filter({ hasText: TITLE });
    await item.first().waitFor({ timeout: 30000 });
    await item.first().click();
    // the task's assignee in the task view: click it to change it (Tasklist's inline editor)
    const assignee = page.locator('.view-value').filter({ has: page.locator('.glyphicon-user') });
    await assignee.filter({ hasText: 'ivan' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'team-qa-opens-task.png') });
    await assignee.click();
    const input = page.locator('input[ng-model="editValue"], .inline-edit input, [cam-widget-inline-field] input')
      .first();
    await input.waitFor();
    // typed as a person types: Tasklist looks the user up on each key and saves only someone who exists. The
    // editor may take its first key before it has the focus (then it holds "ris"): typed again until it is whole
    for (let attempt = 1; ; attempt++) {
      await input.fill('');
      const found = page.waitForResponse(response => response.url().includes('/user?maxResults=1&id=iris'),
        { timeout: 15000 });
      await input.pressSequentially('iris', { delay: 80 });
      if (await input.inputValue() === 'iris') {
        await found;
        break;
      }
      found.catch(() => {});
      assert.ok(attempt < 3, `the assignee editor took "${await input.inputValue()}" for "iris"`);
    }
    await page.screenshot({ path: join(SHOTS, 'team-qa-reassigns.png') });
    const saved = page.waitForResponse(response => /\/task\/[^/]+\/assignee$/.test(new URL(response.url()).pathname));
    await input.press('Enter');
    assert.equal((await saved).status(), 204, 'Tasklist saved the new assignee');
    await assignee.filter({ hasText: 'iris' }).waitFor({ timeout: 15000 });
    await page.screenshot({ path: join(SHOTS, 'team-qa-reassigned.png') });
  });
  // Tasklist shows the new assignee at once and saves it in the background
  let assigned;
  for (let i = 0; i < 20 && assigned?.assignee !== 'iris'; i++) {
    await new Promise(resolve => setTimeout(resolve, 500));
    [assigned] = await rest('ivan', 'GET', `/engine-rest/task?processInstanceId=${instance.id}`);
  }
  assert.equal(assigned.assignee, 'iris');
  const trail = await rest('quinn', 'GET', `/api/audit?processInstanceId=${instance.id}`);
  assert.ok(trail.some(e => e.type === 'TASK_ASSIGNED' && e.actor === 'quinn'), 'the reassignment is audited');

  await as('iris', async page => {
    await page.getByText('My tasks').click();
    await page.locator('.tasks-list li').filter({ hasText: TITLE }).first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: join(SHOTS, 'team-deputy-my-tasks.png') });
  });

  await as('ivan', async page => {
    await page.locator('#gxp-deputy-toggle').click();
    await page.getByRole('button', { name: 'I am back' }).click();
    await page.getByText('No deputy set.').waitFor();
    assert.equal(await page.locator('#gxp-deputy-toggle').innerText(), 'Out of office');
  });
  const response = await fetch(new URL('/api/me/deputy', process.env.GXPFLOW_URL).href,
    { headers: { Authorization: 'Basic ' + Buffer.from('ivan:ivan').toString('base64') } });
  assert.equal(response.status, 204, 'no deputy after ivan is back');
});
