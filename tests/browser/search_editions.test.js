// Site search over two editions of one series, in Chromium from file://: the real content plus the
// 令和8年度 edition of the コンプライアンス推進アクションプラン (tests/cycle/sendai-compliance-r8, built by
// build_editions_site.sh). By default search shows the newest edition only; 「過去の年度版も含める」 adds the
// older one, whose results say 令和7年度版; plans outside a series are unaffected; axe-core on the page.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const { launch, openWatched, searchSettled } = require('./lib/browser');

let browser, cleanup;
test.before(async () => ({ browser, cleanup } = await launch()));
test.after(async () => cleanup && cleanup());

// The word is in item 4 (カスタマーハラスメント対策) of both editions, in R7 in its 実績 too, and in no other plan.
const WORD = 'カスタマーハラスメント';

const open = (relative) => openWatched(browser, relative);
const settled = searchSettled;

// Every result on the page (after 「さらに表示」 until all are shown): its link and the edition it names.
async function allResults(page) {
  for (;;) {
    const more = page.locator('.more-results');
    if (!(await more.count())) break;
    const before = await page.locator('.result').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.result').length > n, before);
  }
  return page.locator('.result').evaluateAll((items) => items.map((li) => ({
    href: li.querySelector('.result-title a').getAttribute('href'),
    edition: li.querySelector('.result-edition') ? li.querySelector('.result-edition').textContent : '',
  })));
}

const planOf = (href) => href.match(/plans\/([^/]+)\//)[1];

function expectClean({ problems, external }) {
  assert.deepStrictEqual(problems, []);
  assert.deepStrictEqual(external, [], 'requests outside the site');
}

test('by default only the newest edition; with 「過去の年度版も含める」 both, the older one labelled with its year', async () => {
  const ctx = await open('search.html?q=' + encodeURIComponent(WORD));
  const { page } = ctx;
  await settled(page, WORD);
  const box = page.getByRole('checkbox', { name: '過去の年度版も含める' });
  assert.ok(await box.isVisible());
  assert.strictEqual(await box.isChecked(), false);

  const newest = await allResults(page);
  assert.ok(newest.length > 0, 'results in the R8 edition');
  assert.deepStrictEqual([...new Set(newest.map((r) => planOf(r.href)))], ['sendai-compliance-r8']);
  assert.ok(newest.every((r) => r.edition === ''), 'results of the newest edition carry no year label');
  // The summary says the older edition has matches too, and how to see them.
  assert.match(await page.locator('#search-summary').innerText(), /過去の年度版に\d+件あります/);

  await box.check();
  await settled(page, WORD);
  await page.waitForFunction(() => /older=1/.test(window.location.search));
  const both = await allResults(page);
  const r7 = both.filter((r) => planOf(r.href) === 'sendai-compliance-r7');
  const r8 = both.filter((r) => planOf(r.href) === 'sendai-compliance-r8');
  assert.ok(r7.length > 0, 'results in the R7 edition');
  assert.deepStrictEqual(r8.map((r) => r.href), newest.map((r) => r.href), 'the R8 results are the same');
  assert.strictEqual(r7.length + r8.length, both.length, 'no other plan has the word');
  assert.ok(r7.every((r) => r.edition === '令和7年度版'), JSON.stringify(r7));
  assert.ok(r8.every((r) => r.edition === ''));
  assert.doesNotMatch(await page.locator('#search-summary').innerText(), /過去の年度版に/);

  // The address keeps the choice: opened again, the box is ticked and the R7 results are there.
  const again = await open('search.html' + new URL(page.url()).search);
  await settled(again.page, WORD);
  assert.strictEqual(await again.page.getByRole('checkbox', { name: '過去の年度版も含める' }).isChecked(), true);
  assert.deepStrictEqual((await allResults(again.page)).map((r) => r.href), both.map((r) => r.href));

  // Unticked: back to the newest edition.
  await box.uncheck();
  await settled(page, WORD);
  assert.deepStrictEqual((await allResults(page)).map((r) => r.href), newest.map((r) => r.href));
  expectClean(ctx);
  expectClean(again);
});

test('plans outside a series are searched as before, with no year label', async () => {
  const word = 'ハラスメント';  // in the R7 and R8 editions and in 大崎市 人財育成アクションプラン (no series)
  const ctx = await open('search.html?q=' + encodeURIComponent(word));
  const { page } = ctx;
  await settled(page, word);
  const results = await allResults(page);
  const plans = new Set(results.map((r) => planOf(r.href)));
  assert.ok(plans.has('osaki-jinzai-ap'), [...plans].join());
  assert.ok(plans.has('sendai-compliance-r8'));
  assert.ok(!plans.has('sendai-compliance-r7'));
  assert.ok(results.every((r) => r.edition === ''));
  expectClean(ctx);
});

test('axe-core finds no WCAG 2.1 A/AA violation on search.html with and without older editions', async () => {
  const axe = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  for (const suffix of ['', '&older=1']) {
    const ctx = await open('search.html?q=' + encodeURIComponent(WORD) + suffix);
    const { page } = ctx;
    await settled(page, WORD);
    await page.evaluate(axe);
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    assert.deepStrictEqual(violations, [], suffix);
    // axe tries to read the stylesheets with XMLHttpRequest, which file:// refuses; that is axe's noise.
    ctx.problems = ctx.problems.filter((p) => !/XMLHttpRequest|Failed to load resource/.test(p));
    expectClean(ctx);
  }
});
