// Shared helpers for the browser tests: Debian's Chromium driven by playwright-core (no downloaded
// browser), and the path of the site built for the tests.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { chromium } = require('playwright-core');

/** The generated site the tests read (set by ctest; defaults to ../../output). */
function siteDir() {
  const dir = process.env.PLANPRESS_SITE || path.resolve(__dirname, '../../../output');
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`no built site at ${dir} (set PLANPRESS_SITE)`);
  return dir;
}

/** file:// URL of a page of the site. */
function pageUrl(relative) {
  return 'file://' + path.join(siteDir(), relative).split(path.sep).join('/');
}

/** Launches headless Chromium with the flags this machine needs (no network, no background services). */
async function launch() {
  const executablePath = process.env.CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
  if (!executablePath) throw new Error('Debian chromium is not installed (apt-get install chromium)');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planpress-chromium-'));
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  return { browser, cleanup: async () => { await browser.close(); fs.rmSync(userDataDir, { recursive: true, force: true }); } };
}

/** Records every request a page makes that leaves the site directory (file:// outside it, or any network URL). */
function watchExternalRequests(page) {
  const external = [];
  const root = 'file://' + siteDir();
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:')) return;
    if (!url.startsWith(root)) external.push(url);
  });
  return external;
}

/**
 * Opens a page of the site in `browser`, recording what must fail a test: dialogs, page errors, console
 * errors (`problems`) and requests outside the site (`external`).
 */
async function openWatched(browser, relative) {
  const page = await browser.newPage();
  const problems = [];
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  const external = watchExternalRequests(page);
  await page.goto(pageUrl(relative));
  return { page, problems, external };
}

/** Waits until search.html shows the results for `query`. */
async function searchSettled(page, query) {
  await page.waitForFunction((q) => {
    const r = document.getElementById('search-results');
    return r.getAttribute('data-query') === q && !r.hasAttribute('aria-busy');
  }, query);
}

module.exports = { siteDir, pageUrl, launch, watchExternalRequests, openWatched, searchSettled };
