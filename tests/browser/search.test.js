// Site search in the real built site, opened from file:// in Chromium: queries typed into the page
// (half-width katakana, full-width Latin, one kanji, no results, an injection attempt), facets and the
// URL, the header search box on other pages, keyboard use, the live region, axe-core on search.html with
// results showing, and the JavaScript normaliser in Chromium against the shared case table.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { pageUrl, launch, openWatched, searchSettled } = require('./lib/browser');
const { loadEngine, readCases } = require('../search/lib');

let browser, cleanup;
test.before(async () => ({ browser, cleanup } = await launch()));
test.after(async () => cleanup && cleanup());

// A page of the site that fails the test on any dialog, page error or request outside the site.
const open = (relative) => openWatched(browser, relative);
const settled = searchSettled;

async function type(page, query) {
  await page.locator('#search-q').fill('');
  await page.locator('#search-q').pressSequentially(query);
  await settled(page, query);
}

const resultTitles = (page) => page.locator('.result-title a').allInnerTexts();
const markTexts = (page) => page.locator('#search-results mark').allInnerTexts();
const summary = (page) => page.locator('#search-summary').innerText();

function expectClean({ problems, external }) {
  assert.deepStrictEqual(problems, []);
  assert.deepStrictEqual(external, [], 'requests outside the site');
}

test('the header search box on any page leads to search.html with the results', async () => {
  const ctx = await open('plans/sendai-hr-2/items/34.html');
  const { page } = ctx;
  const box = page.getByRole('search', { name: 'サイト内検索' }).getByRole('searchbox');
  await box.fill('研修');
  await box.press('Enter');
  await page.waitForURL(/search\.html\?q=%E7%A0%94%E4%BF%AE$/);
  await settled(page, '研修');
  assert.strictEqual(await page.locator('#search-q').inputValue(), '研修');
  assert.match(await summary(page), /「研修」の検索結果：\d+件/);
  assert.ok((await page.locator('.result').count()) >= 10);
  // The search page has one search form (the header box is not repeated there).
  assert.strictEqual(await page.getByRole('search').count(), 1);
  expectClean(ctx);
});

test('half-width katakana finds the full-width text and highlights it as printed', async () => {
  const ctx = await open('search.html');
  const { page } = ctx;
  await type(page, 'ｺﾝﾌﾟﾗｲｱﾝｽ推進員');
  const titles = await resultTitles(page);
  assert.ok(titles.some((t) => /46\u3000コンプライアンス推進員研修/.test(t)), titles.join('\n'));
  assert.match(titles[0], /コンプライアンス推進員/);
  const marks = await markTexts(page);
  assert.ok(marks.length > 0 && marks.every((m) => m === 'コンプライアンス推進員'), marks.join());
  const count = await page.locator('.result').count();
  await type(page, 'コンプライアンス推進員');
  assert.strictEqual(await page.locator('.result').count(), count);
  expectClean(ctx);
});

test('full-width Latin letters find half-width ones', async () => {
  const ctx = await open('search.html');
  const { page } = ctx;
  await type(page, 'ＯＪＴ');
  const full = await summary(page);
  assert.match(full, /：\d+件/);
  const marks = await markTexts(page);
  assert.ok(marks.includes('OJT'), marks.join());
  await type(page, 'ojt');
  assert.strictEqual((await summary(page)).replace('ojt', 'ＯＪＴ'), full);
  expectClean(ctx);
});

test('a one-kanji query finds its item, and its link opens the item from file://', async () => {
  const ctx = await open('search.html');
  const { page } = ctx;
  await type(page, '塾');
  assert.match(await summary(page), /「塾」の検索結果：1件/);
  const link = page.locator('.result-title a');
  assert.strictEqual(await link.getAttribute('href'), 'plans/sendai-hr-2/items/29.html');
  assert.deepStrictEqual(await markTexts(page), ['塾']);
  assert.match(await page.locator('.result-passage').first().innerText(), /せんだい大志塾/);
  // Two kanji too.
  await type(page, '大志');
  assert.match(await summary(page), /：1件/);
  await link.first().click();
  await page.waitForURL(/sendai-hr-2\/items\/29\.html$/);
  assert.match(await page.locator('h1').innerText(), /外部との交流推進/);
  expectClean(ctx);
});

