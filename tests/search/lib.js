// Helpers of the node tests of search: the browser scripts loaded into node, the index of the site built
// for the tests (PLANPRESS_SITE), and the case table shared with the C++ unit test.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const repo = path.resolve(__dirname, '../..');

/** The built site the tests read (ctest builds the real content into build/test-site). */
function siteDir() {
  const dir = process.env.PLANPRESS_SITE || path.join(repo, 'output');
  if (!fs.existsSync(path.join(dir, 'search', 'index.js'))) throw new Error(`no built site with search/ at ${dir} (set PLANPRESS_SITE)`);
  return dir;
}

/** The data search/index.js passes to planpressSearch.setIndex. */
function indexData() {
  let data = null;
  vm.runInNewContext(fs.readFileSync(path.join(siteDir(), 'search', 'index.js'), 'utf8'),
    { planpressSearch: { setIndex: (d) => { data = d; } } });
  return data;
}

/**
 * A fresh planpressSearch (normalize.js + engine.js) in its own context, with the site's index loaded and
 * shard files read from disk instead of <script> elements.
 */
function loadEngine() {
  const context = vm.createContext({ console });
  context.globalThis = context;
  for (const file of ['normalize.js', 'engine.js']) {
    const p = path.join(repo, 'templates', 'assets', 'search', file);
    vm.runInContext(fs.readFileSync(p, 'utf8'), context, { filename: p });
  }
  const ns = context.planpressSearch;
  const dir = path.join(siteDir(), 'search') + path.sep;
  const loaded = [];
  ns.loadScript = (url) => {
    loaded.push(url);
    vm.runInContext(fs.readFileSync(url, 'utf8'), context, { filename: url });
    return Promise.resolve();
  };
  ns.setBaseUrl(dir);
  vm.runInContext(fs.readFileSync(dir + 'index.js', 'utf8'), context);
  return { ns, loaded };
}

/** tests/search/normalization_cases.tsv as [{line, input, expected, note}]. */
function readCases() {
  const unescape = (s) => s.replace(/\\u\{([0-9A-Fa-f]+)\}|\\t|\\\\/g, (m, hex) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : m === '\\t' ? '\t' : '\\');
  const cases = [];
  fs.readFileSync(path.join(__dirname, 'normalization_cases.tsv'), 'utf8').split('\n').forEach((line, i) => {
    if (!line || line.startsWith('#')) return;
    const [input, expected, note] = line.split('\t');
    cases.push({ line: i + 1, input: unescape(input), expected: unescape(expected), note });
  });
  return cases;
}

module.exports = { repo, siteDir, indexData, loadEngine, readCases };
