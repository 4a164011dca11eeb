// Password strength meter: the same estimate as prasan/accounts/passwords.py strength(), line for
// line, so what the meter says is what the server will accept (score 2, "พอใช้", or better).
(function () {
  "use strict";
  var WORD_BITS = 11, PERSONAL_BITS = 4, YEAR_BITS = 7, STEP_BITS = 2;
  var KEYBOARD_ROWS = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];
  var YEAR = /^(19|20|24|25|26)\d\d$/;
  var LABELS = ["อ่อนมาก", "อ่อน", "พอใช้", "ดี", "แข็งแรง"];
  var THRESHOLDS = [28, 40, 52, 66];

  function pool(password) {
    var size = 0;
    if (/[a-z]/.test(password)) size += 26;
    if (/[A-Z]/.test(password)) size += 26;
    if (/[0-9]/.test(password)) size += 10;
    if (/[\u0E00-\u0E7F]/.test(password)) size += 87;
    if (/[!-/:-@\[-`{-~ ]/.test(password)) size += 33;
    if (/[^a-zA-Z0-9\u0E00-\u0E7F!-/:-@\[-`{-~ ]/u.test(password)) size += 100;
    return Math.max(size, 10);
  }

  function isAlnum(ch) { return /^[\p{L}\p{N}]$/u.test(ch); }

  function adjacent(a, b) {
    if (isAlnum(a) && isAlnum(b) && Math.abs(a.codePointAt(0) - b.codePointAt(0)) === 1) return true;
    return KEYBOARD_ROWS.some(function (row) {
      return row.indexOf(a) >= 0 && row.indexOf(b) >= 0 && Math.abs(row.indexOf(a) - row.indexOf(b)) === 1;
    });
  }

  function strength(password, words, personal) {
    var chars = Array.from(password.toLowerCase());
    var n = chars.length;
    if (n === 0) return [0, 0];
    var perChar = Math.log2(pool(password));
    var candidates = words.map(function (w) { return [Array.from(w), WORD_BITS]; })
      .concat(personal.map(function (w) { return [Array.from(w), PERSONAL_BITS]; }));
    var cost = [0];
    for (var i = 1; i <= n; i++) {
      var best = cost[i - 1] + perChar;
      if (i >= 2 && (chars[i - 1] === chars[i - 2] || adjacent(chars[i - 2], chars[i - 1]))) {
        best = Math.min(best, cost[i - 1] + STEP_BITS);
      }
      if (i >= 4 && YEAR.test(chars.slice(i - 4, i).join(""))) best = Math.min(best, cost[i - 4] + YEAR_BITS);
      for (var k = 0; k < candidates.length; k++) {
        var word = candidates[k][0], size = word.length;
        if (size <= i && chars.slice(i - size, i).join("") === word.join("")) {
          best = Math.min(best, cost[i - size] + candidates[k][1]);
        }
      }
      cost.push(best);
    }
    var bits = cost[n];
    var score = THRESHOLDS.filter(function (t) { return bits >= t; }).length;
    return [score, Math.round(bits * 10) / 10];
  }

  window.prasanPasswordStrength = strength;  // for the browser test comparing with the server

  function attach(input) {
    var box = document.getElementById(input.getAttribute("data-strength-meter"));
    if (!box) return;
    var personal = (input.getAttribute("data-personal") || "").split(/\s+/).filter(Boolean);
    var words = [];
    fetch(box.getAttribute("data-words")).then(function (r) { return r.ok ? r.text() : ""; }).then(function (text) {
      words = text.split("\n").map(function (w) { return w.trim().toLowerCase(); })
        .filter(function (w) { return w && w.charAt(0) !== "#"; });
      window.prasanPasswordWords = words;
      update();
    });
    function update() {
      if (!input.value) { box.hidden = true; return; }
      var result = strength(input.value, words, personal);
      box.hidden = false;
      box.querySelector("meter").value = result[0];
      box.querySelector("strong").textContent = LABELS[result[0]];
      box.setAttribute("data-score", String(result[0]));
    }
    input.addEventListener("input", update);
  }

  document.querySelectorAll("input[data-strength-meter]").forEach(attach);
})();
