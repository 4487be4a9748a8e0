/* Checklists: ticks, results and notes kept in this browser (localStorage),
 * progress count, reset, export and import of the filled state as a JSON file.
 *
 * Plain JS, no library, no inline handlers (works under a strict CSP).
 * Runs on every page view: once on load, and again after each page change when
 * Material's instant navigation is on (document$ emits for every new page).
 * Saved state that is corrupt, outdated or from other ids is ignored or
 * trimmed silently: it never stops the page from working.
 */
(function () {
  "use strict";

  var VERSION = 1;
  var FORMAT = "handbook-checklist";
  var PREFIX = "handbook.checklist.v" + VERSION + ".";
  var RESULTS = ["dat", "chua-dat", "khong-ap-dung"];
  var MAX_NOTE = 4000;

  var TEXT = {
    vi: {
      toolbar: "Công cụ bảng kiểm",
      progressDone: "Đã đánh dấu {done}/{total} mục",
      reset: "Xoá kết quả",
      confirmReset: "Xoá toàn bộ kết quả đã đánh dấu của bảng kiểm này trên máy này?",
      exportFile: "Xuất tệp",
      importFile: "Nhập tệp",
      print: "In phiếu",
      exported: "Đã xuất tệp {name}.",
      imported: "Đã nhập kết quả của {count} mục.",
      importBad: "Không đọc được tệp: tệp không phải kết quả bảng kiểm hợp lệ.",
      importOther: "Tệp này là kết quả của một bảng kiểm khác ({other}).",
      resetDone: "Đã xoá kết quả.",
      storageOff: "Trình duyệt không cho lưu: kết quả sẽ mất khi tải lại trang. Hãy dùng nút Xuất tệp."
    },
    en: {
      toolbar: "Checklist tools",
      progressDone: "{done} of {total} items marked",
      reset: "Clear results",
      confirmReset: "Clear every mark of this checklist on this computer?",
      exportFile: "Export",
      importFile: "Import",
      print: "Print form",
      exported: "Exported {name}.",
      imported: "Imported the results of {count} items.",
      importBad: "Could not read the file: it is not a valid checklist result file.",
      importOther: "This file holds the results of another checklist ({other}).",
      resetDone: "Results cleared.",
      storageOff: "This browser does not allow saving: marks will be lost on reload. Use Export."
    }
  };

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : "";
    });
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* Keep only known ids and well-typed fields. */
  function sanitize(items, known) {
    var clean = {};
    if (!isObject(items)) { return clean; }
    Object.keys(items).forEach(function (id) {
      if (!known[id] || !isObject(items[id])) { return; }
      var source = items[id];
      var entry = {};
      if (typeof source.done === "boolean") { entry.done = source.done; }
      if (typeof source.result === "string" && RESULTS.indexOf(source.result) !== -1) {
        entry.result = source.result;
      }
      if (typeof source.note === "string" && source.note.length) {
        entry.note = source.note.slice(0, MAX_NOTE);
      }
      if (Object.keys(entry).length) { clean[id] = entry; }
    });
    return clean;
  }

  function storageGet(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function storageSet(key, value) {
    try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
  }

  function storageRemove(key) {
    try { window.localStorage.removeItem(key); } catch (e) { /* nothing to do */ }
  }

  function button(label, name) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "md-button ck-button";
    b.setAttribute("data-ck-action", name);
    b.textContent = label;
    return b;
  }

  function setup(root) {
    if (root.getAttribute("data-ck-ready") === "1") { return; }
    root.setAttribute("data-ck-ready", "1");

    var checklistId = root.getAttribute("data-ck-checklist");
    var lang = (root.getAttribute("data-ck-lang") || document.documentElement.lang || "vi").slice(0, 2);
    var t = TEXT[lang] || TEXT.en;
    var control = root.getAttribute("data-ck-control") === "result" ? "result" : "done";
    var key = PREFIX + checklistId;
    var fields = root.querySelectorAll("[data-ck-item][data-ck-field]");
    var known = {};
    var total = 0;
    Array.prototype.forEach.call(fields, function (field) {
      var id = field.getAttribute("data-ck-item");
      if (!known[id]) { known[id] = true; total += 1; }
    });

    /* ---- state ---- */
    function readSaved() {
      var raw = storageGet(key);
      if (!raw) { return {}; }
      var data;
      try { data = JSON.parse(raw); } catch (e) { storageRemove(key); return {}; }
      if (!isObject(data) || data.version !== VERSION || data.checklist !== checklistId) {
        storageRemove(key);
        return {};
      }
      return sanitize(data.items, known);
    }

    function collect() {
      var items = {};
      Array.prototype.forEach.call(fields, function (field) {
        var id = field.getAttribute("data-ck-item");
        var name = field.getAttribute("data-ck-field");
        var entry = items[id] || {};
        if (name === "done" && field.checked) { entry.done = true; }
        if (name === "result" && field.checked) { entry.result = field.value; }
        if (name === "note" && field.value.trim()) { entry.note = field.value.slice(0, MAX_NOTE); }
        if (Object.keys(entry).length) { items[id] = entry; }
      });
      return items;
    }

    function apply(items) {
      Array.prototype.forEach.call(fields, function (field) {
        var entry = items[field.getAttribute("data-ck-item")] || {};
        var name = field.getAttribute("data-ck-field");
        if (name === "done") { field.checked = entry.done === true; }
        if (name === "result") { field.checked = entry.result === field.value; }
        if (name === "note") { field.value = entry.note || ""; }
      });
    }

    function save() {
      var items = collect();
      var ok;
      if (Object.keys(items).length) {
        ok = storageSet(key, JSON.stringify({
          version: VERSION, checklist: checklistId, updated: new Date().toISOString(), items: items
        }));
      } else {
        storageRemove(key);
        ok = true;
      }
      if (!ok) { say(t.storageOff); }
      progress();
    }

    /* ---- toolbar ---- */
    var bar = document.createElement("div");
    bar.className = "ck-toolbar";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", t.toolbar);
    var count = document.createElement("p");
    count.className = "ck-progress";
    count.setAttribute("data-ck-progress", "");
    var meter = document.createElement("progress");
    meter.className = "ck-meter";
    meter.max = total || 1;
    meter.setAttribute("aria-hidden", "true");
    var exportButton = button(t.exportFile, "export");
    var importLabel = document.createElement("label");
    importLabel.className = "md-button ck-button ck-import";
    var importInput = document.createElement("input");
    importInput.type = "file";
    importInput.accept = "application/json,.json";
    importInput.className = "ck-file";
    importInput.setAttribute("data-ck-action", "import");
    var importText = document.createElement("span");
    importText.textContent = t.importFile;
    importLabel.appendChild(importInput);
    importLabel.appendChild(importText);
    var printButton = button(t.print, "print");
    var resetButton = button(t.reset, "reset");
    var status = document.createElement("p");
    status.className = "ck-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.setAttribute("data-ck-status", "");
    [count, meter, exportButton, importLabel, printButton, resetButton, status].forEach(function (el) {
      bar.appendChild(el);
    });
    root.insertBefore(bar, root.firstChild);

    function say(text) { status.textContent = text; }

    function progress() {
      var items = collect();
      var done = 0;
      Object.keys(items).forEach(function (id) {
        if (control === "result" ? items[id].result : items[id].done) { done += 1; }
      });
      count.textContent = fill(t.progressDone, { done: done, total: total });
      meter.value = done;
    }

    /* ---- events ---- */
    var timer = null;
    root.addEventListener("change", function (event) {
      if (event.target === importInput) { return; }
      if (event.target.hasAttribute("data-ck-field")) { save(); }
    });
    root.addEventListener("input", function (event) {
      if (event.target.getAttribute("data-ck-field") === "note") {
        window.clearTimeout(timer);
        timer = window.setTimeout(save, 300);
      }
    });

    exportButton.addEventListener("click", function () {
      var data = {
        format: FORMAT, version: VERSION, checklist: checklistId, lang: lang,
        exported: new Date().toISOString(), items: collect()
      };
      var name = "bang-kiem-" + checklistId + "-" + new Date().toISOString().slice(0, 10) + ".json";
      var blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
      var url = URL.createObjectURL(blob);
      var link = document.createElement("a");
      link.href = url;
      link.download = name;
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      say(fill(t.exported, { name: name }));
    });

    importInput.addEventListener("change", function () {
      var file = importInput.files && importInput.files[0];
      if (!file) { return; }
      var reader = new FileReader();
      reader.onload = function () {
        var data;
        try { data = JSON.parse(String(reader.result)); } catch (e) { data = null; }
        importInput.value = "";
        if (!isObject(data) || data.format !== FORMAT || typeof data.version !== "number" ||
            data.version > VERSION || !isObject(data.items)) {
          say(t.importBad);
          return;
        }
        if (data.checklist !== checklistId) {
          say(fill(t.importOther, { other: String(data.checklist).slice(0, 60) }));
          return;
        }
        var items = sanitize(data.items, known);
        apply(items);
        save();
        say(fill(t.imported, { count: Object.keys(items).length }));
      };
      reader.onerror = function () { importInput.value = ""; say(t.importBad); };
      reader.readAsText(file);
    });

    printButton.addEventListener("click", function () { window.print(); });

    resetButton.addEventListener("click", function () {
      if (!window.confirm(t.confirmReset)) { return; }
      apply({});
      storageRemove(key);
      progress();
      say(t.resetDone);
    });

    apply(readSaved());
    if (storageGet(key)) { save(); } /* store the cleaned state: unknown ids dropped */
    progress();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".ck-checklist[data-ck-checklist]"), setup);
  }

  if (typeof window.document$ !== "undefined" && window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
