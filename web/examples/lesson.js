// Sample lesson around two embedded labcalc calculators: keeps a caption under each frame from the
// frames' labcalc:ready / labcalc:changed events, and asks the first frame a what-if question through the
// postMessage API (labcalc:set-scenario with merge). Text goes into the page with textContent only.
'use strict';

(function () {
  var LABELS = { home: 'Home lab', cloud: 'Cloud', hybrid: 'Hybrid' };
  var REPLY_TIMEOUT_MS = 5000;

  // One entry per embedded calculator, keyed by the frame= name in its URL.
  var frames = {};
  Array.prototype.forEach.call(document.querySelectorAll('iframe[id^="frame-"]'), function (iframe) {
    var name = iframe.id.slice('frame-'.length);
    frames[name] = {
      iframe: iframe,
      caption: document.getElementById('caption-' + name),
      ready: false,
      // Where to post: the frame's origin (same as this page's when the lesson sits next to the calculator).
      origin: new URL(iframe.getAttribute('src'), location.href).origin,
    };
  });

  var pending = {};   // request id -> { resolve, reject, timer }
  var nextId = 1;

  function dollars(x) {
    // "$12,345" without depending on the reader's locale settings.
    var n = Math.round(Number(x) || 0);
    var s = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return (n < 0 ? '-$' : '$') + s;
  }

  function describe(report) {
    if (!report || typeof report !== 'object') return '';
    var rec = report.recommendation;
    var option = report.options && report.options[rec];
    var months = report.scenario && report.scenario.horizon_months;
    var text = 'This calculator now recommends: ' + (LABELS[rec] || String(rec));
    if (option && typeof option.total_usd === 'number') {
      text += ' (total over ' + months + ' months ' + dollars(option.total_usd) + ')';
    }
    if (report.any_feasible === false) text += ', though nothing fits every limit; it only comes closest';
    return text + '.';
  }

  function frameFor(source) {
    for (var name in frames) {
      if (frames[name].iframe.contentWindow === source) return frames[name];
    }
    return null;
  }

  function send(name, message) {
    var f = frames[name];
    var id = 'lesson-' + nextId++;
    message.version = 1;
    message.id = id;
    return new Promise(function (resolve, reject) {
      var timer = setTimeout(function () {
        delete pending[id];
        reject(new Error('no answer from the calculator'));
      }, REPLY_TIMEOUT_MS);
      pending[id] = { resolve: resolve, reject: reject, timer: timer };
      f.iframe.contentWindow.postMessage(message, f.origin === 'null' ? '*' : f.origin);
    });
  }

  window.addEventListener('message', function (event) {
    var f = frameFor(event.source);
    if (!f || event.origin !== f.origin) return;           // only our own frames
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string') return;

    if (data.type === 'labcalc:ready' || data.type === 'labcalc:changed') {
      f.ready = true;
      f.iframe.closest('figure').setAttribute('data-ready', '1');
      f.caption.textContent = describe(data.report);
      updateButtons();
      return;
    }
    var waiting = data.id !== null && data.id !== undefined ? pending[data.id] : null;
    if (!waiting) return;
    delete pending[data.id];
    clearTimeout(waiting.timer);
    if (data.type === 'labcalc:error') waiting.reject(new Error(String(data.error)));
    else waiting.resolve(data);
  });

  // --- The what-if buttons (first frame only).
  var ask = document.getElementById('whatif-80gb');
  var reset = document.getElementById('whatif-reset');
  var status = document.getElementById('whatif-status');
  var busy = false;

  function updateButtons() {
    var ok = frames.sensitive && frames.sensitive.ready && !busy;
    if (ask) ask.disabled = !ok;
    if (reset) reset.disabled = !ok;
  }

  function run(message, done) {
    busy = true;
    updateButtons();
    status.classList.remove('error');
    status.textContent = 'Asking the calculator\u2026';
    send('sensitive', message).then(function (reply) {
      status.textContent = done(reply.report);
    }, function (err) {
      status.classList.add('error');
      status.textContent = 'The calculator did not take the change: ' + err.message;
    }).then(function () {
      busy = false;
      updateButtons();
    });
  }

  if (ask) {
    ask.addEventListener('click', function () {
      run({ type: 'labcalc:set-scenario', scenario: { vram_gb: 80 }, merge: true }, function (report) {
        return 'Done: the first calculator now assumes that the largest model needs ' +
          report.scenario.vram_gb + ' GB of GPU memory (its new answer is above).';
      });
    });
  }
  if (reset) {
    reset.addEventListener('click', function () {
      run({ type: 'labcalc:load-preset', preset: 'sensitive-data' }, function (report) {
        return 'Back to the team\u2019s own numbers (' + report.scenario.vram_gb + ' GB of GPU memory).';
      });
    });
  }
  updateButtons();
})();
