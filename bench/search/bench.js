// Search benchmark: index size, bytes loaded per query and time to first results in Chromium, on a built
// site opened from file://. Prints a Markdown section on stdout (bench/search/run.sh collects them).
//
//   node bench/search/bench.js SITE_DIR [LABEL] [--runs N]
//
// Every run opens search.html afresh (nothing of the index cached but search/index.js, which the page
// loads), waits until the page is idle, then enters the whole query as one input event — the way a
// Japanese IME commits a word, or a paste — and measures from that event (its timeStamp) to the first
// frame painted with the first results, and to the frame with the whole first page (ten results and the
// facets); ui.js reports both (planpress-search-rendered). A "typed" run enters the query one character
// every 150 ms instead, and is measured after the last keystroke. Bytes are the sizes of the index files
// the query loaded (search/k*.js lists, search/t*.js texts).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require(path.resolve(__dirname, '../../tests/browser/node_modules/playwright-core'));

const args = process.argv.slice(2);
const site = path.resolve(args[0] || 'output');
const label = args[1] && !args[1].startsWith('--') ? args[1] : path.basename(site);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 7;

const QUERIES = [
  ['塾', 'one kanji, rare'],
  ['研', 'one kanji, frequent'],
  ['の', 'one hiragana, in nearly every item'],
  ['研修', 'two kanji, frequent'],
  ['職員', 'the most frequent word'],
  ['ＯＪＴ', 'full-width Latin'],
  ['ｺﾝﾌﾟﾗｲｱﾝｽ', 'half-width katakana'],
  ['人材育成', 'compound word'],
  ['コンプライアンス推進員研修', '13 characters'],
  ['ワーク・ライフ・バランスの推進', '15 characters with 「・」'],
  ['職員の人材育成を推進する', '11 characters, frequent words and kana'],
  ['人材 育成 研修', 'three terms'],
  ['存在しない語句ｘｙｚ', 'no results'],
];

const kb = (n) => (n / 1024).toFixed(1);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function indexStats() {
  const dir = path.join(site, 'search');
  const files = fs.readdirSync(dir).map((f) => ({ f, size: fs.statSync(path.join(dir, f)).size }));
  const pick = (re) => files.filter((x) => re.test(x.f));
  const sum = (xs) => xs.reduce((n, x) => n + x.size, 0);
  const lists = pick(/^k.*\.js$/), texts = pick(/^t\d+\.js$/);
  const runtime = ['normalize.js', 'engine.js', 'ui.js'].reduce((n, f) => n + fs.statSync(path.join(site, 'assets', 'search', f)).size, 0);
  return {
    files: files.length, total: sum(files), base: pick(/^index\.js$/)[0].size, runtime,
    lists: sum(lists), listFiles: lists.length, maxList: Math.max(...lists.map((x) => x.size)),
    texts: sum(texts), textFiles: texts.length, maxText: Math.max(...texts.map((x) => x.size)),
  };
}

async function measure(browser, query, typed) {
  const page = await browser.newPage();
  await page.goto('file://' + path.join(site, 'search.html'));
  await page.waitForFunction(() => window.planpressSearch && window.planpressSearch.index());
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  const done = page.evaluate((q) => new Promise((resolve) => {
    document.addEventListener('planpress-search-rendered', (e) => { if (e.detail.query === q) resolve(e.detail); });
  }), query);
  if (typed) await page.locator('#search-q').pressSequentially(query, { delay: 150 });
  else await page.locator('#search-q').fill(query);
  const d = await done;
  const sizes = (re) => d.files.filter((f) => re.test(f)).reduce((n, f) => n + fs.statSync(path.join(site, 'search', f)).size, 0);
  await page.close();
  return { first: d.firstPaintedAt - d.startedAt, page: d.paintedAt - d.startedAt, results: d.results,
    files: d.files.length, lists: sizes(/^k/), texts: sizes(/^t/) };
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const s = indexStats();
  const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  const out = [`### ${label}`, ''];
  out.push(`Index: **${kb(s.total)} KB** in ${s.files} files — search/index.js ${kb(s.base)} KB (loaded with search.html, ` +
    `with ${kb(s.runtime)} KB of scripts in assets/search/); lists ${kb(s.lists)} KB in ${s.listFiles} shards ` +
    `(largest ${kb(s.maxList)} KB); stored texts ${kb(s.texts)} KB in ${s.textFiles} shards (largest ${kb(s.maxText)} KB).`, '');
  out.push(`| query | what | results | files loaded | KB loaded (lists + texts) | first results: median of ${runs} (min–max) | whole first page: median | typed, after the last key: first results |`);
  out.push('|---|---|--:|--:|--:|--:|--:|--:|');
  const worst = { first: 0, bytes: 0 };
  for (const [query, what] of QUERIES) {
    const first = [], whole = [];
    let last = null;
    for (let i = 0; i < runs; i++) {
      last = await measure(browser, query, false);
      first.push(last.first);
      whole.push(last.page);
    }
    const typed = await measure(browser, query, true);
    const bytes = last.lists + last.texts;
    worst.first = Math.max(worst.first, median(first));
    worst.bytes = Math.max(worst.bytes, bytes);
    out.push(`| ${query} | ${what} | ${last.results} | ${last.files} | ${kb(bytes)} (${kb(last.lists)} + ${kb(last.texts)}) | ` +
      `${median(first).toFixed(0)} ms (${Math.min(...first).toFixed(0)}–${Math.max(...first).toFixed(0)}) | ${median(whole).toFixed(0)} ms | ${typed.first.toFixed(0)} ms |`);
    process.stderr.write(`${label}: ${query} first ${median(first).toFixed(1)} ms, page ${median(whole).toFixed(1)} ms, ${kb(bytes)} KB\n`);
  }
  out.push('', `Slowest median time to first results: **${worst.first.toFixed(0)} ms**; most bytes loaded by one query: **${kb(worst.bytes)} KB**. ` +
    `Load average when the run started: ${load}.`, '');
  console.log(out.join('\n'));
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
