/* Printing from the browser: open every collapsed <details> before the print
   dialog takes its snapshot, and close again afterwards the ones that were
   closed. No inline script: loaded as a file (CSP script-src 'self'). */
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    var all = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < all.length; i++) {
      all[i].setAttribute("open", "");
      opened.push(all[i]);
    }
  });
  window.addEventListener("afterprint", function () {
    while (opened.length) {
      opened.pop().removeAttribute("open");
    }
  });
})();
