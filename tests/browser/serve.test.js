// planpress serve in Chromium (issue 13): an item page of a copy of the real content, opened once and never
// reloaded by the test, shows an edit of the item's name by itself; a broken plan.json puts the diagnostic
// — file:line:col, exactly as the command line prints it — over the page; fixed, the overlay goes. Every
// wait is for a condition, with generous limits (no timing assertions).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { launch } = require('./lib/browser');

const planpress = process.env.PLANPRESS;
const source = process.env.PLANPRESS_SOURCE || path.resolve(__dirname, '../..');
const LIMIT = 180000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when `predicate()` holds, checked whenever `child` writes to stderr; rejects if it ends first. */
function waitForOutput(child, predicate) {
  return new Promise((resolve, reject) => {
    if (predicate()) { resolve(); return; }
    const onData = () => { if (predicate()) { child.stderr.off('data', onData); resolve(); } };
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`planpress serve ended (exit ${code}) before it was ready`)));
  });
}

test('serve: an edit shows without a manual reload; a broken plan shows its diagnostic over the page until fixed', { timeout: 900000 }, async (t) => {
  if (!planpress) { t.skip('PLANPRESS (the binary) is not set'); return; }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'planpress-serve-test-'));
  fs.cpSync(path.join(source, 'content'), path.join(work, 'content'), { recursive: true });
  fs.cpSync(path.join(source, 'templates'), path.join(work, 'templates'), { recursive: true });
  fs.mkdirSync(path.join(work, 'tmp'));
  const port = await freePort();
  const child = spawn(planpress, ['serve', '--port', String(port), '--no-pdf', '--content', 'content', '--templates', 'templates'],
                      { cwd: work, env: { ...process.env, TMPDIR: path.join(work, 'tmp') }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.setEncoding('utf8');
  let log = '';
  child.stderr.on('data', (s) => { log += s; });
  const { browser, cleanup } = await launch();
  try {
    await waitForOutput(child, () => log.includes(`http://127.0.0.1:${port}/ でサイトをプレビューしています`));
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${port}/plans/sendai-hr-2/items/17.html`);
    const original = 'DX を推進する人材の育成';
    assert.match(await page.locator('h1').innerText(), /DX を推進する人材の育成/);
    // A mark on this document: a new document (the page loaded again) does not have it.
    await page.evaluate(() => { window.planpressTestMark = true; });

    // The item's name edited in the copy, as an editor saves it: the page follows by itself.
    const planFile = path.join(work, 'content/plans/sendai-hr-2/plan.json');
    const raw = fs.readFileSync(planFile, 'utf8');
    const nameLine = `"name": "${original}"`;
    const at = raw.indexOf(nameLine, raw.indexOf('"id": "17"'));
    assert.ok(at > 0, 'item 17 and its name are in plan.json');
    const renamed = 'ライブで書き換えた人材育成の取組';
    const edited = raw.slice(0, at) + `"name": "${renamed}"` + raw.slice(at + nameLine.length);
    fs.writeFileSync(planFile, edited);
    await page.waitForFunction((text) => document.querySelector('h1') && document.querySelector('h1').textContent.includes(text),
                               renamed, { timeout: LIMIT });
    assert.strictEqual(await page.evaluate(() => window.planpressTestMark), undefined,
                       'the page was loaded again by the live-reload script, not by the test');
    assert.strictEqual(await page.locator('#planpress-overlay').count(), 0, 'no overlay after a good build');

    // Broken: the name without its opening quote. The overlay names file:line:col like the CLI.
    const broken = raw.slice(0, at) + `"name": ${renamed}"` + raw.slice(at + nameLine.length);
    fs.writeFileSync(planFile, broken);
    const before = broken.slice(0, at + '"name": '.length);
    const line = before.split('\n').length;
    const column = Array.from(before.slice(before.lastIndexOf('\n') + 1)).length + 1;
    const overlay = page.locator('#planpress-overlay');
    await overlay.waitFor({ state: 'visible', timeout: LIMIT });
    const shown = await overlay.locator('pre').innerText();
    assert.match(shown, new RegExp(`^content/plans/sendai-hr-2/plan\\.json:${line}:${column}: error: .*\\[json-syntax\\]`, 'm'));
    // Exactly what the command line prints for the same content (its summary line aside).
    const cli = spawnSync(planpress, ['check', '--no-pdf', '-q', '--content', 'content', '--templates', 'templates'],
                          { cwd: work, encoding: 'utf8' });
    assert.strictEqual(cli.status, 1);
    const printed = cli.stderr.split('\n').filter((l) => !l.startsWith('planpress: ')).join('\n');
    assert.strictEqual(shown.trim(), printed.trim());
    assert.match(await overlay.locator('h2').innerText(), /サイトを作れませんでした/);
    // The last good page stays under it.
    assert.match(await page.locator('h1').innerText(), new RegExp(renamed));
    assert.match(log, new RegExp(`plan\\.json:${line}:${column}: error: `), 'the CLI printed it too');

    // Fixed: the overlay goes, the page shows the content as it is now.
    fs.writeFileSync(planFile, raw);
    await overlay.waitFor({ state: 'detached', timeout: LIMIT });
    await page.waitForFunction((text) => document.querySelector('h1').textContent.includes(text), original, { timeout: LIMIT });
    assert.deepStrictEqual(errors, []);
  } finally {
    await cleanup();
    const exited = child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    const code = await exited;
    assert.strictEqual(code, 0, `serve exits 0 on SIGINT:\n${log}`);
    assert.deepStrictEqual(fs.readdirSync(path.join(work, 'tmp')), [], 'the private folder is removed');
    fs.rmSync(work, { recursive: true, force: true });
  }
});
