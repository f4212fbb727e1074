/* guidepack: an old step address moves on to the step's page, keeping any #heading. */
(function () {
  "use strict";
  var link = document.querySelector("a[data-gp-moved]");
  if (link) { location.replace(link.href + location.hash); }
})();
