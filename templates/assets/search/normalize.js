/* planpress site search: query-time normalisation. The same steps as generator/search/normalize.cpp at
 * build time, with the tables the build ships in search/index.js (docs/search.md):
 *   1. custom table per code point (～/〜/~ → "~", long-vowel/dash/minus → "-", № → "no."),
 *   1a. enclosed numbers (①–⑳, ㉑–㊿, ⓪, ❶ …) kept as they are (NFKC would make ③④ the digits 34),
 *   2. NFKC per segment (String.prototype.normalize),
 *   3. custom table again, else the case-folding table generated from ICU,
 *   4. white space removed (and a combining mark that would then combine with the text before it).
 * Every normalised UTF-16 unit remembers the range of the original text it came from, so matches are
 * highlighted in the text as printed. A classic script: it runs from file:// and in node (tests). */
(function (root) {
  'use strict';
  var ns = root.planpressSearch || (root.planpressSearch = {});
  var custom = new Map();
  var fold = new Map();

  /** Installs the tables of search/index.js ({custom, fold: {runs, removed, strings}}). */
  ns.setNormalizationTables = function (tables) {
    custom = new Map();
    tables.custom.forEach(function (m) { custom.set(m[0], m[1]); });
    fold = new Map();
    tables.fold.runs.forEach(function (r) {
      for (var k = 0; k < r[1]; k++) fold.set(r[0] + k * r[2], String.fromCodePoint(r[0] + k * r[2] + r[3]));
    });
    tables.fold.removed.forEach(function (r) {
      for (var c = r[0]; c <= r[1]; c++) fold.set(c, '');
    });
    tables.fold.strings.forEach(function (s) { fold.set(s[0], s[1]); });
    // The shortcut below assumes the tables change no inert code point except A–Z.
    fastPath = true;
    custom.forEach(function (_, c) { if (inert(c)) fastPath = false; });
    fold.forEach(function (_, c) { if (inert(c) && !(c >= 0x41 && c <= 0x5A)) fastPath = false; });
  };
  var fastPath = false;

  // Code points NFKC leaves alone and that never combine with what precedes them (same ranges as C++).
  function inert(c) {
    return (c >= 0x20 && c <= 0x7E) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||
      (c >= 0x4E00 && c <= 0x9FFF);
  }

  /** Enclosed numbers kept whole by step 1a (same ranges as C++ is_enclosed_number). */
  function isEnclosedNumber(c) {
    return (c >= 0x2460 && c <= 0x2473) || (c >= 0x24EA && c <= 0x24FF) || (c >= 0x2776 && c <= 0x2793) ||
      (c >= 0x3251 && c <= 0x325F) || (c >= 0x32B1 && c <= 0x32BF);
  }
  ns.isEnclosedNumber = isEnclosedNumber;

  /** Unicode White_Space: removed from normalised text; queries are split into terms on it. */
  function isSpace(c) {
    return (c >= 0x09 && c <= 0x0D) || c === 0x20 || c === 0x85 || c === 0xA0 || c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200A) || c === 0x2028 || c === 0x2029 || c === 0x202F || c === 0x205F || c === 0x3000;
  }
  ns.isSpace = isSpace;

  function nfkc(s) { return s.normalize('NFKC'); }

  // A mark never starts a segment: whether NFKC reorders it depends on the marks after it too (as in C++).
  var mark = /\p{M}/u;

  function boundaryBefore(segment, c) {
    if (inert(c) || isEnclosedNumber(c)) return true;
    if (mark.test(String.fromCodePoint(c))) return false;
    var one = String.fromCodePoint(c);
    return nfkc(segment + one) === nfkc(segment) + nfkc(one);
  }

  // Step 3 on a segment: the custom table, else the case-folding table, code point by code point.
  function mapSegment(s) {
    var out = '';
    for (var p = 0; p < s.length;) {
      var d = s.codePointAt(p);
      p += d > 0xFFFF ? 2 : 1;
      var f = custom.get(d);
      if (f === undefined) f = fold.get(d);
      out += f === undefined ? String.fromCodePoint(d) : f;
    }
    return out;
  }

  /**
   * Normalises `s`. Returns {text, begin, end}: for every UTF-16 unit of `text`, the range
   * [begin[i], end[i]) of `s` (UTF-16 offsets) it came from.
   */
  ns.normalizeWithMap = function (s) {
    var cps = [], begins = [], ends = [];
    for (var i = 0; i < s.length;) {
      var c = s.codePointAt(i);
      var n = c > 0xFFFF ? 2 : 1;
      var m = custom.get(c);
      if (m !== undefined) {
        for (var k = 0; k < m.length; k++) { cps.push(m.charCodeAt(k)); begins.push(i); ends.push(i + n); }
      } else {
        cps.push(c); begins.push(i); ends.push(i + n);
      }
      i += n;
    }
    var text = '', begin = [], end = [];
    // A combining mark that follows a removed space and would combine with the text before it is removed
    // too (as in C++), so that normalising twice changes nothing. `previous`: the output of the last
    // segment that had any; `current`: the current segment's output so far.
    var previous = '', current = '', afterSpace = false;
    for (var a = 0; a < cps.length;) {
      var c0 = cps[a];
      if (isEnclosedNumber(c0)) {  // ③ stays ③: it is not the digit 3
        previous = String.fromCodePoint(c0);
        afterSpace = false;
        text += previous;
        begin.push(begins[a]);
        end.push(ends[a]);
        a++;
        continue;
      }
      // Shortcut (same result): an inert code point followed by an inert one (or nothing) is its own
      // segment and NFKC leaves it alone; of the tables only A–Z → a–z and the space apply to it.
      if (fastPath && inert(c0) && (a + 1 === cps.length || inert(cps[a + 1]))) {
        if (c0 !== 0x20) {
          previous = String.fromCharCode(c0 >= 0x41 && c0 <= 0x5A ? c0 + 32 : c0);
          text += previous;
          begin.push(begins[a]);
          end.push(ends[a]);
          afterSpace = false;
        } else {
          afterSpace = true;
        }
        a++;
        continue;
      }
      var segment = String.fromCodePoint(cps[a]);
      var b = a + 1;
      while (b < cps.length && !boundaryBefore(segment, cps[b])) segment += String.fromCodePoint(cps[b++]);
      var from = begins[a], to = ends[b - 1];
      var normalized = (b === a + 1 && inert(cps[a])) ? segment : nfkc(segment);
      // Step 3, repeated with NFKC until nothing changes (as in C++): folding can make text NFKC composes.
      var folded = mapSegment(normalized);
      for (var round = 0; round < 4; round++) {
        var again = mapSegment(nfkc(folded));
        if (again === folded) break;
        folded = again;
      }
      current = '';
      for (var q = 0; q < folded.length;) {
        var x = folded.codePointAt(q);
        var width = x > 0xFFFF ? 2 : 1;
        var unit = folded.substr(q, width);
        q += width;
        if (isSpace(x)) { afterSpace = true; continue; }
        if (afterSpace && !inert(x) && nfkc(previous + current + unit) !== previous + current + unit) continue;
        afterSpace = afterSpace && mark.test(unit);  // every mark of the run after the space (as in C++)
        current += unit;
        text += unit;
        for (var w = 0; w < width; w++) { begin.push(from); end.push(to); }
      }
      if (current) previous = current;
      a = b;
    }
    return { text: text, begin: begin, end: end };
  };

  /** Normalises `s` (no offset map). */
  ns.normalize = function (s) { return ns.normalizeWithMap(s).text; };

  /** Splits a query into normalised terms on white space; empty terms are dropped, duplicates removed. */
  ns.terms = function (query) {
    var out = [], current = '';
    function flush() {
      var t = ns.normalize(current);
      current = '';
      if (t && out.indexOf(t) < 0) out.push(t);
    }
    for (var i = 0; i < query.length;) {
      var c = query.codePointAt(i);
      var n = c > 0xFFFF ? 2 : 1;
      if (isSpace(c)) flush(); else current += query.substr(i, n);
      i += n;
    }
    flush();
    return out;
  };

  if (typeof module === 'object' && module.exports) module.exports = ns;
})(typeof globalThis !== 'undefined' ? globalThis : this);
