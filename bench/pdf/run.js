#!/usr/bin/env node
// The PDF benchmark: PDF generation for every real plan and for synthetic plans of 100 and 500 items.
//   node bench/pdf/run.js [PLANPRESS] [RUNS]     (defaults: build/planpress, 5)
// Each configuration is built RUNS times with `planpress build --timings -j 1` under /usr/bin/time -v;
// the table gives medians: per plan the layout and write times of its PDF (wall, from --timings), the
// CPU time of the thread that made it (robust on a shared machine), pages and pages per CPU second; per
// build the wall and CPU time and the peak resident memory of the whole process (site, data export and
// PDFs together). Prints Markdown; bench/pdf/results.md keeps a run with its machine.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const planpress = path.resolve(process.argv[2] || path.join(root, 'build', 'planpress'));
const runs = Number(process.argv[3] || 5);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planpress-bench-'));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };

function build(content, jobs = 1) {
  const out = path.join(tmp, 'out');
  const env = { ...process.env };
  delete env.SOURCE_DATE_EPOCH;
  const r = spawnSync('/usr/bin/time', ['-v', planpress, 'build', '-q', '--timings', '-j', String(jobs), '--content', content,
    '--templates', path.join(root, 'templates'), '--out', out], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  const pdfs = {};
  for (const m of r.stderr.matchAll(/^timings: pdf (\S+): (\d+) pages, (\d+) bytes, layout ([\d.]+) ms, write ([\d.]+) ms, cpu ([\d.]+) ms$/gmu))
    pdfs[m[1]] = { pages: Number(m[2]), bytes: Number(m[3]), layout: Number(m[4]), write: Number(m[5]), cpu: Number(m[6]) };
  const fontsMs = Number(/fonts ([\d.]+) ms/u.exec(r.stderr)[1]);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/u.exec(r.stderr);
  const seconds = Number(wall[1] || 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/u.exec(r.stderr)[1]);
  const cpuSeconds = Number(/User time \(seconds\): ([\d.]+)/u.exec(r.stderr)[1]) + Number(/System time \(seconds\): ([\d.]+)/u.exec(r.stderr)[1]);
  return { pdfs, fontsMs, seconds, cpuSeconds, rssKb };
}

function measure(content, jobs = 1) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(build(content, jobs));
  const plans = Object.keys(results[0].pdfs);
  const perPlan = plans.map((id) => {
    const layout = median(results.map((r) => r.pdfs[id].layout));
    const write = median(results.map((r) => r.pdfs[id].write));
    const total = median(results.map((r) => r.pdfs[id].layout + r.pdfs[id].write));
    const cpu = median(results.map((r) => r.pdfs[id].cpu));
    const { pages, bytes } = results[0].pdfs[id];
    return { id, pages, bytes, layout, write, total, cpu, pps: pages / (cpu / 1000) };
  });
  return { perPlan, fontsMs: median(results.map((r) => r.fontsMs)), seconds: median(results.map((r) => r.seconds)),
    cpuSeconds: median(results.map((r) => r.cpuSeconds)), rssMb: Math.max(...results.map((r) => r.rssKb)) / 1024 };
}

function synthetic(n) {
  const dir = path.join(tmp, `synthetic-${n}`);
  const r = spawnSync(process.execPath, [path.join(__dirname, 'make_synthetic.js'), dir, String(n)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return dir;
}

const f1 = (x) => x.toFixed(1);
const lines = [];
const planRow = (p) => `| ${p.id} | ${p.pages} | ${Math.round(p.bytes / 1024)} KiB | ${f1(p.layout)} | ${f1(p.write)} | ${f1(p.total)} | **${f1(p.cpu)}** | ${Math.round(p.pps)} |`;
const head = ['| plan | pages | PDF size | layout ms | write ms | wall ms | CPU ms | pages/s (CPU) |', '|---|---:|---:|---:|---:|---:|---:|---:|'];

try {
  const real = measure(path.join(root, 'content'));
  const real2 = measure(path.join(root, 'content'), 2);
  lines.push(`### Real content (5 plans), median of ${runs} runs`, '', ...head, ...real.perPlan.map(planRow));
  const pages = real.perPlan.reduce((a, p) => a + p.pages, 0);
  const total = real.perPlan.reduce((a, p) => a + p.total, 0);
  const cpu = real.perPlan.reduce((a, p) => a + p.cpu, 0);
  lines.push(`| **all 5** | ${pages} | | | | ${f1(total)} | **${f1(cpu)}** | ${Math.round(pages / (cpu / 1000))} |`, '');
  lines.push(`Whole \`planpress build\` (site, data export and the 5 PDFs, fonts read once: ${f1(real.fontsMs)} ms): ` +
    `${f1(real.seconds * 1000)} ms wall (${f1(real.cpuSeconds * 1000)} ms CPU) with -j 1, ${f1(real2.seconds * 1000)} ms wall with -j 2; ` +
    `peak memory ${f1(real.rssMb)} MiB.`, '');
  for (const n of [100, 500]) {
    const s = measure(synthetic(n));
    lines.push(`### Synthetic plan of ${n} items (bench/pdf/make_synthetic.js), median of ${runs} runs`, '', ...head, ...s.perPlan.map(planRow), '');
    lines.push(`Whole \`planpress build\` of this plan (site, data export, PDF, fonts ${f1(s.fontsMs)} ms): ${f1(s.seconds * 1000)} ms wall ` +
      `(${f1(s.cpuSeconds * 1000)} ms CPU), peak memory ${f1(s.rssMb)} MiB.`, '');
  }
  console.log(lines.join('\n'));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
