#!/usr/bin/env node
// Writes a content directory with one synthetic plan of N items for the PDF benchmark:
//   node bench/pdf/make_synthetic.js OUT_DIR N
// The plan looks like the compliance action plan (a landscape item table with nine fields, five
// categories, 参照 between items); texts are assembled deterministically from administrative phrases so
// that cells have the lengths of the real ones. Nothing generated here is committed.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const [out, nArg] = process.argv.slice(2);
if (!out || !nArg) {
  console.error('usage: make_synthetic.js OUT_DIR N');
  process.exit(2);
}
const n = Number(nArg);

let seed = 12345;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const sentence = (parts, min) => {
  let s = '';
  while ([...s].length < min) s += pick(parts);
  return s;
};

const clauses = [
  '職員の能力・実績を適正に評価し、', '人材育成に活用するとともに、', '上司・部下間の良好なコミュニケーションのもとで、',
  '職員の意欲や資質の向上を図るため、', '業務改善の優れた取組みを庁内に広く紹介し、', '各職場での取組みの促進を図る。',
  'ICT を活用した業務効率化を進め、', '受講者アンケートの結果（回答率 87.5％）を踏まえ、', '次年度も継続して取り組む予定である。',
  '「仙台市コンプライアンス推進計画（令和7年度～令和11年度）」に基づき、', '研修を実施した。', '内容を見直したうえで実施する。',
  '適正な事務執行の確保に向け、', '関係部署と連携しながら、', '周知・啓発を行った。', '職員一人ひとりの意識の浸透を図る。',
];
const targets = ['全職員（会計年度任用職員を含む）', '係長職以下の職員（約80名）', '新規採用職員（前期430名、中期約300名）', '管理監督者', '各局区の主管課長等'];
const timings = ['通年', '5～6月', '①4月、8月 ②10月', '期首5～6月 期中9～10月 期末1～3月', '随時'];
const leads = ['総務局人事課', '総務局コンプライアンス推進担当', 'まちづくり政策局行政デジタル推進課', '総務局職員研修所', '財政局契約課、会計室会計課'];

const categories = ['①', '②', '③', '④', '⑤'].map((mark, i) => ({
  id: `c${i + 1}`, number: mark, title: pick(['職場風土の醸成に資する取組み', '柔軟な働き方の支援に関する取組み', 'ハラスメントの防止に向けた取組み', '各職場で行う推進の取組み', '適正な事務執行に向けた取組み']),
  kind: '取組区分',
}));
const items = [];
for (let i = 1; i <= n; i++) {
  const item = {
    id: String(i), number: String(i), name: sentence(['研修', '制度', 'の活用', '推進', '職員', '適正事務', '意識向上', '支援'], 8 + (i % 9)),
    category: categories[Math.min(4, Math.floor((i - 1) / Math.ceil(n / 5)))].id,
    fields: {
      content: sentence(clauses, 70 + (i * 37) % 90), target: pick(targets), timing: pick(timings), lead: [pick(leads)],
      results: sentence(clauses, 60 + (i * 53) % 110), rating: pick(['○', '○', '○', '☆']),
      reason: sentence(clauses, 30 + (i * 29) % 60), direction: pick(['継続', '継続', '変更']),
    },
  };
  if (i % 5 === 0) item.fields.status = pick(['新規', '拡充']);
  if (i > 3 && i % 4 === 0) item.refs = [{ to: `#${1 + (i * 7) % (i - 1)}`, type: 'see' }];
  items.push(item);
}
const id = `synthetic-${n}`;
const plan = {
  id, title: `合成ベンチマーク計画（${n}項目）`, municipality: 'ベンチ市', kind: 'annual_plan',
  period: { from: 2025, to: 2025 },
  fields: [
    { key: 'status', label: '新規・拡充', kind: 'status', vocabulary: 'status' },
    { key: 'content', label: '内容', kind: 'text' }, { key: 'target', label: '対象', kind: 'text' },
    { key: 'timing', label: '時期', kind: 'text' }, { key: 'lead', label: '担当課', kind: 'departments' },
    { key: 'results', label: '実績', kind: 'text' }, { key: 'rating', label: '自己評価', kind: 'rating', vocabulary: 'rating' },
    { key: 'reason', label: '評価理由と次年度の方向性', kind: 'text' }, { key: 'direction', label: '次年度方向性', kind: 'text' },
  ],
  vocabularies: {
    status: { label: '新規・拡充', values: [{ value: '新規' }, { value: '拡充' }] },
    rating: { label: '自己評価', values: [{ value: '○', label: '予定通り実施した' }, { value: '☆', label: '内容を一部変更して実施した' }, { value: '×', label: '実施できなかった' }] },
  },
  presentation: { items: 'table', columns: ['status', 'target', 'timing', 'lead', 'rating', 'direction'], orientation: 'landscape',
    widths: { status: 1, target: 3, timing: 2, lead: 2.5, rating: 1, direction: 1.5 } },
  categories, items,
};
fs.mkdirSync(path.join(out, 'plans', id), { recursive: true });
fs.writeFileSync(path.join(out, 'site.json'), JSON.stringify({ title: 'ベンチマーク', organisation: 'planpress',
  pdf: { margins_mm: { top: 20, bottom: 18, left: 18, right: 18 } } }, null, 2));
fs.writeFileSync(path.join(out, 'plans', id, 'plan.json'), JSON.stringify(plan, null, 2));
