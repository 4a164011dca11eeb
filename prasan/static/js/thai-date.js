/* Thai Buddhist-era date input: a small calendar beside every <input data-thai-date>.
 *
 * Progressive enhancement only: the input stays a text box and the server reads whatever is typed
 * (prasan/thai/date_input.py is the one authority). This script reads the same shapes just well enough
 * to open the calendar on the typed month, say the date back in words, and tidy the text on leaving
 * the field (7/12/69 → 7 ธ.ค. 2569). Keyboard: Alt+↓ opens; arrows, Home/End, PageUp/PageDown
 * (Shift: a year) move; Enter picks; Esc closes.
 */
(function () {
  "use strict";

  var MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
    "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"];
  var ABBR = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."];
  var SPOKEN = ["มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา", "กรกฎา", "สิงหา", "กันยา", "ตุลา",
    "พฤศจิกา", "ธันวา"];
  var WEEKDAYS = ["อาทิตย์", "จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์"];
  var WEEKDAYS_SHORT = ["อา", "จ", "อ", "พ", "พฤ", "ศ", "ส"];
  var BE = 543;
  var NAMES = {};
  [MONTHS, ABBR, SPOKEN].forEach(function (list) {
    list.forEach(function (name, i) { NAMES[name.replace(/\./g, "")] = i; });
  });

  function arabic(text) {
    return text.replace(/[๐-๙]/g, function (d) { return String(d.charCodeAt(0) - 0x0E50); });
  }

  function makeDate(y, m, d) {
    var date = new Date(y, m, d, 12);
    date.setFullYear(y); // years below 100 would otherwise be read as 19xx
    return date.getMonth() === m && date.getDate() === d ? date : null;
  }

  function christianYear(text, era) {
    var n = parseInt(text, 10);
    if (text.length === 2) return era === "ce" ? 2000 + n : 2500 + n - BE;
    if (era === "be" || (!era && n >= 2400)) return n >= 2400 && n <= 2799 ? n - BE : null;
    if (era === "ce") return n >= 1857 && n <= 2256 ? n : null;
    return n >= 1900 && n <= 2199 ? n : null;
  }

  /* The date typed, or null: the shapes prasan.thai.date_input.parse_date reads. */
  function parse(raw, today) {
    var text = arabic(raw || "").replace(/\u200b/g, "").replace(/\s+/g, " ").trim();
    if (!text) return null;
    var era = null;
    var marker = /(พ\s*\.?\s*ศ\s*\.?|ค\s*\.?\s*ศ\s*\.?)\s*(?=\d)/.exec(text);
    if (marker) {
      era = marker[1].charAt(0) === "พ" ? "be" : "ce";
      text = (text.slice(0, marker.index) + text.slice(marker.index + marker[0].length)).trim();
    }
    text = text.replace(new RegExp("^(วัน(" + WEEKDAYS.join("|") + ")?\\s*)?ที่\\s*"), "").trim();
    var m, y, mo, d;
    if ((m = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/.exec(text))) {
      y = christianYear(m[1], era); mo = +m[2] - 1; d = +m[3];
    } else if ((m = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2}|\d{4})$/.exec(text))) {
      d = +m[1]; mo = +m[2] - 1; y = christianYear(m[3], era);
    } else if ((m = /^(\d{1,2})\s*([\u0E00-\u0E7F.\s]+?)\s*(\d{2}|\d{4})?$/.exec(text)) &&
               NAMES.hasOwnProperty(m[2].replace(/[.\s]/g, ""))) {
      d = +m[1]; mo = NAMES[m[2].replace(/[.\s]/g, "")];
      y = m[3] ? christianYear(m[3], era) : (today || new Date()).getFullYear();
    } else {
      return null;
    }
    if (y === null || mo < 0 || mo > 11) return null;
    return makeDate(y, mo, d);
  }

  function short(date) { return date.getDate() + " " + ABBR[date.getMonth()] + " " + (date.getFullYear() + BE); }
  function long(date) {
    return "วัน" + WEEKDAYS[date.getDay()] + "ที่ " + date.getDate() + " " + MONTHS[date.getMonth()] + " " +
      (date.getFullYear() + BE);
  }
  function sameDay(a, b) { return a && b && a.toDateString() === b.toDateString(); }
  function addDays(date, n) { var c = new Date(date); c.setDate(c.getDate() + n); return c; }
  function addMonths(date, n) {
    var target = new Date(date.getFullYear(), date.getMonth() + n, 1, 12);
    var last = new Date(target.getFullYear(), target.getMonth() + 1, 0, 12).getDate();
    target.setDate(Math.min(date.getDate(), last));
    return target;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var counter = 0;

  function enhance(input) {
    if (input.dataset.thaiDateReady) return;
    input.dataset.thaiDateReady = "1";
    var id = input.id || ("thai-date-" + (++counter));
    input.id = id;
    var wrap = el("span", { "class": "thai-date-wrap" });
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(input);
    var opener = el("button", { type: "button", "class": "thai-date-open", "aria-haspopup": "dialog",
      "aria-expanded": "false", "aria-controls": id + "-calendar", "aria-label": "เลือกวันที่จากปฏิทิน" });
    opener.innerHTML = '<svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22"><path fill="currentColor" ' +
      'd="M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3zm12 7H5v10h14zM8 12h3v3H8z"/></svg>';
    wrap.appendChild(opener);
    var hint = el("span", { "class": "thai-date-hint", id: id + "-hint", "aria-live": "polite" });
    wrap.parentNode.insertBefore(hint, wrap.nextSibling);
    var described = (input.getAttribute("aria-describedby") || "").trim();
    input.setAttribute("aria-describedby", (described ? described + " " : "") + hint.id);

    var panel = null, shown = null, focused = null;

    function say() {
      var value = input.value.trim();
      if (!value) { hint.textContent = ""; hint.classList.remove("bad"); return; }
      var date = parse(value);
      hint.textContent = date ? long(date) : "อ่านวันที่ไม่ออก พิมพ์เช่น 7 ธ.ค. 2569 หรือ 7/12/2569";
      hint.classList.toggle("bad", !date);
    }

    function choose(date) {
      input.value = date ? short(date) : "";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
      say();
      close();
      input.focus();
    }

    function close() {
      if (!panel) return;
      panel.remove();
      panel = null;
      opener.setAttribute("aria-expanded", "false");
      document.removeEventListener("mousedown", outside, true);
      document.removeEventListener("touchstart", outside, true);
    }

    function outside(event) {
      if (panel && !panel.contains(event.target) && !wrap.contains(event.target)) close();
    }

    function render() {
      panel.innerHTML = "";
      var head = el("div", { "class": "thai-cal-head" });
      var buttons = [["«", "ปีก่อน", -12], ["‹", "เดือนก่อน", -1], null, ["›", "เดือนถัดไป", 1], ["»", "ปีถัดไป", 12]];
      buttons.forEach(function (b) {
        if (!b) {
          head.appendChild(el("span", { "class": "thai-cal-title", "aria-live": "polite", id: id + "-title" },
            MONTHS[shown.getMonth()] + " " + (shown.getFullYear() + BE)));
          return;
        }
        var button = el("button", { type: "button", "aria-label": b[1], "class": "thai-cal-nav" }, b[0]);
        button.addEventListener("click", function () { move(addMonths(focused, b[2]), false); });
        head.appendChild(button);
      });
      panel.appendChild(head);

      var table = el("table", { role: "grid", "aria-labelledby": id + "-title" });
      var row = el("tr");
      WEEKDAYS_SHORT.forEach(function (name, i) {
        row.appendChild(el("th", { scope: "col", abbr: WEEKDAYS[i] }, name));
      });
      var thead = el("thead"); thead.appendChild(row); table.appendChild(thead);
      var tbody = el("tbody");
      var first = new Date(shown.getFullYear(), shown.getMonth(), 1, 12);
      var day = addDays(first, -first.getDay());
      var selected = parse(input.value), today = new Date();
      for (var week = 0; week < 6; week++) {
        row = el("tr");
        for (var i = 0; i < 7; i++) {
          var cell = el("td");
          if (day.getMonth() === shown.getMonth()) {
            var button = el("button", { type: "button", "class": "thai-cal-day", tabindex: sameDay(day, focused) ? "0" : "-1",
              "data-day": day.toDateString(), "aria-label": long(day) }, String(day.getDate()));
            if (sameDay(day, selected)) { button.setAttribute("aria-pressed", "true"); button.classList.add("selected"); }
            if (sameDay(day, today)) { button.classList.add("today"); button.setAttribute("aria-current", "date"); }
            (function (date) { button.addEventListener("click", function () { choose(date); }); })(new Date(day));
            cell.appendChild(button);
          }
          row.appendChild(cell);
          day = addDays(day, 1);
        }
        tbody.appendChild(row);
        if (day.getMonth() !== shown.getMonth()) break;
      }
      table.appendChild(tbody);
      table.addEventListener("keydown", keys);
      panel.appendChild(table);

      var foot = el("div", { "class": "thai-cal-foot" });
      [["วันนี้", function () { choose(new Date()); }], ["ล้าง", function () { choose(null); }],
       ["ปิด", function () { close(); input.focus(); }]].forEach(function (b) {
        var button = el("button", { type: "button" }, b[0]);
        button.addEventListener("click", b[1]);
        foot.appendChild(button);
      });
      panel.appendChild(foot);
    }

    function move(date, focus) {
      focused = date;
      if (date.getMonth() !== shown.getMonth() || date.getFullYear() !== shown.getFullYear()) {
        shown = new Date(date.getFullYear(), date.getMonth(), 1, 12);
      }
      render();
      if (focus !== false) {
        var target = panel.querySelector('[data-day="' + date.toDateString() + '"]');
        if (target) target.focus();
      }
    }

    function keys(event) {
      var step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[event.key];
      if (step) { move(addDays(focused, step)); }
      else if (event.key === "Home") { move(addDays(focused, -focused.getDay())); }
      else if (event.key === "End") { move(addDays(focused, 6 - focused.getDay())); }
      else if (event.key === "PageUp") { move(addMonths(focused, event.shiftKey ? -12 : -1)); }
      else if (event.key === "PageDown") { move(addMonths(focused, event.shiftKey ? 12 : 1)); }
      else return;
      event.preventDefault();
    }

    function open() {
      if (panel) { close(); return; }
      focused = parse(input.value) || new Date();
      shown = new Date(focused.getFullYear(), focused.getMonth(), 1, 12);
      panel = el("div", { "class": "thai-cal", role: "dialog", id: id + "-calendar", "aria-label": "ปฏิทิน พ.ศ." });
      panel.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { event.preventDefault(); close(); input.focus(); }
      });
      wrap.appendChild(panel);
      opener.setAttribute("aria-expanded", "true");
      move(focused);
      document.addEventListener("mousedown", outside, true);
      document.addEventListener("touchstart", outside, true);
    }

    opener.addEventListener("click", open);
    input.addEventListener("keydown", function (event) {
      if (event.altKey && event.key === "ArrowDown") { event.preventDefault(); open(); }
    });
    input.addEventListener("input", say);
    input.addEventListener("blur", function () {
      var date = parse(input.value);
      if (date && input.value.trim() !== short(date)) input.value = short(date);
      say();
    });
    say();
  }

  function enhanceAll(root) {
    (root || document).querySelectorAll("input[data-thai-date]").forEach(enhance);
  }

  window.prasanThaiDate = { parse: parse, format: short, enhanceAll: enhanceAll };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { enhanceAll(); });
  } else {
    enhanceAll();
  }
  document.addEventListener("htmx:load", function (event) { enhanceAll(event.target); });
})();
