// Keyboard operation: the skip link is the first stop and moves focus to the main content; focus is
// visible; wide tables scroll inside regions that the keyboard can reach and scroll.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { pageUrl, launch } = require('./lib/browser');

test('skip link, visible focus and scrollable table regions work from the keyboard', async () => {
  const { browser, cleanup } = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(pageUrl('plans/sendai-compliance-r7/index.html'));
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ text: document.activeElement.textContent, cls: document.activeElement.className }));
    assert.strictEqual(first.cls, 'skip-link');
    assert.strictEqual(first.text, '本文へ移動');
    // The focused skip link is on screen and has an outline.
    const style = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      const r = document.activeElement.getBoundingClientRect();
      return { outline: s.outlineStyle, width: s.outlineWidth, top: r.top };
    });
    assert.notStrictEqual(style.outline, 'none');
    assert.ok(parseFloat(style.width) >= 2, `focus outline ${style.width}`);
    assert.ok(style.top >= 0, 'skip link is visible when focused');
    await page.keyboard.press('Enter');
    assert.strictEqual(await page.evaluate(() => document.activeElement.id), 'main');

    // The items table is wider than a phone: its region takes focus and scrolls with the arrow keys.
    const region = page.locator('.table-scroll:has(table.items)');
    await region.focus();
    assert.strictEqual(await region.evaluate((el) => el === document.activeElement), true);
    const before = await region.evaluate((el) => el.scrollLeft);
    assert.ok(await region.evaluate((el) => el.scrollWidth > el.clientWidth), 'table is wider than the screen');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    // Chromium scrolls smoothly: the position grows over several frames after the key presses. Wait for
    // the region to have scrolled (the test fails on the timeout if it never does) instead of reading the
    // position once while the animation may not have started.
    const handle = await region.elementHandle();
    await page.waitForFunction(([el, start]) => el.scrollLeft > start, [handle, before], { timeout: 10000 });
    assert.ok(await region.evaluate((el) => el.scrollLeft) > before, 'arrow keys scroll the table');

    // Every link of an item page can be reached with Tab (no keyboard trap, nothing unreachable).
    await page.goto(pageUrl('plans/sendai-hr-2/items/34.html'));
    const linkCount = await page.evaluate(() => document.querySelectorAll('a[href], [tabindex="0"]').length);
    const seen = new Set();
    for (let i = 0; i < linkCount + 5; i++) {
      await page.keyboard.press('Tab');
      seen.add(await page.evaluate(() => { const a = document.activeElement; return a.outerHTML.slice(0, 120); }));
    }
    assert.ok(seen.size >= linkCount, `reached ${seen.size} of ${linkCount} focusable elements`);
  } finally {
    await cleanup();
  }
});
