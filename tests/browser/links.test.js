// Link checker over the whole generated site: every href and src resolves to a file of the site (and its
// #fragment to an element id there); links are relative (the site works under any path and from file://);
// nothing is loaded from outside the site (no external src, stylesheet or script).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { siteDir } = require('./lib/browser');

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

function decode(s) {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

test('every link and resource of the site resolves inside the site', () => {
  const site = siteDir();
  const files = walk(site);
  const html = files.filter((f) => f.endsWith('.html'));
  const idsCache = new Map();
  const idsOf = (file) => {
    if (!idsCache.has(file)) {
      const text = fs.readFileSync(file, 'utf8');
      idsCache.set(file, new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]))));
    }
    return idsCache.get(file);
  };
  const problems = [];
  let checked = 0;
  let external = 0;
  for (const file of html) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = path.relative(site, file);
    for (const m of text.matchAll(/<(\w+)\b[^>]*?\s(href|src)="([^"]*)"/g)) {
      const [, tag, attr, raw] = m;
      const url = decode(raw);
      checked++;
      if (/^(https?:)?\/\//i.test(url)) {
        // Links out of the site are allowed; loading anything from outside is not.
        if (attr === 'src' || tag === 'link' || tag === 'script') problems.push(`${rel}: external resource ${url}`);
        else external++;
        continue;
      }
      if (/^mailto:/i.test(url)) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(url)) { problems.push(`${rel}: unexpected scheme in ${url}`); continue; }
      // The 404 page is shown by a server at any path, where relative links would miss: without base_url it
      // links root-absolutely (a site at the server root), and nothing else may.
      const notFound = rel === '404.html';
      if (url.startsWith('/') && !notFound) { problems.push(`${rel}: absolute path ${url} breaks under file:// and other paths`); continue; }
      const [target, fragment] = url.split('#');
      const resolved = decodeURIComponent(target.split('?')[0]);
      const targetFile = target === '' ? file : url.startsWith('/') ? path.join(site, resolved) : path.resolve(path.dirname(file), resolved);
      if (!targetFile.startsWith(site + path.sep) && targetFile !== site) { problems.push(`${rel}: ${url} leaves the site`); continue; }
      if (!fs.existsSync(targetFile) || fs.statSync(targetFile).isDirectory()) { problems.push(`${rel}: ${url} → missing file`); continue; }
      if (fragment && targetFile.endsWith('.html') && !idsOf(targetFile).has(decodeURIComponent(fragment)))
        problems.push(`${rel}: ${url} → no element with id "${fragment}"`);
    }
  }
  // The sitemap lists pages that exist.
  const sitemap = fs.readFileSync(path.join(site, 'sitemap.xml'), 'utf8');
  for (const m of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const loc = decodeURIComponent(decode(m[1]).replace(/^https?:\/\/[^/]+\/(.*?)/, ''));
    if (!/^https?:/.test(decode(m[1])) && !fs.existsSync(path.join(site, loc))) problems.push(`sitemap.xml: ${loc} missing`);
  }
  assert.ok(checked > 5000, `only ${checked} links checked`);
  assert.deepStrictEqual(problems.slice(0, 50), [], `${problems.length} problem(s):\n${problems.slice(0, 50).join('\n')}`);
  console.log(`checked ${checked} links in ${html.length} pages; ${external} links to other sites`);
});
