/* guidepack: progress ticks, the package explorer (picks, plan, timeline, critical path),
   the map's highlights, videos on click, and the search page's script.
   Everything here only adds to pages that already work without scripts. */
(function () {
  "use strict";

  /* Sibling scripts are found from this script's own address, never from page markup. */
  var HERE = document.currentScript ? document.currentScript.src : "";
  var KEY = "guidepack-progress";
  var FORMAT = "guidepack-progress";
  var MONTH = 365.25 / 12 / 7; /* weeks */

  /* A part of the address, decoded; a malformed one (`%E0%A4%A`) counts as empty. */
  function decoded(text) {
    try { return decodeURIComponent(text); } catch (e) { return ""; }
  }

  function $$(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function pair(text) {
    var parts = String(text || "0 0").split(" ").map(Number);
    return { lo: parts[0] || 0, hi: parts.length > 1 ? parts[1] || 0 : parts[0] || 0 };
  }

  /* A range of weeks as words, like the site's own: "3-9 months". */
  function formatWeeks(lo, hi) {
    var units = [["day", 1 / 7, 2], ["week", 1, 9], ["month", MONTH, 24 * MONTH], ["year", 365.25 / 7, Infinity]];
    var unit = units.filter(function (u) { return hi < u[2]; })[0];
    var a = lo ? Math.max(1, Math.floor(lo / unit[1] + 0.5 + 1e-9)) : 0;
    var b = Math.max(a, Math.floor(hi / unit[1] + 0.5 + 1e-9), 1);
    return (a === b ? String(a) : a + "-" + b) + " " + unit[0] + (b === 1 ? "" : "s");
  }

  function loadScript(src) {
    var script = document.createElement("script");
    script.src = src;
    document.head.appendChild(script);
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
    var preview = null; /* progress from a shared link, shown but not yet adopted */
    var boxes = $$("input[data-gp-done]");
    $$(".gp-done-label[hidden]").forEach(function (el) { el.hidden = false; });
    function shown() { return preview || progress; }
    function refresh() {
      progress = loadProgress();
      boxes.forEach(function (box) { box.checked = isDone(shown(), box); });
      onChange(shown());
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
      get: function () { return shown(); },
      own: function () { return progress; },
      preview: function (done) { preview = done; refresh(); },
      /* Add ticks (id -> date) to the stored progress; returns how many were new. */
      merge: function (done) {
        var count = 0;
        progress = loadProgress();
        Object.keys(done).forEach(function (id) {
          if (typeof id === "string" && id.length < 200 && done[id] && !progress[id]) {
            progress[id] = String(done[id]).slice(0, 32);
            count += 1;
          }
        });
        saveProgress(progress);
        preview = null;
        refresh();
        return count;
      }
    };
  }

  /* ---- the package explorer: picks, the plan, the timeline and the critical path ---- */

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
      var start = pair(el.getAttribute("data-gp-start"));
      var weeks = pair(el.getAttribute("data-gp-weeks"));
      var involve = el.querySelector(".gp-involve");
      steps[id] = {
        id: id,
        el: el,
        guide: el.getAttribute("data-gp-guide"),
        requires: (el.getAttribute("data-gp-requires") || "").split(" ").filter(Boolean),
        title: el.querySelector(".gp-plan-link").textContent,
        href: el.querySelector(".gp-plan-link").href,
        start: start,
        finish: { lo: start.lo + weeks.lo, hi: start.hi + weeks.hi },
        involve: involve ? involve.textContent.replace(/^Involve:\s*/, "") : "",
        aliases: ((el.querySelector("[data-gp-aliases]") || el).getAttribute("data-gp-aliases") || "")
          .split(" ").filter(Boolean),
        unlocks: []
      };
    });
    Object.keys(steps).forEach(function (id) {
      steps[id].requires.forEach(function (r) { if (steps[r]) { steps[r].unlocks.push(id); } });
    });
    var members = {};
    var critical = [];
    var graph = document.querySelector("svg[data-gp-graph]");
    var bars = {};
    $$("[data-gp-bar]").forEach(function (bar) { bars[bar.getAttribute("data-gp-bar")] = bar; });

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
      var raw = match ? decoded(match[1]) : cards.getAttribute("data-gp-preset") || "";
      return raw.split(",").filter(function (s) { return known.indexOf(s) >= 0; });
    }

    /* The chain that decides the high-end finish of the steps in the plan. */
    function criticalPath(inPlan) {
      var last = null;
      inPlan.forEach(function (id) {
        if (!last || steps[id].finish.hi > steps[last].finish.hi) { last = id; }
      });
      var path = [];
      while (last) {
        path.unshift(last);
        var before = steps[last].requires.filter(function (r) { return members[r]; });
        var next = null;
        before.forEach(function (r) {
          if (!next || steps[r].finish.hi > steps[next].finish.hi) { next = r; }
        });
        last = next;
      }
      return path;
    }

    function showCritical() {
      var on = {};
      critical.forEach(function (id) { on[id] = true; });
      Object.keys(steps).forEach(function (id) {
        steps[id].el.toggleAttribute("data-gp-critical", Boolean(on[id]));
        if (bars[id]) { bars[id].toggleAttribute("data-gp-critical", Boolean(on[id])); }
      });
      if (graph) {
        $$("[data-gp-node]", graph).forEach(function (node) {
          node.toggleAttribute("data-gp-critical", Boolean(on[node.getAttribute("data-gp-node")]));
        });
      }
      var list = document.querySelector("[data-gp-critical-path]");
      if (list) {
        list.textContent = "";
        critical.forEach(function (id) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = steps[id].href;
          a.textContent = steps[id].title;
          var guide = document.createElement("span");
          guide.className = "gp-guide";
          guide.textContent = titles[steps[id].guide] || steps[id].el.querySelector(".gp-guide").textContent;
          li.appendChild(a);
          li.appendChild(document.createTextNode(" "));
          li.appendChild(guide);
          list.appendChild(li);
        });
      }
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
      var inPlan = [];
      entries.forEach(function (el) {
        var step = steps[el.getAttribute("data-gp-step")];
        var on = Boolean(neededBy[step.id]);
        el.hidden = !on;
        if (bars[step.id]) { bars[step.id].hidden = !on; }
        if (!on) { return; }
        inPlan.push(step.id);
        var names = neededBy[step.id];
        el.querySelector("[data-gp-shared]").textContent =
          names.length > 1 ? "Needed by " + names.join(", ") : "";
        var pulled = "";
        if (chosen.indexOf(step.guide) < 0) {
          var by = step.unlocks.filter(function (u) { return neededBy[u]; })
            .map(function (u) { return steps[u].title; });
          pulled = "Pulled in because " + by.join(", ") + (by.length > 1 ? " need it" : " needs it");
        }
        el.querySelector("[data-gp-pulled-by]").textContent = pulled;
        el.classList.toggle("gp-is-pulled-in", Boolean(pulled));
      });
      var phaseCount = 0;
      $$("[data-gp-phase]", plan).forEach(function (section) {
        var visible = $$("[data-gp-step]", section).some(function (el) { return !el.hidden; });
        section.hidden = !visible;
        if (visible) {
          phaseCount += 1;
          section.querySelector("h3").textContent = "Phase " + phaseCount;
          section.setAttribute("data-gp-phase-shown", String(phaseCount));
        }
      });
      $$("[data-gp-tl-guide]").forEach(function (lane) {
        lane.hidden = !$$("[data-gp-bar]", lane).some(function (b) { return !b.hidden; });
      });
      critical = criticalPath(inPlan);
      showCritical();
      var lo = 0;
      var hi = 0;
      inPlan.forEach(function (id) {
        lo = Math.max(lo, steps[id].finish.lo);
        hi = Math.max(hi, steps[id].finish.hi);
      });
      var total = document.querySelector("[data-gp-total]");
      if (total && inPlan.length) { total.textContent = hi ? "about " + formatWeeks(lo, hi) : "no estimate yet"; }
      var count = document.querySelector("[data-gp-count]");
      if (count) { count.textContent = String(inPlan.length); }
      var phases = document.querySelector("[data-gp-phases]");
      if (phases) { phases.textContent = String(phaseCount); }
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

    function doneIds(done) {
      var found = {};
      Object.keys(steps).forEach(function (id) {
        if (done[id] || steps[id].aliases.some(function (a) { return done[a]; })) { found[id] = true; }
      });
      return found;
    }

    function showNext(done) {
      var list = document.querySelector("[data-gp-next]");
      if (!list) { return; }
      var ids = doneIds(done);
      var ready = entries.map(function (el) { return steps[el.getAttribute("data-gp-step")]; })
        .filter(function (s) {
          return members[s.id] && !ids[s.id] && s.requires.every(function (r) { return ids[r]; });
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
      showNext: function (done) { showNext(done); },
      /* The steps of the current plan, in order, with what a CSV or calendar needs. */
      rows: function () {
        return entries.filter(function (el) { return !el.hidden; }).map(function (el) {
          var step = steps[el.getAttribute("data-gp-step")];
          var section = el.closest("[data-gp-phase]");
          return {
            id: step.id,
            title: step.title,
            project: titles[step.guide] || el.querySelector(".gp-guide").textContent,
            phase: section ? section.getAttribute("data-gp-phase-shown") || "" : "",
            start: step.start,
            finish: step.finish,
            critical: critical.indexOf(step.id) >= 0,
            involve: step.involve,
            href: step.href
          };
        });
      },
      canonical: function (done) {
        var ids = doneIds(done);
        var out = {};
        Object.keys(ids).forEach(function (id) {
          out[id] = done[id] || steps[id].aliases.map(function (a) { return done[a]; }).filter(Boolean)[0];
        });
        return out;
      },
      mark: function (by) {
        Object.keys(steps).forEach(function (id) {
          var slot = steps[id].el.querySelector("[data-gp-marked]");
          if (slot) { slot.textContent = by[id] ? "Marked done in " + by[id].join(", ") : ""; }
        });
      }
    };
  }

  /* ---- the map: highlight what a step needs and what it unlocks ---- */

  function initGraph() {
    $$("svg[data-gp-graph]").forEach(function (svg) {
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

  /* ---- share, merge, export and print progress; the plan as CSV and as a calendar ---- */

  /* Progress in a link: `done=guide:slug.slug~guide:slug`, ids as the site names them. */
  function encodeDone(done) {
    var byGuide = {};
    Object.keys(done).sort().forEach(function (id) {
      var parts = id.split("/");
      if (parts.length !== 2 || !/^[a-z0-9-]+$/.test(parts[0] + parts[1])) { return; }
      (byGuide[parts[0]] = byGuide[parts[0]] || []).push(parts[1]);
    });
    return Object.keys(byGuide).map(function (g) { return g + ":" + byGuide[g].join("."); }).join("~");
  }

  function decodeDone(text) {
    var done = {};
    String(text || "").split("~").forEach(function (group) {
      var parts = group.split(":");
      if (parts.length !== 2 || !/^[a-z0-9-]+$/.test(parts[0])) { return; }
      parts[1].split(".").forEach(function (slug) {
        if (/^[a-z0-9-]+$/.test(slug)) { done[parts[0] + "/" + slug] = "shared"; }
      });
    });
    return done;
  }

  function download(name, type, text) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  function addWeeks(date, weeks) {
    var d = new Date(date.getTime());
    d.setUTCDate(d.getUTCDate() + Math.round(weeks * 7));
    return d;
  }

  function isoDate(d) { return d.toISOString().slice(0, 10); }

  function csvCell(value) {
    var text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; } /* a spreadsheet must not run it */
    return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function planCsv(rows, start) {
    var lines = [["Step", "Project", "Phase", "Earliest start", "Finish", "Latest finish",
      "Critical path", "Who to involve", "Link"].join(",")];
    rows.forEach(function (r) {
      lines.push([r.title, r.project, r.phase, isoDate(addWeeks(start, r.start.lo)),
        isoDate(addWeeks(start, r.finish.lo)), isoDate(addWeeks(start, r.finish.hi)),
        r.critical ? "yes" : "no", r.involve, r.href].map(csvCell).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  function icsText(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r?\n/g, "\\n");
  }

  /* Fold a content line at 75 octets, as RFC 5545 asks, without splitting a character. */
  function fold(line) {
    var out = [];
    var current = "";
    var size = 0;
    Array.from(line).forEach(function (ch) {
      var n = unescape(encodeURIComponent(ch)).length;
      if (size + n > (out.length ? 74 : 75)) { out.push(current); current = ""; size = 0; }
      current += ch;
      size += n;
    });
    out.push(current);
    return out.join("\r\n ");
  }

  function planIcs(rows, start) {
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    var day = function (d) { return isoDate(d).replace(/-/g, ""); };
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//guidepack//plan//EN", "CALSCALE:GREGORIAN",
      "X-WR-CALNAME:" + icsText(document.title.split(" - ")[0] || "Plan")];
    rows.forEach(function (r) {
      var from = addWeeks(start, r.start.lo);
      var to = addWeeks(start, Math.max(r.finish.lo, r.start.lo + 1 / 7));
      lines.push("BEGIN:VEVENT", "UID:" + r.id.replace("/", "-") + "@guidepack", "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + day(from), "DTEND;VALUE=DATE:" + day(to),
        "SUMMARY:" + icsText((r.critical ? "Critical path: " : "") + r.title + " (" + r.project + ")"),
        "DESCRIPTION:" + icsText("Phase " + r.phase + ". Earliest start; it may take until " +
          isoDate(addWeeks(start, r.finish.hi)) + "." + (r.involve ? "\nWho to involve: " + r.involve : "") +
          "\n" + r.href),
        "URL:" + r.href, "CATEGORIES:" + icsText(r.project) + (r.critical ? ",Critical path" : ""),
        "TRANSP:TRANSPARENT", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  function initTools(progress, explorer) {
    var tools = document.querySelector("[data-gp-progress-tools]");
    if (!tools) { return; }
    tools.hidden = false;
    var status = tools.querySelector("[data-gp-status]");
    var report = tools.querySelector("[data-gp-merge-report]");
    var dateInput = tools.querySelector("[data-gp-start-date]");
    if (dateInput && !dateInput.value) { dateInput.value = isoDate(new Date()); }
    function startDate() {
      var value = dateInput && dateInput.value ? dateInput.value : isoDate(new Date());
      return new Date(value + "T00:00:00Z");
    }

    tools.querySelector("[data-gp-export]").addEventListener("click", function () {
      var data = { format: FORMAT, version: 1, exported: new Date().toISOString(), done: progress.own() };
      download("guidepack-progress.json", "application/json", JSON.stringify(data, null, 1));
    });

    tools.querySelector("[data-gp-import]").addEventListener("change", function (event) {
      var files = Array.prototype.slice.call(event.target.files || []);
      if (!files.length) { return; }
      var by = {};
      var union = {};
      var lines = [];
      /* Read all, then take them in the order chosen, whichever finished reading first. */
      Promise.all(files.map(function (file) {
        return file.text().catch(function () { return ""; });
      })).then(function (texts) {
        texts.forEach(function (text, i) {
          var name = files[i].name;
          try {
            var data = JSON.parse(text);
            if (!data || data.format !== FORMAT || typeof data.done !== "object" || !data.done) {
              throw new Error("not a guidepack progress file");
            }
            var done = explorer.canonical(data.done);
            Object.keys(done).forEach(function (id) {
              (by[id] = by[id] || []).push(name);
              union[id] = union[id] || done[id];
            });
            lines.push(name + ": " + Object.keys(done).length + " steps done");
          } catch (e) {
            lines.push(name + ": not a guidepack progress file, left out");
          }
        });
        var added = progress.merge(union);
        var read = Object.keys(union).length;
        explorer.mark(by);
        report.textContent = "";
        if (files.length > 1) {
          lines.forEach(function (line) {
            var li = document.createElement("li");
            li.textContent = line;
            report.appendChild(li);
          });
        }
        if (files.length === 1) {
          status.textContent = lines[0].indexOf("not a guidepack") >= 0
            ? "Could not import that file: it is not a guidepack progress file."
            : "Imported progress on " + read + " steps (" + added + " newly ticked).";
        } else {
          status.textContent = "Merged " + files.length + " files: a step counts as done if any " +
            "file marks it (" + read + " steps, " + added + " newly ticked).";
        }
        event.target.value = "";
      });
    });

    tools.querySelector("[data-gp-share]").addEventListener("click", function () {
      var url = new URL(location.href);
      var pick = /(?:^|[#&])(pick=[^&]*)/.exec(location.hash);
      url.hash = (pick ? pick[1] + "&" : "") + "done=" + encodeDone(explorer.canonical(progress.own()));
      var done = function () { status.textContent = "Link copied: send it to the group. " + url.href; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url.href).then(done, function () {
          status.textContent = "Copy this link and send it to the group: " + url.href;
        });
      } else {
        status.textContent = "Copy this link and send it to the group: " + url.href;
      }
      tools.setAttribute("data-gp-share-url", url.href);
    });

    tools.querySelector("[data-gp-csv]").addEventListener("click", function () {
      download("plan.csv", "text/csv;charset=utf-8", "\ufeff" + planCsv(explorer.rows(), startDate()));
    });
    tools.querySelector("[data-gp-ics]").addEventListener("click", function () {
      download("plan.ics", "text/calendar;charset=utf-8", planIcs(explorer.rows(), startDate()));
    });
    tools.querySelector("[data-gp-print]").addEventListener("click", function () { window.print(); });

    /* A shared link: show its progress and offer to add it to ours. */
    var shared = /(?:^|[#&])done=([^&]*)/.exec(location.hash);
    var box = tools.querySelector("[data-gp-shared-progress]");
    if (shared && box) {
      var done = explorer.canonical(decodeDone(decoded(shared[1])));
      var count = Object.keys(done).length;
      box.hidden = false;
      box.querySelector("[data-gp-shared-text]").textContent = "This link shows a group's progress: " +
        count + (count === 1 ? " step" : " steps") + " done, ticked below. Add them to the progress kept in this browser?";
      progress.preview(done);
      var close = function () {
        box.hidden = true;
        history.replaceState(null, "", location.href.replace(/[#&]done=[^&]*/, ""));
      };
      box.querySelector("[data-gp-adopt]").addEventListener("click", function () {
        var added = progress.merge(done);
        status.textContent = "Added " + added + " ticks from the shared link.";
        close();
      });
      box.querySelector("[data-gp-dismiss]").addEventListener("click", function () {
        progress.preview(null);
        close();
      });
    }
  }

  /* ---- start ---- */

  if (HERE && document.querySelector("[data-gp-search]")) { loadScript(new URL("search.js", HERE).href); }

  var explorer = initExplorer();
  var progress = initProgress(function (done) { if (explorer) { explorer.showNext(done); } });
  if (explorer) {
    explorer.start(progress);
    initTools(progress, explorer);
  }
  initGraph();
  initVideos();
})();
