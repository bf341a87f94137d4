// End-to-end test of the PHP portal (examples/php/portal) in Debian's headless
// Chromium, driven by playwright-core (no bundled browser). Run by ctest
// (label e2e) through run.sh, or by hand:
//
//   PHP_BINARY=php NHANLUC_PHP_EXTENSION=/abs/build/bindings/php/ext/nhanluc.so \
//   NHANLUC_E2E_OUT=/tmp node --test tests/e2e/portal.test.mjs
//
// It starts `php -S` on a free port exactly as docs/php.md says, answers the
// three questions through the form, switches to English, submits bad input,
// and saves screenshots to $NHANLUC_E2E_OUT. Expected figures come from the
// policy facts (docs/law/), not from the code.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const router = path.resolve(here, '../../examples/php/portal/index.php');
const php = process.env.PHP_BINARY || 'php';
const extension = process.env.NHANLUC_PHP_EXTENSION;
const outDir = process.env.NHANLUC_E2E_OUT || os.tmpdir();
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

// Policy facts (§1, §3) and how the portal must write them: dots between
// thousands, then " đ".
const FACTS = {
  amountDistrict: 150_000_000,    // §1: any huyện, e.g. 082 Huyện Bát Xát
  tt004Level2: 55_000_000,        // §3: TT 004/2025 from 2025-07-01, level 2
  tt004Level2Weekly: Math.floor((55_000_000 * 12 * 12) / (52 * 10)),   // × 12 / 52 × 1.2, rounded down
  srcNq11: '11/2020/NQ-HĐND',
  srcTt004: '004/2025/TT-BNV',
};
const vnd = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.') + ' đ';
const REASON_OK = { vi: 'Đủ điều kiện.', en: 'Eligible.' };           // the library's texts
const REASON_NOT_DEDICATED_VI = 'Không phải vị trí chuyên trách về công nghệ thông tin, chuyển đổi số.';

let server;
let serverOutput = '';
let errorLog;
let baseUrl;
let context;
let page;
let userDataDir;
const externalRequests = [];
const consoleErrors = [];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`php -S did not start:\n${serverOutput}`);
}

