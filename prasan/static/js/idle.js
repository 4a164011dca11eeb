// Idle timeout warning: shortly before the server signs an unused session out, say so in Thai and
// offer "ใช้งานต่อ". The server decides (prasan/accounts/idle.py); this only asks it how long is left
// (GET /account/session, which does not count as activity), so other open tabs are taken into account.
(function () {
  "use strict";
  var body = document.body;
  var total = Number(body.getAttribute("data-idle-seconds"));
  var warnBefore = Number(body.getAttribute("data-idle-warning"));
  var statusUrl = body.getAttribute("data-idle-url");
  if (!total || !statusUrl) return;
  var banner = document.getElementById("idle-warning");
  var clock = banner.querySelector("[data-left]");
  var timer = null, ticker = null;

  function schedule(secondsLeft) {
    clearTimeout(timer);
    timer = setTimeout(check, Math.max(1, secondsLeft - warnBefore) * 1000);
  }

  function check() {
    fetch(statusUrl, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (r) { return r.status === 401 ? {seconds_left: 0} : r.json(); })
      .then(function (data) {
        var left = Number(data.seconds_left) || 0;
        if (left <= 0) { signedOut(); return; }
        if (left > warnBefore) { hide(); schedule(left); return; }
        warn(left);
      })
      .catch(function () { schedule(warnBefore); });
  }

  function format(seconds) {
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  function warn(left) {
    banner.hidden = false;
    var deadline = Date.now() + left * 1000;
    clearInterval(ticker);
    function tick() {
      var remaining = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      clock.textContent = format(remaining);
      if (remaining <= 0) { clearInterval(ticker); check(); }
    }
    tick();
    ticker = setInterval(tick, 1000);
  }

  function hide() { banner.hidden = true; clearInterval(ticker); }

  function signedOut() {
    clearInterval(ticker);
    // The server has signed out; reloading shows the sign-in page with the reason in Thai.
    window.location.reload();
  }

  banner.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(statusUrl, {method: "POST", credentials: "same-origin", body: new FormData(event.target),
                      headers: {"Accept": "application/json"}})
      .then(function (r) { return r.status === 401 ? {seconds_left: 0} : r.json(); })
      .then(function (data) { hide(); if (Number(data.seconds_left) > 0) schedule(data.seconds_left); else signedOut(); });
  });

  schedule(total);
})();
