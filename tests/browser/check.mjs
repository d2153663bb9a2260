// Opens each page given in Debian's headless chromium (no network, a fresh
// profile) and prints, as one JSON object, what tests/browser.rs asserts:
// console errors, requests that left the file, elements wider than the
// viewport at phone width and at A4, charts taller than an A4 page, the
// scripts on the page, its text, and axe-core's violations by impact.
// Screenshots go to OUT_DIR: NAME-phone.png, NAME-a4.png, and NAME.pdf.
//
// node check.mjs OUT_DIR PAGE.html [PAGE.html...]

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

const [outDir, ...pages] = process.argv.slice(2);
if (!outDir || pages.length === 0) {
  console.error('usage: node check.mjs OUT_DIR PAGE.html [PAGE.html...]');
  process.exit(2);
}

// A phone (390 CSS pixels wide) and A4 at 96 dpi: 210 × 297 mm, and the
// width and height left inside the page's 14 mm and 15 mm margins.
const PHONE = { width: 390, height: 844 };
const A4 = { width: 794, height: 1123 };
const A4_CONTENT = { width: 688, height: 1009 };

const browser = await chromium.launch({
  executablePath: process.env.ROUNDTABLE_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});

/// Elements reaching past the viewport's edges, and whether the page scrolls sideways.
function tooWide() {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > width + 0.5 || r.left < -0.5) {
      wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
    }
  }
  if (document.documentElement.scrollWidth > width) {
    wide.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} of ${width}`);
  }
  return wide;
}

async function check(file) {
  const name = basename(file, '.html');
  const url = pathToFileURL(resolve(file)).href;
  const result = { page: file, consoleErrors: [], requests: [], screenshots: [] };

  // As a reader opens it: the page's own policy in force.
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => result.consoleErrors.push(String(e)));
  page.on('request', (r) => { if (r.url() !== url) result.requests.push(r.url()); });
  await page.goto(url, { waitUntil: 'load' });
  result.title = await page.title();
  result.scripts = await page.evaluate(() => document.scripts.length);
  result.text = await page.evaluate(() => document.body.innerText);
  result.charts = await page.evaluate(() => document.querySelectorAll('svg.chart').length);
  result.phoneTooWide = await page.evaluate(tooWide);
  const phone = resolve(outDir, `${name}-phone.png`);
  await page.screenshot({ path: phone, fullPage: true });
  result.screenshots.push(phone);

  // Printed on A4: the screenshot at the sheet's size, then the content's width for the checks.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize(A4);
  const a4 = resolve(outDir, `${name}-a4.png`);
  await page.screenshot({ path: a4, fullPage: true });
  result.screenshots.push(a4);
  const pdf = resolve(outDir, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  result.screenshots.push(pdf);
  await page.setViewportSize(A4_CONTENT);
  result.a4TooWide = await page.evaluate(tooWide);
  result.chartsTallerThanAPage = await page.evaluate((max) => {
    return [...document.querySelectorAll('figure')]
      .map((f) => [f.querySelector('.chart-title')?.textContent ?? '', f.querySelector('svg')?.getBoundingClientRect().height ?? 0])
      .filter(([, h]) => h > max)
      .map(([t, h]) => `${t}: ${Math.round(h)}px`);
  }, A4_CONTENT.height);
  await context.close();

  // axe-core, injected past the page's policy (which forbids every script).
  const axeContext = await browser.newContext({ viewport: PHONE, bypassCSP: true });
  const axePage = await axeContext.newPage();
  await axePage.goto(url, { waitUntil: 'load' });
  await axePage.addScriptTag({ path: axePath });
  const axe = await axePage.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return {
      version: window.axe.version,
      violations: r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      })),
    };
  });
  await axeContext.close();
  result.axeVersion = axe.version;
  result.violations = axe.violations;
  result.byImpact = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of axe.violations) result.byImpact[v.impact] = (result.byImpact[v.impact] ?? 0) + 1;
  return result;
}

const version = browser.version();
const results = [];
try {
  for (const file of pages) results.push(await check(file));
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify({ chromium: version, pages: results }, null, 1) + '\n');