async function shot(name) {
  const file = path.join(outDir, `portal-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const text = async (selector) => (await page.locator(selector).first().innerText()).trim();

before(async () => {
  assert.ok(extension, 'set NHANLUC_PHP_EXTENSION to the absolute path of nhanluc.so');
  mkdirSync(outDir, { recursive: true });
  errorLog = path.join(outDir, 'portal-e2e-errors.log');
  rmSync(errorLog, { force: true });
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(php, ['-d', 'display_startup_errors=0', '-d', `extension=${extension}`, '-d', 'error_reporting=-1', '-d', 'log_errors=1',
    '-d', `error_log=${errorLog}`, '-S', `127.0.0.1:${port}`, router], { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (d) => { serverOutput += d; });
  server.stderr.on('data', (d) => { serverOutput += d; });
  await waitForServer(`${baseUrl}/healthz`);

  userDataDir = mkdtempSync(path.join(os.tmpdir(), 'nhanluc-e2e-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1100, height: 900 },
    locale: 'vi-VN',
  });
  // Nothing may leave the portal's own origin.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl) || url.startsWith('data:')) return route.continue();
    externalRequests.push(url);
    return route.abort();
  });
  page = context.pages()[0] || (await context.newPage());
  page.on('console', (msg) => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
});

after(async () => {
  if (context) await context.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  if (server && server.exitCode === null) server.kill('SIGTERM');
});

test('the page opens in Vietnamese', async () => {
  const res = await page.goto(`${baseUrl}/`);
  assert.equal(res.status(), 200);
  const headers = await res.allHeaders();
  assert.equal(headers['cache-control'], 'no-store');
  assert.equal(headers['x-powered-by'], undefined, 'the portal does not say which PHP runs it');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.match(await page.title(), /Tra cứu chính sách nhân lực số/);
  assert.equal(await page.locator('#tab-attraction').getAttribute('aria-current'), 'page');
});

test('attraction subsidy: amount, reason, legal source, certainty flag', async () => {
  await page.goto(`${baseUrl}/?q=attraction`);
  await page.selectOption('#f-degree', 'bachelor');
  await page.selectOption('#f-major', 'it');
  await page.selectOption('#f-agency', 'state');
  await page.check('input[name="dedicated_post"][value="yes"]');
  await page.selectOption('#f-workplace', { label: 'Huyện Bát Xát' });
  await page.fill('#f-start', '01/05/2024');
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  await page.locator('#result').waitFor();
  assert.equal(await text('#result .amount'), vnd(FACTS.amountDistrict));
  assert.equal(await text('#result .amount'), '150.000.000 đ');
  assert.equal(await text('#result .reason'), REASON_OK.vi);
  assert.ok((await text('#result .source')).includes(FACTS.srcNq11));
  // §1's period is unconfirmed: the answer must say so, visibly.
  assert.ok(await page.locator('#result .certainty-unconfirmed').isVisible());
  assert.match(await text('#result .certainty .badge'), /Chưa xác nhận/);
  await shot('attraction-vi');
});

test('the English switch keeps the answer and translates it', async () => {
  await Promise.all([page.waitForNavigation(), page.click('#lang-switch')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await text('#result .amount'), vnd(FACTS.amountDistrict));
  assert.equal(await text('#result .reason'), REASON_OK.en);
  assert.match(await text('#result .certainty .badge'), /Unconfirmed/);
  assert.equal(await page.inputValue('#f-start'), '01/05/2024');
  await shot('attraction-en');
});

test('an unmet condition is explained', async () => {
  await page.goto(`${baseUrl}/?q=attraction&lang=vi`);
  await page.selectOption('#f-degree', 'master');
  await page.selectOption('#f-major', 'electronics_telecom');
  await page.selectOption('#f-agency', 'party');
  await page.check('input[name="dedicated_post"][value="no"]');
  await page.selectOption('#f-workplace', '088');
  await page.fill('#f-start', '2024-05-01');
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  assert.equal(await text('#result .amount'), vnd(0));
  assert.equal(await text('#result .reason'), REASON_NOT_DEDICATED_VI);
  assert.match(await text('#result .verdict'), /Chưa đủ điều kiện/);
});

test('expert salary cap under Thông tư 004/2025 (English)', async () => {
  await page.goto(`${baseUrl}/?lang=en`);
  await Promise.all([page.waitForNavigation(), page.click('#tab-expert')]);
  await page.selectOption('#f-degree', 'master');
  await page.fill('#f-experience_years', '5');
  await page.selectOption('#f-role', 'member');
  await page.fill('#f-on', '01/07/2025');
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  assert.equal(await text('#result .verdict'), 'Level 2');
  assert.equal(await text('#result .amount'), vnd(FACTS.tt004Level2));
  assert.equal(await text('#result .weekly'), vnd(FACTS.tt004Level2Weekly));
  assert.equal(await text('#result .reason'), REASON_OK.en);
  assert.ok((await text('#result .source')).includes(FACTS.srcTt004));
  // TT 004/2025's week/day conversions are unconfirmed (§3).
  assert.equal(await page.locator('#result .certainty-confirmed').count(), 0);
  await shot('expert-en');
});

test('training support, itemised', async () => {
  await page.goto(`${baseUrl}/?q=training&lang=vi`);
  await page.check('input[name="dedicated_official"][value="yes"]');
  await page.check('input[name="short_concentrated"][value="yes"]');
  await page.fill('#f-tuition', '7.500.000');
  await page.fill('#f-materials', '450000');
  await page.fill('#f-days', '5');
  await page.fill('#f-start', '04/03/2024');
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  // §2: 100% of tuition and materials as charged; nothing claimed for meals or travel.
  assert.equal(await text('#result td.tuition'), vnd(7_500_000));
  assert.equal(await text('#result td.materials'), vnd(450_000));
  assert.equal(await text('#result .amount'), vnd(7_950_000));
  assert.equal(await text('#result .reason'), REASON_OK.vi);
  assert.ok((await text('#result .source')).includes(FACTS.srcNq11));
  assert.ok(await page.locator('#result .certainty-unconfirmed').isVisible());
  await shot('training-vi');
});

test('bad input gets a friendly message next to the field', async () => {
  await page.goto(`${baseUrl}/?q=training&lang=vi`);
  await page.check('input[name="dedicated_official"][value="yes"]');
  // short_concentrated left unanswered: a missing field
  await page.fill('#f-tuition', '12abc');
  await page.fill('#f-days', '5');
  await page.fill('#f-start', '29/02/2023');
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  assert.equal(await page.locator('#result').count(), 0);
  assert.ok(await page.locator('#error-summary').isVisible());
  assert.match(await text('#err-tuition'), /chỉ gồm chữ số/);
  assert.match(await text('#err-start'), /29\/02\/2023 không có trên lịch/);
  assert.match(await text('#err-short_concentrated'), /Vui lòng chọn một mục/);
  assert.equal(await page.locator('#err-days').count(), 0);
  // The message sits with its field, and what was typed is kept.
  assert.equal(await page.locator('#f-tuition').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.inputValue('#f-tuition'), '12abc');
  const body = await page.content();
  assert.doesNotMatch(body, /(Warning|Notice|Deprecated|Fatal error|Stack trace)/);
  await shot('errors-vi');

  await Promise.all([page.waitForNavigation(), page.click('#lang-switch')]);
  assert.match(await text('#err-start'), /29\/02\/2023 is not a real date/);
  assert.match(await text('#err-tuition'), /in digits/);
});

test('the page fits a phone screen', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${baseUrl}/?q=attraction&ask=1&degree=bachelor&major=it&agency=state&dedicated_post=yes&workplace=080&start=01%2F05%2F2024`);
  assert.equal(await text('#result .amount'), vnd(100_000_000));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await shot('mobile-vi');
  await page.setViewportSize({ width: 1100, height: 900 });
});

test('nothing left the server and PHP logged no notice', async () => {
  assert.deepEqual(externalRequests, []);
  assert.deepEqual(consoleErrors, []);
  const log = existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '';
  assert.equal(log, '', `PHP error log:\n${log}`);
});
