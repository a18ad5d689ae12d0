// Query-time normalisation (templates/assets/search/normalize.js) equals build-time normalisation
// (generator/search/normalize.cpp): on the shared case table, on every code point assigned in the build's
// Unicode version, and on every passage of the real content (PLANPRESS_SEARCH_DUMP, written by search_dump).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const { loadEngine, readCases } = require('./lib');

const { ns } = loadEngine();

function dump() {
  const file = process.env.PLANPRESS_SEARCH_DUMP;
  if (!file || !fs.existsSync(file)) throw new Error('set PLANPRESS_SEARCH_DUMP to the output of `search_dump dump content`');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

test('the shared case table (also run in C++)', () => {
  const cases = readCases();
  assert.ok(cases.length >= 40);
  for (const c of cases) {
    assert.strictEqual(ns.normalize(c.input), c.expected, `normalization_cases.tsv:${c.line} ${c.note}`);
    assert.strictEqual(ns.normalize(c.expected), c.expected, `normalization_cases.tsv:${c.line} is stable`);
  }
});

test('every assigned code point normalises as in C++', () => {
  const d = dump();
  const changed = new Map(d.changed.map(([cp, n]) => [cp, n]));
  const mismatches = [];
  let checked = 0;
  for (const [from, to] of d.assigned) {
    for (let cp = from; cp <= to; cp++) {
      const s = String.fromCodePoint(cp);
      const want = changed.has(cp) ? changed.get(cp) : s;
      const got = ns.normalize(s);
      checked++;
      if (got !== want) mismatches.push(`U+${cp.toString(16).toUpperCase()}: js ${JSON.stringify(got)} c++ ${JSON.stringify(want)}`);
    }
  }
  assert.ok(checked > 100000, `only ${checked} code points`);
  assert.deepStrictEqual(mismatches.slice(0, 20), [], `${mismatches.length} of ${checked} code points differ (Unicode ${d.unicode} at build time)`);
});

test('every passage of the real content normalises as in C++', () => {
  const d = dump();
  assert.ok(d.passages.length > 1000);
  const chars = new Set();
  for (const [text, want] of d.passages) {
    assert.strictEqual(ns.normalize(text), want, text.slice(0, 80));
    for (const c of text) chars.add(c);
  }
  // And each character of the content on its own (in and out of context).
  for (const c of chars) {
    const want = d.changed.find(([cp]) => cp === c.codePointAt(0));
    assert.strictEqual(ns.normalize(c), want ? want[1] : c, `U+${c.codePointAt(0).toString(16)}`);
  }
});

test('the offset map leads back to the text as printed', () => {
  const text = 'ｺﾝﾌﾟﾗｲｱﾝｽ　推進員№４６（ＯＪＴ）';
  const n = ns.normalizeWithMap(text);
  assert.strictEqual(n.text, 'コンプライアンス推進員no.46(ojt)');
  assert.strictEqual(n.begin.length, n.text.length);
  const original = (from, to) => text.slice(n.begin[from], n.end[to - 1]);
  assert.strictEqual(original(2, 3), 'ﾌﾟ');
  assert.strictEqual(original(0, 8), 'ｺﾝﾌﾟﾗｲｱﾝｽ');
  assert.strictEqual(original(8, 11), '推進員');
  assert.strictEqual(original(11, 14), '№');
  assert.strictEqual(original(16, 21), '（ＯＪＴ）');
  // Outside the BMP: one code point, two UTF-16 units, both mapped.
  const wide = ns.normalizeWithMap('𠮟る');
  assert.strictEqual(wide.text, '𠮟る');
  assert.deepStrictEqual([...wide.begin], [0, 0, 2]);
  assert.deepStrictEqual([...wide.end], [2, 2, 3]);
});

test('queries split into terms on any white space', () => {
  assert.deepStrictEqual([...ns.terms('人材　育成 ＯＪＴ\t研修 研修')], ['人材', '育成', 'ojt', '研修']);
  assert.deepStrictEqual([...ns.terms('  　')], []);
});
