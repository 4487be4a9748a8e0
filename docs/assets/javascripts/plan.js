/*
 * The dated plan page (bang-kiem/ke-hoach-nam/): the deadline calculators
 * and the choice of year and unit. Loaded on that page only
 * (overrides/plan.html), after deadlines.js.
 *
 * Calculators: each element [data-hb-deadline] holds the rule stated in
 * words; this script adds a date field and a button, reads a date typed as
 * dd/mm/yyyy, computes the deadline with HandbookDeadlines and shows it with
 * how it was counted in an aria-live region. An impossible or unreadable
 * date gets its reason, never a date. The holiday data (ngay-nghi.json, next
 * to the page) is fetched once from the site itself (connect-src 'self');
 * window.HandbookHolidayData may stand in for it on a page opened from disk.
 *
 * Choice: the year shown and the unit's profile, with the checklists' keys
 * and values (staff "1-7" | "8-99" | "100+", board, internal_system,
 * dispersed). Items whose conditions (data-hb-applies) do not hold are
 * hidden, the calendar file link points to the profile's file, and the
 * choice is kept in this browser (localStorage "handbook.plan.v1").
 *
 * Plain script: no library, no inline handler, no innerHTML, no eval;
 * everything shown is set as text.
 */
(function () {
  "use strict";

  var STORAGE = "handbook.plan.v1";
  var BANDS = ["1-7", "8-99", "100+"];
  var FLAGS = ["board", "internal_system", "dispersed"];

  var TEXT = {
    vi: {
      empty: "Hãy nhập ngày, ví dụ 05/02/2026.",
      loading: "Đang tải lịch ngày nghỉ…",
      noData: "Không tải được dữ liệu ngày nghỉ, nên chưa tính được hạn. Hãy tải lại trang.",
      counted: function (n, start) {
        return "Đã đếm " + n + " ngày làm việc từ ngày " + start +
          ", không kể thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết và ngày nghỉ hoán đổi.";
      },
      period: function (start, nominal) {
        return "Thời hạn tính từ ngày " + start + " đến hết ngày " + nominal + ".";
      },
      moved: function (nominal, why) {
        return "Ngày cuối cùng " + nominal + " là ngày nghỉ (" + why + "), nên thời hạn kết thúc vào cuối " +
          "ngày làm việc tiếp theo (Điều 148 Bộ luật Dân sự 2015).";
      },
      unconfirmed: function (years) {
        return "Lưu ý: lịch nghỉ năm " + years + " chưa được công bố chính thức; ngày nghỉ được tính theo " +
          "Bộ luật Lao động.";
      }
    },
    en: {
      empty: "Type a date, for example 05/02/2026.",
      loading: "Loading the holiday calendar…",
      noData: "The holiday data could not be loaded, so no deadline was computed. Reload the page.",
      counted: function (n, start) {
        return n + " working days counted from " + start +
          ", without Saturdays, Sundays, holidays and swapped days off.";
      },
      period: function (start, nominal) {
        return "The period runs from " + start + " to the end of " + nominal + ".";
      },
      moved: function (nominal, why) {
        return "The last day, " + nominal + ", is a day off (" + why + "), so the period ends at the end of " +
          "the next working day (Civil Code 2015, Article 148).";
      },
      unconfirmed: function (years) {
        return "Note: the " + years + " holiday schedule is not officially announced; days off follow the " +
          "Labour Code.";
      }
    }
  };

  function language(node) {
    return node.getAttribute("data-lang") === "en" ? "en" : "vi";
  }

  // ---- holiday data: one request per page ---------------------------------

  var loads = {};

  function holidayData(url) {
    if (!url && typeof window.HandbookHolidayData === "object") {
      return Promise.resolve(window.HandbookHolidayData);
    }
    if (!loads[url]) {
      loads[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      }).catch(function (error) {
        delete loads[url];
        if (typeof window.HandbookHolidayData === "object") { return window.HandbookHolidayData; }
        throw error;
      });
    }
    return loads[url];
  }

  // ---- calculators -------------------------------------------------------------

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) { node.textContent = text; }
    return node;
  }

  // text: one message, or [headline, explanation...]: the headline (the
  // deadline) is shown in bold. Text nodes only, never HTML.
  function show(form, text, isError) {
    var input = form.querySelector("input[name=date]");
    var result = form.querySelector(".hb-deadline__result");
    var lines = typeof text === "string" ? [text] : text;
    result.textContent = "";
    result.appendChild(element("strong", {}, lines[0]));
    if (lines.length > 1) { result.appendChild(document.createTextNode(" " + lines.slice(1).join(" "))); }
    result.classList.toggle("hb-deadline__result--error", Boolean(isError));
    var hint = input.getAttribute("data-hb-hint");
    if (isError) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", hint + " " + result.id);
    } else {
      input.removeAttribute("aria-invalid");
      input.setAttribute("aria-describedby", hint);
    }
  }

  function describe(result, data, lang, label) {
    var D = window.HandbookDeadlines;
    var words = TEXT[lang];
    var lines = [label + ": " + D.weekdayName(result.deadline, lang) + ", " + D.formatDate(result.deadline, "vi") + "."];
    var wd = /^\+([0-9]+)wd$/.exec(result.rule);
    if (wd) {
      lines.push(words.counted(wd[1], D.formatDate(result.start, "vi")));
    } else {
      lines.push(words.period(D.formatDate(result.start, "vi"), D.formatDate(result.nominal, "vi")));
    }
    if (result.moved) {
      lines.push(words.moved(D.formatDate(result.nominal, "vi"), D.whyOff(result.nominal, data, lang)));
    }
    if (result.unconfirmed_years.length) {
      lines.push(words.unconfirmed(result.unconfirmed_years.join(", ")));
    }
    return lines;
  }

  function submit(box, form, event) {
    event.preventDefault();
    var lang = language(box);
    var words = TEXT[lang];
    var typed = form.querySelector("input[name=date]").value;
    if (!typed.replace(/[ \t\r\n]+/g, "")) {
      show(form, words.empty, true);
      return;
    }
    var parsed = window.HandbookDeadlines.parseDate(typed);
    if (!parsed.ok) {
      show(form, lang === "vi" ? parsed.message_vi : parsed.message_en, true);
      return;
    }
    show(form, words.loading, false);
    holidayData(box.getAttribute("data-holidays")).then(function (data) {
      var result = window.HandbookDeadlines.compute(box.getAttribute("data-rule"), parsed.iso, data);
      if (!result.ok) {
        show(form, lang === "vi" ? result.message_vi : result.message_en, true);
        return;
      }
      show(form, describe(result, data, lang, box.getAttribute("data-result-label")), false);
    }).catch(function () {
      // Data not loaded or not of the expected format: say so, never guess.
      show(form, words.noData, true);
    });
  }

  function calculator(box) {
    var id = box.id;
    var form = element("form", { "class": "hb-deadline__form", novalidate: "" });
    var fieldset = element("fieldset");
    fieldset.appendChild(element("legend", {}, box.getAttribute("data-legend")));
    fieldset.appendChild(element("label", { "for": id + "-date" }, box.getAttribute("data-event-label")));
    var row = element("div", { "class": "hb-deadline__row" });
    var input = element("input", {
      id: id + "-date", name: "date", type: "text", autocomplete: "off", spellcheck: "false",
      placeholder: "dd/mm/yyyy", "aria-describedby": id + "-hint", "data-hb-hint": id + "-hint"
    });
    row.appendChild(input);
    row.appendChild(element("button", { type: "submit", "class": "md-button" }, box.getAttribute("data-button")));
    fieldset.appendChild(row);
    fieldset.appendChild(element("p", { id: id + "-hint", "class": "hb-deadline__hint" }, box.getAttribute("data-hint")));
    fieldset.appendChild(element("p", {
      id: id + "-result", "class": "hb-deadline__result", role: "status", "aria-live": "polite"
    }));
    form.appendChild(fieldset);
    form.addEventListener("submit", submit.bind(null, box, form));
    box.appendChild(form);
  }

  // ---- the choice of year and unit ------------------------------------------------

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORAGE) || "null");
      return saved && typeof saved === "object" ? saved : {};
    } catch (e) {
      return {};
    }
  }

  function save(state) {
    try { window.localStorage.setItem(STORAGE, JSON.stringify(state)); } catch (e) { /* not kept: still works */ }
  }

  function slug(profile) {
    return [profile.staff.replace("+", "plus"), profile.board ? "ban" : "khongban",
      profile.internal_system ? "htnb" : "khonghtnb", profile.dispersed ? "phantan" : "taptrung"].join("-");
  }

  function applies(conditions, profile) {
    return Object.keys(conditions).every(function (key) {
      if (key === "staff") { return conditions.staff.indexOf(profile.staff) !== -1; }
      return Boolean(profile[key]) === Boolean(conditions[key]);
    });
  }

  function read(choice) {
    var year = choice.querySelector("input[name=hb-plan-year]:checked");
    var staff = choice.querySelector("input[name=hb-plan-staff]:checked");
    var state = { year: year ? year.value : "", staff: staff ? staff.value : "8-99" };
    FLAGS.forEach(function (flag) {
      var box = choice.querySelector("input[data-hb-flag=" + flag + "]");
      state[flag] = Boolean(box && box.checked && !box.disabled);
    });
    return state;
  }

  function write(choice, state) {
    var radios = choice.querySelectorAll("input[name=hb-plan-year]");
    Array.prototype.forEach.call(radios, function (radio) { radio.checked = radio.value === String(state.year); });
    if (!choice.querySelector("input[name=hb-plan-year]:checked") && radios.length) { radios[0].checked = true; }
    if (BANDS.indexOf(state.staff) !== -1) {
      Array.prototype.forEach.call(choice.querySelectorAll("input[name=hb-plan-staff]"), function (radio) {
        radio.checked = radio.value === state.staff;
      });
    }
    FLAGS.forEach(function (flag) {
      var box = choice.querySelector("input[data-hb-flag=" + flag + "]");
      if (box && typeof state[flag] === "boolean") { box.checked = state[flag]; }
    });
  }

  function toggle(node, visible) {
    if (visible) { node.removeAttribute("hidden"); } else { node.setAttribute("hidden", ""); }
  }

  function apply(choice) {
    // No People's Inspection Board in a unit of 7 staff or fewer (Điều 60).
    var board = choice.querySelector("input[data-hb-flag=board]");
    var small = (choice.querySelector("input[name=hb-plan-staff]:checked") || {}).value === "1-7";
    if (board) {
      board.disabled = small;
      if (small) { board.checked = false; }
    }
    var state = read(choice);
    var profile = { staff: state.staff, board: state.board, internal_system: state.internal_system,
      dispersed: state.dispersed };
    var names = JSON.parse(choice.getAttribute("data-hb-profiles") || "{}");

    Array.prototype.forEach.call(document.querySelectorAll("[data-hb-plan-year]"), function (node) {
      toggle(node, node.getAttribute("data-hb-plan-year") === state.year);
    });
    // the table of contents lists only the year shown
    Array.prototype.forEach.call(document.querySelectorAll(".md-nav a[href^='#nam-']"), function (link) {
      var item = link.closest("li");
      if (item) { toggle(item, link.getAttribute("href") === "#nam-" + state.year); }
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-hb-applies]"), function (node) {
      var conditions;
      try { conditions = JSON.parse(node.getAttribute("data-hb-applies")); } catch (e) { conditions = {}; }
      toggle(node, applies(conditions, profile));
    });
    Array.prototype.forEach.call(document.querySelectorAll("tbody.hb-plan__month"), function (group) {
      toggle(group, group.querySelector("tr[data-hb-task]:not([hidden])") !== null);
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-hb-plan-list]"), function (list) {
      var empty = list.querySelector(".hb-plan__empty");
      if (empty) { toggle(empty, list.querySelector(".hb-plan-item:not([hidden])") === null); }
    });
    Array.prototype.forEach.call(document.querySelectorAll("a[data-hb-plan-ics]"), function (link) {
      var year = link.getAttribute("data-hb-plan-ics");
      var suffix = link.getAttribute("data-hb-plan-ics-lang") === "en" ? ".en.ics" : ".ics";
      link.setAttribute("href", "ke-hoach-" + year + "-" + slug(profile) + suffix);
    });
    var words = names[slug(profile)] || "";
    Array.prototype.forEach.call(document.querySelectorAll("[data-hb-plan-profile]"), function (node) {
      node.textContent = words;
    });
    save(state);
  }

  function choose(choice) {
    write(choice, load());
    choice.removeAttribute("hidden");
    // the page now shows one unit's plan: its printout needs no conditions column
    document.documentElement.setAttribute("data-hb-plan-chosen", "");
    choice.addEventListener("change", function () { apply(choice); });
    apply(choice);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-hb-deadline]:not([data-hb-ready])"), function (box) {
      box.setAttribute("data-hb-ready", "");
      calculator(box);
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-hb-plan-choice]:not([data-hb-ready])"), function (choice) {
      choice.setAttribute("data-hb-ready", "");
      choose(choice);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
