// The web charts as Chromium draws them: on every plan page, every chart's value labels measured with
// getBBox() (the browser's own font, not the writer's estimate) cover no other label, no mark and no bar,
// are crossed by no line, and stay inside the chart and off the axes; no mark covers another (a target of
// 90 beside an actual 83.7); a share's axis ends at 100 % at most.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { siteDir, pageUrl, launch } = require('./lib/browser');

// Everything inside each chart of the page, in the SVG's user units.
function readCharts() {
  const box = (e) => {
    const b = e.getBBox();
    const stroke = Number(e.getAttribute('stroke-width') || 0) / 2;
    return { x: b.x - stroke, y: b.y - stroke, w: b.width + 2 * stroke, h: b.height + 2 * stroke };
  };
  return [...document.querySelectorAll('svg.chart-svg')].map((svg) => ({
    id: svg.getAttribute('aria-labelledby'),
    unit: [...svg.querySelectorAll('text')].map((t) => t.textContent).find((s) => /^（.*）$/u.test(s)) || '',
    ticks: [...svg.querySelectorAll('text.tick')].map((t) => Number(t.textContent)),
    labels: [...svg.querySelectorAll('text.value')].map((t) => ({ text: t.textContent, ...box(t) })),
    marks: [...svg.querySelectorAll('.mark')].map(box),
    bars: [...svg.querySelectorAll('.bar')].map(box),
    segments: [...svg.querySelectorAll('polyline.line, polyline.way')].flatMap((l) => {
      const pts = l.getAttribute('points').trim().split(/\s+/u).map((p) => p.split(',').map(Number));
      return pts.slice(1).map((p, i) => [...pts[i], ...p]);
    }),
  }));
}

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

// Liang–Barsky: does the segment pass through the rectangle's inside?
function crosses(r, [ax, ay, bx, by]) {
  let t0 = 0, t1 = 1;
  const dx = bx - ax, dy = by - ay;
  const p = [-dx, dx, -dy, dy], q = [ax - r.x, r.x + r.w - ax, ay - r.y, r.y + r.h - ay];
  for (let i = 0; i < 4; i++) {
    if (Math.abs(p[i]) < 1e-12) { if (q[i] <= 0) return false; continue; }
    const t = q[i] / p[i];
    if (p[i] < 0) t0 = Math.max(t0, t); else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return (t1 - t0) * Math.hypot(dx, dy) > 1e-6;
}

// The plot of the 640 × 300 chart (site/charts.cpp).
const PLOT = { x: 64, y: 44, w: 512, h: 212 };

function collisions(c) {
  const out = [];
  c.labels.forEach((l, i) => {
    const who = `label ${l.text}`;
    c.labels.slice(i + 1).forEach((o) => { if (overlaps(l, o)) out.push(`${who} covers label ${o.text}`); });
    if (c.marks.some((m) => overlaps(l, m))) out.push(`${who} covers a mark`);
    if (c.bars.some((b) => overlaps(l, b))) out.push(`${who} covers a bar`);
    if (c.segments.some((s) => crosses(l, s))) out.push(`${who} is crossed by a line`);
    if (l.x < PLOT.x || l.x + l.w > 640 || l.y < 0 || l.y + l.h > PLOT.y + PLOT.h) out.push(`${who} stands outside the chart or over an axis`);
  });
  c.marks.forEach((m, i) => c.marks.slice(i + 1).forEach((o) => { if (overlaps(m, o)) out.push('two marks cover each other'); }));
  return out;
}

test('no value label, mark, bar or line of any chart covers another, as Chromium draws them', async () => {
  const { browser, cleanup } = await launch();
  const problems = [];
  let charts = 0, labels = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const plan of fs.readdirSync(path.join(siteDir(), 'plans')).sort()) {
      await page.goto(pageUrl(`plans/${plan}/index.html`));
      for (const c of await page.evaluate(readCharts)) {
        charts++;
        labels += c.labels.length;
        for (const p of collisions(c)) problems.push(`${plan} ${c.id}: ${p}`);
        if (/[％%]/u.test(c.unit)) assert.ok(Math.max(...c.ticks) <= 100, `${plan} ${c.id}: a share's axis runs to ${Math.max(...c.ticks)}`);
      }
    }
  } finally {
    await cleanup();
  }
  assert.ok(charts >= 20, `only ${charts} charts found`);
  assert.ok(labels >= 100, `only ${labels} value labels found`);
  assert.deepStrictEqual(problems, []);
});
