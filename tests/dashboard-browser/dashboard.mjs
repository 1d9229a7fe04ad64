// Drives Debian's Chromium through the compliance dashboard of a running server, as a person would: enters a token,
// picks the period, reads the figures shown, then waits for the page to refresh by itself (the test changes the data
// meanwhile) and reads them again.
// Usage: node dashboard.mjs <dashboard-url> <bearer-token> <quarter> <output-folder>
// Writes to the output folder: before.json once the first figures are shown (the test's signal to change the data),
// after.json once the page has refreshed, and dashboard.png. Exits with 1 on a failure, 2 on bad usage.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [url, token, quarter, output] = process.argv.slice(2);
if (!url || !token || !quarter || !output) {
  console.error('usage: node dashboard.mjs <dashboard-url> <bearer-token> <quarter> <output-folder>');
  process.exit(2);
}

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const userDataDir = await mkdtemp(join(tmpdir(), 'drg-chromium-'));
const problems = [];
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? await context.newPage();
  // Any console error (a CSP refusal among them) or uncaught exception fails the test.
  page.on('console', message => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', error => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', request => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));

  await page.goto(url);
  await page.fill('#token', token);
  await page.press('#token', 'Tab');
  await page.waitForFunction(() => document.querySelector('#agency').options.length > 0);
  await page.selectOption('#quarter', quarter);
  await page.waitForFunction(
    q => document.body.dataset.period?.endsWith(`Q${q}`) && document.querySelector('#live').dataset.state === 'live',
    quarter,
    { timeout: 15000 });

  const figures = () => page.evaluate(() => ({
    renders: Number(document.body.dataset.renders),
    period: document.body.dataset.period,
    agency: document.querySelector('#agency').selectedOptions[0]?.textContent,
    categories: [...document.querySelectorAll('#categories tbody tr')].map(row => Object.fromEntries(
      [...row.cells].map(cell => [cell.dataset.field, cell.dataset.value ?? null]))),
    shown: Object.fromEntries([...document.querySelectorAll('#categories tbody tr')].map(row => [row.dataset.category, [...row.cells].map(c => c.textContent)])),
    keyCoverage: document.querySelector('#key-coverage').textContent,
    keyDetail: document.querySelector('#key-detail').textContent,
    uncovered: [...document.querySelectorAll('#uncovered li')].map(li => li.textContent),
    onTime: document.querySelector('#on-time').textContent,
    late: document.querySelector('#late').textContent,
    due: document.querySelector('#due').textContent,
    visits: document.querySelector('#visits').textContent,
    problemRate: document.querySelector('#problem-rate').textContent,
    chartDrawn: !!document.querySelector('#ratio-chart').width && typeof Chart !== 'undefined',
  }));

  const before = await figures();
  await writeFile(join(output, 'before.json'), JSON.stringify(before, null, 2));
  await page.waitForFunction(count => Number(document.body.dataset.renders) > count, before.renders, { timeout: 30000 });
  const after = await figures();
  await page.screenshot({ path: join(output, 'dashboard.png'), fullPage: true });
  await writeFile(join(output, 'after.json'), JSON.stringify({ ...after, problems }, null, 2));
  console.log(`dashboard: ${before.period} refreshed live (render ${before.renders} -> ${after.renders}); ${problems.length} problem(s)`);
  for (const problem of problems) console.log(`  ${problem}`);
} catch (error) {
  console.log(`FAIL dashboard: ${error?.message ?? error}`);
  const page = context?.pages()[0];
  if (page) {
    const state = await page.evaluate(() => ({
      period: document.body.dataset.period, renders: document.body.dataset.renders,
      live: document.querySelector('#live')?.textContent, message: document.querySelector('#message')?.textContent,
    })).catch(() => null);
    console.log(`  page state: ${JSON.stringify(state)}`);
    await page.screenshot({ path: join(output, 'failure.png'), fullPage: true }).catch(() => {});
  }
  for (const problem of problems) console.log(`  ${problem}`);
  process.exitCode = 1;
} finally {
  await context?.close();
  await rm(userDataDir, { recursive: true, force: true });
}
