// Shared pieces of the browser tests: the app's URL, REST calls as a demo user, and a fresh headless Chromium.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE = process.env.GXPFLOW_URL || 'http://localhost:8080';
export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHOTS = join(REPO, 'target', 'e2e');
mkdirSync(SHOTS, { recursive: true });

// Flags that work on the build machines (no sandbox as root, no network beyond localhost).
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function browser() {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'gxpflow-e2e-')), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
}

/** A REST call as a demo user (password = user id); returns the parsed JSON body or null. */
export async function rest(user, method, path, body) {
  const headers = { Authorization: 'Basic ' + Buffer.from(user + ':' + user).toString('base64') };
  let payload;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(BASE + path, { method, headers, body: payload });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} as ${user}: ${response.status} ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

/** Deploys test resources (paths relative to the repository) as one deployment, like Camunda Modeler. */
export async function deploy(user, name, files) {
  const form = new FormData();
  form.append('deployment-name', name);
  form.append('deployment-source', 'gxp-flow e2e');
  form.append('enable-duplicate-filtering', 'true');
  for (const file of files) {
    const fileName = file.split('/').pop();
    form.append(fileName, new Blob([readFileSync(join(REPO, file))]), fileName);
  }
  return rest(user, 'POST', '/engine-rest/deployment/create', form);
}

/** Collects the page's console lines and failed requests, for the log of a failing test. */
export function watch(page) {
  const lines = [];
  page.on('console', message => lines.push(message.type() + ': ' + message.text()));
  page.on('response', response => {
    if (response.status() >= 400) {
      lines.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
    }
  });
  return lines;
}

/** Logs in to a Camunda webapp through its login page. */
export async function login(page, app, user, password = user) {
  await page.goto(`${BASE}/camunda/app/${app}/default/`);
  // the login form is rendered by Angular after the page loads; typing earlier can land in the wrong field
  await page.waitForLoadState('networkidle');
  for (let attempt = 1; ; attempt++) {
    await page.fill('input[type=text]', user);
    await page.fill('input[type=password]', password);
    if (await page.inputValue('input[type=text]') === user
        && await page.inputValue('input[type=password]') === password) {
      break;
    }
    if (attempt === 3) {
      throw new Error(`the ${app} login form did not take ${user}'s credentials`);
    }
    await page.waitForTimeout(500);
  }
  await page.click('button[type=submit]');
  // the login renews the session; requests still on the old one would get a 401 and log the user out again
  await page.waitForSelector('input[type=password]', { state: 'detached' });
  await page.waitForLoadState('networkidle');
}

/**
 * Runs `work(page)` as `user` logged in to Tasklist, in a browser of its own. On failure: a screenshot
 * `<walk>-failure-<user>.png` and, in the log, the page's console, failed requests, form errors and buttons.
 */
export async function inTasklist(walk, user, work) {
  const context = await browser();
  const page = context.pages()[0] || await context.newPage();
  const seen = watch(page);
  try {
    await login(page, 'tasklist', user);
    await work(page);
  } catch (error) {
    await page.screenshot({ path: join(SHOTS, `${walk}-failure-${user}.png`), fullPage: true });
    console.log(`${user}: browser console and failed requests:\n` + seen.join('\n'));
    console.log('form errors: ' + (await page.locator('.fjs-form-field-error').allInnerTexts()).join(' / '));
    console.log('buttons: ' + (await page.locator('button').evaluateAll(bs => bs.filter(b => b.offsetParent)
      .map(b => b.className + '|' + b.innerText.trim()))).join('\n'));
    throw error;
  } finally {
    await context.close();
  }
}
