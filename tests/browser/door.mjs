// The door's pages on a phone, in Debian's headless chromium: opens the join
// page at 390×844 (deviceScaleFactor 2), joins as Zoë, sends an idea with
// her name, and sees it saved; runs axe-core on the join page and on the
// saved page; finds no console error and nothing wider than the phone, also
// with the text at 200%. Screenshots go to OUT_DIR. Prints a JSON summary;
// exits 1, saying why, at the first failure.
//
// node door.mjs URL OUT_DIR [IDEA]
//
// URL is the door's address as the console shows it (http://HOST:PORT/r/CODE).

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

const [url, outDir, idea = 'Un café 🌱 in the waiting room'] = process.argv.slice(2);
if (!url || !outDir) {
  console.error('usage: node door.mjs URL OUT_DIR [IDEA]');
  process.exit(2);
}

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const summary = { url, chromium: null, axeVersion: null, axe: {}, screenshots: [], consoleErrors: [], overflow: {} };

class Failure extends Error {}
function fail(message) {
  throw new Failure(message);
}

/// Elements reaching past the viewport's edges, and whether the page scrolls sideways.
function tooWide() {
  const width = window.innerWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > width + 0.5 || r.left < -0.5) {
      wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
    }
  }
  const scroll = document.scrollingElement.scrollWidth;
  if (scroll > width) wide.push(`the page scrolls sideways: ${scroll} of ${width}`);
  return wide;
}

async function noOverflow(page, name) {
  const wide = await page.evaluate(tooWide);
  summary.overflow[name] = wide;
  if (wide.length > 0) fail(`${name}: wider than the phone: ${wide.join('; ')}`);
}

async function shot(page, name) {
  const path = resolve(outDir, `door-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  summary.screenshots.push(path);
}

async function says(page, text, name) {
  const body = await page.evaluate(() => document.body.innerText);
  if (!body.includes(text)) fail(`${name}: the page does not say ${JSON.stringify(text)}; it says:\n${body}`);
}

/// Console errors and failed pages, from every page of a context: any one,
/// the browser's own ask for an icon included, fails the test.
function watch(context) {
  context.on('page', (page) => {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const from = m.location()?.url ?? '';
      const said = `${page.url()}: ${m.text()}${from && from !== page.url() ? ` (${from})` : ''}`;
      summary.consoleErrors.push(said);
    });
    page.on('pageerror', (e) => summary.consoleErrors.push(`${page.url()}: ${e}`));
  });
}

// axe-core needs a script on the page, and the door's policy
// (default-src 'none') forbids every script: so axe runs in a context of its
// own with bypassCSP, which only these runs use. The phone's flow runs with
// the policy in force. `cookies` carries the phone's joined state across.
async function axe(browser, at, cookies, name) {
  const context = await browser.newContext({ ...PHONE, bypassCSP: true });
  try {
    if (cookies.length > 0) await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(at, { waitUntil: 'load' });
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return {
        version: window.axe.version,
        text: document.body.innerText,
        violations: r.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
        })),
      };
    });
    summary.axeVersion = result.version;
    summary.axe[name] = result.violations;
    return result;
  } finally {
    await context.close();
  }
}

function axeClean(result, name, expect) {
  if (!result.text.includes(expect)) fail(`axe ${name}: not the page expected (${JSON.stringify(expect)}):\n${result.text}`);
  if (result.violations.length > 0) {
    fail(`axe-core on the ${name} page: ${result.violations.length} violations:\n${JSON.stringify(result.violations, null, 1)}`);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.ROUNDTABLE_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
summary.chromium = browser.version();

let code = 0;
try {
  // The join page, as a phone that has never been here sees it.
  axeClean(await axe(browser, url, [], 'join'), 'join', 'Who are you?');

  const context = await browser.newContext(PHONE);
  watch(context);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await says(page, 'Who are you?', 'join');
  await noOverflow(page, 'join');
  await shot(page, 'join');

  // Join as Zoë: the form posts, the door answers 303, the page says so.
  await page.getByRole('button', { name: 'Zoë', exact: true }).click();
  await page.waitForURL(/\?saved=join$/);
  await says(page, 'You joined as', 'joined');
  await says(page, 'You joined as Zoë.', 'joined');
  await noOverflow(page, 'joined');
  await shot(page, 'joined');

  // The idea, with her name.
  await page.getByLabel('Your idea', { exact: true }).fill(idea);
  await page.getByLabel('Show my name with it', { exact: true }).check();
  await page.getByRole('button', { name: 'Send idea', exact: true }).click();
  await page.waitForURL(/\?saved=idea$/);
  await says(page, 'Saved', 'saved');
  await says(page, 'Saved: your idea is in.', 'saved');
  await noOverflow(page, 'saved');
  await shot(page, 'saved');
  const cookies = await context.cookies();
  if (!cookies.some((c) => c.name === 'rt-device')) fail('no rt-device cookie after joining');
  summary.cookie = cookies.filter((c) => c.name === 'rt-device').map((c) => ({ httpOnly: c.httpOnly, sameSite: c.sameSite, path: c.path }))[0];

  // The saved page, joined, through axe.
  axeClean(await axe(browser, page.url(), cookies, 'saved'), 'saved', 'Saved: your idea is in.');

  // Text at 200%, in a fresh load: the joined page, and the join page for a new phone.
  const big = await context.newPage();
  await big.goto(url, { waitUntil: 'load' });
  await big.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  await says(big, 'Send an idea', 'joined at 200%');
  await noOverflow(big, 'joined at 200%');
  await shot(big, 'joined-text-200');
  const stranger = await browser.newContext(PHONE);
  watch(stranger);
  const bigJoin = await stranger.newPage();
  await bigJoin.goto(url, { waitUntil: 'load' });
  await bigJoin.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  await says(bigJoin, 'Who are you?', 'join at 200%');
  await noOverflow(bigJoin, 'join at 200%');
  await shot(bigJoin, 'join-text-200');
  await stranger.close();
  await context.close();

  if (summary.consoleErrors.length > 0) fail(`console errors:\n${summary.consoleErrors.join('\n')}`);
  summary.violations = Object.values(summary.axe).reduce((n, v) => n + v.length, 0);
} catch (e) {
  code = 1;
  summary.failure = e instanceof Failure ? e.message : String(e?.stack ?? e);
  console.error(`door.mjs: ${summary.failure}`);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(summary, null, 1) + '\n');
process.exit(code);
