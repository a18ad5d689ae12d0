// Published and review builds of the real content (docs/content-format.md, "Published and review builds").
// The editors' notes are taken from the content itself — every note, inferred reason, source, link
// evidence, editors' description and ［編集注］ remark — and each is looked for by a fingerprint of its own
// words (16 characters that the city's words in the content never contain):
//   * the published build (the fixture build/test-site) has none of them: not in a page, a search shard,
//     the data export (JSON, CSV) or a PDF (pdftotext);
//   * a review build (built here with --review) has all of them on its pages or in its export, every
//     note in its PDFs, and says on every page, on every PDF cover and in the PDF header that it is one.
// Also: no published title or cover says 推定, and the PDFs name their city as author and on the cover.
// Run by ctest with PLANPRESS (the binary), PLANPRESS_SOURCE (the repository) and PLANPRESS_SITE set.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const planpress = process.env.PLANPRESS;
const root = process.env.PLANPRESS_SOURCE;
const published = process.env.PLANPRESS_SITE;
assert.ok(planpress && root && published, 'PLANPRESS, PLANPRESS_SOURCE and PLANPRESS_SITE must be set');
const content = path.join(root, 'content');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planpress-editions-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const REVIEW_BANNER = 'レビュー版：編集用の注記';
const noSpace = (s) => s.replace(/\s+/gu, '');

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

// ---- the content: editorial texts and the city's words ---------------------------------------------------

const EDITORIAL_KEYS = new Set(['notes', 'inferred', 'source', 'evidence', 'description']);
const MARKER = '［編集注］';

// Paragraphs (and block quotes) of Markdown that start with ［編集注］, as text, and the rest of the text.
function splitMarkdown(md) {
  const editorial = [], rest = [];
  const blocks = md.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  let inQuote = false;
  for (const block of blocks) {
    const quote = block.split('\n').every((l) => l.startsWith('>'));
    const text = quote ? block.split('\n').map((l) => l.replace(/^>\s?/, '')).join('\n') : block;
    if (text.trimStart().startsWith(MARKER)) { editorial.push(text.trimStart().slice(MARKER.length)); inQuote = quote; continue; }
    if (inQuote && quote) { editorial.push(text); continue; }  // the rest of an editorial block quote
    inQuote = false;
    rest.push(text);
  }
  return { editorial, rest };
}

// Every string of a JSON value: editorial ones (under an editorial key, or a ［編集注］ remark inside a
// Markdown string) and the others. `fieldMap`: the value is an item's `fields` object, whose keys are the
// plan's field keys (a field may be called `description`: its value is the city's words).
function collect(value, editorial, city, underEditorial = false, fieldMap = false) {
  if (typeof value === 'string') {
    if (underEditorial) { editorial.push(value); return; }
    if (value.includes(MARKER)) {
      const parts = splitMarkdown(value);
      editorial.push(...parts.editorial);
      city.push(...parts.rest);
    } else {
      city.push(value);
    }
  } else if (Array.isArray(value)) {
    value.forEach((v) => collect(v, editorial, city, underEditorial));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'lines' || k === 'page') continue;  // numbers of the extract: not words
      collect(v, editorial, city, underEditorial || (!fieldMap && EDITORIAL_KEYS.has(k)),
              k === 'fields' && v && typeof v === 'object' && !Array.isArray(v));
    }
  }
}

function contentTexts() {
  const editorial = [], city = [], notes = [];
  const plans = path.join(content, 'plans');
  for (const dir of fs.readdirSync(plans)) {
    const plan = JSON.parse(fs.readFileSync(path.join(plans, dir, 'plan.json'), 'utf8'));
    collect(plan, editorial, city);
    // The notes themselves (all of them are in `editorial` too), for the PDFs of the review build.
    (function notesOf(v) {
      if (Array.isArray(v)) v.forEach(notesOf);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if (k === 'notes' && Array.isArray(x)) x.forEach((n) => notes.push(n.text));
          else notesOf(x);
        }
    })(plan);
    for (const f of fs.readdirSync(path.join(plans, dir)).filter((f) => f.endsWith('.md'))) {
      const parts = splitMarkdown(fs.readFileSync(path.join(plans, dir, f), 'utf8'));
      editorial.push(...parts.editorial);
      city.push(...parts.rest);
    }
  }
  for (const f of ['site.json', 'documents.json']) {
    const json = JSON.parse(fs.readFileSync(path.join(content, f), 'utf8'));
    // site.json's description is the publisher's sentence for the home page: published words.
    if (f === 'site.json' && typeof json.description === 'string') { city.push(json.description); delete json.description; }
    collect(json, editorial, city);
  }
  // Joined without a separator: a window across two adjacent texts of the city (a number and its title, a
  // heading and the one under it) is the city's words too.
  return { editorial, city: noSpace(city.join('')).normalize('NFKC'), notes };
}