test('a query with no results says so, also to screen readers', async () => {
  const ctx = await open('search.html');
  const { page } = ctx;
  await type(page, '存在しない語句ｘｙｚ');
  assert.match(await summary(page), /に一致する結果はありませんでした/);
  assert.strictEqual(await page.locator('.result').count(), 0);
  const live = page.locator('#search-live');
  assert.strictEqual(await live.getAttribute('aria-live'), 'polite');
  await page.waitForFunction(() => /一致する結果はありませんでした/.test(document.getElementById('search-live').textContent));
  expectClean(ctx);
});

test('the injection query runs nothing and injects no element', async () => {
  const query = '<img src=x onerror=alert(1)>';
  for (const how of ['typed', 'url']) {
    const ctx = await open(how === 'url' ? 'search.html?q=' + encodeURIComponent(query) : 'search.html');
    const { page } = ctx;
    if (how === 'typed') await type(page, query); else await settled(page, query);
    await page.waitForTimeout(300);
    assert.strictEqual(await page.locator('img').count(), 0, how);
    assert.strictEqual(await page.locator('[onerror]').count(), 0, how);
    assert.strictEqual(await page.evaluate(() => window.__injected === undefined), true);
    assert.ok((await summary(page)).includes(query), 'the query is shown as text');
    assert.strictEqual(await page.locator('#search-q').inputValue(), query);
    expectClean(ctx);
  }
});

test('facets: counts, filtering with the keyboard, and the URL that shares the search', async () => {
  const ctx = await open('search.html');
  const { page } = ctx;
  await type(page, '研修');
  const total = Number((await summary(page)).match(/：(\d+)件/)[1]);
  const plans = page.locator('fieldset.facet', { has: page.locator('legend', { hasText: /^計画$/ }) });
  const labels = await plans.locator('label').allInnerTexts();
  const counts = labels.map((l) => Number(l.match(/（(\d+)件）/)[1]));
  assert.strictEqual(counts.reduce((a, b) => a + b, 0), total, labels.join());
  for (const legend of ['自治体', '計画の種類', '年度', '担当課', '自己評価', '新規・拡充・継続', '結果の種類'])
    assert.strictEqual(await page.locator('fieldset.facet legend', { hasText: legend }).count(), 1, legend);
  // Check a plan with the keyboard: focus the checkbox and press Space.
  const compliance = plans.getByRole('checkbox', { name: /コンプライアンス推進アクションプラン/ });
  const want = Number((await plans.locator('label', { hasText: 'コンプライアンス推進アクションプラン' }).innerText()).match(/（(\d+)件）/)[1]);
  await compliance.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => /plan=sendai-compliance-r7/.test(location.search));
  await settled(page, '研修');
  assert.match(await summary(page), new RegExp(`：${want}件（1計画）、絞り込み前は${total}件`));
  assert.strictEqual(await page.locator('.result-group').count(), 1);
  assert.ok(await compliance.evaluate((e) => e === document.activeElement), 'focus stays on the checkbox');
  // 自己評価 ○ narrows further; both are in the URL.
  await page.locator('fieldset.facet', { has: page.locator('legend', { hasText: '自己評価' }) })
    .getByRole('checkbox', { name: /予定通り実施した/ }).check();
  await page.waitForFunction(() => /rating=/.test(location.search));
  await settled(page, '研修');
  const narrowed = await summary(page);
  const url = page.url();
  assert.match(url, /search\.html\?q=%E7%A0%94%E4%BF%AE&plan=sendai-compliance-r7&rating=%E2%97%8B$/);
  // The shared URL restores the same search.
  const again = await open(url.slice(url.indexOf('search.html')));
  await settled(again.page, '研修');
  assert.strictEqual(await summary(again.page), narrowed);
  assert.ok(await again.page.getByRole('checkbox', { name: /コンプライアンス推進アクションプラン/ }).isChecked());
  // Clearing the filters brings every result back.
  await again.page.getByRole('button', { name: '絞り込みをすべて解除' }).click();
  await again.page.waitForFunction(() => !/plan=/.test(location.search));
  await settled(again.page, '研修');
  assert.match(await summary(again.page), new RegExp(`：${total}件`));
  expectClean(ctx);
  expectClean(again);
});

