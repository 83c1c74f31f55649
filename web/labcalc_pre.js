// labcalc page glue, included at the start of the Emscripten output (--pre-js), so the site needs no
// inline script (CSP script-src 'self'). It configures Module, installs the DOM event handling that
// Emscripten 3.1.6's GLFW gets wrong (it swallows every wheel event over the canvas, and its touch and pen
// positions never update), and defines window.labcalc. C++ reaches these functions through EM_JS stubs
// (src/platform/web).
// The same script also runs as the page's sampling worker (below, "How sure"): there it has no document, sets
// up only the worker's side and leaves main() unrun.
/* global Module */
'use strict';

var labcalcInWorker = typeof document === 'undefined' && typeof importScripts === 'function';

// --- The sampling worker's side: this script and module in a Web Worker, without main() or the page. Jobs
// (core sampling jobs as JSON, with the catalog when it is new to the worker) wait until the module runs, and
// each answer goes back with its job's id (src/platform/web/sampling_worker.cpp).
if (labcalcInWorker) {
  Module['noInitialRun'] = true;
  Module['print'] = function (text) { console.log(text); };
  Module['printErr'] = function (text) { console.warn(text); };
  Module['onAbort'] = function (what) { postMessage({ fatal: String(what) }); };
  var labcalcJobs = [];
  var labcalcRunning = false;
  var labcalcRun = function (job) {
    var texts = [String(job.job || ''), String(job.catalog || '')], args = [], blocks = [];
    var answer;
    try {
      texts.forEach(function (s) {
        var n = lengthBytesUTF8(s);
        var p = _malloc(n + 1);
        blocks.push(p);
        stringToUTF8(s, p, n + 1);
        args.push(p, n);
      });
      answer = Module.ccall('labcalc_worker_sample', 'string', ['number', 'number', 'number', 'number'], args);
    } catch (err) {
      answer = 'labcalc worker: ' + err;
    } finally {
      blocks.forEach(function (p) { _free(p); });
    }
    if (answer.charAt(0) !== '{') console.warn(answer);
    postMessage({ id: job.id, answer: answer });
  };
  self.onmessage = function (e) {
    if (labcalcRunning) labcalcRun(e.data);
    else labcalcJobs.push(e.data);
  };
  Module['onRuntimeInitialized'] = function () {
    labcalcRunning = true;
    labcalcJobs.splice(0).forEach(labcalcRun);
  };
}

