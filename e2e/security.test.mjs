// Login throttling as people meet it in the real webapps: a stranger guessing rita's password from another
// address does not lock rita out of Tasklist, and a browser that guessed wrong ten times has to wait.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { join } from 'node:path';
import { BASE, SHOTS, browser, login } from './lib/harness.mjs';

function call(options, body) {
  return new Promise((resolve, reject) => {
    const sent = request(options, response => {
      response.resume();
      response.on('end', () => resolve(response));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

/**
 * One login attempt on the webapps' login form, as the browser makes it (session and CSRF token from the login
 * page first), from the given local address; answers the HTTP status.
 */
async function loginAttempt(user, password, localAddress) {
  const port = new URL(BASE).port;
  const page = await call({ host: '127.0.0.1', port, path: '/camunda/app/tasklist/default/', localAddress });
  const cookies = (page.headers['set-cookie'] || []).map(cookie => cookie.split(';')[0]);
  const token = cookies.find(cookie => cookie.startsWith('XSRF-TOKEN=')).split('=')[1];
  const body = new URLSearchParams({ username: user, password }).toString();
  const response = await call({ host: '127.0.0.1', port, method: 'POST', localAddress,
    path: '/camunda/api/admin/auth/user/default/login/tasklist',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body),
      'X-XSRF-TOKEN': token, Cookie: cookies.join('; ') } }, body);
  return response.statusCode;
}

test('a stranger guessing rita\'s password from elsewhere does not lock her out of Tasklist', async () => {
  const statuses = [];
  for (let attempt = 0; attempt < 11; attempt++) {
    statuses.push(await loginAttempt('rita', 'guess-' + attempt, '127.0.0.2'));
  }
  assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
  assert.equal(statuses[10], 429, 'the stranger\'s address is throttled after ten wrong passwords');

  const context = await browser();
  const page = context.pages()[0] || await context.newPage();
  try {
    await login(page, 'tasklist', 'rita');
    await page.getByText('MLR regulatory reviewers queue').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(SHOTS, 'login-throttle-owner-gets-in.png') });
  } finally {
    await context.close();
  }
});

test('a browser that guessed lena\'s password ten times must wait, even with her right password', async () => {
  for (let attempt = 0; attempt < 10; attempt++) {
    assert.equal(await loginAttempt('lena', 'guess-' + attempt, '127.0.0.1'), 401);
  }
  const context = await browser();
  const page = context.pages()[0] || await context.newPage();
  try {
    // the same client as the guesses above: 127.0.0.1 (localhost may be ::1 to the browser, another address)
    await page.goto(`http://127.0.0.1:${new URL(BASE).port}/camunda/app/tasklist/default/`);
    await page.waitForLoadState('networkidle');
    await page.fill('input[type=text]', 'lena');
    await page.fill('input[type=password]', 'lena');
    await page.click('button[type=submit]');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(SHOTS, 'login-throttle-wait.png') });
    // still on the login form: even the right password waits until the lock ends (15 minutes). Tasklist shows
    // its own fixed notice for every refused login, which names the lock; the 429 body says when it ends
    assert.equal(await page.locator('input[type=password]').count(), 1);
    assert.match(await page.locator('.notification, .alert, [class*=notification]').first().innerText(),
      /locked user/);
  } finally {
    await context.close();
  }
});
