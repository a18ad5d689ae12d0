/* planpress site search: the query engine (no DOM except for loading script files). Finds documents by
 * bigrams with position checks, ranks them, counts facets and finds the passages to highlight.
 * The index format is described in docs/search.md; the build writes it (generator/search). */
(function (root) {
  'use strict';
  var ns = root.planpressSearch || (root.planpressSearch = {});

  var MAX_TERMS = 10;        // terms of a query that are used
  var MAX_TERM_LENGTH = 64;  // code points of a term that are used
  var MAX_BIGRAMS = 8;       // bigrams of a long term that are looked up (first and last always)
  var POS = 1048576;         // a hit is passage * POS + position

  var index = null;          // the decoded search/index.js
  var baseUrl = '';          // URL of the search/ directory
  var postings = new Map();  // shard id → {key: encoded}
  var decoded = new Map();   // key → decoded postings (Map doc → hits or class mask)
  var docs = new Map();      // doc id → [title, url, passages]
  var loading = new Map();   // url → Promise

  // ---- loading ---------------------------------------------------------------------------------------

  /** Loads a classic script once; the promise resolves when it has run. Replaceable (node tests). */
  ns.loadScript = function (url) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = url;
      s.async = true;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error('cannot load ' + url)); };
      document.head.appendChild(s);
    });
  };

  function load(file, log) {
    var url = baseUrl + file;
    var p = loading.get(url);
    if (!p) {
      p = ns.loadScript(url);
      loading.set(url, p);
      if (log) log.push(file);
    }
    return p;
  }

  // ---- the index ---------------------------------------------------------------------------------------

  function numbers(s) {
    var out = [], value = 0, scale = 1;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c < 0x51) {
        out.push(value + (c - 0x23) * scale);
        value = 0;
        scale = 1;
      } else {
        value += (c > 0x5C ? c - 0x52 : c - 0x51) * scale;
        scale *= 45;
      }
    }
    return out;
  }
  ns.decodeNumbers = numbers;

  /** Called by search/index.js. */
  ns.setIndex = function (data) {
    var script = typeof document !== 'undefined' && document.currentScript;
    if (script && script.src) baseUrl = script.src.replace(/[^/]*$/, '');
    ns.setNormalizationTables(data.normalization);
    var split = new Map();
    data.shards.split.forEach(function (s) { split.set(s[0], s[1]); });
    var n = numbers(data.docs);
    var kind = new Uint8Array(data.docCount), rating = new Int16Array(data.docCount), status = new Int8Array(data.docCount);
    var departments = new Array(data.docCount);
    var plan = new Uint16Array(data.docCount);
    for (var d = 0, i = 0; d < data.docCount; d++) {
      kind[d] = n[i++];
      var count = n[i++];
      departments[d] = n.slice(i, i + count);
      i += count;
      rating[d] = n[i++] - 1;
      status[d] = n[i++] - 1;
    }
    data.plans.forEach(function (p, k) { for (var d = p.docs[0]; d < p.docs[1]; d++) plan[d] = k; });
    index = {
      raw: data, split: split, buckets: data.shards.buckets, weights: data.weights, plans: data.plans,
      facets: data.facets, docShards: data.docShards, docCount: data.docCount,
      kind: kind, rating: rating, status: status, departments: departments, plan: plan,
    };
  };

  /** Sets where shard files are loaded from (node tests; the browser takes it from search/index.js). */
  ns.setBaseUrl = function (url) { baseUrl = url; };
  ns.index = function () { return index; };

  /** Called by posting shards. */
  ns.addPostings = function (id, keys) { postings.set(id, keys); };

  /** Called by document shards. */
  ns.addDocs = function (shard, list) {
    var first = index.docShards[shard];
    list.forEach(function (d, k) { docs.set(first + k, d); });
  };

  function spread(cp) {
    var x = (cp ^ (cp >>> 7)) >>> 0;
    return (Math.imul(x, 0x9E3779B1) >>> 0) >>> 11;
  }

  /** Shard id of a key (array of one or two code points); the same function as generator/search. */
  ns.shardOf = function (key) {
    var parts = index.split.get(key[0]);
    if (parts !== undefined) return 'g' + key[0].toString(16) + '-' + (key.length === 1 ? 0 : spread(key[1]) % parts);
    return 'b' + (spread(key[0]) % index.buckets);
  };

  /** Offsets of the bigrams a term of `n` code points is looked up by: every other one, and the last. */
  ns.coverOffsets = function (n) {
    var o = [];
    if (n < 2) return o;
    for (var i = 0; i + 1 < n; i += 2) o.push(i);
    if (o[o.length - 1] !== n - 2) o.push(n - 2);
    if (o.length <= MAX_BIGRAMS) return o;
    var picked = [];
    for (var k = 0; k < MAX_BIGRAMS; k++) picked.push(o[Math.round(k * (o.length - 1) / (MAX_BIGRAMS - 1))]);
    return picked;
  };

  function lookups(term) {
    var cps = Array.from(term).slice(0, MAX_TERM_LENGTH).map(function (c) { return c.codePointAt(0); });
    if (cps.length === 1) return [{ key: cps, offset: 0 }];
    return ns.coverOffsets(cps.length).map(function (o) { return { key: [cps[o], cps[o + 1]], offset: o }; });
  }

  function keyString(key) { return String.fromCodePoint.apply(null, key); }

  function decodeHits(s) {
    var n = numbers(s), map = new Map();
    for (var i = 0, doc = 0; i < n.length;) {
      doc += n[i++];
      var count = n[i++], passage = 0, pos = 0, hits = [];
      for (var k = 0; k < count; k++) {
        var v = n[i++], step = Math.floor(v / 4), raw = n[i++];
        if (k === 0 || step > 0) { passage += step; pos = raw; } else pos += raw;
        hits.push(passage * POS + pos, v % 4);
      }
      map.set(doc, hits);
    }
    return map;
  }

  function decodeChars(s) {
    var n = numbers(s), map = new Map();
    for (var i = 0, doc = 0; i < n.length; i += 2) {
      doc += n[i];
      map.set(doc, n[i + 1]);
    }
    return map;
  }

  function postingsOf(key) {
    var k = keyString(key);
    if (decoded.has(k)) return decoded.get(k);
    var shard = postings.get(ns.shardOf(key));
    var s = shard && Object.prototype.hasOwnProperty.call(shard, k) ? shard[k] : null;
    var value = s === null ? new Map() : key.length === 1 ? decodeChars(s) : decodeHits(s);
    decoded.set(k, value);
    return value;
  }

  // Documents matching one term: Map doc → {cls: best passage class, count: matches}.
  function matchTerm(list) {
    var out = new Map();
    if (list.length === 1 && list[0].key.length === 1) {
      postingsOf(list[0].key).forEach(function (mask, doc) {
        var cls = 0;
        while (cls < 3 && !(mask & (1 << cls))) cls++;
        out.set(doc, { cls: cls, count: 1 });
      });
      return out;
    }
    var maps = list.map(function (l) { return postingsOf(l.key); });
    var order = maps.map(function (m, i) { return i; }).sort(function (a, b) { return maps[a].size - maps[b].size; });
    maps[order[0]].forEach(function (_, doc) {
      for (var i = 1; i < order.length; i++) if (!maps[order[i]].has(doc)) return;
      var first = maps[0].get(doc);
      var others = [];
      for (var j = 1; j < maps.length; j++) {
        var set = new Set(), hits = maps[j].get(doc);
        for (var h = 0; h < hits.length; h += 2) set.add(hits[h]);
        others.push(set);
      }
      var best = 4, count = 0;
      for (var f = 0; f < first.length; f += 2) {
        var ok = true;
        for (var o = 0; o < others.length && ok; o++) ok = others[o].has(first[f] + list[o + 1].offset);
        if (ok) { count++; if (first[f + 1] < best) best = first[f + 1]; }
      }
      if (count) out.set(doc, { cls: best, count: count });
    });
    return out;
  }

  /**
   * Runs a query. Resolves to {terms, matches: [{doc, score}], files: [files loaded for it]}; matches are
   * the documents that contain every term, unsorted.
   */
  ns.search = function (query) {
    var terms = ns.terms(query).slice(0, MAX_TERMS);
    var plans = terms.map(lookups);
    var files = [], shards = new Set();
    plans.forEach(function (list) { list.forEach(function (l) { shards.add(ns.shardOf(l.key)); }); });
    var waits = [];
    shards.forEach(function (id) { waits.push(load(id + '.js', files)); });
    return Promise.all(waits).then(function () {
      var result = null;
      var perTerm = plans.map(matchTerm).sort(function (a, b) { return a.size - b.size; });
      perTerm.forEach(function (m) {
        if (result === null) {
          result = new Map();
          m.forEach(function (v, doc) { result.set(doc, index.weights[v.cls] + Math.min(v.count - 1, 9)); });
        } else {
          var next = new Map();
          result.forEach(function (score, doc) {
            var v = m.get(doc);
            if (v) next.set(doc, score + index.weights[v.cls] + Math.min(v.count - 1, 9));
          });
          result = next;
        }
      });
      var matches = [];
      if (result) result.forEach(function (score, doc) { matches.push({ doc: doc, score: score }); });
      return { terms: terms, matches: matches, files: files };
    });
  };

  // ---- facets ------------------------------------------------------------------------------------------

  /** The facets in the order the page shows them, with their URL parameter. */
  ns.FACETS = [
    { name: 'plan', param: 'plan', legend: '計画' },
    { name: 'municipality', param: 'muni', legend: '自治体' },
    { name: 'kind', param: 'kind', legend: '計画の種類' },
    { name: 'year', param: 'fy', legend: '年度' },
    { name: 'department', param: 'dept', legend: '担当課' },
    { name: 'rating', param: 'rating', legend: '自己評価' },
    { name: 'status', param: 'status', legend: '新規・拡充・継続' },
    { name: 'type', param: 'type', legend: '結果の種類' },
  ];

  /** Every value of a facet: [{value (as in the URL), label}] in display order. */
  ns.facetValues = function (name) {
    var f = index.facets;
    switch (name) {
      case 'plan': return index.plans.map(function (p) { return { value: p.id, label: p.title }; });
      case 'municipality': return f.municipality.map(function (m) { return { value: m, label: m }; });
      case 'kind': return f.kind.map(function (k) { return { value: k.value, label: k.label }; });
      case 'year': return f.year.map(function (y) { return { value: String(y.value), label: y.label + '（' + y.value + '年度）' }; });
      case 'department': return f.department.map(function (d) { return { value: d, label: d }; });
      case 'rating': return f.rating.map(function (r) { return { value: r.value, label: r.label ? r.value + ' ' + r.label : r.value }; });
      case 'status': return f.status.map(function (s) { return { value: s, label: s }; });
      case 'type': return f.type.map(function (t) { return { value: t.value, label: t.label }; });
    }
    return [];
  };

  // The facet values of a document, as URL values.
  function valuesOf(name, doc) {
    var p = index.plans[index.plan[doc]], f = index.facets;
    switch (name) {
      case 'plan': return [p.id];
      case 'municipality': return [f.municipality[p.municipality]];
      case 'kind': return [p.kind];
      case 'year': return p.years.map(String);
      case 'department': return index.departments[doc].map(function (i) { return f.department[i]; });
      case 'rating': return index.rating[doc] < 0 ? [] : [f.rating[index.rating[doc]].value];
      case 'status': return index.status[doc] < 0 ? [] : [f.status[index.status[doc]]];
      case 'type': return [f.type[index.kind[doc]].value];
    }
    return [];
  }

  /**
   * Applies facet filters ({name: [values]}; values of one facet are alternatives, facets combine) to
   * matches. Returns {results: [{doc, score}] ranked, groups: [{plan, results}], counts: {name: Map value →
   * count}} where a facet's counts apply every filter except its own.
   */
  ns.refine = function (matches, filters) {
    var active = ns.FACETS.filter(function (f) { return filters[f.name] && filters[f.name].length; });
    var counts = {};
    ns.FACETS.forEach(function (f) { counts[f.name] = new Map(); });
    var results = [];
    matches.forEach(function (m) {
      var failed = [];
      active.forEach(function (f) {
        var vals = valuesOf(f.name, m.doc), wanted = filters[f.name];
        if (!vals.some(function (v) { return wanted.indexOf(v) >= 0; })) failed.push(f.name);
      });
      if (failed.length === 0) results.push(m);
      if (failed.length > 1) return;
      ns.FACETS.forEach(function (f) {
        if (failed.length === 1 && failed[0] !== f.name) return;
        var c = counts[f.name];
        valuesOf(f.name, m.doc).forEach(function (v) { c.set(v, (c.get(v) || 0) + 1); });
      });
    });
    results.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    var groups = [], byPlan = new Map();
    results.forEach(function (r) {
      var p = index.plan[r.doc];
      var g = byPlan.get(p);
      if (!g) { g = { plan: index.plans[p], results: [] }; byPlan.set(p, g); groups.push(g); }
      g.results.push(r);
    });
    var ranked = [];
    groups.forEach(function (g) { ranked.push.apply(ranked, g.results); });
    return { results: ranked, groups: groups, counts: counts };
  };

  // ---- documents and passages ------------------------------------------------------------------------

  function docShardOf(doc) {
    var s = index.docShards, lo = 0, hi = s.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (s[mid] <= doc) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** Loads the stored text of documents. Resolves to {docs: Map id → {title, url, kind, passages}, files}. */
  ns.documents = function (ids) {
    var files = [], shards = new Set();
    ids.forEach(function (id) { if (!docs.has(id)) shards.add(docShardOf(id)); });
    var waits = [];
    shards.forEach(function (s) { waits.push(load('d' + s + '.js', files)); });
    return Promise.all(waits).then(function () {
      var out = new Map();
      ids.forEach(function (id) {
        var d = docs.get(id);
        if (!d) return;
        out.set(id, {
          title: d[0], url: d[1], kind: index.facets.type[index.kind[id]],
          passages: d[2].map(function (p) { return { cls: p[0], label: p[1], text: p[2], anchor: p[3] || '' }; }),
        });
      });
      return { docs: out, files: files };
    });
  };

  /** Ranges [[begin, end], …] of `text` (UTF-16 offsets, sorted, merged) where any term matches. */
  ns.matchRanges = function (text, terms) {
    var n = ns.normalizeWithMap(text), ranges = [];
    terms.forEach(function (t) {
      for (var at = n.text.indexOf(t); at >= 0; at = n.text.indexOf(t, at + 1)) ranges.push([n.begin[at], n.end[at + t.length - 1]]);
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push([r[0], r[1]]);
    });
    return merged;
  };

  /**
   * A window of about `width` characters of `text` around its first match: {text, before, after, ranges}
   * (ranges relative to the window; before/after tell whether text was cut off).
   */
  ns.snippet = function (text, ranges, width) {
    width = width || 120;
    var start = 0;
    if (ranges.length && text.length > width) start = Math.max(0, Math.min(ranges[0][0] - Math.floor(width / 4), text.length - width));
    var end = Math.min(text.length, start + width);
    if (start > 0 && /[\uDC00-\uDFFF]/.test(text.charAt(start))) start--;
    if (end < text.length && /[\uDC00-\uDFFF]/.test(text.charAt(end))) end++;
    var rel = [];
    ranges.forEach(function (r) {
      var b = Math.max(r[0], start), e = Math.min(r[1], end);
      if (b < e) rel.push([b - start, e - start]);
    });
    return { text: text.slice(start, end), before: start > 0, after: end < text.length, ranges: rel };
  };

  /** The passages to show for a result: those with a match, best class first, at most `max`. */
  ns.passagesToShow = function (doc, terms, max) {
    var found = [];
    doc.passages.forEach(function (p, i) {
      if (p.cls === 0) return;  // names are shown as the title
      var ranges = ns.matchRanges(p.text, terms);
      if (ranges.length) found.push({ passage: p, order: i, ranges: ranges });
    });
    found.sort(function (a, b) { return a.passage.cls - b.passage.cls || a.order - b.order; });
    return found.slice(0, max || 2);
  };

  if (typeof module === 'object' && module.exports) module.exports = ns;
})(typeof globalThis !== 'undefined' ? globalThis : this);