var LabcalcHost = labcalcInWorker ? null : (function () {
  var canvas = document.getElementById('canvas');
  var summaryEl = document.getElementById('labcalc-summary');
  var loadingEl = document.getElementById('labcalc-loading');
  var fileInput = null;
  var readyResolve = null;
  var ready = new Promise(function (resolve) { readyResolve = resolve; });
  // What ImGui wanted last frame (set from C++ every drawn frame).
  var wants = { keyboard: false, text: false, wheel: false };
  var lastCopied = '';
  var summaryTimer = 0;
  var started = false;

  function call(name) {
    // Calls an exported C function once the runtime runs; ignored before (events before start).
    if (!started) return;
    var f = Module['_' + name];
    if (f) f.apply(null, Array.prototype.slice.call(arguments, 1));
  }
  // The most bytes each reader of the module accepts (src/core: scenario_json.hpp, url_state.hpp,
  // catalog.hpp, embed_api.cpp; the catalog's is also the file limit of the other faces, load_inputs.hpp
  // kMaxFileBytes); names and ids are short.
  var kLimits = {
    scenario: 1048576, fragment: 16384, catalog: 4194304, message: 1048576,
    origin: 16384, name: 1024
  };
  // Calls an exported C function with strings. Each goes to the module's heap, never its stack (which a
  // long paste, file or link would overrun and corrupt), as a pointer and a byte length, so a NUL byte
  // stays data for the reader to refuse. A string longer than its limit is cut to a little over it first:
  // the reader then refuses it with its own message, and the page never copies more than it would read.
  // kinds[i] names the limit (kLimits) of texts[i]; `numbers` (optional) follow the strings.
  function callString(name, texts, kinds, numbers) {
    if (!started) return '';
    var args = [], types = [], blocks = [];
    try {
      for (var i = 0; i < texts.length; ++i) {
        var limit = kLimits[(kinds && kinds[i]) || 'name'];
        var s = String(texts[i]);
        if (s.length > limit + 1) s = s.substring(0, limit + 1); // still over the limit in bytes
        var n = lengthBytesUTF8(s);
        var p = _malloc(n + 1);
        if (!p) return 'labcalc: out of memory for this input';
        blocks.push(p);
        stringToUTF8(s, p, n + 1);
        args.push(p, n);
        types.push('number', 'number');
      }
      (numbers || []).forEach(function (n) { args.push(n); types.push('number'); });
      return Module.ccall(name, 'string', types, args);
    } finally {
      blocks.forEach(function (p) { _free(p); });
    }
  }
  function wake() { call('labcalc_wake'); }

  // --- Keyboard: GLFW cancels Tab and Backspace for the whole page. A capturing listener registered
  // before GLFW's lets Tab leave the canvas when ImGui is not using the keyboard, and keeps
  // Backspace working in real form fields.
  window.addEventListener('keydown', function (e) {
    var t = e.target;
    var formField = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' ||
      t.tagName === 'BUTTON' || t.isContentEditable);
    // The elements over the controls (labcalc_controls.js) handle their keys here: stopping the event
    // for GLFW below also stops it reaching listeners on the element itself.
    if (formField && typeof LabcalcControls !== 'undefined') LabcalcControls.keydown(e);
    // Tab stays with ImGui only while a text field is being edited (moving between fields).
    if (formField || (e.key === 'Tab' && !wants.text)) e.stopImmediatePropagation();
    else wake();
  }, true);
  // Characters typed into a form field are not ImGui's either.
  window.addEventListener('keypress', function (e) {
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.tagName === 'BUTTON')) e.stopImmediatePropagation();
  }, true);
  window.addEventListener('keyup', wake, true);

  // --- Wheel: GLFW swallows every wheel event over the canvas. Let the page scroll unless a panel
  // under the pointer can scroll (or Ctrl is held, for zoom gestures ImGui ignores anyway).
  // When a panel takes it, the wheel goes to C++ in lines (about 100 px or 3 lines per notch), never to
  // GLFW, which would pass the raw pixel delta with the wrong sign.
  canvas.addEventListener('wheel', function (e) {
    e.stopImmediatePropagation();
    if (!wants.wheel || e.ctrlKey) return;
    e.preventDefault();
    var per_line = e.deltaMode === 1 ? 3 : e.deltaMode === 2 ? 0.34 : 100;
    call('labcalc_wheel', -e.deltaX / per_line, -e.deltaY / per_line);
  }, { capture: true, passive: false });

  // --- Pointer: mouse goes through GLFW; touch and pen are broken there (positions never update),
  // so they are handled here and passed to C++, which overrides ImGui's mouse for them.
  function touchState(e, state) {
    var rect = canvas.getBoundingClientRect();
    var x = (e.clientX - rect.left) * canvas.width / Math.max(1, rect.width);
    var y = (e.clientY - rect.top) * canvas.height / Math.max(1, rect.height);
    call('labcalc_touch', x, y, state);
  }
  canvas.addEventListener('pointerdown', function (e) {
    // Keys reach GLFW only while the document has focus (iframes): take it on every press.
    try { window.focus(); canvas.focus({ preventScroll: true, focusVisible: false }); } catch (err) { /* focus is best effort */ }
    wake();
    if (e.pointerType === 'mouse') return;
    e.preventDefault();
    try { canvas.setPointerCapture(e.pointerId); } catch (err) { /* capture is best effort */ }
    touchState(e, 1);
  }, true);
  canvas.addEventListener('pointermove', function (e) {
    wake();
    if (e.pointerType !== 'mouse') touchState(e, 2);
  }, true);
  ['pointerup', 'pointercancel'].forEach(function (type) {
    canvas.addEventListener(type, function (e) {
      wake();
      if (e.pointerType !== 'mouse') touchState(e, 0);
    }, true);
  });
  // Keep GLFW's touch handlers (which press at a stale position) from ever seeing touches.
  ['touchstart', 'touchmove', 'touchend', 'touchcancel'].forEach(function (type) {
    canvas.addEventListener(type, function (e) { e.stopImmediatePropagation(); e.preventDefault(); },
      { capture: true, passive: false });
  });
  // A drag that ends outside the canvas: GLFW listens for mouseup on the canvas only and would
  // keep the button held (and the app drawing) until the next click.
  window.addEventListener('mouseup', function (e) {
    if (e.target === canvas) return;
    canvas.dispatchEvent(new MouseEvent('mouseup', { button: e.button, buttons: e.buttons, clientX: e.clientX, clientY: e.clientY }));
    wake();
  }, true);
  canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
  canvas.addEventListener('mousemove', wake, true);
  canvas.addEventListener('mouseleave', wake, true);

  // --- Clipboard: GLFW's clipboard functions do nothing. Paste arrives as a DOM event; copy uses the
  // async API (allowed within the click's user activation) with the copy event as fallback.
  document.addEventListener('paste', function (e) {
    var text = (e.clipboardData || window.clipboardData).getData('text/plain');
    if (!text) return;
    e.preventDefault();
    callString('labcalc_on_paste', [text], ['scenario']);
    wake();
  });
  document.addEventListener('copy', function (e) {
    if (!lastCopied || document.activeElement !== canvas) return;
    e.clipboardData.setData('text/plain', lastCopied);
    e.preventDefault();
  });

  // --- The URL fragment: a new one (a pasted link, back/forward) replaces the scenario.
  window.addEventListener('hashchange', function () {
    callString('labcalc_on_hashchange', [location.hash], ['fragment']);
    wake();
  });

  // --- Idle: no frames while the tab is hidden or the canvas is scrolled out of view.
  var pageVisible = !document.hidden, onScreen = true;
  function pushVisibility() { call('labcalc_set_visible', pageVisible && onScreen ? 1 : 0); }
  document.addEventListener('visibilitychange', function () { pageVisible = !document.hidden; pushVisibility(); });
  if (typeof IntersectionObserver === 'function') {
    new IntersectionObserver(function (entries) {
      onScreen = entries[entries.length - 1].isIntersecting;
      pushVisibility();
    }).observe(canvas);
  }
  // --- Size and pixel density: the canvas's CSS box or the device pixel ratio changed.
  if (typeof ResizeObserver === 'function') new ResizeObserver(function () { call('labcalc_on_resize'); }).observe(canvas);
  window.addEventListener('resize', function () { call('labcalc_on_resize'); });
  (function watchDpr() {
    // A media query for the current DPR fires once when it stops matching; re-arm each time.
    var mq = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
    var onChange = function () { call('labcalc_on_resize'); watchDpr(); };
    if (mq.addEventListener) mq.addEventListener('change', onChange, { once: true });
  })();

  // --- Embedding API (docs/embedding.md): messages from the host page. The core reads and checks them
  // (src/core/embed_api.cpp, src/ui/embed_actions.cpp); here they are only turned into JSON text and
  // the replies posted back to the sender. Messages that arrive before the runtime starts wait.
  var pendingMessages = [];
  function opaque(origin) {
    // file:// pages and sandboxed frames have opaque origins: all "null" to the API.
    return !origin || origin === 'null' || origin.indexOf('file:') === 0;
  }
  function handleMessage(e) {
    var text;
    if (typeof e.data === 'string') {
      text = e.data;
    } else {
      try { text = JSON.stringify(e.data); } catch (err) { text = 'labcalc: the message could not be turned into JSON'; }
      if (typeof text !== 'string') return; // undefined, functions: not a message for us
    }
    var origin = opaque(e.origin) ? 'null' : e.origin;
    var reply = callString('labcalc_on_message', [origin, text], ['origin', 'message']);
    if (!reply || !e.source) return;
    try {
      e.source.postMessage(JSON.parse(reply), origin === 'null' ? '*' : origin);
    } catch (err) { /* the sender went away */ }
  }
  window.addEventListener('message', function (e) {
    if (started) handleMessage(e);
    else if (pendingMessages.length < 64) pendingMessages.push(e);
  });

  // A page inside another page's frame neither reads nor writes the person's saved scenario, embedded
  // (embed=1) or not: the framing page, even one of the same site, could otherwise read it in the ready
  // event and overwrite it with set-scenario. Only a page the person opened themselves remembers.
  var framed = (function () { try { return window.self !== window.top; } catch (err) { return true; } })();
  function storage() {
    if (framed) return null;
    // localStorage throws in sandboxed frames and some private modes: treat it as absent.
    try { return window.localStorage; } catch (err) { return null; }
  }

  // The text version is not a live region (a screen reader would read all of it after every change):
  // a short status line says what changed instead: the answer (or that it stayed), and the first two
  // lines that are new, other than the inputs the person just set (their control says those).
  var lastSummary = null;
  function announceChange(headline, lines) {
    var live = document.getElementById('labcalc-live');
    if (!live) return;
    if (!lastSummary) { lastSummary = { headline: headline, lines: lines }; return; } // the first one is the page itself
    var before = new Set(lastSummary.lines);
    var changed = lines.filter(function (l) { return !before.has(l) && l.indexOf('Your inputs:') !== 0; }).slice(0, 2);
    var parts = [(headline === lastSummary.headline ? 'Still: ' : '') + headline + '.'].concat(changed);
    lastSummary = { headline: headline, lines: lines };
    live.textContent = parts.join(' ');
  }
  function renderSummary(headline, lines) {
    if (!summaryEl) return;
    announceChange(headline, lines);
    // Text only (textContent), never markup: the lines come from user-controlled inputs.
    var h = document.createElement('h2');
    h.textContent = headline;
    var list = document.createElement('ul');
    lines.forEach(function (line) {
      var li = document.createElement('li');
      li.textContent = line;
      list.appendChild(li);
    });
    summaryEl.replaceChildren(h, list);
  }

  // --- "How sure" while a slider is held (ui::StartLiveSamples): a Web Worker runs this same script and module
  // without main() and works out each job's 1,000 likely futures, so the thread that draws spends nothing on
  // them. The site's worker loads index.js by its address (its module from the browser's cache); the single
  // file has no address to load, so its worker is a blob: copy of the inline script (its policy allows
  // worker-src blob:). Where no worker can start (a sandboxed frame's opaque origin cannot fetch the module),
  // or one stops, the page works them out itself: the job out is answered with "" and startSampling says no.
  var thisScript = document.currentScript;
  var sampler = null; // { worker, failed, out: id of the job out (0: none) }
  function samplerFailed() {
    var id = sampler.out;
    sampler.failed = true;
    sampler.out = 0;
    try { sampler.worker.terminate(); } catch (err) { /* already gone */ }
    if (id) { callString('labcalc_on_samples', [''], ['message'], [id]); wake(); }
  }
  function startSampler() {
    if (sampler) return;
    sampler = { worker: null, failed: false, out: 0 };
    try {
      var url = thisScript && thisScript.src ? thisScript.src
        : URL.createObjectURL(new Blob([thisScript ? thisScript.textContent : ''], { type: 'text/javascript' }));
      sampler.worker = new Worker(url);
    } catch (err) {
      sampler.failed = true;
      return;
    }
    sampler.worker.onmessage = function (e) {
      var d = e.data || {};
      if (d.fatal !== undefined) { samplerFailed(); return; }
      if (d.id !== sampler.out) return;
      sampler.out = 0;
      callString('labcalc_on_samples', [typeof d.answer === 'string' ? d.answer : ''], ['message'], [d.id]);
      wake();
    };
    sampler.worker.onerror = function (e) { e.preventDefault(); samplerFailed(); };
  }

  return {
    ready: ready,
    // A page of its own starts the worker once the first frame is up, when the browser is idle, so the first drag
    // finds it running. A page in another page's frame (a lesson may hold several) starts it at the reader's first
    // press instead, or with the first job (keys on the page's controls): an untouched calculator costs no second
    // instance of the module (its memory is 16 MB).
    startSampler: function () {
      if (framed) {
        var first = function () {
          window.removeEventListener('pointerdown', first, true);
          startSampler();
        };
        window.addEventListener('pointerdown', first, true);
        return;
      }
      var later = window.requestIdleCallback || function (f) { setTimeout(f, 200); };
      later(function () { startSampler(); }, { timeout: 2000 });
    },
    startSampling: function (id, job, catalog) {
      startSampler();
      if (sampler.failed) return false;
      sampler.out = id;
      sampler.worker.postMessage({ id: id, job: job, catalog: catalog });
      return true;
    },
    started: function () {
      started = true;
      pushVisibility();
      var waiting = pendingMessages;
      pendingMessages = [];
      waiting.forEach(handleMessage);
    },
    selfOrigin: function () { return opaque(location.origin) || location.protocol === 'file:' ? 'null' : location.origin; },
    inFrame: function () {
      try { return window.parent !== window; } catch (err) { return true; }
    },
    postEvent: function (json, targets) {
      var message = JSON.parse(json);
      // Only to the allowed origin the parent really has, where the browser tells (location.ancestorOrigins):
      // posting to the others is refused anyway, with a console warning per event.
      var parentOrigin = location.ancestorOrigins && location.ancestorOrigins.length ? location.ancestorOrigins[0] : '';
      if (parentOrigin) targets = targets.filter(function (t) { return t === parentOrigin || t === '*'; });
      // Next task: an event caused by a host's message then arrives after the reply to it.
      setTimeout(function () {
        targets.forEach(function (target) {
          try { window.parent.postMessage(message, target); } catch (err) { /* a target origin the browser rejects */ }
        });
      }, 0);
    },
    openTab: function (url) {
      var w = window.open(url, '_blank', 'noopener');
      if (w) w.opener = null;
    },
    setWants: function (keyboard, text, wheel) { wants.keyboard = !!keyboard; wants.text = !!text; wants.wheel = !!wheel; },
    setCursor: function (css) { canvas.style.cursor = css; },
    // The download is done and main() is about to create the WebGL context: the spinner stops, so the
    // compositor does not keep redrawing it while the first frame is made (labcalc.css).
    starting: function () {
      if (loadingEl) loadingEl.classList.add('labcalc-starting');
    },
    markReady: function () {
      if (loadingEl) loadingEl.hidden = true;
      document.documentElement.setAttribute('data-labcalc-ready', '1');
      readyResolve();
      this.startSampler();
    },
    fatal: function (message) {
      if (!loadingEl) return;
      loadingEl.hidden = false;
      loadingEl.classList.add('labcalc-error');
      loadingEl.setAttribute('role', 'alert');
      loadingEl.textContent = message;
    },
    publishSummary: function (headline, lines) {
      // Debounced so a screen reader hears the result of a drag, not every step of it.
      clearTimeout(summaryTimer);
      summaryTimer = setTimeout(function () { renderSummary(headline, lines); }, 250);
    },
    copyText: function (text) {
      lastCopied = text;
      try {
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).catch(function () { document.execCommand('copy'); });
          return true;
        }
        return document.execCommand('copy');
      } catch (err) {
        return false;
      }
    },
    lastCopied: function () { return lastCopied; },
    download: function (name, mime, bytes) {
      var url = URL.createObjectURL(new Blob([bytes], { type: mime }));
      var a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    },
    // A finished edit is a new history entry (Back undoes it, and Back after Reset stays on the page);
    // the first write and a scenario that came from the history itself replace the entry. A page in
    // another page's frame never adds entries: they would be the host page's Back button's steps.
    writeFragment: function (fragment, newEntry) {
      var hash = '#' + fragment;
      if (location.hash === hash) return;
      try {
        if (newEntry && !framed) history.pushState(null, '', hash);
        else history.replaceState(history.state, '', hash);
      } catch (err) { location.hash = hash; }
    },
    shareLink: function (fragment) { return location.href.split('#')[0] + '#' + fragment; },
    // The link part, cut a little over the reader's limit (it refuses what is longer with its message).
    fragment: function () { return location.hash.substring(0, kLimits.fragment + 1); },
    storageGet: function (key) {
      var s = storage();
      try { return s ? s.getItem(key) : null; } catch (err) { return null; }
    },
    storageSet: function (key, value) {
      var s = storage();
      try { if (s) { s.setItem(key, value); return true; } } catch (err) { /* full or denied */ }
      return false;
    },
    requestCatalogFile: function () {
      if (!fileInput) {
        fileInput = document.createElement('input');
        fileInput.type = 'file';
        fileInput.accept = '.json,application/json';
        fileInput.hidden = true;
        fileInput.addEventListener('change', function () {
          var file = fileInput.files && fileInput.files[0];
          if (!file) return;
          // Never more of the file than the reader accepts (plus a byte, so it can say "too large").
          file.slice(0, kLimits.catalog + 1).text().then(function (text) {
            callString('labcalc_on_catalog_file', [file.name, text], ['name', 'catalog']);
            wake();
          });
          fileInput.value = '';
        });
        document.body.appendChild(fileInput);
      }
      fileInput.click();
    },
    today: function () {
      var d = new Date();
      var pad = function (n) { return (n < 10 ? '0' : '') + n; };
      return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
    },
    // A JavaScript string as a malloc'd UTF-8 C string, for the EM_JS functions that return text
    // (C++ frees it: web_services.cpp, Adopt).
    cString: function (s) {
      var n = lengthBytesUTF8(s) + 1;
      var p = _malloc(n);
      stringToUTF8(s, p, n);
      return p;
    },
    callString: callString,
    call: call,
  };
})();

