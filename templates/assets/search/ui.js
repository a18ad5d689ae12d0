/* planpress site search: the search page (search.html). Results are built with DOM methods and
 * textContent only — never innerHTML — so nothing in a query or in the content can run. The query and
 * the selected facets live in the URL (search.html?q=…&plan=…), so a search can be shared. */
(function () {
  'use strict';
  var ns = window.planpressSearch;
  var PAGE = 10;             // results shown at first and added by 「さらに表示」
  var FIRST = 4;             // results shown before the rest of the page is loaded
  var FACET_PREVIEW = 8;     // facet values shown before 「すべて表示」
  var ANNOUNCE_DELAY = 700;  // ms of quiet before the result count is announced to screen readers

  var input = document.getElementById('search-q');
  var form = document.getElementById('search-form');
  var summary = document.getElementById('search-summary');
  var live = document.getElementById('search-live');
  var facetSection = document.getElementById('search-facets');
  var facetGroups = document.getElementById('facet-groups');
  var clearButton = document.getElementById('facet-clear');
  var facetDetails = document.getElementById('facet-details');
  var facetSelected = document.getElementById('facet-selected');
  var resultsBox = document.getElementById('search-results');
  var olderBox = document.getElementById('search-older-box');
  var olderInput = document.getElementById('search-older');
  if (!ns || !ns.index() || !input) return;

  // older: also search the older editions of a series (by default only the newest edition of each).
  var state = { q: '', filters: {}, shown: PAGE, older: false };

  // The facets stand beside the results on a wide screen; on a phone they come first, so they start
  // folded (one line) and the first results are on the first screen. The reader can open them.
  if (facetDetails && window.matchMedia) {
    var wide = window.matchMedia('(min-width: 48.01rem)');
    var fold = function () { facetDetails.open = wide.matches; };
    fold();
    if (wide.addEventListener) wide.addEventListener('change', fold);
  }
  var expanded = {};        // facet name → showing all values
  var last = null;          // {query, result} of the last search, reused when only facets change
  var sequence = 0;
  var announceTimer = 0;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Text with the given ranges wrapped in <mark>, appended to `parent` as text nodes and elements.
  function appendMarked(parent, text, ranges) {
    var at = 0;
    ranges.forEach(function (r) {
      if (r[0] > at) parent.appendChild(document.createTextNode(text.slice(at, r[0])));
      parent.appendChild(el('mark', null, text.slice(r[0], r[1])));
      at = r[1];
    });
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }

  // ---- URL ---------------------------------------------------------------------------------------------

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    state.q = params.get('q') || '';
    state.older = params.get('older') === '1';
    state.filters = {};
    ns.FACETS.forEach(function (f) {
      var v = params.getAll(f.param).filter(Boolean);
      if (v.length) state.filters[f.name] = v;
    });
  }

  function writeUrl() {
    var params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    if (state.older) params.set('older', '1');
    ns.FACETS.forEach(function (f) { (state.filters[f.name] || []).forEach(function (v) { params.append(f.param, v); }); });
    var query = params.toString();
    var url = window.location.pathname + (query ? '?' + query : '') + window.location.hash;
    try { window.history.replaceState(null, '', url); } catch (e) { /* some file:// set-ups refuse; the page still works */ }
  }

  // ---- facets ------------------------------------------------------------------------------------------

  function facetId(name, i) { return 'facet-' + name + '-' + i; }

  function renderFacets(counts) {
    var focused = document.activeElement && document.activeElement.id;
    while (facetGroups.firstChild) facetGroups.removeChild(facetGroups.firstChild);
    var any = false;
    ns.FACETS.forEach(function (f) {
      var selected = state.filters[f.name] || [];
      var values = ns.facetValues(f.name).map(function (v, i) {
        return { value: v.value, label: v.label, id: facetId(f.name, i), count: counts[f.name].get(v.value) || 0 };
      }).filter(function (v) { return v.count > 0 || selected.indexOf(v.value) >= 0; });
      if (!values.length) return;
      any = true;
      if (f.name === 'department') values.sort(function (a, b) { return b.count - a.count; });
      var fieldset = el('fieldset', { class: 'facet' });
      fieldset.appendChild(el('legend', null, f.legend));
      var list = el('ul', { class: 'facet-values', id: 'facet-list-' + f.name });
      var limit = expanded[f.name] ? values.length : FACET_PREVIEW;
      values.forEach(function (v, k) {
        var checked = selected.indexOf(v.value) >= 0;
        if (k >= limit && !checked) return;
        var li = el('li');
        var box = el('input', { type: 'checkbox', id: v.id, name: f.param, value: v.value });
        box.checked = checked;
        box.addEventListener('change', function () {
          var list = (state.filters[f.name] || []).filter(function (x) { return x !== v.value; });
          if (box.checked) list.push(v.value);
          if (list.length) state.filters[f.name] = list; else delete state.filters[f.name];
          state.shown = PAGE;
          run(null);
        });
        var label = el('label', { for: v.id });
        label.appendChild(document.createTextNode(v.label + ' '));
        label.appendChild(el('span', { class: 'facet-count' }, '（' + v.count + '件）'));
        li.appendChild(box);
        li.appendChild(label);
        list.appendChild(li);
      });
      fieldset.appendChild(list);
      if (values.length > FACET_PREVIEW) {
        var toggle = el('button', { type: 'button', class: 'facet-toggle', id: 'facet-toggle-' + f.name,
          'aria-expanded': expanded[f.name] ? 'true' : 'false', 'aria-controls': 'facet-list-' + f.name },
          expanded[f.name] ? '主なものだけ表示' : 'すべて表示（' + values.length + '件）');
        toggle.addEventListener('click', function () {
          expanded[f.name] = !expanded[f.name];
          renderFacets(counts);
        });
        fieldset.appendChild(toggle);
      }
      facetGroups.appendChild(fieldset);
    });
    facetSection.hidden = !any;
    var selectedCount = 0;
    Object.keys(state.filters).forEach(function (k) { selectedCount += state.filters[k].length; });
    clearButton.hidden = selectedCount === 0;
    // A folded summary still says that filters are on.
    if (facetSelected) facetSelected.textContent = selectedCount ? '（' + selectedCount + '件選択中）' : '';
    if (focused && /^facet-/.test(focused)) {
      var again = document.getElementById(focused);
      if (again) again.focus();
    }
  }

  // ---- results -----------------------------------------------------------------------------------------

  function renderResult(r, doc, terms) {
    var li = el('li', { class: 'result' });
    var h = el('h3', { class: 'result-title' });
    var a = el('a', { href: doc.url });
    appendMarked(a, doc.title, ns.matchRanges(doc.title, terms));
    h.appendChild(a);
    li.appendChild(h);
    var meta = el('p', { class: 'result-meta' });
    meta.appendChild(el('span', { class: 'result-type' }, doc.kind.label));
    // A result from an older edition of a series says which year's edition it is (令和7年度版).
    var plan = ns.index().plans[ns.index().plan[r.doc]];
    if (plan && plan.older && plan.edition) meta.appendChild(el('span', { class: 'result-edition' }, plan.edition));
    li.appendChild(meta);
    ns.passagesToShow(doc, terms, 2).forEach(function (found) {
      var s = ns.snippet(found.passage.text, found.ranges, 120);
      var p = el('p', { class: 'result-passage' });
      if (found.passage.label) {
        // A passage of a sub-item links to it on the item's page.
        var label = el('span', { class: 'result-label' });
        if (found.passage.anchor) label.appendChild(el('a', { href: doc.url + '#' + found.passage.anchor }, found.passage.label));
        else label.textContent = found.passage.label;
        p.appendChild(label);
      }
      var body = el('span', { class: 'result-text' });
      if (s.before) body.appendChild(document.createTextNode('…'));
      appendMarked(body, s.text, s.ranges);
      if (s.after) body.appendChild(document.createTextNode('…'));
      p.appendChild(body);
      li.appendChild(p);
    });
    return li;
  }

  function describe(total, all, groups, older) {
    if (!state.q.trim()) return '';
    var q = '「' + state.q.trim() + '」';
    // Matches only in older editions are not "no results": the reader is told where they are.
    var past = older ? '過去の年度版に' + older + '件あります（「過去の年度版も含める」で表示します）。' : '';
    if (all === 0) return q + 'に一致する結果はありませんでした。';
    if (all === older) return q + 'に一致する結果は最新の年度版にはありませんでした。' + past;
    if (total === 0) return q + 'に一致する' + (all - older) + '件のうち、選んだ条件に当てはまる結果はありませんでした。' + past;
    var text = q + 'の検索結果：' + total + '件（' + groups + '計画）';
    if (total !== all - older) text += '、絞り込み前は' + (all - older) + '件';
    return text + (past ? '。' + past : '');
  }

  // The results on the page: results [0, count) of `refined` are shown, in sections per plan.
  var shown = { refined: null, terms: [], count: 0, sections: new Map(), more: null };

  // Starts a fresh result list (a new query or new filters): summary, empty results.
  function resetResults(found, refined) {
    while (resultsBox.firstChild) resultsBox.removeChild(resultsBox.firstChild);
    shown = { refined: refined, terms: found.terms, count: 0, sections: new Map(), more: null };
    var message = describe(refined.results.length, found.matches.length, refined.groups.length, refined.older);
    summary.textContent = message;
    summary.hidden = !message;
    clearTimeout(announceTimer);
    announceTimer = setTimeout(function () { live.textContent = message; }, ANNOUNCE_DELAY);
  }

  // Adds results [shown.count, upTo) whose texts are loaded; returns the first new result's link.
  function appendResults(upTo, docs) {
    var refined = shown.refined, first = null;
    if (shown.more) { shown.more.remove(); shown.more = null; }
    for (var i = shown.count; i < Math.min(upTo, refined.results.length); i++) {
      var r = refined.results[i], doc = docs.get(r.doc);
      if (!doc) break;
      var p = ns.index().plan[r.doc], section = shown.sections.get(p);
      if (!section) {
        var group = refined.groups.filter(function (g) { return g.plan === ns.index().plans[p]; })[0];
        var id = 'result-group-' + shown.sections.size;
        var box = el('section', { class: 'result-group', 'aria-labelledby': id });
        var h = el('h2', { id: id });
        h.appendChild(document.createTextNode(group.plan.title + ' '));
        h.appendChild(el('span', { class: 'result-count' }, '（' + group.results.length + '件）'));
        box.appendChild(h);
        section = el('ol', { class: 'results' });
        box.appendChild(section);
        resultsBox.appendChild(box);
        shown.sections.set(p, section);
      }
      var li = renderResult(r, doc, shown.terms);
      section.appendChild(li);
      if (!first) first = li.querySelector('a');
      shown.count = i + 1;
    }
    if (refined.results.length > shown.count && shown.count >= Math.min(upTo, refined.results.length)) {
      shown.more = el('button', { type: 'button', class: 'more-results' },
        'さらに表示（残り' + (refined.results.length - shown.count) + '件）');
      shown.more.addEventListener('click', function () {
        state.shown = shown.count + PAGE;
        showMore();
      });
      resultsBox.appendChild(shown.more);
    }
    return first;
  }

  // 「さらに表示」: the next page of results, with the focus on the first new one.
  function showMore() {
    var my = sequence, refined = shown.refined;
    var ids = refined.results.slice(shown.count, state.shown).map(function (r) { return r.doc; });
    return ns.documents(ids).then(function (loaded) {
      if (my !== sequence) return;
      var first = appendResults(state.shown, loaded.docs);
      if (first) first.focus();
    });
  }

  // Calls fn after the next frame has been painted.
  function afterPaint(fn) {
    requestAnimationFrame(function () { setTimeout(fn, 0); });
  }

  // ---- running a search --------------------------------------------------------------------------------

  /**
   * Searches for state.q with state.filters and shows the results: the first few as soon as their texts
   * are loaded, then the rest of the page and the facets. `startedAt` is the input event's time.
   */
  function run(startedAt) {
    var my = ++sequence;
    var start = startedAt === null || startedAt === undefined ? performance.now() : startedAt;
    var query = state.q;
    var files = [], times = { begin: performance.now() };
    var searching = last && last.query === query ? Promise.resolve(last.result) : ns.search(query);
    resultsBox.setAttribute('aria-busy', 'true');
    return searching.then(function (found) {
      if (my !== sequence) return null;
      times.searched = performance.now();
      last = { query: query, result: found };
      files = files.concat(found.files);
      found.files = [];
      var refined = ns.refine(found.matches, state.filters, state.older);
      times.refined = performance.now();
      var ids = refined.results.slice(0, state.shown).map(function (r) { return r.doc; });
      return ns.documents(ids.slice(0, FIRST)).then(function (loaded) {
        if (my !== sequence) return null;
        times.firstLoaded = performance.now();
        files = files.concat(loaded.files);
        resetResults(found, refined);
        appendResults(FIRST, loaded.docs);
        if (!query.trim()) facetSection.hidden = true;
        times.firstRendered = performance.now();
        // The rest of the page once the first results are on screen (loading it sooner delays that frame).
        return new Promise(function (resolve) {
          afterPaint(function () {
            times.firstPainted = performance.now();
            resolve(my === sequence ? ns.documents(ids) : null);
          });
        });
      }).then(function (loaded) {
        if (!loaded || my !== sequence) return null;
        times.loaded = performance.now();
        files = files.concat(loaded.files);
        appendResults(state.shown, loaded.docs);
        renderFacets(refined.counts);
        if (!query.trim()) facetSection.hidden = true;
        resultsBox.removeAttribute('aria-busy');
        times.rendered = performance.now();
        // Once painted: the URL (history.replaceState costs a layout, so it waits) and the report the
        // benchmark reads (from the keystroke to the first results, and to the whole page).
        afterPaint(function () {
          var paintedAt = performance.now();
          if (my !== sequence) return;
          writeUrl();
          resultsBox.setAttribute('data-query', query);
          document.dispatchEvent(new CustomEvent('planpress-search-rendered', { detail: {
            query: query, startedAt: start, firstPaintedAt: times.firstPainted || paintedAt, paintedAt: paintedAt,
            results: refined.results.length, files: files, times: times } }));
        });
        return refined;
      });
    }).catch(function (err) {
      if (my !== sequence) return;
      summary.hidden = false;
      summary.textContent = '検索の索引を読み込めませんでした（' + err.message + '）。';
      resultsBox.removeAttribute('aria-busy');
    });
  }

  input.addEventListener('input', function (e) {
    if (e.isComposing) return;  // wait for the IME to commit
    state.q = input.value;
    state.shown = PAGE;
    run(e.timeStamp);
  });
  input.addEventListener('compositionend', function (e) {
    state.q = input.value;
    state.shown = PAGE;
    run(e.timeStamp);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    state.q = input.value;
    state.shown = PAGE;
    run(e.timeStamp);
  });
  if (olderBox && olderInput && ns.hasOlderEditions()) {
    olderBox.hidden = false;
    olderInput.addEventListener('change', function () {
      state.older = olderInput.checked;
      state.shown = PAGE;
      run(null);
    });
  }
  clearButton.addEventListener('click', function () {
    state.filters = {};
    state.shown = PAGE;
    run(null);
    input.focus();
  });

  readUrl();
  input.value = state.q;
  if (olderInput) olderInput.checked = state.older;
  if (state.q) {
    run(null);
  } else {
    // While the reader starts typing: compile the search and rendering code on made-up data.
    setTimeout(function () {
      if (state.q) return;
      ns.warmUp();
      var doc = { title: '研修の実施', url: '#', kind: { label: '取組項目' },
        passages: [{ cls: 1, label: '内容', text: '職員研修を実施する。', anchor: '' }] };
      renderResult({ doc: 0, score: 0 }, doc, ['研修']);
    }, 0);
  }
})();
