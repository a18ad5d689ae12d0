// Takes full-page screenshots of every kind of page at desktop and phone width, for people to look at
// (not a test). Usage: node tests/browser/screenshots.js OUTPUT_DIR [SITE_DIR]
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { launch } = require('./lib/browser');

const pages = {
  home: 'index.html',
  plan_table: 'plans/sendai-compliance-r7/index.html',
  plan_cards: 'plans/sendai-hr-2/index.html',
  plan_report: 'plans/sendai-taio-r6/index.html',
  item: 'plans/sendai-compliance-r7/items/8.html',
  item_subs: 'plans/sendai-keiei-r1/items/31.html',
  item_schedule: 'plans/sendai-hr-2/items/17.html',
  departments: 'departments/index.html',
  evaluations: 'evaluations.html',
  xref: 'xref.html',
  documents: 'documents.html',
  accessibility: 'accessibility.html',
  not_found: '404.html',
  search: 'search.html',
  search_results: 'search.html?q=%E7%A0%94%E4%BF%AE',
  sitemap: 'sitemap.html',
  plan_osaki: 'plans/osaki-jinzai-ap/index.html',
  plan_keiei: 'plans/sendai-keiei-r1/index.html',
  item_progress: 'plans/sendai-taio-r6/items/1-3-1.html',
};

(async () => {
  const out = process.argv[2];
  if (process.argv[3]) process.env.PLANPRESS_SITE = path.resolve(process.argv[3]);
  const site = process.env.PLANPRESS_SITE || path.resolve(__dirname, '../../output');
  fs.mkdirSync(out, { recursive: true });
  // A department page (named by municipality and department).
  if (fs.existsSync(path.join(site, 'departments', '仙台市_総務局人事課.html'))) pages.department = 'departments/仙台市_総務局人事課.html';
  const { browser, cleanup } = await launch();
  try {
    for (const [width, suffix] of [[1280, 'desktop'], [390, 'phone']]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const [name, rel] of Object.entries(pages)) {
        const [file, query] = rel.split('?');
        if (!fs.existsSync(path.join(site, file))) continue;
        await page.goto('file://' + path.join(site, file) + (query ? '?' + query : ''));
        if (query) await page.waitForSelector('.result-title a');
        await page.screenshot({ path: path.join(out, `${name}-${suffix}.png`), fullPage: true });
      }
      await page.close();
    }
  } finally {
    await cleanup();
  }
})().catch((e) => { console.error(e); process.exit(1); });
