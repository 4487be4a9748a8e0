/* Checklists: inspection sessions kept in this browser (localStorage), the
 * unit's profile and what it makes not applicable, results, ticks and notes,
 * the filled printout, export (XLSX, CSV, JSON) and import with a preview.
 *
 * The page holds everything that takes space before this script runs (the
 * build writes the controls: src/handbook/checklists/tools.py), so the page
 * does not move when it starts. Plain JS, no library but our own XLSX writer
 * (checklists-xlsx.js), no inline code: it runs under the site's strict
 * Content-Security-Policy. Saved state that is corrupt, outdated or names
 * unknown items is ignored or trimmed: it never stops the page from working.
 *
 * Storage: one key per checklist, "handbook.checklist.v2.<checklist>":
 *   { version: 2, checklist, current: <session id>, sessions: [
 *       { id, name, unit, date, inspectors, profile: { staff, dispersed, internal_system, board },
 *         items: { <item id>: { result | done, note } }, created, updated } ] }
 * A version 1 key (one unnamed result set) becomes the first session.
 * An item the unit's profile rules out is shown as not applicable (with the
 * reason and articles the page gives) unless a result was chosen for it.
 */
(function () {
  "use strict";

  var VERSION = 2;
  var FORMAT = "handbook-checklist";
  var PREFIX = "handbook.checklist.v2.";
  var OLD_PREFIX = "handbook.checklist.v1.";
  var RESULTS = ["dat", "chua-dat", "khong-ap-dung"];
  var STAFF = ["1-7", "8-99", "100+"];
  var FLAGS = ["dispersed", "internal_system", "board"];
  var MAX_NOTE = 4000;
  var MAX_TEXT = 200;
  var MAX_SESSIONS = 100;

  var TEXT = {
    vi: {
      session: "Phiên {n}",
      assessed: "Đã đánh giá {done}/{total} yêu cầu theo quy định của pháp luật",
      counts: "Đạt {dat} · Chưa đạt {chua} · Không áp dụng {na}",
      practices: "Thực hành khuyến nghị: {done}/{total} đã thực hiện",
      ticked: "Đã thực hiện {done}/{total} việc",
      naCount: "{n} việc không áp dụng với đơn vị này",
      naNote: "Không áp dụng với đơn vị này (hồ sơ đơn vị). Áp dụng khi: {reason}.",
      confirmReset: "Xoá các kết quả và ghi chú của phiên \u201c{name}\u201d trên máy này? (Thông tin đơn vị và hồ sơ được giữ lại.)",
      confirmDelete: "Xoá phiên \u201c{name}\u201d cùng mọi kết quả của phiên trên máy này?",
      resetDone: "Đã xoá kết quả của phiên.",
      deleted: "Đã xoá phiên \u201c{name}\u201d.",
      created: "Đã tạo phiên mới. Nhập tên đơn vị và ngày kiểm tra.",
      exported: "Đã xuất tệp {name}.",
      exportFailed: "Không xuất được tệp: không đọc được mẫu bảng tính của trang ({why}).",
      imported: "Đã nhập kết quả của {count} mục vào phiên \u201c{name}\u201d.",
      importedNew: "Đã mở tệp thành phiên mới \u201c{name}\u201d ({count} mục).",
      importedMerge: "Đã gộp: điền {filled} mục còn trống, giữ nguyên {kept} mục đã có kết quả khác.",
      importCancelled: "Đã huỷ, không thay đổi gì.",
      importBad: "Không đọc được tệp: tệp không phải kết quả bảng kiểm hợp lệ.",
      importOther: "Tệp này là kết quả của một bảng kiểm khác ({other}).",
      storageOff: "Trình duyệt không cho lưu: kết quả sẽ mất khi tải lại trang. Hãy xuất tệp để giữ kết quả.",
      fromFile: "Tệp: {unit} — ngày {date} — {count} mục có kết quả.",
      noUnit: "(chưa ghi đơn vị)",
      noDate: "(chưa ghi)",
      against: "So với phiên đang mở \u201c{name}\u201d: {added} mục mới, {changed} mục khác (sẽ bị ghi đè nếu thay thế), {same} mục giống nhau.",
      detailsDiffer: "Thông tin đơn vị khác: {fields}.",
      changedHead: "Các mục có kết quả khác:",
      change: "STT {no}: {requirement} — đang có: {now}; trong tệp: {file}",
      more: "… và {n} mục khác.",
      empty: "(trống)",
      done: "Đã thực hiện",
      notDone: "Chưa thực hiện",
      note: "ghi chú",
      fieldNames: { unit: "đơn vị", date: "ngày", inspectors: "người kiểm tra", profile: "hồ sơ đơn vị" }
    },
    en: {
      session: "Session {n}",
      assessed: "{done} of {total} legal requirements assessed",
      counts: "Passed {dat} · Not passed {chua} · Not applicable {na}",
      practices: "Recommended practices: {done} of {total} done",
      ticked: "{done} of {total} tasks done",
      naCount: "{n} tasks do not apply to this unit",
      naNote: "Not applicable to this unit (unit profile). Applies when: {reason}.",
      confirmReset: "Clear the results and notes of session \u201c{name}\u201d on this computer? (The unit's details and profile are kept.)",
      confirmDelete: "Delete session \u201c{name}\u201d and all its results on this computer?",
      resetDone: "The session's results were cleared.",
      deleted: "Session \u201c{name}\u201d deleted.",
      created: "New session created. Enter the unit's name and the date.",
      exported: "Exported {name}.",
      exportFailed: "Could not export: the page's blank spreadsheet could not be read ({why}).",
      imported: "Imported the results of {count} items into session \u201c{name}\u201d.",
      importedNew: "Opened the file as a new session \u201c{name}\u201d ({count} items).",
      importedMerge: "Merged: filled {filled} empty items, kept {kept} items that already had a different result.",
      importCancelled: "Cancelled: nothing changed.",
      importBad: "Could not read the file: it is not a valid checklist result file.",
      importOther: "This file holds the results of another checklist ({other}).",
      storageOff: "This browser does not allow saving: marks will be lost on reload. Export a file to keep them.",
      fromFile: "File: {unit} — date {date} — {count} items with a result.",
      noUnit: "(no unit given)",
      noDate: "(none)",
      against: "Compared with the open session \u201c{name}\u201d: {added} new items, {changed} different items (overwritten if you replace), {same} identical.",
      detailsDiffer: "Different unit details: {fields}.",
      changedHead: "Items with a different result:",
      change: "No. {no}: {requirement} — now: {now}; in the file: {file}",
      more: "… and {n} more.",
      empty: "(empty)",
      done: "Done",
      notDone: "Not done",
      note: "note",
      fieldNames: { unit: "unit", date: "date", inspectors: "inspectors", profile: "unit profile" }
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

  function text(value, max) {
    return typeof value === "string" ? value.slice(0, max || MAX_TEXT) : "";
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

  function newId() {
    return "s" + Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36);
  }

  /* ---- the unit profile and what applies -------------------------------- */

  function cleanProfile(value) {
    var profile = {};
    if (!isObject(value)) { return profile; }
    if (STAFF.indexOf(value.staff) !== -1) { profile.staff = value.staff; }
    FLAGS.forEach(function (key) {
      if (typeof value[key] === "boolean") { profile[key] = value[key]; }
    });
    /* Luật 10/2022/QH15, Điều 60: no People's Inspection Board in a unit of
     * 7 or fewer (handbook.checklists.model.coherent_profile). */
    if (profile.staff === "1-7") { profile.board = false; }
    return profile;
  }

  /* false: the unit's profile rules the item out; null: not known; true:
   * applies (handbook.checklists.model.applies). */
  function applies(conditions, profile) {
    if (!conditions) { return true; }
    var unknown = false;
    var keys = Object.keys(conditions);
    for (var i = 0; i < keys.length; i += 1) {
      var key = keys[i];
      var have = profile[key];
      if (have === undefined || have === null || have === "") { unknown = true; continue; }
      if (key === "staff") {
        if (!Array.isArray(conditions.staff) || conditions.staff.indexOf(have) === -1) { return false; }
      } else if (Boolean(have) !== Boolean(conditions[key])) {
        return false;
      }
    }
    return unknown ? null : true;
  }

  /* ---- sessions ---------------------------------------------------------- */

  function cleanItems(items, known) {
    var clean = {};
    if (!isObject(items)) { return clean; }
    Object.keys(items).forEach(function (id) {
      if (!known[id] || !isObject(items[id])) { return; }
      var source = items[id];
      var entry = {};
      if (known[id].result && typeof source.result === "string" && RESULTS.indexOf(source.result) !== -1) {
        entry.result = source.result;
      }
      if (known[id].done && source.done === true) { entry.done = true; }
      if (known[id].note && typeof source.note === "string" && source.note.trim()) {
        entry.note = source.note.slice(0, MAX_NOTE);
      }
      if (Object.keys(entry).length) { clean[id] = entry; }
    });
    return clean;
  }

  function cleanSession(value, known) {
    if (!isObject(value)) { return null; }
    return {
      id: typeof value.id === "string" && /^[a-z0-9]{1,40}$/.test(value.id) ? value.id : newId(),
      name: text(value.name),
      unit: text(value.unit),
      date: /^\d{4}-\d{2}-\d{2}$/.test(value.date || "") ? value.date : "",
      inspectors: text(value.inspectors),
      profile: cleanProfile(value.profile),
      items: cleanItems(value.items, known),
      created: text(value.created, 40),
      updated: text(value.updated, 40)
    };
  }

  function isEmpty(session) {
    return !Object.keys(session.items).length && !session.unit && !session.date && !session.inspectors &&
      !Object.keys(session.profile).length;
  }

  function setup(root) {
    if (root.getAttribute("data-ck-ready") === "1") { return; }
    var checklistId = root.getAttribute("data-ck-checklist");
    var lang = (root.getAttribute("data-ck-lang") || document.documentElement.lang || "vi").slice(0, 2);
    var t = TEXT[lang] || TEXT.en;
    var key = PREFIX + checklistId;
    var panel = root.querySelector("[data-ck-tools-panel]");
    if (!panel) { return; }

    /* ---- what the page holds ---- */
    var fields = root.querySelectorAll("[data-ck-item][data-ck-field]");
    var known = {};
    Array.prototype.forEach.call(fields, function (field) {
      var id = field.getAttribute("data-ck-item");
      known[id] = known[id] || {};
      known[id][field.getAttribute("data-ck-field")] = true;
    });
    var rows = {};
    var order = [];
    Array.prototype.forEach.call(root.querySelectorAll("tr[data-ck-row]"), function (tr) {
      var id = tr.getAttribute("data-ck-row");
      var conditions = null;
      try { conditions = JSON.parse(tr.getAttribute("data-ck-applies") || "null"); } catch (e) { conditions = null; }
      var number = tr.querySelector("td");
      var requirement = tr.querySelector(".ck-req");
      rows[id] = {
        tr: tr, conditions: isObject(conditions) ? conditions : null,
        reason: tr.getAttribute("data-ck-reason") || "",
        part: tr.getAttribute("data-ck-part") || "",
        number: number ? number.textContent.trim() : "",
        requirement: requirement ? requirement.textContent.trim() : ""
      };
      order.push(id);
    });
    var results = (root.getAttribute("data-ck-results") || "").split("|");
    var statuses = (root.getAttribute("data-ck-statuses") || "").split("|");
    var info = [];
    try { info = JSON.parse(root.getAttribute("data-ck-info") || "[]"); } catch (e) { info = []; }
    var widths = (root.getAttribute("data-ck-widths") || "").split(" ").map(Number);
    var choiceColumn = Number(root.getAttribute("data-ck-choice"));
    var notesColumn = Number(root.getAttribute("data-ck-notes"));
    var csvLink = root.querySelector("a[data-ck-download=csv]");
    var title = root.getAttribute("data-ck-title") || checklistId;

    var select = panel.querySelector("[data-ck-session-select]");
    var sessionFields = panel.querySelectorAll("[data-ck-session-field]");
    var profileFields = panel.querySelectorAll("[data-ck-profile]");
    var progressLine = panel.querySelector("[data-ck-progress]");
    var status = panel.querySelector("[data-ck-status]");
    var fileInput = panel.querySelector("[data-ck-action=import-file]");
    var dialog = panel.querySelector("[data-ck-dialog]");
    var dialogBody = panel.querySelector("[data-ck-dialog-body]");

    function say(message) { status.textContent = message; }

    /* ---- state ---- */
    var moved = false;  /* a version 1 result set became a session: save it as version 2 */
    var state = load();

    function fresh(n) {
      var now = new Date().toISOString();
      return { id: newId(), name: fill(t.session, { n: n }), unit: "", date: "", inspectors: "", profile: {},
               items: {}, created: now, updated: now };
    }

    function load() {
      var raw = storageGet(key);
      var data = null;
      if (raw) {
        try { data = JSON.parse(raw); } catch (e) { data = null; }
        if (!isObject(data) || data.version !== VERSION || data.checklist !== checklistId ||
            !Array.isArray(data.sessions)) {
          storageRemove(key);
          data = null;
        }
      }
      var sessions = [];
      moved = false;
      if (data) {
        data.sessions.slice(0, MAX_SESSIONS).forEach(function (value) {
          var session = cleanSession(value, known);
          if (session && !sessions.some(function (s) { return s.id === session.id; })) { sessions.push(session); }
        });
      }
      var old = storageGet(OLD_PREFIX + checklistId);
      if (old) {  /* the version 1 result set becomes a session */
        var previous = null;
        try { previous = JSON.parse(old); } catch (e) { previous = null; }
        if (isObject(previous) && previous.version === 1 && previous.checklist === checklistId) {
          var migrated = fresh(sessions.length + 1);
          migrated.items = cleanItems(previous.items, known);
          if (Object.keys(migrated.items).length) { sessions.push(migrated); moved = true; }
        }
        storageRemove(OLD_PREFIX + checklistId);
      }
      sessions.forEach(function (session, i) { if (!session.name) { session.name = fill(t.session, { n: i + 1 }); } });
      if (!sessions.length) { sessions.push(fresh(1)); }
      var current = data && sessions.some(function (s) { return s.id === data.current; }) ? data.current : sessions[0].id;
      return { sessions: sessions, current: current };
    }

    function session() {
      for (var i = 0; i < state.sessions.length; i += 1) {
        if (state.sessions[i].id === state.current) { return state.sessions[i]; }
      }
      state.current = state.sessions[0].id;
      return state.sessions[0];
    }

    function save() {
      var current = session();
      current.updated = new Date().toISOString();
      var keep = state.sessions.length > 1 || !isEmpty(current);
      var ok = true;
      if (keep) {
        ok = storageSet(key, JSON.stringify({ version: VERSION, checklist: checklistId, current: state.current,
                                              sessions: state.sessions }));
      } else {
        storageRemove(key);
      }
      if (!ok) { say(t.storageOff); }
    }

    /* ---- what the page shows ---- */
    function notApplicable(id, profile) {
      var row = rows[id];
      return Boolean(row && row.conditions && applies(row.conditions, profile) === false);
    }

    /* The answer of an item in the open session, as stored or as the
     * profile makes it: { result, done, note, auto } */
    function answer(id, current) {
      var entry = current.items[id] || {};
      var na = notApplicable(id, current.profile);
      return {
        result: entry.result || (na && known[id] && known[id].result ? "khong-ap-dung" : ""),
        done: entry.done === true, note: entry.note || "", na: na, auto: na && !entry.result
      };
    }

    function showValues() {
      var current = session();
      Array.prototype.forEach.call(fields, function (field) {
        var id = field.getAttribute("data-ck-item");
        var name = field.getAttribute("data-ck-field");
        var value = answer(id, current);
        if (name === "done") { field.checked = value.done; }
        if (name === "result") { field.checked = value.result === field.value; }
        if (name === "note" && document.activeElement !== field) { field.value = value.note; }
      });
      order.forEach(function (id) {
        var value = answer(id, current);
        rows[id].tr.classList.toggle("ck-row--na", value.na);
        rows[id].tr.classList.toggle("ck-row--auto", value.auto);
        printNote(id, value);
      });
    }

    function printNote(id, value) {
      var mirror = root.querySelector('[data-ck-note-print="' + id + '"]');
      if (!mirror) { return; }
      var lines = [];
      if (value.na && !value.done && (value.auto || value.result === "khong-ap-dung")) {
        lines.push(fill(t.naNote, { reason: rows[id].reason }));
      }
      if (value.note) { lines.push(value.note); }
      mirror.textContent = lines.join("\n");
    }

    function showSession() {
      var current = session();
      while (select.firstChild) { select.removeChild(select.firstChild); }
      state.sessions.forEach(function (s) {
        var option = document.createElement("option");
        option.value = s.id;
        option.textContent = s.name + (s.unit && s.unit !== s.name ? " — " + s.unit : "");
        select.appendChild(option);
      });
      select.value = current.id;
      Array.prototype.forEach.call(sessionFields, function (field) {
        var name = field.getAttribute("data-ck-session-field");
        if (document.activeElement !== field) { field.value = current[name] || ""; }
      });
      Array.prototype.forEach.call(profileFields, function (field) {
        var name = field.getAttribute("data-ck-profile");
        var value = current.profile[name];
        field.value = value === undefined ? "" : (name === "staff" ? value : (value ? "yes" : "no"));
        /* Điều 60: a unit of 7 or fewer has no Board; the form says so */
        field.disabled = name === "board" && current.profile.staff === "1-7";
      });
      var small = current.profile.staff === "1-7";
      var delegates = current.profile.staff === "100+" || current.profile.dispersed === true;
      Array.prototype.forEach.call(panel.querySelectorAll("[data-ck-rule]"), function (rule) {
        var on = rule.getAttribute("data-ck-rule") === "small" ? small : delegates;
        rule.classList.toggle("ck-rule--on", on);
      });
      /* the printed form's head */
      Array.prototype.forEach.call(root.querySelectorAll("[data-ck-show]"), function (el) {
        var name = el.getAttribute("data-ck-show");
        el.textContent = name === "date" ? dateText(current.date) : (current[name] || "");
      });
      Array.prototype.forEach.call(root.querySelectorAll("[data-ck-show-profile]"), function (box) {
        var pair = box.getAttribute("data-ck-show-profile").split("=");
        var value = current.profile[pair[0]];
        var on = pair[0] === "staff" ? value === pair[1] : (value !== undefined && (pair[1] === "yes") === value);
        box.classList.toggle("ck-box--on", on);
        box.textContent = on ? "\u2713" : "";
      });
    }

    function dateText(iso) {
      var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
      return m ? m[3] + "/" + m[2] + "/" + m[1] : "";
    }

    function tally() {
      var current = session();
      var counts = { dat: 0, "chua-dat": 0, "khong-ap-dung": 0, none: 0, done: 0, practiceDone: 0,
                     practices: 0, scored: 0, tasks: 0, na: 0 };
      order.forEach(function (id) {
        var value = answer(id, current);
        if (known[id].result) {
          counts.scored += 1;
          if (value.result) { counts[value.result] += 1; } else { counts.none += 1; }
        } else if (rows[id].part === "practice") {
          counts.practices += 1;
          if (value.done) { counts.practiceDone += 1; }
        } else {
          counts.tasks += 1;
          if (value.done) { counts.done += 1; } else if (value.na) { counts.na += 1; }
        }
      });
      return counts;
    }

    function showProgress() {
      var c = tally();
      var parts = [];
      if (c.scored) {
        parts.push(fill(t.assessed, { done: c.scored - c.none, total: c.scored }) + " (" +
                   fill(t.counts, { dat: c.dat, chua: c["chua-dat"], na: c["khong-ap-dung"] }) + ")");
      }
      if (c.practices) { parts.push(fill(t.practices, { done: c.practiceDone, total: c.practices })); }
      if (c.tasks) {
        parts.push(fill(t.ticked, { done: c.done, total: c.tasks - c.na }) +
                   (c.na ? " · " + fill(t.naCount, { n: c.na }) : ""));
      }
      progressLine.textContent = parts.join(". ") + ".";
      /* the printed summary: counted once something is marked, blank lines on a blank form */
      var marked = c.scored - c.none + c.done + c.practiceDone > 0;
      Array.prototype.forEach.call(root.querySelectorAll("[data-ck-count-of]"), function (el) {
        var name = el.getAttribute("data-ck-count-of");
        var value = name === "done" ? c.done : c[name];
        el.textContent = marked ? String(value || 0) : "";
      });
    }

    function render() {
      showSession();
      showValues();
      showProgress();
    }

    /* ---- editing ---- */
    function setItem(id, change) {
      var current = session();
      var entry = current.items[id] || {};
      Object.keys(change).forEach(function (name) {
        if (change[name] === undefined || change[name] === false || change[name] === "") { delete entry[name]; }
        else { entry[name] = change[name]; }
      });
      if (Object.keys(entry).length) { current.items[id] = entry; } else { delete current.items[id]; }
    }

    var noteTimer = null;
    root.addEventListener("change", function (event) {
      var field = event.target;
      if (!field.hasAttribute || !field.hasAttribute("data-ck-field")) { return; }
      var id = field.getAttribute("data-ck-item");
      var name = field.getAttribute("data-ck-field");
      if (name === "result" && field.checked) { setItem(id, { result: field.value }); }
      if (name === "done") { setItem(id, { done: field.checked }); }
      if (name === "note") { setItem(id, { note: field.value.slice(0, MAX_NOTE).trim() ? field.value.slice(0, MAX_NOTE) : "" }); }
      save();
      showValues();
      showProgress();
    });
    root.addEventListener("input", function (event) {
      var field = event.target;
      if (field.getAttribute && field.getAttribute("data-ck-field") === "note") {
        var id = field.getAttribute("data-ck-item");
        setItem(id, { note: field.value.trim() ? field.value.slice(0, MAX_NOTE) : "" });
        printNote(id, answer(id, session()));
        window.clearTimeout(noteTimer);
        noteTimer = window.setTimeout(save, 300);
      }
    });
    /* Enter marks a choice too (Space does natively) */
    root.addEventListener("keydown", function (event) {
      var field = event.target;
      if (event.key === "Enter" && field.matches && field.matches("input[type=radio], input[type=checkbox]")) {
        event.preventDefault();
        if (field.type === "checkbox" || !field.checked) { field.click(); }
      }
    });

    select.addEventListener("change", function () {
      state.current = select.value;
      save();
      render();
    });
    var detailsTimer = null;
    Array.prototype.forEach.call(sessionFields, function (field) {
      field.addEventListener("input", function () {
        var name = field.getAttribute("data-ck-session-field");
        session()[name] = name === "date" ? (/^\d{4}-\d{2}-\d{2}$/.test(field.value) ? field.value : "")
                                          : field.value.slice(0, MAX_TEXT);
        window.clearTimeout(detailsTimer);
        detailsTimer = window.setTimeout(function () { save(); showSession(); }, 300);
      });
      field.addEventListener("change", function () { save(); showSession(); });
    });
    Array.prototype.forEach.call(profileFields, function (field) {
      field.addEventListener("change", function () {
        var current = session();
        var name = field.getAttribute("data-ck-profile");
        var profile = {};
        Object.keys(current.profile).forEach(function (k) { profile[k] = current.profile[k]; });
        if (!field.value) { delete profile[name]; }
        else { profile[name] = name === "staff" ? field.value : field.value === "yes"; }
        current.profile = cleanProfile(profile);
        save();
        render();
      });
    });

    panel.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-ck-action], [data-ck-import]") : null;
      if (!button || button.tagName !== "BUTTON") { return; }
      var action = button.getAttribute("data-ck-action");
      if (action === "new") { createSession(); }
      if (action === "delete") { deleteSession(); }
      if (action === "reset") { resetSession(); }
      if (action === "print") { window.print(); }
      if (action === "export-json") { exportJson(); }
      if (action === "export-csv") { exportTable("csv"); }
      if (action === "export-xlsx") { exportTable("xlsx"); }
      if (action === "import") { fileInput.click(); }
      var choice = button.getAttribute("data-ck-import");
      if (choice) { finishImport(choice); }
    });

    function uniqueName(base) {
      var names = state.sessions.map(function (s) { return s.name; });
      if (names.indexOf(base) === -1) { return base; }
      for (var n = 2; n < 1000; n += 1) {
        if (names.indexOf(base + " (" + n + ")") === -1) { return base + " (" + n + ")"; }
      }
      return base;
    }

    function createSession(from) {
      if (state.sessions.length >= MAX_SESSIONS) { state.sessions.shift(); }
      var made = fresh(state.sessions.length + 1);
      made.name = uniqueName(made.name);
      if (from) {
        ["unit", "date", "inspectors", "profile", "items"].forEach(function (k) { made[k] = from[k]; });
        made.name = uniqueName(from.name || from.unit || made.name);
      }
      state.sessions.push(made);
      state.current = made.id;
      save();
      render();
      if (!from) {
        say(t.created);
        var unit = panel.querySelector("[data-ck-session-field=unit]");
        if (unit) { unit.focus(); }
      }
      return made;
    }

    function deleteSession() {
      var current = session();
      if (!window.confirm(fill(t.confirmDelete, { name: current.name }))) { return; }
      state.sessions = state.sessions.filter(function (s) { return s.id !== current.id; });
      if (!state.sessions.length) { state.sessions.push(fresh(1)); }
      state.current = state.sessions[0].id;
      save();
      render();
      say(fill(t.deleted, { name: current.name }));
    }

    function resetSession() {
      var current = session();
      if (!window.confirm(fill(t.confirmReset, { name: current.name }))) { return; }
      current.items = {};
      save();
      render();
      say(t.resetDone);
    }

    /* ---- export ---- */
    function slug(value) {
      return String(value || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
        .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 50);
    }

    function fileName(ext) {
      var current = session();
      var base = csvLink ? csvLink.getAttribute("href").replace(/-[a-z]{2}\.csv$/, "") : "bang-kiem-" + checklistId;
      var parts = [base.split("/").pop()];
      var unit = slug(current.unit || current.name);
      if (unit) { parts.push(unit); }
      parts.push(current.date || new Date().toISOString().slice(0, 10));
      return parts.join("-") + "." + ext;
    }

    function download(name, blob) {
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
    }

    function stored(current) {
      var items = {};
      Object.keys(current.items).forEach(function (id) { items[id] = current.items[id]; });
      return items;
    }

    function exportJson() {
      var current = session();
      var data = {
        format: FORMAT, version: VERSION, checklist: checklistId, lang: lang, title: title,
        exported: new Date().toISOString(),
        session: { name: current.name, unit: current.unit, date: current.date, inspectors: current.inspectors,
                   profile: current.profile },
        items: stored(current)
      };
      download(fileName("json"), new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    }

    function parseCsv(source) {
      var out = [];
      var row = [];
      var cell = "";
      var quoted = false;
      var s = source.replace(/^\ufeff/, "");
      for (var i = 0; i < s.length; i += 1) {
        var ch = s[i];
        if (quoted) {
          if (ch === '"') {
            if (s[i + 1] === '"') { cell += '"'; i += 1; } else { quoted = false; }
          } else { cell += ch; }
        } else if (ch === '"') { quoted = true; }
        else if (ch === ",") { row.push(cell); cell = ""; }
        else if (ch === "\r") { /* CRLF: the \n ends the row */ }
        else if (ch === "\n") { row.push(cell); out.push(row); row = []; cell = ""; }
        else { cell += ch; }
      }
      if (cell !== "" || row.length) { row.push(cell); out.push(row); }
      return out;
    }

    function csvText(table) {
      return "\ufeff" + table.map(function (row) {
        return row.map(function (value) {
          var cell = value === null || value === undefined ? "" : String(value);
          /* never a formula in a spreadsheet that opens the file */
          if (/^[=+@\t\r]/.test(cell)) { cell = "'" + cell; }
          return /[",\r\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
        }).join(",");
      }).join("\r\n") + "\r\n";
    }

    function answerWords(id, current) {
      var value = answer(id, current);
      var words = "";
      if (known[id] && known[id].result) {
        words = value.result ? results[RESULTS.indexOf(value.result)] || "" : "";
      } else {
        words = value.done ? statuses[0] : (value.na ? statuses[2] : statuses[1]);
      }
      var notes = [];
      if (value.na && !value.done && (value.auto || value.result === "khong-ap-dung")) {
        notes.push(fill(t.naNote, { reason: rows[id].reason }));
      }
      if (value.note) { notes.push(value.note); }
      return { answer: words, notes: notes.join("\n") };
    }

    /* The blank spreadsheet's rows (the page's CSV download) with the open
     * session's answers and notes in their columns. */
    function filled() {
      var current = session();
      return window.fetch(csvLink.href, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.text();
      }).then(function (source) {
        var table = parseCsv(source);
        for (var r = 1; r < table.length; r += 1) {
          var id = table[r][1];
          if (!known[id]) { continue; }
          var words = answerWords(id, current);
          table[r][choiceColumn] = words.answer;
          table[r][notesColumn] = words.notes;
          if (/^\d+$/.test(table[r][0])) { table[r][0] = Number(table[r][0]); }
        }
        return table;
      });
    }

    function infoRows() {
      var current = session();
      var w = labelsOfProfile();
      var values = {
        title: title, name: current.name, unit: current.unit, date: dateText(current.date),
        inspectors: current.inspectors,
        staff: current.profile.staff ? w.staff[current.profile.staff] : w.unknown,
        summary: progressLine.textContent, exported: new Date().toISOString().slice(0, 16).replace("T", " ")
      };
      FLAGS.forEach(function (k) {
        values[k] = current.profile[k] === undefined ? w.unknown : (current.profile[k] ? w.yes : w.no);
      });
      return info.map(function (pair) { return [pair[0], values[pair[1]] || ""]; });
    }

    /* The words of the profile's answers, as the form's own select shows them */
    function labelsOfProfile() {
      var out = { staff: {}, yes: "", no: "", unknown: "" };
      var staff = panel.querySelector("[data-ck-profile=staff]");
      var flag = panel.querySelector("[data-ck-profile=board]");
      Array.prototype.forEach.call(staff ? staff.options : [], function (o) { out.staff[o.value] = o.textContent; });
      Array.prototype.forEach.call(flag ? flag.options : [], function (o) {
        if (o.value === "yes") { out.yes = o.textContent; }
        else if (o.value === "no") { out.no = o.textContent; }
        else { out.unknown = o.textContent; }
      });
      return out;
    }

    function exportTable(ext) {
      if (!csvLink) { return; }
      filled().then(function (table) {
        if (ext === "csv") {
          download(fileName("csv"), new Blob([csvText(table)], { type: "text/csv;charset=utf-8" }));
          return;
        }
        var validations = [];
        var from = 1;
        for (var r = 1; r <= table.length; r += 1) {  /* one list per run of rows with the same answers */
          var id = r < table.length ? table[r][1] : null;
          var kind = id && known[id] ? (known[id].result ? "result" : "done") : null;
          var previous = table[from] && known[table[from][1]] ? (known[table[from][1]].result ? "result" : "done") : null;
          if (kind !== previous) {
            if (previous && r - 1 >= from) {
              validations.push({ col: choiceColumn, from: from, to: r - 1,
                                 list: previous === "result" ? results : statuses });
            }
            from = r;
          }
        }
        var bytes = window.HandbookXlsx.workbook({
          title: title, created: new Date(),
          sheets: [
            { name: title, rows: table, widths: widths, header: true, validations: validations },
            { name: root.getAttribute("data-ck-info-sheet") || "Info", rows: infoRows(), widths: [46, 70],
              portrait: true }
          ]
        });
        download(fileName("xlsx"), new Blob([bytes], {
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      }).catch(function (error) {
        say(fill(t.exportFailed, { why: String(error && error.message || error).slice(0, 80) }));
      });
    }

    /* ---- import ---- */
    var pending = null;

    fileInput.addEventListener("change", function () {
      var file = fileInput.files && fileInput.files[0];
      if (!file) { return; }
      var reader = new FileReader();
      reader.onload = function () {
        fileInput.value = "";
        var data;
        try { data = JSON.parse(String(reader.result)); } catch (e) { data = null; }
        if (!isObject(data) || data.format !== FORMAT || typeof data.version !== "number" ||
            data.version > VERSION || !isObject(data.items)) {
          say(t.importBad);
          return;
        }
        if (data.checklist !== checklistId) {
          say(fill(t.importOther, { other: String(data.checklist).slice(0, 60) }));
          return;
        }
        var incoming = cleanSession(isObject(data.session) ? data.session : {}, known) || fresh(1);
        incoming.items = cleanItems(data.items, known);
        incoming.id = newId();
        preview(incoming);
      };
      reader.onerror = function () { fileInput.value = ""; say(t.importBad); };
      reader.readAsText(file);
    });

    function describe(entry) {
      if (!entry) { return t.empty; }
      var parts = [];
      if (entry.result) { parts.push(results[RESULTS.indexOf(entry.result)]); }
      if (entry.done) { parts.push(t.done); }
      if (entry.note) { parts.push(t.note + " \u201c" + entry.note.slice(0, 60) + (entry.note.length > 60 ? "…" : "") + "\u201d"); }
      return parts.join(", ") || t.empty;
    }

    function same(a, b) {
      return (a.result || "") === (b.result || "") && Boolean(a.done) === Boolean(b.done) &&
        (a.note || "") === (b.note || "");
    }

    function preview(incoming) {
      var current = session();
      if (isEmpty(current)) {  /* nothing would be lost: take the file as it is */
        ["unit", "date", "inspectors", "profile", "items"].forEach(function (k) { current[k] = incoming[k]; });
        if (incoming.name) { current.name = uniqueName(incoming.name); }
        save();
        render();
        say(fill(t.imported, { count: Object.keys(incoming.items).length, name: current.name }));
        return;
      }
      var added = 0;
      var changed = [];
      var equal = 0;
      order.forEach(function (id) {
        var mine = current.items[id];
        var theirs = incoming.items[id];
        if (!theirs) { return; }
        if (!mine) { added += 1; } else if (same(mine, theirs)) { equal += 1; } else { changed.push(id); }
      });
      var differ = [];
      ["unit", "date", "inspectors"].forEach(function (k) {
        if (incoming[k] && current[k] && incoming[k] !== current[k]) { differ.push(t.fieldNames[k]); }
      });
      if (JSON.stringify(incoming.profile) !== JSON.stringify(current.profile) && Object.keys(incoming.profile).length) {
        differ.push(t.fieldNames.profile);
      }
      while (dialogBody.firstChild) { dialogBody.removeChild(dialogBody.firstChild); }
      function para(words) {
        var p = document.createElement("p");
        p.textContent = words;
        dialogBody.appendChild(p);
        return p;
      }
      para(fill(t.fromFile, { unit: incoming.unit || t.noUnit, date: dateText(incoming.date) || t.noDate,
                              count: Object.keys(incoming.items).length }));
      para(fill(t.against, { name: current.name, added: added, changed: changed.length, same: equal }));
      if (differ.length) { para(fill(t.detailsDiffer, { fields: differ.join(", ") })); }
      if (changed.length) {
        para(t.changedHead);
        var list = document.createElement("ul");
        list.setAttribute("data-ck-changes", "");
        changed.slice(0, 30).forEach(function (id) {
          var li = document.createElement("li");
          li.textContent = fill(t.change, { no: rows[id].number, requirement: rows[id].requirement.slice(0, 90),
                                            now: describe(current.items[id]), file: describe(incoming.items[id]) });
          list.appendChild(li);
        });
        if (changed.length > 30) {
          var more = document.createElement("li");
          more.textContent = fill(t.more, { n: changed.length - 30 });
          list.appendChild(more);
        }
        dialogBody.appendChild(list);
      }
      pending = incoming;
      if (typeof dialog.showModal === "function") { dialog.showModal(); } else { dialog.setAttribute("open", ""); }
      var first = dialog.querySelector("[data-ck-import=new]");
      if (first) { first.focus(); }
    }

    function closeDialog() {
      if (typeof dialog.close === "function" && dialog.open) { dialog.close(); } else { dialog.removeAttribute("open"); }
    }

    dialog.addEventListener("cancel", function () { pending = null; say(t.importCancelled); });

    function finishImport(choice) {
      var incoming = pending;
      pending = null;
      closeDialog();
      if (!incoming || choice === "cancel") { say(t.importCancelled); return; }
      var current = session();
      var count = Object.keys(incoming.items).length;
      if (choice === "new") {
        var made = createSession(incoming);
        say(fill(t.importedNew, { name: made.name, count: count }));
        return;
      }
      if (choice === "replace") {
        Object.keys(incoming.items).forEach(function (id) { current.items[id] = incoming.items[id]; });
        ["unit", "date", "inspectors"].forEach(function (k) { if (incoming[k]) { current[k] = incoming[k]; } });
        if (Object.keys(incoming.profile).length) { current.profile = incoming.profile; }
        save();
        render();
        say(fill(t.imported, { count: count, name: current.name }));
        return;
      }
      /* merge: fill what is empty, keep what is there */
      var filledCount = 0;
      var kept = 0;
      Object.keys(incoming.items).forEach(function (id) {
        var mine = current.items[id];
        if (!mine) { current.items[id] = incoming.items[id]; filledCount += 1; }
        else if (!same(mine, incoming.items[id])) { kept += 1; }
      });
      ["unit", "date", "inspectors"].forEach(function (k) { if (!current[k] && incoming[k]) { current[k] = incoming[k]; } });
      Object.keys(incoming.profile).forEach(function (k) {
        if (current.profile[k] === undefined) { current.profile[k] = incoming.profile[k]; }
      });
      current.profile = cleanProfile(current.profile);
      save();
      render();
      say(fill(t.importedMerge, { filled: filledCount, kept: kept }));
    }

    /* Below ~700 px the tables are cards (checklists.css); the roles keep
     * them tables for screen readers whatever the display. */
    Array.prototype.forEach.call(root.querySelectorAll("table.ck-table"), function (table) {
      table.setAttribute("role", "table");
      Array.prototype.forEach.call(table.querySelectorAll("thead, tbody"), function (g) { g.setAttribute("role", "rowgroup"); });
      Array.prototype.forEach.call(table.querySelectorAll("tr"), function (tr) { tr.setAttribute("role", "row"); });
      Array.prototype.forEach.call(table.querySelectorAll("th"), function (th) { th.setAttribute("role", "columnheader"); });
      Array.prototype.forEach.call(table.querySelectorAll("td"), function (td) { td.setAttribute("role", "cell"); });
    });

    render();
    if (moved || storageGet(key)) { save(); } /* keep the cleaned state: unknown ids dropped */
    root.setAttribute("data-ck-ready", "1");
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
