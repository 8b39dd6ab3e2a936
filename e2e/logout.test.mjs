// The webapps' "Log out" goes through the application's /logout (app/gxp-logout.js), in the embedded default as
// with Keycloak: the session ends, the login form shows again, and going back to Tasklist asks for the password.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, browser, login } from './lib/harness.mjs';

for (const app of ['tasklist', 'cockpit', 'admin']) {
  test(`${app}'s Log out ends the session: the login form again, also on the way back`, async () => {
    const context = await browser();
    const page = context.pages()[0] || await context.newPage();
    try {
      await login(page, app, 'admin');
      await page.click('.account .dropdown-toggle');
      const logout = page.waitForRequest(request => request.url() === `${BASE}/logout`);
      await page.click('.logout > a');
      await logout;
      await page.waitForSelector('input[type=password]');
      assert.ok(page.url().startsWith(`${BASE}/camunda/app/`), page.url());
      await page.goto(`${BASE}/camunda/app/${app}/default/`);
      await page.waitForSelector('input[type=password]');
      const who = await page.evaluate(async () => (await fetch('/camunda/api/admin/auth/user/default')).status);
      assert.equal(who, 404, 'no one is logged in any more');
    } finally {
      await context.close();
    }
  });
}