// A window of 16 characters of `text` (without spaces) that the city's words never contain, the one least
// like them (fewest 4-grams the city's words have: in a note that names a heading of the original and adds
// 「（抽出テキスト7行目）」, the added words); null when every window is also the city's (a note that only
// quotes the document).
function fingerprint(text, city, cityGrams) {
  const chars = Array.from(noSpace(text).normalize('NFKC'));
  let best = null, bestShared = Infinity;
  for (let i = 0; i + 16 <= chars.length; i++) {
    const w = chars.slice(i, i + 16).join('');
    if (city.includes(w)) continue;
    let shared = 0;
    for (let k = 0; k + 4 <= 16; k++) if (cityGrams.has(chars.slice(i + k, i + k + 4).join(''))) ++shared;
    if (shared < bestShared) { best = w; bestShared = shared; }
  }
  return best;
}

const texts = contentTexts();
const cityGrams = new Set();
{
  const c = Array.from(texts.city);
  for (let i = 0; i + 4 <= c.length; i++) cityGrams.add(c[i] + c[i + 1] + c[i + 2] + c[i + 3]);
}
const fingerprints = new Map();  // fingerprint → the text it stands for
for (const t of texts.editorial) {
  const f = fingerprint(t, texts.city, cityGrams);
  if (f) fingerprints.set(f, t);
}
const noteFingerprints = texts.notes.map((t) => fingerprint(t, texts.city, cityGrams)).filter(Boolean);

// ---- what a build contains -----------------------------------------------------------------------------

