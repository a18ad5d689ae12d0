/* planpress site search: the query engine (no DOM except for loading script files). Finds documents by
 * bigrams with position checks, ranks them, counts facets and finds the passages to highlight.
 * The index format is described in docs/search.md; the build writes it (generator/search). */
(function (root) {
  'use strict';
  var ns = root.planpressSearch || (root.planpressSearch = {});

  var MAX_TERMS = 10;        // terms of a query that are used
  var MAX_TERM_LENGTH = 64;  // code points of a term that are used
  var MAX_BIGRAMS = 8;       // bigrams of a long term that are looked up (first and last always)
  var MAX_DECODED = 200;     // decoded lists kept for the next queries

  var index = null;          // the decoded search/index.js
  var baseUrl = '';          // URL of the search/ directory
  var shards = new Map();    // shard id → {key: encoded list}
  var lists = new Map();     // key → decoded list (see list())
  var texts = new Map();     // doc id → [title, url, passages]
  var loading = new Map();   // file → Promise

  // ---- loading ---------------------------------------------------------------------------------------

  /** Loads a classic script; the promise resolves when it has run. Replaceable (node tests). */
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

  // Loads files of search/ once each; `log` collects the files this call started loading.
  function load(files, log) {
    return Promise.all(files.map(function (file) {
      var p = loading.get(file);
      if (!p) {
        p = ns.loadScript(baseUrl + file);
        loading.set(file, p);
        if (log) log.push(file);
      }
      return p;
    }));
  }

  // ---- the index ---------------------------------------------------------------------------------------

  // Decodes the numbers of `s` from character `from` on, at most `limit` of them; out.end is where it stopped.
  function numbers(s, from, limit, out) {
    var result = [], value = 0, scale = 1, i = from || 0;
    limit = limit === undefined ? Infinity : limit;
    for (; i < s.length && result.length < limit; i++) {
      var c = s.charCodeAt(i);
      if (c < 0x51) {
        result.push(value + (c - 0x23) * scale);
        value = 0;
        scale = 1;
      } else {
        value += (c > 0x5C ? c - 0x52 : c - 0x51) * scale;
        scale *= 45;
      }
    }
    if (out) out.end = i;
    return result;
  }
  ns.decodeNumbers = function (s) { return numbers(s); };

  function layout(l) {
    var split = new Map();
    l.split.forEach(function (s) { split.set(s[0], s[1]); });
    // Shards that would hold no key are not written; the index names them instead.
    return { prefix: l.prefix, buckets: l.buckets, split: split, empty: new Set(l.empty || []) };
  }

  /** Called by search/index.js. */
  ns.setIndex = function (data) {
    var script = typeof document !== 'undefined' && document.currentScript;
    if (script && script.src) baseUrl = script.src.replace(/[^/]*$/, '');
    ns.setNormalizationTables(data.normalization);
    var n = numbers(data.docs), count = data.docCount;
    var kind = new Uint8Array(count), rating = new Int16Array(count), status = new Int16Array(count);
    var departments = new Array(count), plan = new Uint16Array(count);
    for (var d = 0, i = 0; d < count; d++) {
      kind[d] = n[i++];
      var k = n[i++];
      departments[d] = n.slice(i, i + k);
      i += k;
      rating[d] = n[i++] - 1;
      status[d] = n[i++] - 1;
    }
    var kinds = data.facets.kind.map(function (k) { return k.value; });
    var years = data.facets.year.map(function (y) { return y.value; });
    var planFacets = data.plans.map(function (p) {
      return { kind: kinds.indexOf(p.kind), years: p.years.map(function (y) { return years.indexOf(y); }) };
    });
    data.plans.forEach(function (p, k) { for (var d = p.docs[0]; d < p.docs[1]; d++) plan[d] = k; });
    index = {
      lists: layout(data.lists), texts: data.texts,
      weights: data.weights, plans: data.plans, planFacets: planFacets, facets: data.facets, docCount: count,
      kind: kind, rating: rating, status: status, departments: departments, plan: plan,
    };
  };

  /** Sets where shard files are loaded from (node tests; the browser takes it from search/index.js). */
  ns.setBaseUrl = function (url) { baseUrl = url; };
  ns.index = function () { return index; };

  /** Called by list shards. */
  ns.addLists = function (id, keys) { shards.set(id, keys); };

  /** Called by text shards. */
  ns.addTexts = function (shard, list) {
    var first = index.texts[shard];
    list.forEach(function (d, k) { texts.set(first + k, d); });
  };

  function spread(cp) {
    var x = (cp ^ (cp >>> 7)) >>> 0;
    return (Math.imul(x, 0x9E3779B1) >>> 0) >>> 11;
  }

  // The shard of a key (array of one or two code points); the same function as generator/search.
  function shardOf(key, l) {
    var parts = l.split.get(key[0]);
    if (parts !== undefined) return l.prefix + 'g' + key[0].toString(16) + '-' + (key.length === 1 ? 'u' : spread(key[1]) % parts);
    return l.prefix + 'b' + (spread(key[0]) % l.buckets);
  }
  ns.shardOf = function (key) { return shardOf(key, index.lists); };

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

  function keyString(key) { return String.fromCodePoint.apply(null, key); }

  // A key's list, decoded once: docs (ids ascending), mask[doc] (class mask, 0 when absent) and row[doc]
  // (index into docs). Positions are decoded when a longer term needs them (positions()).
  function list(key) {
    var k = keyString(key), l = lists.get(k);
    if (l) return l;
    var shard = shards.get(shardOf(key, index.lists));
    var s = shard && Object.prototype.hasOwnProperty.call(shard, k) ? shard[k] : '';
    var stop = {}, head = numbers(s, 0, 1, stop), count = head.length ? head[0] : 0;
    var n = numbers(s, stop.end, count, stop), docs = new Int32Array(count);
    var mask = new Uint8Array(index.docCount), row = new Int32Array(index.docCount);
    for (var d = 0, doc = 0; d < count; d++) {
      doc += Math.floor(n[d] / 16);
      docs[d] = doc;
      mask[doc] = n[d] % 16;
      row[doc] = d;
    }
    l = { docs: docs, mask: mask, row: row, source: s, from: stop.end, at: null, pos: null, cls: null };
    if (lists.size >= MAX_DECODED) lists.delete(lists.keys().next().value);  // the oldest
    lists.set(k, l);
    return l;
  }

  // A bigram's positions, as flat arrays: for the r-th document, hits are pos[at[r]] … pos[at[r + 1] − 1]
  // with their classes in cls.
  function positions(l) {
    if (l.at) return l;
    var n = numbers(l.source, l.from), count = l.docs.length;
    var total = Math.max(0, n.length - count);
    var pos = new Int32Array(total), cls = new Uint8Array(total), at = new Int32Array(count + 1);
    for (var r = 0, i = 0, h = 0; r < count && i < n.length; r++) {
      var m = l.mask[l.docs[r]], one = (m & (m - 1)) === 0, c = lowestClass(m);
      var hits = n[i++], p = 0;
      at[r] = h;
      for (var e = 0; e < hits; e++, h++) {
        var v = n[i++];
        if (one) p += v; else { p += Math.floor(v / 4); c = v % 4; }
        pos[h] = p;
        cls[h] = c;
      }
      at[r + 1] = h;
    }
    l.at = at;
    l.pos = pos;
    l.cls = cls;
    return l;
  }

  function lowestClass(mask) {
    var cls = 0;
    while (cls < 3 && !(mask & (1 << cls))) cls++;
    return cls;
  }

  function textShardOf(doc) {
    var s = index.texts, lo = 0, hi = s.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (s[mid] <= doc) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function lookups(term) {
    var cps = Array.from(term).slice(0, MAX_TERM_LENGTH).map(function (c) { return c.codePointAt(0); });
    var keys = cps.length === 1 ? [{ key: cps, offset: 0 }]
      : ns.coverOffsets(cps.length).map(function (o) { return { key: [cps[o], cps[o + 1]], offset: o }; });
    return { term: String.fromCodePoint.apply(null, cps), length: cps.length, keys: keys };
  }

  var ABSENT = 255;

  // Where a term occurs: {docs: ids ascending, best: Uint8Array doc → best class of an occurrence (255:
  // none)}, looking only at `within` (a previous result) if given. One or two characters: the document
  // list decides. Longer: documents in every bigram's list (rarest first), then positions: the term starts
  // at s where each bigram occurs at s + its offset.
  function match(spec, within) {
    var best = new Uint8Array(index.docCount).fill(ABSENT), docs = [];
    if (spec.length <= 2) {
      var l = list(spec.keys[0].key);
      (within ? within.docs : l.docs).forEach(function (doc) {
        if (l.mask[doc]) { best[doc] = lowestClass(l.mask[doc]); docs.push(doc); }
      });
      return { docs: docs, best: best };
    }
    var keys = spec.keys.map(function (k) { return { offset: k.offset, list: positions(list(k.key)) }; });
    keys.sort(function (a, b) { return a.list.docs.length - b.list.docs.length; });
    var candidates = within && within.docs.length < keys[0].list.docs.length ? within.docs : keys[0].list.docs;
    for (var c = 0; c < candidates.length; c++) {
      var doc = candidates[c], ok = !within || within.best[doc] !== ABSENT;
      for (var i = 0; i < keys.length && ok; i++) ok = keys[i].list.mask[doc] !== 0;
      if (!ok) continue;
      var starts = null;
      for (var j = 0; j < keys.length; j++) {
        var k = keys[j], kl = k.list, r = kl.row[doc], from = kl.at[r], to = kl.at[r + 1], kept = [];
        if (starts === null) {
          for (var h = from; h < to; h++) kept.push(kl.pos[h] - k.offset, kl.cls[h]);
        } else {
          for (var a = 0, g = from; a < starts.length && g < to;) {
            var want = starts[a], have = kl.pos[g] - k.offset;
            if (want === have) { kept.push(want, starts[a + 1]); a += 2; g++; } else if (want < have) a += 2; else g++;
          }
        }
        starts = kept;
        if (!starts.length) break;
      }
      if (!starts.length) continue;
      var b = ABSENT;
      for (var x = 1; x < starts.length; x += 2) if (starts[x] < b) b = starts[x];
      best[doc] = b;
      docs.push(doc);
    }
    return { docs: docs, best: best };
  }

  /**
   * Runs a query. Resolves to {terms, matches: [{doc, score}], files: [files loaded for it]}; matches are
   * the documents that contain every term, in document order; the score adds the weight of the best
   * passage class each term occurs in.
   */
  ns.search = function (query) {
    var specs = ns.terms(query).slice(0, MAX_TERMS).map(lookups);
    var files = [], needed = new Set();
    specs.forEach(function (s) {
      s.keys.forEach(function (k) {
        var id = shardOf(k.key, index.lists);
        if (index.lists.empty.has(id)) shards.set(id, {});
        else needed.add(id + '.js');
      });
    });
    return load(Array.from(needed), files).then(function () {
      // The term with the fewest documents first; each next term only looks at what is left.
      var order = specs.map(function (s) {
        var size = Infinity;
        s.keys.forEach(function (k) { size = Math.min(size, list(k.key).docs.length); });
        return { spec: s, size: size };
      }).sort(function (a, b) { return a.size - b.size; });
      var found = null, all = [];
      order.forEach(function (o) {
        found = match(o.spec, found);
        all.push(found.best);
      });
      var matches = [];
      if (found) {
        var docs = found.docs.slice().sort(function (a, b) { return a - b; });
        for (var d = 0; d < docs.length; d++) {
          var doc = docs[d], score = 0;
          for (var i = 0; i < all.length; i++) score += index.weights[all[i][doc]];
          matches.push({ doc: doc, score: score });
        }
      }
      return { terms: specs.map(function (s) { return s.term; }), matches: matches, files: files };
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

  // The value indexes (into ns.facetValues) a document has in facet number `f`, written into `out`;
  // returns how many.
  function valuesOf(f, doc, out) {
    var p = index.plan[doc], v;
    switch (f) {
      case 0: out[0] = p; return 1;
      case 1: out[0] = index.plans[p].municipality; return 1;
      case 2: out[0] = index.planFacets[p].kind; return 1;
      case 3: v = index.planFacets[p].years; for (var i = 0; i < v.length; i++) out[i] = v[i]; return v.length;
      case 4: v = index.departments[doc]; for (var j = 0; j < v.length; j++) out[j] = v[j]; return v.length;
      case 5: if (index.rating[doc] < 0) return 0; out[0] = index.rating[doc]; return 1;
      case 6: if (index.status[doc] < 0) return 0; out[0] = index.status[doc]; return 1;
      case 7: out[0] = index.kind[doc]; return 1;
    }
    return 0;
  }

  /** Whether the index has older editions of a series (the page then offers 「過去の年度版も含める」). */
  ns.hasOlderEditions = function () {
    return index.plans.some(function (p) { return p.older; });
  };

  /**
   * Applies facet filters ({name: [values]}; values of one facet are alternatives, facets combine) to
   * matches. Matches in an older edition of a series count only with `includeOlder` (or when the 計画
   * facet names that edition). Returns {results: [{doc, score}] ranked and grouped by plan, groups:
   * [{plan, results}], counts: {name: Map value → count}, older: matches left out as older editions}
   * where a facet's counts apply every filter except its own.
   */
  ns.refine = function (matches, filters, includeOlder) {
    var chosenPlans = filters.plan || [];
    var hidden = index.plans.map(function (p) { return !includeOlder && p.older && chosenPlans.indexOf(p.id) < 0; });
    var older = 0;
    var facets = ns.FACETS.length, selected = [], active = [], values = [];
    ns.FACETS.forEach(function (f, i) {
      var all = ns.facetValues(f.name), wanted = filters[f.name] || [], flags = new Uint8Array(all.length);
      all.forEach(function (v, k) { if (wanted.indexOf(v.value) >= 0) flags[k] = 1; });
      values.push(all);
      selected.push(flags);
      if (wanted.length) active.push(i);
    });
    var counts = selected.map(function (flags) { return new Int32Array(flags.length); });
    var results = [], buf = new Int32Array(256);
    for (var m = 0; m < matches.length; m++) {
      var doc = matches[m].doc, failed = -1, failures = 0;
      if (hidden[index.plan[doc]]) { older++; continue; }
      for (var a = 0; a < active.length && failures < 2; a++) {
        var flags = selected[active[a]], n = valuesOf(active[a], doc, buf), hit = false;
        for (var x = 0; x < n && !hit; x++) hit = flags[buf[x]] === 1;
        if (!hit) { failures++; failed = active[a]; }
      }
      if (failures === 0) results.push(matches[m]);
      if (failures > 1) continue;
      for (var f = 0; f < facets; f++) {
        if (failures === 1 && f !== failed) continue;
        var c = counts[f], k = valuesOf(f, doc, buf);
        for (var y = 0; y < k; y++) c[buf[y]]++;
      }
    }
    // Ranked by score, then document order: matches come in document order and scores take few values,
    // so a stable bucket per score does it in linear time.
    var buckets = new Map();
    results.forEach(function (r) {
      var b = buckets.get(r.score);
      if (!b) buckets.set(r.score, b = []);
      b.push(r);
    });
    results = [];
    Array.from(buckets.keys()).sort(function (a, b) { return b - a; }).forEach(function (score) {
      buckets.get(score).forEach(function (r) { results.push(r); });
    });
    var groups = [], byPlan = new Map();
    results.forEach(function (r) {
      var p = index.plan[r.doc];
      var g = byPlan.get(p);
      if (!g) { g = { plan: index.plans[p], results: [] }; byPlan.set(p, g); groups.push(g); }
      g.results.push(r);
    });
    var ranked = [];
    groups.forEach(function (g) { for (var i = 0; i < g.results.length; i++) ranked.push(g.results[i]); });
    var named = {};
    ns.FACETS.forEach(function (f, i) {
      var map = new Map();
      counts[i].forEach(function (n, k) { if (n) map.set(values[i][k].value, n); });
      named[f.name] = map;
    });
    return { results: ranked, groups: groups, counts: named, older: older };
  };

  // ---- documents and passages ------------------------------------------------------------------------

  /** Loads the stored text of documents. Resolves to {docs: Map id → {title, url, kind, passages}, files}. */
  ns.documents = function (ids) {
    var files = [], needed = new Set();
    ids.forEach(function (doc) { if (!texts.has(doc)) needed.add('t' + textShardOf(doc) + '.js'); });
    return load(Array.from(needed), files).then(function () {
      var out = new Map();
      ids.forEach(function (id) {
        var d = texts.get(id);
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

  /**
   * Runs the hot paths once on made-up data (no file is loaded), so that the first real query does not
   * pay for compiling them. The page calls it while idle.
   */
  ns.warmUp = function () {
    var a = 0xE000, b = 0xE001, c = 0xE002, encoded = '', text = '';
    var fake = { docs: [], text: '' };
    // Lists of three made-up bigrams over the first documents, with positions.
    var n = Math.min(index.docCount, 64), keys = [[a, b], [b, c], [c, a]];
    keys.forEach(function (key, k) {
      var parts = [], prev = 0;
      var push = function (v) { var t = ''; while (v >= 46) { var d = v % 45; t += String.fromCharCode(d + 0x51 + (d + 0x51 >= 0x5C ? 1 : 0)); v = (v - d) / 45; } parts.push(t + String.fromCharCode(0x23 + v)); };
      push(n);
      for (var d = 0; d < n; d++) { push(((d - prev) << 4) | 2); prev = d; }
      for (var e = 0; e < n; e++) { push(2); push(k + 3); push(40); }
      encoded = parts.join('');
      var l = { docs: null, mask: null, row: null, source: encoded, from: 0, at: null, pos: null, cls: null };
      var stop = {}, count = numbers(encoded, 0, 1, stop)[0], list = numbers(encoded, stop.end, count, stop);
      l.docs = new Int32Array(count);
      l.mask = new Uint8Array(index.docCount);
      l.row = new Int32Array(index.docCount);
      for (var r = 0, doc = 0; r < count; r++) { doc += Math.floor(list[r] / 16); l.docs[r] = doc; l.mask[doc] = list[r] % 16; l.row[doc] = r; }
      l.from = stop.end;
      lists.set(keyString(key), l);
    });
    var spec = lookups(String.fromCodePoint(a, b, c, a));
    var found = match(spec, null);
    match(lookups(String.fromCodePoint(a, b)), found);
    keys.forEach(function (key) { lists.delete(keyString(key)); });
    var all = [];
    for (var d = 0; d < index.docCount; d++) all.push({ doc: d, score: index.weights[d % 4] });
    ns.refine(all, {});
    ns.refine(all, { type: ['item'] });
    text = 'ｺﾝﾌﾟﾗｲｱﾝｽ推進員研修（ＯＪＴ）№４６ 令和６年度～令和８年度　データ';
    var ranges = ns.matchRanges(text, ns.terms('コンプライアンス ojt'));
    fake.text = ns.snippet(text, ranges, 20).text;
    return fake.text.length > 0;
  };

  if (typeof module === 'object' && module.exports) module.exports = ns;
})(typeof globalThis !== 'undefined' ? globalThis : this);
