/* guidepack pitch deck: one slide at a time, keyboard, #N in the URL, full screen. */
(function () {
  "use strict";
  var deck = document.querySelector("[data-gp-deck]");
  if (!deck) return;
  var slides = Array.prototype.slice.call(deck.querySelectorAll("[data-gp-slide]"));
  var controls = document.querySelector(".gp-controls");
  var counter = document.querySelector("[data-gp-counter]");
  var fullscreen = document.querySelector("[data-gp-fullscreen]");
  var current = 0;

  /* Shrink the type of a slide whose content does not fit, in small steps. */
  function fit(slide) {
    var body = slide.querySelector(".gp-body");
    if (!body) return;
    var scale = 1;
    slide.style.removeProperty("--fit");
    while (body.scrollHeight > body.clientHeight + 1 && scale > 0.7) {
      scale = Math.round((scale - 0.04) * 100) / 100;
      slide.style.setProperty("--fit", String(scale));
    }
  }

  function fitAll() {
    slides.forEach(fit);
  }

  function fromHash() {
    var n = parseInt((location.hash || "").replace("#", ""), 10);
    return n >= 1 && n <= slides.length ? n - 1 : null;
  }

  function show(index) {
    index = Math.max(0, Math.min(slides.length - 1, index));
    slides[current].classList.remove("gp-current");
    slides[current].removeAttribute("aria-current");
    current = index;
    slides[current].classList.add("gp-current");
    slides[current].setAttribute("aria-current", "true");
    counter.textContent = current + 1 + " / " + slides.length;
    var hash = "#" + (current + 1);
    if (location.hash !== hash) history.replaceState(null, "", hash);
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen();
    }
  }

  var NEXT = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, Spacebar: 1 };
  var PREV = { ArrowLeft: 1, ArrowUp: 1, PageUp: 1 };

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var tag = event.target && event.target.tagName;
    var onControl = tag === "BUTTON" || tag === "A";
    if (onControl && (event.key === " " || event.key === "Enter")) return;
    if (NEXT[event.key] && !event.shiftKey) show(current + 1);
    else if (PREV[event.key] || (event.key === " " && event.shiftKey)) show(current - 1);
    else if (event.key === "Home") show(0);
    else if (event.key === "End") show(slides.length - 1);
    else if (event.key === "f" || event.key === "F") toggleFullscreen();
    else return;
    event.preventDefault();
  });

  window.addEventListener("hashchange", function () {
    var n = fromHash();
    show(n === null ? current : n);
  });

  document.querySelector("[data-gp-prev]").addEventListener("click", function () {
    show(current - 1);
  });
  document.querySelector("[data-gp-next]").addEventListener("click", function () {
    show(current + 1);
  });
  if (document.fullscreenEnabled === false) fullscreen.hidden = true;
  fullscreen.addEventListener("click", toggleFullscreen);
  document.addEventListener("fullscreenchange", function () {
    var on = Boolean(document.fullscreenElement);
    fullscreen.setAttribute("aria-label", on ? "Exit full screen" : "Full screen");
    fullscreen.setAttribute("aria-pressed", String(on));
  });

  var touchX = null;
  deck.addEventListener("touchstart", function (e) { touchX = e.touches[0].clientX; }, { passive: true });
  deck.addEventListener("touchend", function (e) {
    if (touchX === null) return;
    var dx = e.changedTouches[0].clientX - touchX;
    touchX = null;
    if (Math.abs(dx) > 50) show(current + (dx < 0 ? 1 : -1));
  });

  fitAll();
  document.documentElement.classList.add("gp-js");
  controls.hidden = false;
  var start = fromHash();
  current = start === null ? 0 : start;
  show(current);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(function () {
    document.documentElement.classList.remove("gp-js");
    fitAll();
    document.documentElement.classList.add("gp-js");
  });
})();
