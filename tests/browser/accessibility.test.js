// JIS X 8341-3:2016 level AA (WCAG 2.1 A/AA): axe-core in Debian's Chromium on every kind of page of the
// real site, opened from file://. Zero violations allowed.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { siteDir, pageUrl, launch } = require('./lib/browser');

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

function pagesToCheck() {
  const site = siteDir();
  const pages = ['index.html', 'documents.html', 'evaluations.html', 'xref.html', 'accessibility.html', '404.html',
                 'departments/index.html', 'sitemap.html'];
  if (fs.existsSync(path.join(site, 'search.html'))) pages.push('search.html');
  const depts = fs.readdirSync(path.join(site, 'departments')).filter((f) => f !== 'index.html').sort();
  pages.push(...depts.slice(0, 3).map((f) => 'departments/' + f));
  for (const plan of fs.readdirSync(path.join(site, 'plans')).sort()) {
    pages.push(`plans/${plan}/index.html`);
    const items = fs.readdirSync(path.join(site, 'plans', plan, 'items')).sort();
    // The first and the last item, and an item with sub-items where the plan has them.
    pages.push(`plans/${plan}/items/${items[0]}`, `plans/${plan}/items/${items[items.length - 1]}`);
  }
  pages.push('plans/sendai-keiei-r1/items/31.html', 'plans/sendai-hr-2/items/17.html');
  return [...new Set(pages)];
}

// A review build (build/test-review-site) marks the editors' notes: those pages are checked too.
function reviewPagesToCheck() {
  const review = process.env.PLANPRESS_REVIEW_SITE;
  if (!review || !fs.existsSync(path.join(review, 'index.html'))) return [];
  return ['index.html', 'plans/sendai-keiei-r1/index.html', 'plans/sendai-keiei-r1/items/13.html', 'plans/osaki-jinzai-ap/index.html',
          'plans/sendai-taio-r6/index.html', 'plans/sendai-hr-2/items/17.html', 'review/report.html']
    .map((rel) => ({ rel: 'review: ' + rel, url: 'file://' + path.join(review, rel) }));
}

test('no WCAG 2.1 A/AA violations on any kind of page', async () => {
  const { browser, cleanup } = await launch();
  const failures = [];
  try {
    const page = await browser.newPage();
    const all = [...pagesToCheck().map((rel) => ({ rel, url: pageUrl(rel) })), ...reviewPagesToCheck()];
    assert.ok(all.some((p) => p.rel.startsWith('review: ')), 'the review build was checked');
    for (const { rel, url } of all) {
      await page.goto(url);
      // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') does not govern.
      await page.evaluate(axeSource);
      const result = await page.evaluate(() =>
        window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
      for (const v of result.violations) {
        failures.push(`${rel}: [${v.id}] ${v.help} — ${v.nodes.length} node(s), e.g. ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
    }
  } finally {
    await cleanup();
  }
  assert.deepStrictEqual(failures, [], '\n' + failures.join('\n'));
});
