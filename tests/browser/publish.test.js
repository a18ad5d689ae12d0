// What a city's web team checks before publishing (issue 10), in the real site opened in Chromium: one
// breadcrumb row with the item's categories, page titles that name the plan, readable department page
// names scoped by municipality, the chapters in the order the originals print them, printed markers kept
// (「重点 ―」, ※ once), the progress of a 取組区分 on its items' pages, no empty boxes, the search filters
// folded on a phone (the first result on the first screen), an HTML sitemap, the 404 page styled at any
// depth when a server shows it for /a/b/c, and search results that name the municipality.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { siteDir, pageUrl, launch } = require('./lib/browser');

let browser, cleanup;
test.before(async () => ({ browser, cleanup } = await launch()));
test.after(async () => cleanup && cleanup());

async function open(relative, viewport) {
  const page = await browser.newPage(viewport ? { viewport } : {});
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pageUrl(relative));
  page.errors = errors;
  return page;
}

test('item pages: one breadcrumb row (home, plan, categories) and a title that names the plan', async () => {
  const page = await open('plans/sendai-hr-2/items/17.html');
  assert.strictEqual(await page.locator('nav.breadcrumbs').count(), 1);
  const crumbs = await page.locator('nav.breadcrumbs li').allInnerTexts();
  assert.deepStrictEqual(crumbs.slice(0, 2), ['ホーム', '第２期人材育成推進計画']);
  assert.match(crumbs[2], /^（１）　職員の主体的な成長を支援する研修/);
  assert.match(crumbs[3], /部門別・業務主管課による研修の充実/);
  assert.match(crumbs[crumbs.length - 1], /ＤＸを推進する人材の育成|DX を推進する人材の育成/);
  assert.strictEqual(await page.locator('main .kicker').count(), 0, 'no second trail above the title');
  // The category crumbs lead to the category on the plan's page.
  const href = await page.locator('nav.breadcrumbs li a').nth(3).getAttribute('href');
  assert.match(href, /^(\.\.\/)+plans\/sendai-hr-2\/index\.html#cat-/);
  assert.match(await page.title(), /｜仙台市　第２期人材育成推進計画｜/);
  const keiei = await open('plans/sendai-keiei-r1/items/31.html');
  assert.match(await keiei.title(), /｜仙台市　第５　実施項目｜/);
});

test('department pages are named by municipality and department, and a department belongs to one city', async () => {
  const site = siteDir();
  const files = fs.readdirSync(path.join(site, 'departments')).filter((f) => f !== 'index.html');
  assert.ok(files.length > 50);
  for (const f of files) assert.match(f, /^(仙台市|大崎市)_[^\s/\\?#%]+\.html$/, f);
  assert.ok(files.includes('仙台市_総務局人事課.html'));
  const catalog = JSON.parse(fs.readFileSync(path.join(site, 'data', 'catalog.json'), 'utf8'));
  const municipality = new Map(catalog.plans.map((p) => [p.id, p.municipality]));
  for (const f of files) {
    const html = fs.readFileSync(path.join(site, 'departments', f), 'utf8');
    const cities = new Set([...html.matchAll(/href="\.\.\/plans\/([^/]+)\//g)].map((m) => municipality.get(m[1])));
    assert.strictEqual(cities.size, 1, `${f} lists items of ${[...cities].join(' and ')}`);
    assert.ok(f.startsWith([...cities][0] + '_'), f);
  }
  // An item's 担当課 links to its department's page by that name, from file://.
  const page = await open('plans/sendai-compliance-r7/items/1.html');
  await page.locator('.field-departments a', { hasText: '総務局人事課' }).first().click();
  await page.waitForURL(/departments\/%E4%BB%99%E5%8F%B0%E5%B8%82_%E7%B7%8F%E5%8B%99%E5%B1%80%E4%BA%BA%E4%BA%8B%E8%AA%B2\.html$/);
  assert.strictEqual(await page.locator('h1').innerText(), '総務局人事課');
  assert.match(await page.locator('.kicker').innerText(), /仙台市/);
});

test('plans read in the order their originals print them', async () => {
  // 大崎市: I, Ⅱ, Ⅲ, Ⅳ, V.
  const osaki = await open('plans/osaki-jinzai-ap/index.html');
  const chapters = (await osaki.locator('main h2').allInnerTexts()).map((t) => t.split('　')[0]).filter((t) => /^[IⅡⅢⅣV]$/.test(t));
  assert.deepStrictEqual(chapters, ['I', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'V']);
  // The progress report: １ with the 取組区分 and their 取り組み, ２ with the 進捗状況 of each (six slides), ３.
  const pr = await open('plans/sendai-taio-r6/index.html');
  const h2 = await pr.locator('main h2').allInnerTexts();
  assert.ok(h2.indexOf('１　対応方針の各取り組み') >= 0 && h2.indexOf('１　対応方針の各取り組み') < h2.indexOf('２　令和６年度における対応方針の進捗状況'));
  assert.ok(!h2.includes('体系'), 'no generic 体系 heading');
  const progress = pr.locator('#sec-progress section.category-blocks');
  assert.strictEqual(await progress.count(), 6);
  assert.strictEqual(await pr.locator('#sec-progress .block p').count() >= 17, true, 'the 17 progress paragraphs');
  assert.strictEqual(await pr.locator('#sec-torikumi .category-items li').count(), 25);
  // ... and each 取り組み's page shows the progress of its 取組区分.
  const item = await open('plans/sendai-taio-r6/items/1-1-1.html');
  assert.match(await item.locator('section.category-blocks').innerText(), /令和６年度における対応方針の進捗状況/);
  // 第２期人材育成推進計画: ５．the table of the 39 取組 rebuilt from the items, then ６．
  const hr = await open('plans/sendai-hr-2/index.html');
  assert.strictEqual(await hr.locator('#sec-taikei table.items tbody tr:not(.group)').count(), 39);
  assert.ok((await hr.locator('main h2').allInnerTexts()).includes('６．　施策分野別取組の各取組内容'));
});

test('printed markers are kept: 「重点 ―」, ※ once', async () => {
  const hr = await open('plans/sendai-hr-2/items/9.html');
  const focus = hr.locator('.field', { has: hr.locator('dt', { hasText: /^重点$/ }) });
  assert.strictEqual((await focus.locator('dd').innerText()).trim(), '―');
  for (const rel of ['plans/sendai-keiei-r1/items/3.html', 'plans/osaki-jinzai-ap/items/2-1-5.html']) {
    const page = await open(rel);
    const text = await page.locator('main').innerText();
    assert.ok(text.includes('※'), rel);
    assert.ok(!/※\s*※/.test(text), `${rel}: ※ doubled`);
  }
});

test('no empty box on a plan page', async () => {
  for (const plan of fs.readdirSync(path.join(siteDir(), 'plans'))) {
    const page = await open(`plans/${plan}/index.html`);
    for (const dl of await page.locator('dl.relations').all()) assert.ok((await dl.locator('div').count()) > 0, `${plan}: empty relations`);
  }
});

test('on a phone the search filters are folded and the first result is on the first screen', async () => {
  const phone = await open('search.html?q=%E7%A0%94%E4%BF%AE', { width: 390, height: 844 });
  await phone.waitForSelector('.result-title a');
  assert.strictEqual(await phone.locator('#facet-details').evaluate((d) => d.open), false);
  const box = await phone.locator('.result-title a').first().boundingBox();
  assert.ok(box && box.y + box.height <= 844, `first result at ${box && box.y}`);
  // Opening the summary shows the filters.
  await phone.locator('#facet-details > summary').click();
  assert.ok(await phone.locator('fieldset.facet').first().isVisible());
  const desktop = await open('search.html?q=%E7%A0%94%E4%BF%AE', { width: 1280, height: 900 });
  await desktop.waitForSelector('.result-title a');
  assert.strictEqual(await desktop.locator('#facet-details').evaluate((d) => d.open), true);
  // Results are grouped by plan and name the municipality.
  const groups = await desktop.locator('.result-group h2').allInnerTexts();
  assert.ok(groups.some((g) => g.startsWith('大崎市')), groups.join(' / '));
  assert.ok(groups.every((g) => /仙台市|大崎市/.test(g)), groups.join(' / '));
  assert.deepStrictEqual([...phone.errors, ...desktop.errors], []);
});

test('an HTML sitemap for readers, linked from every footer; sitemap.xml stays for search engines', async () => {
  const site = siteDir();
  const page = await open('index.html');
  await page.locator('footer a', { hasText: 'サイトマップ' }).click();
  await page.waitForURL(/sitemap\.html$/);
  assert.strictEqual(await page.locator('h1').innerText(), 'サイトマップ');
  const catalog = JSON.parse(fs.readFileSync(path.join(site, 'data', 'catalog.json'), 'utf8'));
  for (const p of catalog.plans) assert.strictEqual(await page.locator(`a[href="${p.url}"]`).count(), 1, p.url);
  const departments = fs.readdirSync(path.join(site, 'departments')).filter((f) => f !== 'index.html');
  assert.strictEqual(await page.locator('a[href^="departments/"]:not([href="departments/index.html"])').count(), departments.length);
  assert.ok(fs.readFileSync(path.join(site, 'sitemap.xml'), 'utf8').includes('%E4%BB%99%E5%8F%B0%E5%B8%82_'), 'sitemap.xml percent-encodes');
});

test('the 404 page is styled and its links work when a server shows it at any depth', async () => {
  const site = siteDir();
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };
  // A server like any other: files of the site, and 404.html (status 404) for anything else.
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(site, rel);
    if (file.startsWith(site) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
      res.end(fs.readFileSync(file));
    } else {
      res.writeHead(404, { 'content-type': types['.html'] });
      res.end(fs.readFileSync(path.join(site, '404.html')));
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    for (const missing of ['/nothing.html', '/a/b/c', '/plans/none/items/x.html']) {
      const page = await browser.newPage();
      const response = await page.goto(base + missing);
      assert.strictEqual(response.status(), 404);
      const header = await page.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundColor);
      assert.notStrictEqual(header, 'rgba(0, 0, 0, 0)', `${missing}: not styled`);
      await page.locator('main a', { hasText: '計画一覧' }).click();
      await page.waitForURL(base + '/index.html');
      assert.match(await page.locator('h1').innerText(), /自治体計画/);
      await page.close();
    }
  } finally {
    server.close();
  }
});
