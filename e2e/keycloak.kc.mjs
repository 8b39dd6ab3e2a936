// Keycloak single sign-on in the real webapps (profile keycloak, issue 16): Tasklist sends ivan to Keycloak's own
// login page, takes him back logged in, and its "Log out" ends the Keycloak session too. Run by .ci/e2e-keycloak
// (Keycloak on localhost:8180 and the app in profiles keycloak,demo), not by .ci/e2e: hence not *.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE, SHOTS, browser, watch } from './lib/harness.mjs';

const KEYCLOAK = process.env.KEYCLOAK_URL || 'http://localhost:8180';
const TASKLIST = `${BASE}/camunda/app/tasklist/default/`;

/** Keycloak's login page of the realm gxpflow, with its form. */
async function assertKeycloakLogin(page) {
  await page.waitForURL(url => url.href.startsWith(`${KEYCLOAK}/realms/gxpflow/`));
  assert.ok(page.url().startsWith(`${KEYCLOAK}/realms/gxpflow/protocol/openid-connect/auth`), page.url());
  await page.waitForSelector('form#kc-form-login');
  assert.equal(await page.locator('input#username').count(), 1);
  assert.equal(await page.locator('input#password').count(), 1);
}

test('ivan logs in to Tasklist on Keycloak\'s page, and Tasklist\'s Log out ends the Keycloak session', async () => {
  const context = await browser();
  const page = context.pages()[0] || await context.newPage();
  const seen = watch(page);
  try {
    await page.goto(TASKLIST);
    await assertKeycloakLogin(page);
    await page.screenshot({ path: join(SHOTS, 'keycloak-login.png'), fullPage: true });

    await page.fill('input#username', 'ivan');
    await page.fill('input#password', 'ivan');
    await Promise.all([page.waitForURL(url => url.href.startsWith(BASE)), page.click('#kc-login')]);
    if (!page.url().startsWith(TASKLIST)) {
      await page.goto(TASKLIST);
    }
    assert.ok(page.url().startsWith(TASKLIST), page.url());
    // his name from Keycloak, in Tasklist's header; no Camunda login form on the way
    await page.waitForSelector('.account', { timeout: 30000 });
    await page.getByText('Ivan Investigator').first().waitFor({ timeout: 30000 });
    assert.equal(await page.locator('input[type=password]').count(), 0);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(SHOTS, 'keycloak-tasklist.png'), fullPage: true });

    // the webapp's own "Log out" in the account menu
    await page.click('.account .dropdown-toggle');
    await page.click('.logout > a');
    await assertKeycloakLogin(page);
    await page.screenshot({ path: join(SHOTS, 'keycloak-logged-out.png'), fullPage: true });

    // the Keycloak session is gone: the next visit asks for the password again
    await page.goto(TASKLIST);
    await assertKeycloakLogin(page);
  } catch (error) {
    await page.screenshot({ path: join(SHOTS, 'keycloak-failure.png'), fullPage: true });
    console.log('browser console and failed requests:\n' + seen.join('\n'));
    throw error;
  } finally {
    await context.close();
  }
});
