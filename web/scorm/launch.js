// labcalc's SCORM 1.2 launch page script (launch.html frames labcalc.html; this file only talks to the LMS).
// The calculator has no quiz and no score: opening it is completing it, so the attempt is marked
// "completed" as soon as the LMS session starts, and the time spent is reported when the page goes away.
// Opened outside an LMS (no API found) it does nothing and the page is just the calculator.
// Plain ES5 in a classic script: no build step, and it runs as is in any browser an LMS player supports.
(function () {
  'use strict';

  // ADL's discovery: the LMS puts `API` on its player window, some levels above the content, or on the
  // window that opened a pop-up. Bounded so a deep or looping frame tree cannot hang the page.
  var MAX_LEVELS = 10;

  function apiOn(win) {
    // Reading a property of a cross-origin window throws: treat it as "no API here" and keep walking,
    // since a same-origin player can still sit above a foreign wrapper frame.
    try {
      var api = win.API;
      return api && typeof api.LMSInitialize === 'function' ? api : null;
    } catch (e) {
      return null;
    }
  }

  function searchUp(win) {
    for (var level = 0; win && level <= MAX_LEVELS; level++) {
      var api = apiOn(win);
      if (api) return api;
      var parent = null;
      try { parent = win.parent; } catch (e) { parent = null; }
      if (!parent || parent === win) return null; // the top window is its own parent
      win = parent;
    }
    return null;
  }

  function findApi(win) {
    var api = searchUp(win);
    if (api) return api;
    var opener = null;
    try { opener = win.opener; } catch (e) { opener = null; }
    return opener ? searchUp(opener) : null;
  }

  // SCORM 1.2 calls answer with the strings "true"/"false"; some LMSs return booleans. A throwing LMS
  // must not take the calculator down with it, so every call is guarded.
  function call(api, name, args) {
    try {
      return String(api[name].apply(api, args));
    } catch (e) {
      return 'false';
    }
  }

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = '0' + s;
    return s;
  }

  // CMITimespan is HHHH:MM:SS.SS with 2 to 4 hour digits; LMSs reject anything else.
  function sessionTime(ms) {
    var cs = Math.max(0, Math.floor(ms / 10));
    var hours = Math.min(9999, Math.floor(cs / 360000));
    var minutes = Math.floor(cs / 6000) % 60;
    var seconds = Math.floor(cs / 100) % 60;
    return pad(hours, 2) + ':' + pad(minutes, 2) + ':' + pad(seconds, 2) + '.' + pad(cs % 100, 2);
  }

  var api = findApi(window);
  if (!api) return;
  if (call(api, 'LMSInitialize', ['']) !== 'true') return; // no session: nothing may be recorded

  var started = new Date().getTime();
  // Never overwrite a better status an earlier attempt may have left (SCORM 1.2 has no "higher" rule).
  var status = call(api, 'LMSGetValue', ['cmi.core.lesson_status']);
  if (status !== 'completed' && status !== 'passed') {
    call(api, 'LMSSetValue', ['cmi.core.lesson_status', 'completed']);
  }
  // Commit now, not only at the end: the unload path is best effort (browsers may drop requests then).
  call(api, 'LMSCommit', ['']);

  // pagehide is the reliable signal (also on mobile and with the back-forward cache); beforeunload is the
  // fallback for old browsers. Whichever comes first finishes the session; LMSFinish may only run once.
  var finished = false;
  function finish() {
    if (finished) return;
    finished = true;
    call(api, 'LMSSetValue', ['cmi.core.session_time', sessionTime(new Date().getTime() - started)]);
    call(api, 'LMSFinish', ['']); // LMSFinish persists the data itself: no extra commit on the way out
  }
  window.addEventListener('pagehide', finish);
  window.addEventListener('beforeunload', finish);
})();
