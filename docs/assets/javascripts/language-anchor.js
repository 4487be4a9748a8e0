/* The language switch keeps the reader's place: English headings keep the
   Vietnamese anchors ({#...}), so the section a reader is at (#dieu-51-...)
   exists on the other language's page too. The switcher's links
   (overrides/partials/alternate.html) get the current #anchor when they are
   followed. A file, not inline code: the security policy allows no inline
   script. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest
      ? event.target.closest("a.md-select__link[hreflang]") : null;
    if (!link || !location.hash) return;
    var url = new URL(link.getAttribute("href"), location.href);
    url.hash = location.hash;
    link.setAttribute("href", url.pathname + url.search + url.hash);
  }, true);
})();