function decode(s) {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function pdftext(file, args = []) {
  const r = spawnSync('pdftotext', [...args, file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.strictEqual(r.status, 0, r.stderr);
  return r.stdout;
}

function pdfinfo(file) {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  return r.stdout;
}

// Texts of a built site, by kind, without white space (pages: their text; search: the stored passages).
function site(dir) {
  const files = walk(dir);
  const read = (f) => fs.readFileSync(f, 'utf8');
  const pages = files.filter((f) => f.endsWith('.html'));
  return {
    pages,
    html: noSpace(decode(pages.map((f) => read(f).replace(/<\/?(a|span|em|strong|mark|ruby|rt|rp|abbr|small|sub|sup|br|wbr)\b[^>]*>/g, '')
      .replace(/<[^>]*>/g, '\u0001')).join('\u0001'))).normalize('NFKC'),
    search: noSpace(files.filter((f) => /[\\/]search[\\/]t\d+\.js$/.test(f)).map((f) => {
      const js = read(f);
      return JSON.stringify(JSON.parse(js.slice(js.indexOf(',') + 1, js.lastIndexOf(')'))));
    }).join('\u0001')).replace(/\\"/g, '"').normalize('NFKC'),
    data: noSpace(files.filter((f) => /[\\/]data[\\/].*\.(json|csv)$/.test(f)).map((f) => {
      if (f.endsWith('.csv')) return read(f).replace(/""/g, '"');
      const strings = [];
      collect(JSON.parse(read(f)), strings, strings);
      return strings.join('\u0001');
    }).join('\u0001')).normalize('NFKC'),
    pdfs: files.filter((f) => f.endsWith('.pdf')),
  };
}

// `needle` in `hay`, whole or in two pieces with at most 300 characters between them (a page break
// puts the running header and footer into a text that continues on the next page).
function inTwoPieces(hay, needle) {
  if (hay.includes(needle)) return true;
  const chars = Array.from(needle);
  for (let k = 4; k < chars.length - 3; k++) {
    const a = chars.slice(0, k).join(''), b = chars.slice(k).join('');
    for (let at = hay.indexOf(a); at >= 0; at = hay.indexOf(a, at + 1)) {
      const next = hay.indexOf(b, at + a.length);
      if (next >= 0 && next - at - a.length <= 300) return true;
    }
  }
  return false;
}

test('the content has editorial texts to look for', () => {
  assert.ok(fingerprints.size > 300, `only ${fingerprints.size} editorial texts with a fingerprint`);
  assert.ok(noteFingerprints.length > 250, `only ${noteFingerprints.length} notes with a fingerprint`);
  // The examples are among them.
  const all = [...fingerprints.values()].join('\n');
  for (const example of ['蜀城県中岡村職員研修所', '表題は', 'l.399']) assert.ok(all.includes(example), example);
});

test('a published build has no editorial text: pages, search index, data export, PDFs', () => {
  const s = site(published);
  const pdf = noSpace(s.pdfs.map((f) => pdftext(f)).join('\u0001')).normalize('NFKC');
  const found = [];
  for (const [f, text] of fingerprints) {
    for (const [where, hay] of [['pages', s.html], ['search', s.search], ['data', s.data], ['pdf', pdf]])
      if (hay.includes(f)) found.push(`${where}: ${text.slice(0, 60)} 〔${f}〕`);
  }
  assert.deepStrictEqual(found.slice(0, 20), [], `${found.length} editorial texts published`);
  // Nor their labels, the banner or any line number of the extracted text.
  for (const [where, hay] of [['pages', s.html], ['search', s.search], ['data', s.data], ['pdf', pdf]]) {
    assert.ok(!hay.includes('レビュー版'), `${where}: review banner`);
    assert.ok(!hay.includes('編集注'), `${where}: 編集注`);
    assert.ok(!/\bl\.\d{2,4}/.test(hay), `${where}: a line number of the extracted text (${(hay.match(/.{20}\bl\.\d{2,4}.{10}/) || [''])[0]})`);
    assert.ok(!hay.includes('ANALYSIS'), `${where}: ANALYSIS`);
  }
});

test('no published title, cover or page says 推定; the PDFs name their city', () => {
  const s = site(published);
  const catalog = JSON.parse(fs.readFileSync(path.join(published, 'data', 'catalog.json'), 'utf8'));
  for (const p of catalog.plans) {
    assert.ok(!p.title.includes('推定'), p.title);
    const pdf = path.join(published, p.pdf);
    const cover = noSpace(pdftext(pdf, ['-f', '1', '-l', '1']));
    assert.ok(!cover.includes('推定'), `${p.id}: cover says 推定`);
    assert.ok(cover.includes(noSpace(p.municipality)), `${p.id}: cover names ${p.municipality}`);
    assert.match(pdfinfo(pdf), new RegExp(`^Author:\\s+${p.municipality}$`, 'm'), `${p.id}: PDF author`);
  }
  assert.ok(!s.html.includes('推定'), 'a published page says 推定');
  // 大崎市's plan gives its date (令和5年2月): 更新日 on its page and its cover.
  const osaki = noSpace(pdftext(path.join(published, 'pdf', 'osaki-jinzai-ap.pdf'), ['-f', '1', '-l', '1']));
  assert.ok(osaki.includes('令和5年2月'), 'cover date');
  const page = fs.readFileSync(path.join(published, 'plans', 'osaki-jinzai-ap', 'index.html'), 'utf8');
  assert.match(page, /<dt>更新日<\/dt><dd>令和5年2月<\/dd>/);
  // Nobody called planpress publishes anything.
  for (const f of s.pages) {
    const footer = fs.readFileSync(f, 'utf8').split('<footer')[1] || '';
    assert.ok(!/planpress/i.test(footer), `${path.relative(published, f)}: footer names planpress`);
  }
});

test('a review build has every editorial text and says on every page and PDF that it is one', () => {
  const out = path.join(tmp, 'review');
  const r = spawnSync(planpress, ['build', '-q', '-j', '2', '--review', '--content', content, '--templates', path.join(root, 'templates'),
    '--out', out], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '' } });
  assert.strictEqual(r.status, 0, r.stderr);
  const s = site(out);
  const missing = [];
  for (const [f, text] of fingerprints) if (!s.html.includes(f) && !s.data.includes(f)) missing.push(text.slice(0, 60));
  assert.deepStrictEqual(missing.slice(0, 20), [], `${missing.length} editorial texts missing from the review build`);
  for (const f of s.pages) assert.ok(fs.readFileSync(f, 'utf8').includes(REVIEW_BANNER), `${path.relative(out, f)}: no review banner`);
  const pdf = noSpace(s.pdfs.map((f) => pdftext(f)).join('\u0001')).normalize('NFKC');
  const notInPdf = noteFingerprints.filter((f) => !inTwoPieces(pdf, f));
  assert.deepStrictEqual(notInPdf.slice(0, 20), [], `${notInPdf.length} notes missing from the review PDFs`);
  for (const f of s.pdfs) {
    assert.ok(noSpace(pdftext(f, ['-f', '1', '-l', '1'])).includes(noSpace(REVIEW_BANNER)), `${path.basename(f)}: cover`);
    assert.ok(noSpace(pdftext(f, ['-f', '2', '-l', '2'])).includes('【レビュー版'), `${path.basename(f)}: running header`);
  }
});