test('keyboard only: from the search box to the facets, the results and 「さらに表示」', async () => {
  const ctx = await open('search.html');
  const { page } = ctx;
  await page.locator('#search-q').focus();
  await page.keyboard.type('研修');
  await page.keyboard.press('Enter');
  await settled(page, '研修');
  const first = await page.locator('.result').count();
  assert.ok(first >= 10, String(first));
  // Tab reaches a facet checkbox before the first result link.
  const order = [];
  for (let i = 0; i < 60 && !order.includes('result'); i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => {
      const e = document.activeElement;
      if (e.type === 'checkbox') return 'facet';
      if (e.closest('.result-title')) return 'result';
      return e.tagName;
    }));
  }
  assert.ok(order.indexOf('facet') >= 0 && order.indexOf('facet') < order.indexOf('result'), order.join());
  // 「さらに表示」 shows more and moves the focus to the first new result.
  const more = page.getByRole('button', { name: /さらに表示/ });
  await more.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.result').length > n, first);
  assert.ok(await page.evaluate(() => !!document.activeElement.closest('.result-title')));
  // The focus indicator is visible.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notStrictEqual(outline, 'none');
  expectClean(ctx);
});

test('the page keeps its CSP: scripts are files, nothing inline', async () => {
  const html = fs.readFileSync(path.join(require('./lib/browser').siteDir(), 'search.html'), 'utf8');
  assert.match(html, /Content-Security-Policy" content="[^"]*script-src 'self'/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'an inline script');
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'an inline event handler');
  const ctx = await open('search.html?q=' + encodeURIComponent('人材育成'));
  await settled(ctx.page, '人材育成');
  // Every script has a src inside the site; the shards are added next to search/index.js.
  const root = pageUrl('index.html').replace(/index\.html$/, '');
  const scripts = await ctx.page.evaluate(() => Array.from(document.scripts, (s) => s.src));
  assert.ok(scripts.every((s) => s.startsWith(root)), scripts.join());
  assert.ok(scripts.some((s) => s.startsWith(root + 'search/k')), 'index shards loaded as scripts');
  expectClean(ctx);
});

test('axe-core finds no WCAG 2.1 A/AA violation on search.html with results and facets showing', async () => {
  const axe = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  for (const relative of ['search.html?q=' + encodeURIComponent('研修'), 'search.html?q=' + encodeURIComponent('該当なしの語句'), 'index.html']) {
    const ctx = await open(relative);
    const { page } = ctx;
    if (relative.startsWith('search')) await settled(page, decodeURIComponent(relative.split('=')[1]));
    const toggle = page.locator('.facet-toggle').first();
    if (await toggle.count()) await toggle.click();
    await page.evaluate(axe);
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    assert.deepStrictEqual(violations, [], relative);
    // axe tries to read the stylesheets with XMLHttpRequest, which file:// refuses; that is axe's noise.
    ctx.problems = ctx.problems.filter((p) => !/XMLHttpRequest|Failed to load resource/.test(p));
    expectClean(ctx);
  }
});

test('Chromium normalises like node (and so like C++): the case table and every stored passage', async () => {
  const ctx = await open('search.html');
  const { page } = ctx;
  const cases = readCases();
  const got = await page.evaluate((inputs) => inputs.map((s) => window.planpressSearch.normalize(s)), cases.map((c) => c.input));
  cases.forEach((c, i) => assert.strictEqual(got[i], c.expected, `normalization_cases.tsv:${c.line} ${c.note}`));
  const { ns } = loadEngine();
  const ids = Array.from({ length: ns.index().docCount }, (_, i) => i);
  const { docs } = await ns.documents(ids);
  const texts = [];
  docs.forEach((d) => { texts.push(d.title); d.passages.forEach((p) => texts.push(p.text)); });
  const inChromium = await page.evaluate((all) => all.map((s) => window.planpressSearch.normalize(s)), texts);
  texts.forEach((t, i) => assert.strictEqual(inChromium[i], ns.normalize(t), t.slice(0, 60)));
  expectClean(ctx);
});
