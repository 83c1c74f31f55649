// web/scorm/launch.js against fake LMSs: it runs in a node:vm context whose global is a fake window,
// with a fake SCORM 1.2 API on some window above it (or on its opener). No browser and no npm packages.
// Usage: node test_launch.mjs [path/to/launch.js]. Prints "ok - ..." / "not ok - ..." and "N passed, N failed".
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
const launchPath = process.argv[2] || resolve(here, '../../web/scorm/launch.js');
const source = readFileSync(launchPath, 'utf8');

let passed = 0, failed = 0;
function check(what, ok, detail) {
  if (ok) { passed++; console.log(`ok - ${what}`); }
  else { failed++; console.log(`not ok - ${what}${detail ? `: ${detail}` : ''}`); }
}

// A SCORM 1.2 API that logs every call. `answers` overrides return values, `throwOn` makes a call throw.
function fakeApi({ answers = {}, throwOn = [], status = 'not attempted' } = {}) {
  const data = { 'cmi.core.lesson_status': status };
  const log = [];
  const api = {};
  const answer = (name, dflt) => (name in answers ? answers[name] : dflt);
  for (const name of ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit',
                      'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']) {
    api[name] = (...args) => {
      log.push([name, ...args]);
      if (throwOn.includes(name)) throw new Error(`LMS failure in ${name}`);
      if (name === 'LMSGetValue') return answer(name, data[args[0]] ?? '');
      if (name === 'LMSSetValue') { data[args[0]] = args[1]; return answer(name, 'true'); }
      if (name === 'LMSGetLastError') return '0';
      return answer(name, 'true');
    };
  }
  return { api, log, data };
}

// A plain window (parent/opener default to none, as for a top-level window: parent === itself).
function fakeWindow({ api, parent, opener = null, crossOrigin = false } = {}) {
  const win = { opener };
  win.parent = parent || win;
  if (crossOrigin) {
    // What a browser does for a foreign window: `parent` is readable, any other property throws.
    Object.defineProperty(win, 'API', {
      get() { const e = new Error('Blocked a frame from accessing a cross-origin frame.'); e.name = 'SecurityError'; throw e; },
    });
  } else if (api) {
    win.API = api;
  }
  return win;
}

