// The PDFs through the real binary on the real content (content/, five plans), read back with poppler and
// qpdf: fonts embedded as subsets, A4 pages and the title, every item's name and field value present,
// no line starting with a character JLREQ forbids there, bookmarks, links to the web pages, identical
// bytes from two builds, dates only with SOURCE_DATE_EPOCH, and the font errors.
// Run by ctest with PLANPRESS (the binary) and PLANPRESS_SOURCE (the repository) set.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const planpress = process.env.PLANPRESS;
const root = process.env.PLANPRESS_SOURCE;
assert.ok(planpress && root, 'PLANPRESS and PLANPRESS_SOURCE must be set');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planpress-pdf-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function env(extra = {}) {
  const e = { ...process.env, ...extra };
  if (!('SOURCE_DATE_EPOCH' in extra)) delete e.SOURCE_DATE_EPOCH;
  return e;
}

function build(out, { content = path.join(root, 'content'), extraEnv = {} } = {}) {
  return spawnSync(planpress, ['build', '-q', '-j', '2', '--content', content, '--templates', path.join(root, 'templates'), '--out', out],
    { env: env(extraEnv), encoding: 'utf8' });
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.strictEqual(r.status, 0, `${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

const noSpace = (s) => s.replace(/\s+/gu, '');

// `needle` occurs in `hay` in order, in at most a few pieces: a value whose table row or card is split
// between pages comes back from pdftotext in pieces with the page's header, footer, the repeated table
// header and the row's other cells in between. The first piece is tried at every place where the value's
// beginning occurs (the same sentence may open several items); later pieces are the longest prefixes of
// what remains, found after the previous piece. Every piece but a last single character has two or more.
function containsInPieces(hay, needle, maxPieces = 6) {
  if (needle.length === 0 || hay.includes(needle)) return true;
  const head = needle.slice(0, Math.min(4, needle.length));
  for (let start = hay.indexOf(head); start >= 0; start = hay.indexOf(head, start + 1)) {
    let n = 0;
    while (n < needle.length && start + n < hay.length && hay[start + n] === needle[n]) n++;
    let pos = start + n;
    let rest = needle.slice(n);
    let pieces = 1;
    let ok = true;
    while (rest.length > 0 && ok) {
      if (pieces++ >= maxPieces) { ok = false; break; }
      let lo = 1, hi = rest.length, best = 0, bestAt = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const at = hay.indexOf(rest.slice(0, mid), pos);
        if (at >= 0) { best = mid; bestAt = at; lo = mid + 1; } else { hi = mid - 1; }
      }
      if (best === 0 || best < Math.min(2, rest.length)) { ok = false; break; }
      pos = bestAt + best;
      rest = rest.slice(best);
    }
    if (ok) return true;
  }
  return false;
}

// Every printed value of an item (and of its sub-items): the name, and each field's text.
function itemValues(item) {
  const values = [];
  const entry = (e, what) => {
    values.push([`${what} name`, e.name]);
    for (const [key, v] of Object.entries(e.fields || {})) {
      const add = (s) => { if (typeof s === 'string' && s.length) values.push([`${what} field ${key}`, s]); };
      if (typeof v === 'string') add(v);
      else if (Array.isArray(v)) {
        for (const x of v) {
          if (typeof x === 'string') add(x);
          else if (x && typeof x === 'object') {
            // A schedule row ({label, from, to, text, group}): its time and its text are separate cells;
            // a list entry ({label, text}): the label hangs before the text.
            if ('from' in x || 'to' in x || 'group' in x || !('label' in x)) { add(x.label); add(x.text); add(x.group); }
            else add(x.label + x.text);
          }
        }
      }
    }
  };
  entry(item, `item '${item.id}'`);
  (item.sub_items || []).forEach((s, i) => entry(s, `item '${item.id}' sub-item ${i + 1}`));
  return values;
}

// JLREQ: characters that may not start a line (cl-02 to cl-11, with ～ and －).
const FORBIDDEN_START = new Set([...'’”)〕]}〉》」』】〙〗〟｠»）］｝｣、，,。．｡､‐゠–〜～－?!‼⁇⁈⁉？！・:;：；･.ヽヾゝゞ々〻ーｰぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶｧｨｩｪｫｬｭｮｯ']);

// Where a paragraph of the content itself starts with such a character (a bullet ・, a list label), a line
// may start with it: collect the starts of every paragraph of the export and the Markdown files.
function paragraphStarts(plan, dir) {
  const starts = new Set();
  const add = (s) => { const t = noSpace(s); if (t) starts.add(t.slice(0, 6)); };
  const walk = (v) => {
    if (typeof v === 'string') v.split('\n').forEach(add);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof v.label === 'string' && typeof v.text === 'string') add(v.label + v.text);
      Object.values(v).forEach(walk);
    }
  };
  walk(plan);
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    for (let line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      line = line.replace(/^\s*(#+|>|[-*+]|\d+\.)\s+/u, (m) => (/[-*+]/u.test(m.trim()) ? '・' : ''));
      line.split('|').forEach(add);
    }
  }
  return starts;
}

const first = path.join(tmp, 'first');
const second = path.join(tmp, 'second');
const built = build(first);
const catalog = built.status === 0 ? JSON.parse(fs.readFileSync(path.join(first, 'data', 'catalog.json'), 'utf8')) : { plans: [] };

test('the real content builds, with a PDF for every plan', () => {
  assert.strictEqual(built.status, 0, built.stderr);
  assert.strictEqual(catalog.plans.length, 5);
  for (const p of catalog.plans) {
    assert.strictEqual(p.pdf, `pdf/${p.id}.pdf`);
    assert.ok(fs.statSync(path.join(first, p.pdf)).size > 10000, `${p.pdf} is missing or tiny`);
  }
});

test('two builds give byte-identical PDFs', () => {
  const again = build(second);
  assert.strictEqual(again.status, 0, again.stderr);
  for (const p of catalog.plans) {
    const a = fs.readFileSync(path.join(first, p.pdf));
    const b = fs.readFileSync(path.join(second, p.pdf));
    assert.ok(a.equals(b), `${p.pdf} differs between two builds`);
  }
});

for (const p of catalog.plans) {
  const pdf = path.join(first, p.pdf);
  const data = () => JSON.parse(fs.readFileSync(path.join(first, 'data', `${p.id}.json`), 'utf8'));

  test(`${p.id}: every font is embedded as a subset`, () => {
    const lines = run('pdffonts', [pdf]).split('\n').slice(2).filter((l) => l.trim());
    assert.ok(lines.length >= 2, 'expected the Mincho and Gothic fonts');
    for (const l of lines) {
      const cols = l.trim().split(/\s+/u);
      // name type… encoding emb sub uni object ID: emb and sub are the 5th and 4th columns from the end.
      assert.strictEqual(cols[cols.length - 5], 'yes', `not embedded: ${l}`);
      assert.strictEqual(cols[cols.length - 4], 'yes', `not a subset: ${l}`);
      assert.match(cols[0], /^[A-Z]{6}\+/u, `no subset tag: ${l}`);
    }
  });

  test(`${p.id}: pdftotext and pdffonts read it without a warning, and the text is what was drawn`, () => {
    // A ToUnicode CMap that is not a bfchar/bfrange map (libharu writes a CID range there) makes poppler
    // warn once per font and page and guess the text; a copy, a search or a screen reader would then
    // depend on the reader's guess.
    for (const [cmd, args] of [['pdftotext', ['-enc', 'UTF-8', pdf, '-']], ['pdffonts', [pdf]]]) {
      const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      assert.strictEqual(r.status, 0, `${cmd} failed`);
      assert.strictEqual(r.stderr, '', `${cmd} warns about ${p.pdf}`);
    }
    const fonts = run('pdffonts', [pdf]).split('\n').slice(2).filter((l) => l.trim());
    for (const l of fonts) assert.strictEqual(l.trim().split(/\s+/u).at(-3), 'yes', `no usable ToUnicode map: ${l}`);
    // The title as drawn on the cover comes back character for character (no space inserted, none lost).
    const cover = run('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', pdf, '-']);
    assert.ok(noSpace(cover).includes(noSpace(p.title)), `the title is not on the cover: ${cover}`);
  });

  test(`${p.id}: A4 pages and the plan's title`, () => {
    const info = run('pdfinfo', [pdf]);
    assert.match(info, new RegExp(`^Title:\\s+${p.title.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}$`, 'mu'));
    assert.match(info, /^Author:\s+\S/mu);
    assert.doesNotMatch(info, /^CreationDate:/mu, 'a date without SOURCE_DATE_EPOCH');
    const pages = Number(/^Pages:\s+(\d+)/mu.exec(info)[1]);
    const sizes = run('pdfinfo', ['-f', '1', '-l', String(pages), pdf]).match(/^Page\s+\d+ size:.*$/gmu);
    assert.strictEqual(sizes.length, pages);
    for (const s of sizes) assert.match(s, /(595\.28 x 841\.89|841\.89 x 595\.28) pts/u, s);
  });

  test(`${p.id}: every item's name and field value is in the text`, () => {
    // -raw keeps the content-stream order, in which every table cell is drawn as one piece.
    const text = noSpace(run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']));
    const missing = [];
    let checked = 0;
    for (const item of data().items) {
      for (const [what, value] of itemValues(item)) {
        checked++;
        if (!containsInPieces(text, noSpace(value))) missing.push(`${what}: ${value.slice(0, 60)}`);
      }
    }
    assert.ok(checked > 20, `only ${checked} values checked`);
    assert.deepStrictEqual(missing, [], `values missing from ${p.pdf}`);
  });

  test(`${p.id}: no line starts with a character JLREQ forbids at a line start`, () => {
    const starts = paragraphStarts(data(), path.join(root, 'content', 'plans', p.id));
    const bad = [];
    for (const raw of run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']).split(/\n|\f/u)) {
      const line = raw.trim();
      if (!line || !FORBIDDEN_START.has([...line][0])) continue;
      const key = noSpace(line);
      const ok = [...starts].some((s) => key.startsWith(s.slice(0, Math.min(s.length, key.length))) || s.startsWith(key.slice(0, 6)));
      if (!ok) bad.push(line.slice(0, 40));
    }
    assert.deepStrictEqual(bad, [], 'lines starting with a forbidden character');
  });

  test(`${p.id}: nothing is clipped: all text inside the page's margins`, () => {
    // The margins of content/site.json, in points; the running header sits above the top margin and
    // the page number below the bottom one.
    const site = JSON.parse(fs.readFileSync(path.join(root, 'content', 'site.json'), 'utf8'));
    const mm = (v) => (v ?? 20) * 72 / 25.4;
    const m = site.pdf.margins_mm;
    const [top, bottom, left, right] = [mm(m.top), mm(m.bottom), mm(m.left), mm(m.right)];
    const html = run('pdftotext', ['-bbox', pdf, '-']);
    const bad = [];
    html.split('<page ').slice(1).forEach((page, i) => {
      const w = Number(/width="([\d.]+)"/u.exec(page)[1]);
      const h = Number(/height="([\d.]+)"/u.exec(page)[1]);
      for (const mt of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu)) {
        const [x0, y0, x1, y1] = mt.slice(1, 5).map(Number);
        const word = mt[5];
        const outside = x0 < left - 1 || x1 > w - right + 1;
        const acrossTop = y0 < top - 1 && y1 > top + 1;
        const belowBottom = y1 > h - bottom + 1 && !/^[-\d]+$/u.test(word);
        if (outside || acrossTop || belowBottom) bad.push(`page ${i + 1}: ${word} (${Math.round(x0)},${Math.round(y0)})`);
      }
    });
    assert.deepStrictEqual(bad.slice(0, 10), [], 'text outside the content area');
  });

  test(`${p.id}: the table of contents gives the pages the bookmarks lead to`, () => {
    const json = JSON.parse(run('qpdf', ['--json', pdf]));
    const entries = [];
    const walk = (list) => list.forEach((o) => { entries.push({ title: noSpace(o.title), page: o.destpageposfrom1 }); walk(o.kids || []); });
    walk(json.outlines);
    const lines = run('pdftotext', ['-layout', '-f', '2', '-l', '3', pdf, '-']).split('\n')
      .map((l) => /^\s*(\S.*?)\s{2,}(\d+)\s*$/u.exec(l)).filter(Boolean);
    let matched = 0;
    for (const [, title, page] of lines) {
      const key = noSpace(title);
      const candidates = entries.filter((e) => e.title === key || (key.length >= 4 && e.title.endsWith(key)));
      if (candidates.length === 0) continue;
      matched++;
      assert.ok(candidates.some((e) => e.page === Number(page)), `目次: 「${title}」 says page ${page}, the bookmark leads to ${candidates.map((e) => e.page).join(', ')}`);
    }
    assert.ok(matched >= 4, `only ${matched} table-of-contents lines matched a bookmark`);
  });

  test(`${p.id}: bookmarks, and links that work where the PDF is read: in a folder of the PDFs, with no site`, () => {
    const json = JSON.parse(run('qpdf', ['--json', pdf]));
    assert.ok(Array.isArray(json.outlines) && json.outlines.length >= 3, 'no outline (bookmarks)');
    const titles = json.outlines.map((o) => o.title);
    assert.ok(titles.includes('目次') && titles.includes('表紙'), `outline: ${titles.join(', ')}`);
    // content/site.json gives no base_url: no link may lead to a web page by a relative path, which is dead
    // once the PDF is mailed; links to other plans open their PDF beside this one at a named destination.
    const { uris, remote } = actionsOf(json);
    assert.deepStrictEqual(uris.filter((u) => !/^(https?:|mailto:)/u.test(u)), [], 'relative URI links');
    for (const r of remote) {
      assert.match(r.file, /^[a-z0-9-]+\.pdf$/u, `GoToR to ${r.file}`);
      assert.ok(fs.existsSync(path.join(first, 'pdf', r.file)), `GoToR to a PDF that is not beside this one: ${r.file}`);
      if (r.dest) assert.ok(destsOf(path.join(first, 'pdf', r.file)).has(r.dest), `${r.file} has no destination ${r.dest}`);
    }
    // Every anchor is a named destination (another PDF can open this one at any item).
    const dests = destsOf(pdf);
    for (const item of data().items) assert.ok(dests.has(`item-${item.id}`), `no named destination item-${item.id}`);
    assert.doesNotMatch(run('pdftotext', ['-f', '1', '-l', '1', pdf, '-']), /plans\//u, 'the cover prints a path of the site');
  });
}

