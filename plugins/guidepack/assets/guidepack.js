/* guidepack: progress ticks, the package explorer and the graph's highlights.
   Everything here only adds to pages that already work without scripts. */
(function () {
  "use strict";

  var KEY = "guidepack-progress";
  var FORMAT = "guidepack-progress";

  function $$(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  /* ---- progress, stored per step id so reordering never loses it ---- */

  function loadProgress() {
    try {
      var data = JSON.parse(localStorage.getItem(KEY) || "{}");
      return data && typeof data === "object" && !Array.isArray(data) ? data : {};
    } catch (e) {
      return {};
    }
  }

  function saveProgress(progress) {
    try {
      localStorage.setItem(KEY, JSON.stringify(progress));
    } catch (e) { /* storage full or blocked: ticks last for this visit only */ }
  }

  function aliasesOf(box) {
    return (box.getAttribute("data-gp-aliases") || "").split(" ").filter(Boolean);
  }

  function isDone(progress, box) {
    var id = box.getAttribute("data-gp-done");
    return Boolean(progress[id]) || aliasesOf(box).some(function (a) { return progress[a]; });
  }

  function initProgress(onChange) {
    var progress = loadProgress();
    var boxes = $$("input[data-gp-done]");
    $$(".gp-done-label[hidden]").forEach(function (el) { el.hidden = false; });
    function refresh() {
      progress = loadProgress();
      boxes.forEach(function (box) { box.checked = isDone(progress, box); });
      onChange(progress);
    }
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        progress = loadProgress();
        var id = box.getAttribute("data-gp-done");
        if (box.checked) {
          progress[id] = new Date().toISOString().slice(0, 10);
        } else {
          delete progress[id];
          aliasesOf(box).forEach(function (a) { delete progress[a]; });
        }
        saveProgress(progress);
        refresh();
      });
    });
    window.addEventListener("storage", function (event) {
      if (event.key === KEY) { refresh(); }
    });
    refresh();
    return {
      get: function () { return progress; },
      merge: function (done) {
        var count = 0;
        progress = loadProgress();
        Object.keys(done).forEach(function (id) {
          if (typeof id === "string" && id.length < 200 && done[id]) {
            progress[id] = String(done[id]).slice(0, 32);
            count += 1;
          }
        });
        saveProgress(progress);
        refresh();
        return count;
      }
    };
  }

  /* ---- the package explorer ---- */

  function initExplorer() {
    var cards = document.querySelector("[data-gp-explorer]");
    var plan = document.querySelector("[data-gp-plan]");
    if (!cards || !plan) { return null; }
    var picks = $$("input[data-gp-pick]");
    var essentials = picks.filter(function (p) { return p.disabled; })
      .map(function (p) { return p.getAttribute("data-gp-pick"); });
    var known = picks.map(function (p) { return p.getAttribute("data-gp-pick"); });
    var titles = {};
    $$("[data-gp-card]").forEach(function (card) {
      titles[card.getAttribute("data-gp-card")] = card.querySelector(".gp-card-title").textContent;
    });
    var entries = $$("[data-gp-step]", plan);
    var steps = {};
    entries.forEach(function (el) {
      var id = el.getAttribute("data-gp-step");
      steps[id] = {
        id: id,
        el: el,
        guide: el.getAttribute("data-gp-guide"),
        requires: (el.getAttribute("data-gp-requires") || "").split(" ").filter(Boolean),
        title: el.querySelector(".gp-plan-link").textContent,
        href: el.querySelector(".gp-plan-link").getAttribute("href"),
        unlocks: []
      };
    });
    Object.keys(steps).forEach(function (id) {
      steps[id].requires.forEach(function (r) { if (steps[r]) { steps[r].unlocks.push(id); } });
    });
    var members = {};
    var graph = document.querySelector("svg[data-gp-graph]");

    function ancestors(start) {
      var seen = {};
      var stack = start.slice();
      while (stack.length) {
        var id = stack.pop();
        if (seen[id] || !steps[id]) { continue; }
        seen[id] = true;
        stack.push.apply(stack, steps[id].requires);
      }
      return seen;
    }

    function selectionFromHash() {
      var match = /(?:^|[#&])pick=([^&]*)/.exec(location.hash);
      var raw = match ? decodeURIComponent(match[1]) : cards.getAttribute("data-gp-preset") || "";
      return raw.split(",").filter(function (s) { return known.indexOf(s) >= 0; });
    }

    function apply(selection, updateHash) {
      var chosen = essentials.concat(selection.filter(function (s) {
        return essentials.indexOf(s) < 0;
      }));
      picks.forEach(function (p) { p.checked = chosen.indexOf(p.getAttribute("data-gp-pick")) >= 0; });
      var neededBy = {};
      chosen.forEach(function (guide) {
        var own = Object.keys(steps).filter(function (id) { return steps[id].guide === guide; });
        Object.keys(ancestors(own)).forEach(function (id) {
          (neededBy[id] = neededBy[id] || []).push(titles[guide]);
        });
      });
      members = neededBy;
      var shown = 0;
      entries.forEach(function (el) {
        var step = steps[el.getAttribute("data-gp-step")];
        var inPlan = Boolean(neededBy[step.id]);
        el.hidden = !inPlan;
        if (!inPlan) { return; }
        shown += 1;
        var names = neededBy[step.id];
        el.querySelector("[data-gp-shared]").textContent =
          names.length > 1 ? "Needed by " + names.join(", ") : "";
        var brought = "";
        if (chosen.indexOf(step.guide) < 0) {
          var by = step.unlocks.filter(function (u) { return neededBy[u]; })
            .map(function (u) { return steps[u].title; });
          brought = "Brought in because " + by.join(", ") + (by.length > 1 ? " need it" : " needs it");
        }
        el.querySelector("[data-gp-brought]").textContent = brought;
        el.classList.toggle("gp-brought-in", Boolean(brought));
      });
      var phaseCount = 0;
      $$("[data-gp-phase]", plan).forEach(function (section) {
        var visible = $$("[data-gp-step]", section).some(function (el) { return !el.hidden; });
        section.hidden = !visible;
        if (visible) {
          phaseCount += 1;
          section.querySelector("h3").textContent = "Phase " + phaseCount;
        }
      });
      var summary = document.querySelector("[data-gp-plan-summary]");
      if (summary) {
        summary.textContent = shown + " steps in " + phaseCount +
          " phases. Steps in the same phase can happen at the same time.";
      }
      if (graph) {
        $$("[data-gp-node]", graph).forEach(function (node) {
          node.classList.toggle("gp-dim", !neededBy[node.getAttribute("data-gp-node")]);
        });
        $$("path[data-gp-from]", graph).forEach(function (edge) {
          var on = neededBy[edge.getAttribute("data-gp-from")] && neededBy[edge.getAttribute("data-gp-to")];
          edge.classList.toggle("gp-dim", !on);
        });
      }
      if (updateHash) {
        var extra = chosen.filter(function (s) { return essentials.indexOf(s) < 0; });
        history.replaceState(null, "", "#pick=" + extra.join(","));
      }
      if (progress) { showNext(progress.get()); }
    }

    picks.forEach(function (p) {
      p.addEventListener("change", function () {
        apply(picks.filter(function (x) { return x.checked; })
          .map(function (x) { return x.getAttribute("data-gp-pick"); }), true);
      });
    });
    window.addEventListener("hashchange", function () { apply(selectionFromHash(), false); });

    function showNext(done) {
      var list = document.querySelector("[data-gp-next]");
      if (!list) { return; }
      var doneIds = {};
      Object.keys(steps).forEach(function (id) {
        var box = steps[id].el.querySelector("input[data-gp-done]");
        if (box && box.checked) { doneIds[id] = true; }
      });
      Object.keys(done).forEach(function (id) { doneIds[id] = true; });
      var ready = entries.map(function (el) { return steps[el.getAttribute("data-gp-step")]; })
        .filter(function (s) {
          return members[s.id] && !doneIds[s.id] &&
            s.requires.every(function (r) { return doneIds[r]; });
        });
      list.textContent = "";
      ready.forEach(function (s) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = s.href;
        a.textContent = s.title;
        li.appendChild(a);
        li.appendChild(document.createTextNode(" (" + (titles[s.guide] || s.guide) + ")"));
        li.setAttribute("data-gp-next-step", s.id);
        list.appendChild(li);
      });
      if (!ready.length) {
        var li = document.createElement("li");
        li.textContent = "Every step in the plan is done.";
        list.appendChild(li);
      }
    }

    var progress = null;
    return {
      start: function (p) {
        progress = p;
        apply(selectionFromHash(), false);
      },
      showNext: function (done) { showNext(done); }
    };
  }

  /* ---- the graph: highlight what a step needs and what it unlocks ---- */

  function initGraph() {
    var svg = document.querySelector("svg[data-gp-graph]");
    if (!svg) { return; }
    var edges = $$("path[data-gp-from]", svg);
    var before = {};
    var after = {};
    edges.forEach(function (e) {
      var a = e.getAttribute("data-gp-from");
      var b = e.getAttribute("data-gp-to");
      (before[b] = before[b] || []).push(a);
      (after[a] = after[a] || []).push(b);
    });
    function reach(start, next) {
      var seen = {};
      var stack = [start];
      while (stack.length) {
        var id = stack.pop();
        (next[id] || []).forEach(function (n) { if (!seen[n]) { seen[n] = true; stack.push(n); } });
      }
      return seen;
    }
    function highlight(id) {
      var up = reach(id, before);
      var down = reach(id, after);
      svg.classList.add("gp-focus");
      $$("[data-gp-node]", svg).forEach(function (n) {
        var nid = n.getAttribute("data-gp-node");
        n.classList.toggle("gp-hl", Boolean(nid === id || up[nid] || down[nid]));
        n.classList.toggle("gp-hl-self", nid === id);
      });
      edges.forEach(function (e) {
        var a = e.getAttribute("data-gp-from");
        var b = e.getAttribute("data-gp-to");
        var on = (up[a] && (up[b] || b === id)) || ((down[b]) && (down[a] || a === id));
        e.classList.toggle("gp-hl", Boolean(on));
      });
    }
    function clear() {
      svg.classList.remove("gp-focus");
      $$(".gp-hl", svg).forEach(function (n) { n.classList.remove("gp-hl", "gp-hl-self"); });
    }
    $$("a[data-gp-node]", svg).forEach(function (a) {
      var id = a.getAttribute("data-gp-node");
      a.addEventListener("mouseenter", function () { highlight(id); });
      a.addEventListener("focus", function () { highlight(id); });
      a.addEventListener("mouseleave", clear);
      a.addEventListener("blur", clear);
    });
  }

  /* ---- interview videos: nothing loads from the video host until the reader clicks ---- */

  var VIDEO_ID = /^[A-Za-z0-9_-]{6,64}$/;
  var VIDEO_HOST = /^[a-z0-9.-]+\.[a-z]{2,}$/;

  function videoSource(provider, id, host) {
    if (!VIDEO_ID.test(id || "")) { return null; }
    if (provider === "youtube") {
      return "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1";
    }
    if (provider === "peertube" && VIDEO_HOST.test(host || "")) {
      return "https://" + host + "/videos/embed/" + id + "?autoplay=1";
    }
    return null;
  }

  function initVideos() {
    $$("[data-gp-video]").forEach(function (box) {
      var src = videoSource(box.getAttribute("data-gp-provider"), box.getAttribute("data-gp-id"),
        box.getAttribute("data-gp-host"));
      var button = box.querySelector("[data-gp-video-play]");
      if (!src || !button) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        var frame = document.createElement("iframe");
        frame.className = "gp-video-frame";
        frame.title = box.getAttribute("data-gp-title") || "Video";
        frame.setAttribute("allow", "autoplay; fullscreen; picture-in-picture; encrypted-media");
        frame.setAttribute("allowfullscreen", "");
        frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-presentation");
        frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
        frame.src = src;
        box.replaceChildren(frame);
        frame.focus();
      });
    });
  }

  /* ---- export, import, print ---- */

  function initTools(progress) {
    var tools = document.querySelector("[data-gp-progress-tools]");
    if (!tools) { return; }
    tools.hidden = false;
    var status = tools.querySelector("[data-gp-status]");
    tools.querySelector("[data-gp-export]").addEventListener("click", function () {
      var data = { format: FORMAT, version: 1, exported: new Date().toISOString(), done: progress.get() };
      var blob = new Blob([JSON.stringify(data, null, 1)], { type: "application/json" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "guidepack-progress.json";
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
    });
    tools.querySelector("[data-gp-import]").addEventListener("change", function (event) {
      var file = event.target.files && event.target.files[0];
      if (!file) { return; }
      var reader = new FileReader();
      reader.onload = function () {
        try {
          var data = JSON.parse(reader.result);
          if (!data || data.format !== FORMAT || typeof data.done !== "object" || !data.done) {
            throw new Error("not a guidepack progress file");
          }
          var count = progress.merge(data.done);
          status.textContent = "Imported progress on " + count + " steps.";
        } catch (e) {
          status.textContent = "Could not import that file: it is not a guidepack progress file.";
        }
        event.target.value = "";
      };
      reader.readAsText(file);
    });
    tools.querySelector("[data-gp-print]").addEventListener("click", function () { window.print(); });
  }

  /* Material's search dialog has no name for screen readers; it only works with scripts on. */
  $$(".md-search[role='dialog']:not([aria-label])").forEach(function (el) {
    el.setAttribute("aria-label", "Search");
  });

  var explorer = initExplorer();
  var progress = initProgress(function (done) { if (explorer) { explorer.showNext(done); } });
  if (explorer) {
    explorer.start(progress);
    initTools(progress);
  }
  initGraph();
  initVideos();
})();