if (!labcalcInWorker) {
  // WebGL 2 is required; say so plainly instead of failing inside the runtime. A browser without WebGL 2
  // at all is told here; one that has it but cannot create a context (blocklisted GPU, hardware
  // acceleration off) is told by main() when glfwCreateWindow fails, with the same words. No probe
  // context is created here: creating a WebGL context costs as much as a quarter of a second on software
  // rendering, and it would run before the wasm download even starts (a faster first frame).
  if (typeof WebGL2RenderingContext === 'undefined') {
    LabcalcHost.fatal('This calculator needs WebGL 2, which this browser or device does not offer. ' +
      'Try a current Chrome, Firefox, Edge or Safari, or turn on hardware acceleration.');
    Module['noInitialRun'] = true;
  }

  Module['canvas'] = document.getElementById('canvas');
  Module['print'] = function (text) { console.log(text); };
  Module['printErr'] = function (text) { console.warn(text); };
  Module['onRuntimeInitialized'] = function () { LabcalcHost.starting(); };
  Module['onAbort'] = function (what) { LabcalcHost.fatal('The calculator stopped unexpectedly (' + what + '). Reload the page to start again.'); };

  // The interface for tests and for authors who embed the page.
  window.labcalc = {
    ready: LabcalcHost.ready,
    // The scenario as the CLI's scenario JSON (every input).
    getScenario: function () { return JSON.parse(LabcalcHost.callString('labcalc_get_scenario', [])); },
    // Replaces the scenario (fields left out take their defaults). Never throws: {ok:false, error}.
    setScenario: function (obj) {
      var text;
      try { text = typeof obj === 'string' ? obj : JSON.stringify(obj); } catch (err) { return { ok: false, error: String(err) }; }
      if (typeof text !== 'string') return { ok: false, error: 'scenario must be a JSON object' };
      var error = LabcalcHost.callString('labcalc_set_scenario', [text], ['scenario']);
      LabcalcHost.call('labcalc_wake');
      return error ? { ok: false, error: error } : { ok: true };
    },
    // The report in the CLI's JSON schema (labcalc --format json) for the current state.
    getReport: function () { return JSON.parse(LabcalcHost.callString('labcalc_get_report', [])); },
    // "How sure" while a slider is held: {answers (from the sampling worker, so far), in_place (the page works
    // them out itself: no worker), samples (the likely futures now shown), sways (how many guesses are ranked),
    // p_best (each option's share of them: home, cloud, hybrid), pending (the report still waits for its own)}.
    liveSampling: function () { return JSON.parse(LabcalcHost.callString('labcalc_live_sampling', [])); },
    // Frames drawn since start (tests check that an idle page draws none).
    frameCount: function () { return Module._labcalc_frame_count ? Module._labcalc_frame_count() : 0; },
    // The last text the page put on the clipboard ("Copy link").
    lastCopied: function () { return LabcalcHost.lastCopied(); },
    // The error line the page shows ("" when none): a rejected link, paste or catalog.
    getMessage: function () { return LabcalcHost.callString('labcalc_get_message', []); },
    // The course presets: [{name, title, description}], and loading one by name.
    presets: function () { return JSON.parse(LabcalcHost.callString('labcalc_list_presets', [])); },
    loadPreset: function (name) {
      var error = LabcalcHost.callString('labcalc_load_preset', [String(name)]);
      return error ? { ok: false, error: error } : { ok: true };
    },
    // Where a named control was drawn last frame, in CSS pixels relative to the canvas
    // ("budget_usd", "hours_per_week", "privacy", "copy_link", "presets", "export"), or null.
    itemRect: function (id) {
      var s = LabcalcHost.callString('labcalc_item_rect', [String(id)]);
      return s ? JSON.parse(s) : null;
    },
  };
}