// The link actions of a PDF (qpdf --json): URI actions and remote go-to actions (file, named destination).
function actionsOf(json) {
  const uris = [];
  const remote = [];
  for (const o of Object.values(json.qpdf[1])) {
    const a = o && o.value && o.value['/A'];
    if (!a || typeof a !== 'object') continue;
    if (a['/S'] === '/URI') uris.push(String(a['/URI']).replace(/^u:/u, ''));
    if (a['/S'] === '/GoToR') remote.push({ file: String(a['/F']).replace(/^u:/u, ''), dest: typeof a['/D'] === 'string' ? a['/D'].replace(/^\//u, '') : '' });
  }
  return { uris, remote };
}

// The named destinations of a PDF (the catalog's /Dests).
const destCache = new Map();
function destsOf(file) {
  if (!destCache.has(file)) {
    const json = JSON.parse(run('qpdf', ['--json', file]));
    const names = new Set();
    for (const o of Object.values(json.qpdf[1])) {
      const d = o && o.value && o.value['/Dests'];
      if (d && typeof d === 'object') for (const k of Object.keys(d)) names.add(k.replace(/^\//u, ''));
    }
    destCache.set(file, names);
  }
  return destCache.get(file);
}

test('with base_url, links to other plans and to the web pages are absolute, and the cover gives the address', () => {
  const base = 'https://www.example.jp/keikaku/';
  const content = contentCopy('base-url', (s) => { s.base_url = base; });
  const out = path.join(tmp, 'base-url-out');
  const r = build(out, { content });
  assert.strictEqual(r.status, 0, r.stderr);
  const pdf = path.join(out, 'pdf', 'sendai-hr-2.pdf');
  const { uris, remote } = actionsOf(JSON.parse(run('qpdf', ['--json', pdf])));
  assert.deepStrictEqual(remote, [], 'remote go-to links although the site has an address');
  assert.ok(uris.length > 20, `only ${uris.length} URI links`);
  for (const u of uris) assert.ok(u.startsWith(base), `not absolute under base_url: ${u}`);
  assert.ok(uris.some((u) => u.startsWith(`${base}plans/sendai-compliance-r7/items/`)), 'no link to another plan\'s item page');
  assert.ok(uris.includes(`${base}plans/sendai-hr-2/index.html`), 'no link to the plan\'s own web page');
  assert.match(noSpace(run('pdftotext', ['-f', '1', '-l', '1', pdf, '-'])), /https:\/\/www\.example\.jp\/keikaku\/plans\/sendai-hr-2\/index\.html/u);
});

test('the HTML pages link the PDFs', () => {
  for (const p of catalog.plans) {
    const html = fs.readFileSync(path.join(first, 'plans', p.id, 'index.html'), 'utf8');
    assert.ok(html.includes(`../../pdf/${p.id}.pdf`), `plans/${p.id}/index.html does not link its PDF`);
  }
  assert.ok(fs.readFileSync(path.join(first, 'index.html'), 'utf8').includes('pdf/sendai-hr-2.pdf'));
});

test('SOURCE_DATE_EPOCH dates the PDFs', () => {
  const out = path.join(tmp, 'dated');
  const r = build(out, { extraEnv: { SOURCE_DATE_EPOCH: '1700000000' } });
  assert.strictEqual(r.status, 0, r.stderr);
  const info = run('pdfinfo', ['-isodates', path.join(out, 'pdf', 'sendai-hr-2.pdf')]);
  assert.match(info, /^CreationDate:\s+2023-11-14T22:13:20/mu);
  assert.match(info, /^ModDate:\s+2023-11-14T22:13:20/mu);
});

function contentCopy(name, edit) {
  const dir = path.join(tmp, name);
  fs.cpSync(path.join(root, 'content'), dir, { recursive: true });
  const sitePath = path.join(dir, 'site.json');
  const site = JSON.parse(fs.readFileSync(sitePath, 'utf8'));
  edit(site);
  fs.writeFileSync(sitePath, JSON.stringify(site, null, 2));
  return dir;
}

test('a missing font file is an environment error (exit status 4) and output/ stays as it was', () => {
  const content = contentCopy('no-font', (s) => { s.pdf.fonts.mincho = '/nonexistent/ipaexm.ttf'; });
  const out = path.join(tmp, 'kept');
  assert.strictEqual(build(out).status, 0);
  const before = fs.readFileSync(path.join(out, 'data', 'catalog.json'));
  const r = build(out, { content });
  assert.strictEqual(r.status, 4, r.stderr);
  assert.match(r.stderr, /\/nonexistent\/ipaexm\.ttf/u);
  assert.match(r.stderr, /\[font-missing\]/u);
  assert.ok(fs.readFileSync(path.join(out, 'data', 'catalog.json')).equals(before));
});

test('a character no font has is an error naming the plan, item and field', () => {
  const content = contentCopy('no-fallback', (s) => { delete s.pdf.fonts.fallback; });
  const r = build(path.join(tmp, 'no-fallback-out'), { content });
  assert.strictEqual(r.status, 1, r.stderr);
  assert.match(r.stderr, /plan\.json:\d+:\d+: error: 計画「sendai-compliance-r7」、項目「20」、欄「実績」（results）の文字「发」（U\+53D1）は、PDF のどのフォント/u);
  assert.match(r.stderr, /\[pdf-missing-glyph\]/u);
  assert.match(r.stderr, /^hint: /mu);
});
