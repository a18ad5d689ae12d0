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
};

(async () => {
  const out = process.argv[2];
  if (process.argv[3]) process.env.PLANPRESS_SITE = path.resolve(process.argv[3]);
  const site = process.env.PLANPRESS_SITE || path.resolve(__dirname, '../../output');
  fs.mkdirSync(out, { recursive: true });
  // Department pages have generated names: take the first one.
  const dept = fs.readdirSync(path.join(site, 'departments')).find((f) => f.startsWith('d-'));
  if (dept) pages.department = 'departments/' + dept;
  const { browser, cleanup } = await launch();
  try {
    for (const [width, suffix] of [[1280, 'desktop'], [390, 'phone']]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const [name, rel] of Object.entries(pages)) {
        if (!fs.existsSync(path.join(site, rel))) continue;
        await page.goto('file://' + path.join(site, rel));
        await page.screenshot({ path: path.join(out, `${name}-${suffix}.png`), fullPage: true });
      }
      await page.close();
    }
  } finally {
    await cleanup();
  }
})().catch((e) => { console.error(e); process.exit(1); });
