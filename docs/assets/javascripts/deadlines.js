/*
 * Deadline rules of the handbook, in the browser, offline.
 *
 * A mirror of src/handbook/plan/rules.py and dates.py (Python is the
 * definition; both are run against tests/fixtures/plan/vectors.json, and on
 * every start day of the data, in tests/browser/test_deadline_rules_js.py).
 * Plain script: no modules, no eval, no new Function, nothing loaded from
 * anywhere, so it runs under the site's Content-Security-Policy
 * (script-src 'self').
 *
 * API (window.HandbookDeadlines):
 *   compute(rule, isoDate, holidayData) -> result
 *     rule: "+5wd" | "+20d" | "+15d" | "+6m" | "+2y" | "WY+3m" | "Q1".."Q4" |
 *           "H1" | "H2" | "M01".."M12" (+N with 1 <= N <= 999)
 *     isoDate: "YYYY-MM-DD"
 *     holidayData: the JSON the build publishes next to the plan page
 *                  (ngay-nghi.json: handbook.plan.workdays, WorkCalendar.to_json)
 *     result: {ok: true, rule, event, start, nominal, deadline, moved,
 *              unconfirmed_years} or {ok: false, error, message_vi, message_en}
 *   parseDate(text) -> {ok: true, iso} | {ok: false, error, message_vi, message_en}
 *     text typed by a person: dd/mm/yyyy (also . or -) or yyyy-mm-dd
 *   whyOff(isoDate, holidayData, lang) -> "Chủ nhật", "Tết Nguyên đán", ... or ""
 *   formatDate(isoDate, lang) -> "05/02/2026" (vi) | "5 February 2026" (en)
 *   weekdayName(isoDate, lang) -> "thứ Năm" | "Thursday"
 *
 * Counting (Bộ luật Dân sự 2015): a period starts the day after the event
 * (Điều 147); a period in days ends at the end of its last day, in months on
 * the corresponding day of the last month (or its last day), in years on the
 * same day and month; a last day that is a weekly day off or a holiday moves
 * to the next working day (Điều 148). Working days (+Nwd) skip weekends, days
 * off and swapped days and count make-up Saturdays.
 */
