// The query engine (templates/assets/search/engine.js) on the index of the real content: every result
// really contains the query and every document that contains it is found (checked against the stored
// texts for random queries of 1 to 12 characters), position checks, 全角/半角, ranking, facets, passages.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { loadEngine } = require('./lib');

const { ns, loaded } = loadEngine();
const index = ns.index();

// Every stored document with its normalised passages (titles included).
let all = null;
async function corpus() {
  if (all) return all;
  const ids = Array.from({ length: index.docCount }, (_, i) => i);
  const { docs } = await ns.documents(ids);
  all = ids.map((id) => {
    const d = docs.get(id);
    return { id, title: d.title, passages: [d.title, ...d.passages.map((p) => p.text)].map((t) => ns.normalize(t)) };
  });
  return all;
}

// Documents whose stored text contains every term (the truth the index must reproduce).
async function truth(query) {
  const terms = ns.terms(query);
  return (await corpus()).filter((d) => terms.every((t) => d.passages.some((p) => p.includes(t)))).map((d) => d.id);
}

async function found(query) {
  const r = await ns.search(query);
  return Array.from(r.matches, (m) => m.doc).sort((a, b) => a - b);
}

// A small deterministic random generator (mulberry32).
function random(seed) {
  return () => {
    seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('random queries: exactly the documents whose text contains them', async () => {
  const docs = await corpus();
  const rnd = random(20250401);
  let checked = 0, positionsMattered = 0;
  for (let i = 0; i < 400; i++) {
    const d = docs[Math.floor(rnd() * docs.length)];
    const p = Array.from(d.passages[Math.floor(rnd() * d.passages.length)]);
    if (!p.length) continue;
    const length = 1 + Math.floor(rnd() * Math.min(12, p.length));
    const start = Math.floor(rnd() * (p.length - length + 1));
    const query = p.slice(start, start + length).join('');
    const want = await truth(query);
    assert.ok(want.includes(d.id));
    assert.deepStrictEqual(await found(query), want, `query ${JSON.stringify(query)}`);
    // Would bigrams without positions have found more? (then the position check did the work)
    if (length > 2) {
      const cps = Array.from(query);
      const grams = cps.slice(0, -1).map((c, k) => c + cps[k + 1]);
      const loose = docs.filter((x) => grams.every((g) => x.passages.some((t) => t.includes(g)))).length;
      if (loose > want.length) positionsMattered++;
    }
    checked++;
  }
  assert.ok(checked > 350);
  assert.ok(positionsMattered > 0, 'no query needed the position check');
});

test('compound words match inside longer words, split words only where adjacent', async () => {
  // 人材育成 occurs inside 人材育成推進計画, 人材育成基本方針 …
  const hits = await found('人材育成');
  assert.ok(hits.length > 10);
  assert.deepStrictEqual(hits, await truth('人材育成'));
  // Two terms: both anywhere in the document.
  assert.deepStrictEqual(await found('人材 研修'), await truth('人材 研修'));
  assert.ok((await found('人材 研修')).length < (await found('研修')).length);
});

test('one- and two-character queries', async () => {
  for (const q of ['塾', '研', '課', '修', '育成', '研修', 'Ｒ', 'x']) assert.deepStrictEqual(await found(q), await truth(q), q);
  assert.ok((await found('研')).length > 0);
});

test('全角 and 半角, katakana widths and letter case give the same results', async () => {
  const pairs = [['ｺﾝﾌﾟﾗｲｱﾝｽ', 'コンプライアンス'], ['ＯＪＴ', 'ojt'], ['ＩＣＴ', 'ict'], ['ＤＸ', 'dx'], ['ﾃﾞｼﾞﾀﾙ', 'デジタル'],
    ['令和６年度～令和８年度', '令和6年度〜令和8年度'], ['№24', 'No.24']];
  for (const [a, b] of pairs) {
    const x = await found(a);
    assert.ok(x.length > 0, a);
    assert.deepStrictEqual(x, await found(b), `${a} = ${b}`);
  }
});

test('a query with no results, and queries that are only white space', async () => {
  assert.deepStrictEqual(await found('存在しない語句ｘｙｚ'), []);
  assert.deepStrictEqual(await found('　 '), []);
  assert.deepStrictEqual(await found('<img src=x onerror=alert(1)>'), await truth('<img src=x onerror=alert(1)>'));
});

test('circled numbers are not digits: ③④ is not found by 34, and 34 finds only the number', async () => {
  // ③④ is printed in the real content (第２期人材育成推進計画の工程).
  const circled = await found('③④');
  assert.ok(circled.length > 0, '③④ is found');
  const digits = await found('34');
  for (const d of circled) {
    const text = (await corpus()).find((x) => x.id === d).passages.join('\n');
    if (!text.includes('34')) assert.ok(!digits.includes(d), `34 found a document that has only ③④ (${d})`);
  }
  assert.deepStrictEqual(digits, await truth('34'));
  assert.strictEqual(ns.normalize('③④'), '③④');
});

test('ranking: names above content above results; grouped by plan', async () => {
  const r = await ns.search('コンプライアンス推進員研修');
  const refined = ns.refine(r.matches, {});
  const { docs } = await ns.documents(refined.results.slice(0, 3).map((m) => m.doc));
  assert.match(docs.get(refined.results[0].doc).title, /^46\u3000コンプライアンス推進員研修$/);
  // Groups keep their results together, best group first.
  const seen = [];
  refined.results.forEach((m) => {
    const p = index.plan[m.doc];
    if (seen[seen.length - 1] !== p) { assert.ok(!seen.includes(p), 'plans interleaved'); seen.push(p); }
  });
  const w = index.weights;
  assert.ok(w[0] > w[1] && w[1] > w[2] && w[2] > w[3]);
  // A word in the name of one item and in the 実績 of others: the name comes first.
  const m = await ns.search('職員意識調査');
  const best = ns.refine(m.matches, {}).results[0];
  assert.ok(best.score >= w[0], 'a name match ranks first');
});

test('facets: counts apply every other filter; values of one facet are alternatives', async () => {
  const r = await ns.search('研修');
  const none = ns.refine(r.matches, {});
  const plans = index.plans.map((p) => p.id);
  let sum = 0;
  for (const id of plans) sum += none.counts.plan.get(id) || 0;
  assert.strictEqual(sum, none.results.length);
  const one = ns.refine(r.matches, { plan: ['sendai-compliance-r7'] });
  assert.strictEqual(one.results.length, none.counts.plan.get('sendai-compliance-r7'));
  assert.ok(one.results.every((m) => index.plans[index.plan[m.doc]].id === 'sendai-compliance-r7'));
  // The plan facet's own counts ignore the plan filter, so other plans can still be added.
  assert.strictEqual(one.counts.plan.get('sendai-hr-2'), none.counts.plan.get('sendai-hr-2'));
  const two = ns.refine(r.matches, { plan: ['sendai-compliance-r7', 'sendai-hr-2'] });
  assert.strictEqual(two.results.length, one.results.length + none.counts.plan.get('sendai-hr-2'));
  // 自己評価 exists only in the compliance plan; ○ narrows it.
  const rated = ns.refine(r.matches, { rating: ['○'] });
  assert.ok(rated.results.length > 0 && rated.results.length < one.results.length);
  assert.ok(rated.results.every((m) => index.plans[index.plan[m.doc]].id === 'sendai-compliance-r7'));
  // 新規/拡充/継続 across plans whose vocabularies spell them differently (新 / 新規).
  const fresh = ns.refine(r.matches, { status: ['新規'] });
  const freshPlans = new Set(fresh.results.map((m) => index.plans[index.plan[m.doc]].id));
  assert.ok(freshPlans.size >= 2, [...freshPlans].join());
  // Fiscal years and municipality.
  const osaki = ns.refine(r.matches, { municipality: ['大崎市'] });
  assert.ok(osaki.results.every((m) => index.plans[index.plan[m.doc]].id === 'osaki-jinzai-ap'));
  const fy = ns.refine(r.matches, { year: ['2019'] });
  assert.ok(fy.results.every((m) => index.plans[index.plan[m.doc]].id === 'sendai-keiei-r1'));
  // Facets combine.
  const both = ns.refine(r.matches, { municipality: ['仙台市'], type: ['section'] });
  assert.ok(both.results.every((m) => index.kind[m.doc] === 1 && index.plans[index.plan[m.doc]].municipality === 1));
});

test('passages: highlighted in the original text, in a window around the match', async () => {
  const text = '所属職員のｺﾝﾌﾟﾗｲｱﾝｽ意識向上、ＯＪＴの推進';
  const ranges = ns.matchRanges(text, ns.terms('コンプライアンス ojt'));
  assert.deepStrictEqual(Array.from(ranges, (r) => text.slice(r[0], r[1])), ['ｺﾝﾌﾟﾗｲｱﾝｽ', 'ＯＪＴ']);
  const long = 'あ'.repeat(300) + '研修' + 'い'.repeat(300);
  const s = ns.snippet(long, ns.matchRanges(long, ['研修']), 120);
  assert.ok(s.before && s.after);
  assert.strictEqual(s.text.length, 120);
  assert.strictEqual(s.text.slice(s.ranges[0][0], s.ranges[0][1]), '研修');
});

test('long terms look up at most 8 bigrams, always the first and the last', () => {
  assert.deepStrictEqual([...ns.coverOffsets(1)], []);
  assert.deepStrictEqual([...ns.coverOffsets(2)], [0]);
  assert.deepStrictEqual([...ns.coverOffsets(3)], [0, 1]);
  assert.deepStrictEqual([...ns.coverOffsets(6)], [0, 2, 4]);
  assert.deepStrictEqual([...ns.coverOffsets(7)], [0, 2, 4, 5]);
  const o = ns.coverOffsets(40);
  assert.strictEqual(o.length, 8);
  assert.strictEqual(o[0], 0);
  assert.strictEqual(o[7], 38);
});

test('a query loads only the shards of its keys: document lists, then positions or texts to check them', async () => {
  const fresh = loadEngine();
  const two = await fresh.ns.search('職員');  // one bigram: its document list decides
  assert.strictEqual(two.files.length, 1, two.files.join());
  assert.match(two.files[0], /^k/);
  const four = await fresh.ns.search('庁内啓発');  // two bigrams, then their positions (or the texts of the few candidates)
  assert.ok(four.files.length <= 4, four.files.join());
  assert.ok(four.files.filter((f) => /^k/.test(f)).length <= 2);
  assert.strictEqual(fresh.loaded.length, two.files.length + four.files.length);
});

test('the warm-up loads nothing and leaves nothing behind', async () => {
  const fresh = loadEngine();
  assert.strictEqual(fresh.ns.warmUp(), true);
  assert.strictEqual(fresh.loaded.length, 0);
  const r = await fresh.ns.search(String.fromCodePoint(0xE000, 0xE001, 0xE002, 0xE000));
  assert.strictEqual(r.matches.length, 0);
  assert.deepStrictEqual(Array.from((await fresh.ns.search('人材育成')).matches, (m) => m.doc), await truth('人材育成'));
});
