/* The handbook's search, on the page (the matching and ranking are in the
   search worker, src/handbook/search/worker.js; design notes in
   src/handbook/search/README.md):

   1. Whole-word highlighting on a page opened from a result. Material's
      search.highlight marks any text that *contains* a searched word
      ("quyết" for "yết", "2022" for "20"). The words of the link's ?h= are
      marked here as whole words, compared on the worker's keys: a word with
      marks by its toneKey (either tone placement, any case), a word without
      marks by its fold ("dieu" marks "Điều"). Material's own marks are
      taken away as they appear.
   2. The result list says when no page holds every word of the query
      together: the worker marks the results that match only in part
      (span.handbook-partial); the line above the list says so before them,
      or a line separates them from the complete matches.

   No inline script, no eval: loaded as a file (CSP script-src 'self'). */
(function () {
  "use strict";

  var TONES = { "\u0300": "1", "\u0301": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5" };
  var TONE_MARKS = /[\u0300\u0301\u0309\u0303\u0323]/g;
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;

  /* Same as the worker's fold and toneKey (tests/browser/test_search.py) */
  function fold(text) {
    return text.normalize("NFC")
      .replace(/[ĐÐ]/g, "D").replace(/[đð]/g, "d")
      .normalize("NFD").replace(/\p{Mn}/gu, "")
      .toLowerCase();
  }

  function toneKey(word) {
    var tone = "";
    var letters = word.normalize("NFC").toLowerCase().normalize("NFD")
      .replace(TONE_MARKS, function (mark) { tone = TONES[mark]; return ""; });
    var base = letters.normalize("NFC");
    return tone ? base + "~" + tone : base;
  }

  var LABELS = {
    vi: {
      none: function (query, count) {
        return "Không có trang nào chứa đủ các từ “" + query + "” ở gần nhau. " +
          count + " kết quả chỉ khớp một phần:";
      },
      partial: "Các kết quả sau chỉ khớp một phần các từ"
    },
    en: {
      none: function (query, count) {
        return "No page has all the words of “" + query + "” together. " +
          count + (count === 1 ? " result matches" : " results match") + " only in part:";
      },
      partial: "The results below match only some of the words"
    }
  };
  var lang = (document.documentElement.lang || "vi").slice(0, 2);
  var labels = LABELS[lang] || LABELS.vi;

  /* --- 1. Whole words on the opened page ------------------------------- */

  var OURS = "handbook-highlight";
  var SKIP = { SCRIPT: 1, STYLE: 1, TEXTAREA: 1, MARK: 1, NOSCRIPT: 1 };

  function highlighter(wanted) {
    var exact = new Set(), folded = new Set();
    (wanted.match(WORD) || []).forEach(function (word) {
      var key = fold(word);
      exact.add(toneKey(word));
      if (key === word.toLowerCase())
        folded.add(key);   /* typed without marks: any marks match */
    });
    if (!exact.size)
      return null;
    return function (word) {
      return exact.has(toneKey(word)) || (folded.size > 0 && folded.has(fold(word)));
    };
  }

  function markText(node, matches) {
    var text = node.nodeValue, last = 0, parts = null, match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      if (!matches(match[0]))
        continue;
      parts = parts || document.createDocumentFragment();
      if (match.index > last)
        parts.appendChild(document.createTextNode(text.slice(last, match.index)));
      var mark = document.createElement("mark");
      mark.className = OURS;
      mark.setAttribute("data-md-highlight", "");
      mark.textContent = match[0];
      parts.appendChild(mark);
      last = match.index + match[0].length;
    }
    if (!parts)
      return;
    if (last < text.length)
      parts.appendChild(document.createTextNode(text.slice(last)));
    node.parentNode.replaceChild(parts, node);
  }

  function markWithin(root, matches) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        for (var el = node.parentNode; el && el !== root.parentNode; el = el.parentNode)
          if (SKIP[el.nodeName])
            return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode())
      nodes.push(node);
    nodes.forEach(function (text) { markText(text, matches); });
  }

  /* Material's marks (any part of a word) back to plain text */
  function unmark(marks) {
    var parents = new Set();
    marks.forEach(function (mark) {
      var parent = mark.parentNode;
      if (!parent)
        return;
      parent.replaceChild(document.createTextNode(mark.textContent), mark);
      parents.add(parent);
    });
    parents.forEach(function (parent) { parent.normalize(); });
    return parents;
  }

  function highlightPage() {
    var wanted = new URLSearchParams(location.search).get("h");
    var content = document.querySelector("[data-md-component=content]");
    if (!wanted || !content)
      return;
    var matches = highlighter(wanted);
    if (!matches)
      return;
    var observer = new MutationObserver(function (records) {
      var theirs = [];
      records.forEach(function (record) {
        record.addedNodes.forEach(function (node) {
          if (node.nodeName === "MARK" && !node.classList.contains(OURS))
            theirs.push(node);
        });
      });
      if (!theirs.length)
        return;
      observer.disconnect();
      unmark(theirs).forEach(function (parent) { markWithin(parent, matches); });
      observer.observe(content, { childList: true, subtree: true });
    });
    /* Material's marks already there (it may have been first) */
    var early = Array.prototype.filter.call(content.querySelectorAll("mark[data-md-highlight]"),
      function (mark) { return !mark.classList.contains(OURS); });
    unmark(early);
    markWithin(content, matches);
    observer.observe(content, { childList: true, subtree: true });
  }

  /* --- 2. Partial matches in the result list --------------------------- */

  function watchResults() {
    var list = document.querySelector(".md-search-result__list");
    var meta = document.querySelector(".md-search-result__meta");
    var input = document.querySelector("input[data-md-component=search-query]");
    if (!list || !meta)
      return;
    var said = "", count = 0;
    var update = function () {
      observer.disconnect();
      /* the number of results, from Material's line ("28 kết quả…"): the
         list shows the first ten until the reader scrolls */
      if (meta.textContent !== said) {
        var number = /\d[\d.,\s]*/.exec(meta.textContent);
        count = number ? parseInt(number[0].replace(/\D/g, ""), 10) : 0;
      }
      var items = list.querySelectorAll(":scope > .md-search-result__item");
      var first = -1;
      for (var i = 0; i < items.length; i++) {
        items[i].removeAttribute("data-handbook-partial");
        if (first < 0 && items[i].querySelector(".handbook-partial"))
          first = i;
      }
      meta.classList.toggle("handbook-search-partial", first === 0);
      if (first === 0) {
        said = labels.none(input ? input.value.trim() : "", Math.max(count, items.length));
        if (meta.textContent !== said)
          meta.textContent = said;
      } else if (first > 0) {
        items[first].setAttribute("data-handbook-partial", labels.partial);
      }
      observer.observe(list, { childList: true });
      observer.observe(meta, { childList: true, characterData: true, subtree: true });
    };
    var observer = new MutationObserver(update);
    update();
  }

  highlightPage();
  watchResults();
})();