// Runs launch.js as the content window with the given parent and opener; returns its event hooks.
function launch({ parent, opener = null, clock = { now: 1_000_000 } } = {}) {
  const listeners = {};
  const sandbox = {
    opener,
    addEventListener(type, fn) { (listeners[type] ||= []).push(fn); },
    removeEventListener(type, fn) { listeners[type] = (listeners[type] || []).filter((f) => f !== fn); },
    document: { getElementById: () => null, readyState: 'interactive' },
    // A controllable clock, so the reported session time can be checked to the hundredth.
    Date: class { getTime() { return clock.now; } },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  sandbox.parent = parent || sandbox;
  vm.createContext(sandbox);
  let error = null;
  try {
    vm.runInContext(source, sandbox, { filename: launchPath });
  } catch (e) {
    error = e;
  }
  const fire = (type) => (listeners[type] || []).forEach((fn) => fn.call(sandbox, { type, persisted: false }));
  return { error, fire, listeners, clock };
}

const names = (log) => log.map((c) => c[0]);
const calls = (log, name) => log.filter((c) => c[0] === name);
const setCall = (log, key) => log.find((c) => c[0] === 'LMSSetValue' && c[1] === key);

// 1. The usual Moodle case: the API on the player window just above the content frame.
{
  const lms = fakeApi();
  const run = launch({ parent: fakeWindow({ api: lms.api }) });
  check('runs without throwing (API on the parent)', !run.error, run.error && run.error.stack);
  check('calls LMSInitialize("") first', lms.log.length > 0 && lms.log[0][0] === 'LMSInitialize' && lms.log[0][1] === '',
        JSON.stringify(lms.log[0]));
  check('sets cmi.core.lesson_status to "completed" on open', lms.data['cmi.core.lesson_status'] === 'completed',
        JSON.stringify(lms.log));
  const setAt = lms.log.findIndex((c) => c[0] === 'LMSSetValue' && c[1] === 'cmi.core.lesson_status');
  const commitAt = lms.log.findIndex((c) => c[0] === 'LMSCommit');
  check('commits ("") after setting the status, before the page goes away',
        setAt >= 0 && commitAt > setAt && lms.log[commitAt][1] === '', JSON.stringify(names(lms.log)));
  check('does not call LMSFinish while the page is open', calls(lms.log, 'LMSFinish').length === 0);

  run.clock.now += 3_725_500; // 1 h 2 min 5.5 s later
  run.fire('pagehide');
  const onHide = calls(lms.log, 'LMSFinish');
  check('calls LMSFinish("") on pagehide', onHide.length === 1 && onHide[0][1] === '', JSON.stringify(onHide));
  run.fire('beforeunload');
  run.fire('pagehide');
  check('calls LMSFinish only once (then beforeunload, pagehide again)', calls(lms.log, 'LMSFinish').length === 1);
  const time = setCall(lms.log, 'cmi.core.session_time');
  check('reports cmi.core.session_time as HH:MM:SS.SS before finishing',
        time && time[2] === '01:02:05.50' &&
        lms.log.indexOf(time) < lms.log.findIndex((c) => c[0] === 'LMSFinish'), JSON.stringify(time));
  check('makes no LMS call after LMSFinish', names(lms.log).at(-1) === 'LMSFinish', JSON.stringify(names(lms.log)));
}

// 2. beforeunload alone (old browsers) also finishes, once.
{
  const lms = fakeApi();
  const run = launch({ parent: fakeWindow({ api: lms.api }) });
  run.fire('beforeunload');
  run.fire('beforeunload');
  check('calls LMSFinish once when only beforeunload fires', calls(lms.log, 'LMSFinish').length === 1);
}

// 3. The API several frames up, behind a cross-origin wrapper frame (its API getter throws).
{
  const lms = fakeApi();
  const top = fakeWindow({ api: lms.api });
  const foreign = fakeWindow({ parent: top, crossOrigin: true });
  const middle = fakeWindow({ parent: foreign });
  const run = launch({ parent: middle });
  check('finds the API three levels up past a cross-origin frame without throwing',
        !run.error && calls(lms.log, 'LMSInitialize').length === 1, run.error && run.error.message);
}

// 4. A pop-up: the API is on the opener's window tree, not above the content.
{
  const lms = fakeApi();
  const player = fakeWindow({ api: lms.api });
  const run = launch({ opener: fakeWindow({ parent: player }) });
  check('finds the API through window.opener (and its parents)',
        !run.error && lms.data['cmi.core.lesson_status'] === 'completed', run.error && run.error.message);
}

// 5. Outside an LMS: a top-level window, then a frame in a page with no API, then a parent loop.
{
  const alone = launch();
  check('without an API: does not throw', !alone.error, alone.error && alone.error.stack);
  let threw = null;
  try { alone.fire('pagehide'); alone.fire('beforeunload'); } catch (e) { threw = e; }
  check('without an API: page hide does not throw', !threw, threw && threw.message);
  const framed = launch({ parent: fakeWindow({ parent: fakeWindow() }) });
  check('without an API in the frame tree: does not throw', !framed.error, framed.error && framed.error.message);
  const a = fakeWindow(), b = fakeWindow({ parent: a });
  a.parent = b; // a frame tree that never reaches a top window
  const looped = launch({ parent: a });
  check('a parent loop ends the search (bounded walk)', !looped.error, looped.error && looped.error.message);
}

// 6. Too far up: the walk stops after about ten levels rather than climbing forever.
{
  const lms = fakeApi();
  let win = fakeWindow({ api: lms.api });
  for (let i = 0; i < 20; i++) win = fakeWindow({ parent: win });
  const run = launch({ parent: win });
  check('ignores an API more than ten levels up', !run.error && lms.log.length === 0, JSON.stringify(lms.log));
}

// 7. The LMS refuses the session: nothing may be written.
{
  const lms = fakeApi({ answers: { LMSInitialize: 'false' } });
  const run = launch({ parent: fakeWindow({ api: lms.api }) });
  run.fire('pagehide');
  check('LMSInitialize "false": no SetValue, Commit or Finish',
        !run.error && names(lms.log).join() === 'LMSInitialize', JSON.stringify(names(lms.log)));
}

// 8. Boolean answers (some LMSs), an earlier "passed" kept, a throwing LMS survived.
{
  const lms = fakeApi({ answers: { LMSInitialize: true } });
  launch({ parent: fakeWindow({ api: lms.api }) });
  check('accepts a boolean true from LMSInitialize', lms.data['cmi.core.lesson_status'] === 'completed');

  const passedBefore = fakeApi({ status: 'passed' });
  launch({ parent: fakeWindow({ api: passedBefore.api }) });
  check('keeps an earlier "passed" status', !setCall(passedBefore.log, 'cmi.core.lesson_status'),
        JSON.stringify(passedBefore.log));

  const broken = fakeApi({ throwOn: ['LMSSetValue', 'LMSCommit', 'LMSFinish'] });
  const run = launch({ parent: fakeWindow({ api: broken.api }) });
  let threw = null;
  try { run.fire('pagehide'); } catch (e) { threw = e; }
  check('an LMS that throws does not break the page', !run.error && !threw,
        (run.error || threw || {}).message);
}

// 9. Something else called API (not a SCORM object) is not mistaken for the LMS.
{
  const run = launch({ parent: fakeWindow({ api: { version: 2 } }) });
  check('ignores a window.API without LMSInitialize', !run.error, run.error && run.error.message);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
