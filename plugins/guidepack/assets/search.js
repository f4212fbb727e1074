/* guidepack search: Pagefind's chunked index on a web server (a first search fetches only a
   few small files), the offline edition's index script from disk (file://). An exact
   title ranks first; each result names its guide; results can be limited to one guide. */
(function () {
  "use strict";

  var box = document.querySelector("[data-gp-search]");
  if (!box) { return; }
  var form = box.querySelector("[data-gp-search-form]");
  var input = box.querySelector("[data-gp-search-query]");
  var status = box.querySelector("[data-gp-search-status]");
  var list = box.querySelector("[data-gp-search-results]");
  var filterSlot = box.querySelector("[data-gp-search-filter]");
  /* Addresses come from this script's own (assets/guidepack/search.js), not from the page. */
  var here = document.currentScript && document.currentScript.src;
  if (!here) { return; }
  var root = new URL("../../", here);
  var PAGEFIND = new URL("pagefind/pagefind.js", root).href;
  var OFFLINE_INDEX = new URL("search/offline-index.js", root).href;
  var select = null;
  var engine = null;
  var timer = null;
  var LIMIT = 10; /* results a first search loads; "More results" loads the next ten */
  var shown = LIMIT;

  box.querySelector("[data-gp-search-nojs]").hidden = true;
  form.hidden = false;

  function say(text) { status.textContent = text; }

  function norm(text) {
    return String(text || "").toLowerCase().replace(/[\u2018\u2019']/g, "").replace(/\s+/g, " ").trim();
  }

  /* ---- engines: both give {title, url, guide, excerpt (HTML with <mark>) or text} ---- */

  function pagefindEngine() {
    return import(PAGEFIND).then(function (pagefind) {
      /* No worker: one script fewer to fetch, and 5,000 pages search fast enough in the page. */
      return pagefind.options({ baseUrl: root.pathname, noWorker: true }).then(function () {
        return pagefind.init();
      }).then(function () {
        return {
          filters: function () {
            return pagefind.filters().then(function (f) { return Object.keys((f && f.guide) || {}).sort(); });
          },
          search: function (query, guide, count) {
            var options = guide ? { filters: { guide: guide } } : {};
            return pagefind.search(query, options).then(function (found) {
              var slice = found.results.slice(0, count);
              return Promise.all(slice.map(function (r) { return r.data(); })).then(function (data) {
                return {
                  total: found.results.length,
                  items: data.map(function (d) {
                    return {
                      title: (d.meta && d.meta.title) || d.url,
                      url: d.url,
                      guide: d.filters && d.filters.guide ? d.filters.guide.join(", ") : "",
                      excerpt: d.excerpt
                    };
                  })
                };
              });
            });
          }
        };
      });
    });
  }

  function offlineEngine() {
    return new Promise(function (resolve, reject) {
      if (window.gpSearchIndex) { resolve(); return; }
      var script = document.createElement("script");
      script.src = OFFLINE_INDEX;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function () {
      var pages = window.gpSearchIndex || [];
      pages.forEach(function (p) { p.nt = norm(p.t); p.nx = norm(p.x); });
      return {
        filters: function () {
          var seen = {};
          pages.forEach(function (p) { if (p.g) { seen[p.g] = true; } });
          return Promise.resolve(Object.keys(seen).sort());
        },
        search: function (query, guide, count) {
          var q = norm(query);
          var words = q.split(" ").filter(Boolean);
          var scored = [];
          pages.forEach(function (p) {
            if (guide && p.g !== guide) { return; }
            var score = 0;
            if (p.nt === q) { score += 1000; }
            words.forEach(function (w) {
              if (p.nt.indexOf(w) >= 0) { score += 20; }
              var at = p.nx.indexOf(w);
              var n = 0;
              while (at >= 0 && n < 10) { n += 1; at = p.nx.indexOf(w, at + w.length); }
              score += n;
            });
            if (words.every(function (w) { return p.nt.indexOf(w) >= 0 || p.nx.indexOf(w) >= 0; }) && score) {
              scored.push({ page: p, score: score });
            }
          });
          scored.sort(function (a, b) { return b.score - a.score; });
          return Promise.resolve({
            total: scored.length,
            items: scored.slice(0, count).map(function (s) {
              return { title: s.page.t, url: new URL(s.page.u, root).href, guide: s.page.g, text: snippet(s.page.x, words) };
            })
          });
        }
      };
    });
  }

  function snippet(text, words) {
    var lower = text.toLowerCase();
    var at = -1;
    words.some(function (w) { at = lower.indexOf(w); return at >= 0; });
    var start = Math.max(0, at - 60);
    return (start ? "…" : "") + text.slice(start, start + 200) + "…";
  }

  /* ---- results: built as DOM nodes; an excerpt keeps only its text and <mark> ---- */

  function excerptNodes(html) {
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var out = document.createElement("p");
    out.className = "gp-search-excerpt";
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function show(query, result) {
    var q = norm(query);
    var items = result.items.slice();
    items.sort(function (a, b) { return (norm(b.title) === q) - (norm(a.title) === q); });
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.setAttribute("data-gp-result", "");
      var a = document.createElement("a");
      a.href = item.url;
      a.textContent = item.title;
      li.appendChild(a);
      if (item.guide) {
        var guide = document.createElement("span");
        guide.className = "gp-guide";
        guide.textContent = item.guide;
        li.appendChild(document.createTextNode(" "));
        li.appendChild(guide);
      }
      if (item.excerpt) {
        li.appendChild(excerptNodes(item.excerpt));
      } else if (item.text) {
        var p = document.createElement("p");
        p.className = "gp-search-excerpt";
        p.textContent = item.text;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    say(result.total ? result.total + (result.total === 1 ? " page matches." : " pages match.") +
      (result.total > items.length ? " Showing the first " + items.length + "." : "")
      : "Nothing matches “" + query + "”. Try fewer or other words.");
    if (result.total > items.length) {
      var li = document.createElement("li");
      li.className = "gp-search-more";
      var more = document.createElement("button");
      more.type = "button";
      more.className = "md-button";
      more.textContent = "More results";
      more.addEventListener("click", function () { shown += LIMIT; run(true); });
      li.appendChild(more);
      list.appendChild(li);
    }
  }

  function run(keep) {
    if (keep !== true) { shown = LIMIT; }
    var query = input.value.trim();
    var url = new URL(location.href);
    if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
    history.replaceState(null, "", url.href);
    if (!query) { list.textContent = ""; say(""); return; }
    engine.search(query, select ? select.value : "", shown).then(function (result) {
      if (input.value.trim() === query) { show(query, result); }
    });
  }

  /* The guide filter loads its list when a reader asks for it: a first search needs none. */
  function offerFilter() {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = "Limit to one guide";
    button.setAttribute("data-gp-search-filter-button", "");
    button.addEventListener("click", function () {
      button.disabled = true;
      engine.filters().then(function (guides) {
        button.remove();
        addFilter(guides);
      });
    });
    filterSlot.appendChild(button);
  }

  function addFilter(guides) {
    if (!guides.length) { return; }
    select = document.createElement("select");
    select.setAttribute("aria-label", "Limit to one guide");
    select.setAttribute("data-gp-search-guide", "");
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "All guides";
    select.appendChild(all);
    guides.forEach(function (g) {
      var option = document.createElement("option");
      option.value = g;
      option.textContent = g;
      select.appendChild(option);
    });
    select.addEventListener("change", run);
    filterSlot.appendChild(select);
    select.focus();
  }

  function start(found) {
    engine = found;
    offerFilter();
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 150);
    });
    var initial = new URL(location.href).searchParams.get("q");
    if (initial) { input.value = initial; run(); }
    say("");
  }

  say("Loading search…");
  var offline = location.protocol === "file:";
  (offline ? offlineEngine() : pagefindEngine().catch(offlineEngine)).then(start, function () {
    say("The search index is not here. It is built with the site: run `make site`, or " +
      "`python -m pagefind --site <site folder>` after building with another engine.");
  });
})();
