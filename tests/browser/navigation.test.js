// A reader opens the site from a file share (file://) and follows links: home → plan → item → a backlink
// into another plan. Nothing outside the site is requested.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { pageUrl, launch, watchExternalRequests } = require('./lib/browser');

test('home → plan → item → backlink, from file://', async () => {
  const { browser, cleanup } = await launch();
  try {
    const page = await browser.newPage();
    const external = watchExternalRequests(page);
    await page.goto(pageUrl('index.html'));
    assert.strictEqual(await page.locator('html').getAttribute('lang'), 'ja');
    await page.getByRole('link', { name: '仙台市コンプライアンス推進アクションプラン（令和7年度）' }).first().click();
    await page.waitForURL(/plans\/sendai-compliance-r7\/index\.html$/);
    assert.match(await page.locator('h1').innerText(), /コンプライアンス推進アクションプラン/);
    // The items table links every item; open No.46.
    await page.locator('table.items a[href="items/46.html"]').click();
    await page.waitForURL(/items\/46\.html$/);
    assert.match(await page.locator('h1').innerText(), /コンプライアンス推進員研修/);
    // No.46 is referred to by No.5 (「No.46参照」); follow that backlink.
    const backlinks = page.locator('section[aria-labelledby="backlinks-title"]');
    await backlinks.getByRole('link', { name: /職員のやりがい向上に資する取組み/ }).first().click();
    await page.waitForURL(/items\/5\.html$/);
    assert.match(await page.locator('h1').innerText(), /職員のやりがい向上/);
    // From the compliance plan's page to the HR plan through a cross-plan backlink (人材育成推進計画 No.34).
    await page.goto(pageUrl('plans/sendai-compliance-r7/index.html'));
    await page.locator('a[href$="plans/sendai-hr-2/items/34.html"]').first().click();
    await page.waitForURL(/sendai-hr-2\/items\/34\.html$/);
    assert.match(await page.locator('h1').innerText(), /コンプライアンスの推進/);
    // Breadcrumbs lead back home.
    await page.locator('nav.breadcrumbs a', { hasText: 'ホーム' }).click();
    await page.waitForURL(/index\.html$/);
    assert.deepStrictEqual(external, [], 'pages requested resources outside the site');
  } finally {
    await cleanup();
  }
});

test('item → each of its 担当課 → the department page, which lists the item', async () => {
  const { browser, cleanup } = await launch();
  try {
    const page = await browser.newPage();
    const external = watchExternalRequests(page);
    // An entry naming one department links it directly.
    await page.goto(pageUrl('plans/sendai-hr-2/items/33.html'));
    const field = page.locator('.field-departments dd');
    await field.getByRole('link', { name: '総務局職員研修所' }).click();
    await page.waitForURL(/departments\/[^/]+\.html$/);
    assert.strictEqual(await page.locator('h1').innerText(), '総務局職員研修所');
    assert.ok(await page.locator('a[href$="plans/sendai-hr-2/items/33.html"]').count() > 0, 'the department page lists the item');
    // An entry naming two (「総務局人事課・労務課」, printed as one) links each normalised department.
    await page.goto(pageUrl('plans/sendai-compliance-r7/items/8.html'));
    const entry = page.locator('.field-departments dd li', { hasText: '総務局人事課・労務課' });
    assert.deepStrictEqual(await entry.getByRole('link').allInnerTexts(), ['総務局人事課', '総務局労務課']);
    await entry.getByRole('link', { name: '総務局労務課' }).click();
    await page.waitForURL(/departments\/[^/]+\.html$/);
    assert.strictEqual(await page.locator('h1').innerText(), '総務局労務課');
    assert.ok(await page.locator('a[href$="plans/sendai-compliance-r7/items/8.html"]').count() > 0);
    assert.deepStrictEqual(external, [], 'pages requested resources outside the site');
  } finally {
    await cleanup();
  }
});