(function (root) {
  "use strict";

  var ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
  var VI_RE = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/;
  var RULE_RE = /^(?:\+([1-9][0-9]{0,2})(wd|d|m|y)|WY\+([1-9]|1[0-2])m|Q([1-4])|H([12])|M(0[1-9]|1[0-2]))$/;
  var MIN_YEAR = 1900;
  var MAX_YEAR = 2199;
  var MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  var WEEKDAYS_VI = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"];
  var WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

  function Failure(code, vi, en) {
    this.code = code;
    this.message_vi = vi;
    this.message_en = en;
  }

  function fail(failure) {
    return { ok: false, error: failure.code, message_vi: failure.message_vi, message_en: failure.message_en };
  }

  // --- civil dates as day numbers (days since 1970-01-01), pure integers:
  // no Date object, so no time zone can shift a day.

  function isLeap(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }

  function daysInMonth(y, m) {
    return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  }

  function toDays(y, m, d) {
    var yy = m <= 2 ? y - 1 : y;
    var era = Math.floor(yy / 400);
    var yoe = yy - era * 400;
    var doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
    var doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  }

  function fromDays(z) {
    var zz = z + 719468;
    var era = Math.floor(zz / 146097);
    var doe = zz - era * 146097;
    var yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    var doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    var mp = Math.floor((5 * doy + 2) / 153);
    var d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    var m = mp < 10 ? mp + 3 : mp - 9;
    return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m: m, d: d };
  }

  function isoWeekday(z) { return ((z % 7) + 7 + 3) % 7 + 1; }   // 1970-01-01 was a Thursday (4)

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) { s = "0" + s; }
    return s;
  }

  function toIso(z) {
    var c = fromDays(z);
    return pad(c.y, 4) + "-" + pad(c.m, 2) + "-" + pad(c.d, 2);
  }

  function formatVi(c) { return pad(c.d, 2) + "/" + pad(c.m, 2) + "/" + c.y; }
  function formatEn(c) { return c.d + " " + MONTHS_EN[c.m - 1] + " " + c.y; }

  function addMonths(z, months) {
    var c = fromDays(z);
    var index = c.m - 1 + months;
    var y = c.y + Math.floor(index / 12);
    var m = ((index % 12) + 12) % 12 + 1;
    return toDays(y, m, Math.min(c.d, daysInMonth(y, m)));
  }

  // --- parsing (handbook/plan/dates.py)

  function badFormat(text) {
    return new Failure("bad-date-format",
      "«" + text + "» không phải là một ngày. Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 05/02/2026.",
      "“" + text + "” is not a date. Type the date as dd/mm/yyyy, for example 05/02/2026.");
  }

  function makeDate(y, m, d, typed) {
    if (y < MIN_YEAR || y > MAX_YEAR) {
      throw new Failure("impossible-date",
        "Năm " + y + " nằm ngoài khoảng " + MIN_YEAR + "–" + MAX_YEAR + ": hãy kiểm tra lại ngày «" + typed + "».",
        "Year " + y + " is outside " + MIN_YEAR + "–" + MAX_YEAR + ": check the date “" + typed + "”.");
    }
    if (m < 1 || m > 12) {
      throw new Failure("impossible-date",
        "Ngày «" + typed + "» không tồn tại: tháng phải từ 1 đến 12.",
        "The date “" + typed + "” does not exist: the month must be 1 to 12.");
    }
    var last = daysInMonth(y, m);
    if (d < 1 || d > last) {
      throw new Failure("impossible-date",
        "Ngày «" + typed + "» không tồn tại: tháng " + pad(m, 2) + "/" + y + " chỉ có " + last + " ngày.",
        "The date “" + typed + "” does not exist: " + MONTHS_EN[m - 1] + " " + y + " has " + last + " days.");
    }
    return toDays(y, m, d);
  }

  function parseIso(text) {
    var match = typeof text === "string" ? ISO_RE.exec(text) : null;
    if (!match) { throw badFormat(typeof text === "string" ? text : String(text)); }
    return makeDate(parseInt(match[1], 10), parseInt(match[2], 10), parseInt(match[3], 10), text);
  }

  function parseTyped(text) {
    if (typeof text !== "string") { throw badFormat(String(text)); }
    var stripped = text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
    var match = VI_RE.exec(stripped);
    if (match) {
      return makeDate(parseInt(match[3], 10), parseInt(match[2], 10), parseInt(match[1], 10), stripped);
    }
    return parseIso(stripped);
  }

  // --- the holiday data (handbook/plan/workdays.py)

  function Calendar(data) {
    if (!data || data.format !== 1) { throw new Error("holiday data of another format"); }
    this.data = data;
    this.weekly = data.weekly_days_off;
  }

  Calendar.prototype.year = function (z) {
    var y = fromDays(z).y;
    if (y < this.data.first_year || y > this.data.last_year) {
      throw new Failure("out-of-range",
        "Chưa có dữ liệu ngày nghỉ cho năm " + y + " (công cụ có dữ liệu từ năm " + this.data.first_year +
        " đến " + this.data.last_year + "), nên không tính được hạn chính xác.",
        "There is no holiday data for " + y + " (the tool covers " + this.data.first_year + "–" +
        this.data.last_year + "), so the deadline cannot be computed reliably.");
    }
    return this.data.years[String(y)];
  };

  Calendar.prototype.isWorking = function (z) {
    var year = this.year(z);
    var iso = toIso(z);
    if (Object.prototype.hasOwnProperty.call(year.work, iso)) { return true; }
    if (this.weekly.indexOf(isoWeekday(z)) !== -1) { return false; }
    return !Object.prototype.hasOwnProperty.call(year.off, iso);
  };

  Calendar.prototype.unconfirmed = function (days) {
    var years = [];
    for (var i = 0; i < days.length; i += 1) {
      var y = fromDays(days[i]).y;
      if (this.data.years[String(y)].status !== "confirmed" && years.indexOf(y) === -1) { years.push(y); }
    }
    return years.sort(function (a, b) { return a - b; });
  };

  // --- rules (handbook/plan/rules.py)

  function parseRule(text) {
    var match = typeof text === "string" ? RULE_RE.exec(text) : null;
    if (!match) {
      throw new Failure("unknown-rule",
        "Không có quy tắc tính hạn «" + text + "». Dùng: +5wd (ngày làm việc), +20d (ngày), +6m (tháng), " +
        "+2y (năm), WY+3m (tháng đầu năm công tác), Q1–Q4, H1/H2, M01–M12.",
        "There is no deadline rule “" + text + "”. Use: +5wd (working days), +20d (days), +6m (months), " +
        "+2y (years), WY+3m (months into the work year), Q1–Q4, H1/H2, M01–M12.");
    }
    if (match[1]) { return { unit: match[2], n: parseInt(match[1], 10) }; }
    if (match[3]) { return { unit: "wy", n: parseInt(match[3], 10) }; }
    if (match[4]) { var q = parseInt(match[4], 10); return { unit: "window", first: 3 * q - 2, last: 3 * q }; }
    if (match[5]) { return match[5] === "1" ? { unit: "window", first: 1, last: 6 } : { unit: "window", first: 7, last: 12 }; }
    var month = parseInt(match[6], 10);
    return { unit: "window", first: month, last: month };
  }

  function nextWorkingDay(z, cal, seen) {
    var day = z;
    seen.push(day);
    while (!cal.isWorking(day)) {
      day += 1;
      seen.push(day);
    }
    return day;
  }

  function compute(ruleText, isoDate, holidayData) {
    try {
      var rule = parseRule(ruleText);
      var event = parseIso(isoDate);
      var cal = new Calendar(holidayData);
      var start, nominal, seen = [];
      if (rule.unit === "wd") {
        var day = event, counted = 0;
        while (counted < rule.n) {
          day += 1;
          seen.push(day);
          if (cal.isWorking(day)) { counted += 1; }
        }
        return { ok: true, rule: ruleText, event: toIso(event), start: toIso(event + 1), nominal: toIso(day),
          deadline: toIso(day), moved: false, unconfirmed_years: cal.unconfirmed(seen) };
      }
      if (rule.unit === "window") {
        var y = fromDays(event).y;
        start = toDays(y, rule.first, 1);
        nominal = toDays(y, rule.last, daysInMonth(y, rule.last));
      } else if (rule.unit === "wy") {
        // The event is the end of the previous work year, the day before.
        start = event;
        nominal = addMonths(event - 1, rule.n);
      } else {
        start = event + 1;
        if (rule.unit === "d") { nominal = event + rule.n; }
        else if (rule.unit === "m") { nominal = addMonths(event, rule.n); }
        else { nominal = addMonths(event, 12 * rule.n); }
      }
      var deadline = nextWorkingDay(nominal, cal, seen);
      return { ok: true, rule: ruleText, event: toIso(event), start: toIso(start), nominal: toIso(nominal),
        deadline: toIso(deadline), moved: deadline !== nominal, unconfirmed_years: cal.unconfirmed(seen) };
    } catch (e) {
      if (e instanceof Failure) { return fail(e); }
      throw e;
    }
  }

  function parseDate(text) {
    try {
      return { ok: true, iso: toIso(parseTyped(text)) };
    } catch (e) {
      if (e instanceof Failure) { return fail(e); }
      throw e;
    }
  }

  function whyOff(isoDate, holidayData, lang) {
    var z = parseIso(isoDate);
    var year = holidayData.years[String(fromDays(z).y)];
    if (year && Object.prototype.hasOwnProperty.call(year.off, isoDate)) {
      return year.off[isoDate][lang === "vi" ? 0 : 1];
    }
    var working = year && Object.prototype.hasOwnProperty.call(year.work, isoDate);
    if (!working && holidayData.weekly_days_off.indexOf(isoWeekday(z)) !== -1) {
      return weekdayName(isoDate, lang);
    }
    return "";
  }

  function weekdayName(isoDate, lang) {
    var index = isoWeekday(parseIso(isoDate)) - 1;
    return (lang === "vi" ? WEEKDAYS_VI : WEEKDAYS_EN)[index];
  }

  function formatDate(isoDate, lang) {
    var c = fromDays(parseIso(isoDate));
    return lang === "vi" ? formatVi(c) : formatEn(c);
  }

  root.HandbookDeadlines = {
    version: 1,
    compute: compute,
    parseDate: parseDate,
    whyOff: whyOff,
    weekdayName: weekdayName,
    formatDate: formatDate
  };
}(typeof self !== "undefined" ? self : this));
