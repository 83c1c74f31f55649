// Browser tests of embedding (docs/embedding.md): the sample lesson (web/examples/lesson.html) with two
// calculators in iframes, the postMessage API, origin rules, the compact embedded layout at the documented
// sizes, idle off-screen frames, wheel chaining to the host page, and "Open the full calculator".
// Same machinery as run.mjs: playwright-core drives Debian's Chromium against build/web/site, served on
// 127.0.0.1 by serve.mjs. A second origin (another port on 127.0.0.1) serves host pages generated here.
//
//   node tests/browser/embed.mjs          (after the web build, and the native CLI for the cross-check)
// Environment: LABCALC_SITE, LABCALC_SINGLE (the single-file page, for file://), LABCALC_CLI (default build/native/labcalc),
//              LABCALC_CHROMIUM (default /usr/lib/chromium/chromium), LABCALC_ONLY (substring filter).
// Screenshots go to tests/browser/artifacts/embed-*.png. Ends with "N passed, N failed"; exit 1 on any failure.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import {
  ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, CLI, SINGLE, SITE, pngStats as decodePng, requireFiles, runTests, sleep,
  waitReady as waitReadyFor,
} from './common.mjs';

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

let browser, analysis;
let siteUrl, siteOrigin;   // the calculator's origin (serve.mjs)
let hostUrl, hostOrigin;   // a second origin, serving the generated host page
let lessonUrl;

const FRAMES = { sensitive: 'sensitive-data', bursty: 'bursty-large-models' };
const LABELS = { home: 'Home lab', cloud: 'Cloud', hybrid: 'Hybrid' };

// ---------------------------------------------------------------------------------------------
// The second origin: a host page whose iframe address and size come from its own fragment
// (#src=<encoded URL>&w=<px>&h=<px>), under a CSP that allows framing the calculator's origin only.

const HOST_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>labcalc embed test host</title>
<link rel="stylesheet" href="host.css"><script src="host.js" defer></script></head>
<body><p>Host page on a second origin.</p>
<iframe id="f" title="labcalc calculator" allow="clipboard-write; fullscreen"></iframe>
<div class="pad"></div></body></html>
`;
const HOST_CSS = 'body{margin:0;font:16px sans-serif} p{margin:8px} iframe{display:block;border:0;margin:0 8px} .pad{height:1200px}\n';
const HOST_JS = `'use strict';
(function () {
  var params = new URLSearchParams(location.hash.slice(1));
  var f = document.getElementById('f');
  f.width = params.get('w') || '480';
  f.height = params.get('h') || '560';
  f.src = params.get('src');
})();
`;

function startHostServer() {
  const files = { '/host.html': ['text/html; charset=utf-8', HOST_HTML], '/host.js': ['text/javascript; charset=utf-8', HOST_JS],
    '/host.css': ['text/css; charset=utf-8', HOST_CSS] };
  const server = createServer((req, res) => {
    const file = files[new URL(req.url, 'http://127.0.0.1').pathname];
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': file[0],
      'Content-Security-Policy': `default-src 'self'; frame-src ${siteOrigin}`,
      'Cache-Control': 'no-store',
    });
    res.end(file[1]);
  });
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

const hostPage = (src, w = 480, h = 560) =>
  `${hostUrl}host.html#src=${encodeURIComponent(src)}&w=${w}&h=${h}`;

// ---------------------------------------------------------------------------------------------
// Helpers

// Records, in every top-level page, each message it receives: {data, origin, from: id of the iframe
// whose window sent it (or null)}. Runs before the page's own scripts.
function recordMessages() {
  if (window !== window.top) return;
  window.__msgs = [];
  window.addEventListener('message', (e) => {
    let from = null;
    for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) from = f.id;
    window.__msgs.push({ data: e.data, origin: e.origin, from });
  });
}

// A fresh context and top-level page that records console errors, page errors and every request;
// requests outside the two test origins are aborted and recorded.
async function openPage(url, { ready, initScripts = [], alsoAllowed = () => false, ...contextOptions } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const record = { errors: [], requests: [], offOrigin: [] };
  const allowed = (u) => u.startsWith(siteOrigin + '/') || u.startsWith(hostOrigin + '/') || u.startsWith('data:') ||
    u.startsWith('blob:') || u === 'about:blank' || alsoAllowed(u);
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (allowed(u)) return route.continue();
    record.offOrigin.push(u);
    return route.abort();
  });
  await context.addInitScript(recordMessages);
  for (const script of initScripts) await context.addInitScript(script);
  context.on('request', (r) => record.requests.push(r.url()));
  context.on('websocket', (w) => record.offOrigin.push(w.url()));
  const watch = (page) => {
    page.on('console', (m) => { if (m.type() === 'error') record.errors.push(`${m.text()} (${m.location().url})`); });
    page.on('pageerror', (e) => record.errors.push(String(e)));
  };
  context.on('page', watch);
  const page = await context.newPage();
  await page.goto(url);
  if (ready) await ready(page);
  return { context, page, record };
}

function assertClean(record) {
  assert.deepEqual(record.errors, [], 'console or page errors');
  assert.deepEqual(record.offOrigin, [], 'requests outside the origin');
}

const waitReady = (page) => waitReadyFor(page, 90000);

// The Playwright frame of the iframe `selector`, once it has navigated to the calculator and drawn
// (scrolls the iframe into view first: lazy frames load, and off-screen frames draw nothing).
async function calcFrame(page, selector, { scroll = true } = {}) {
  if (scroll) await page.locator(selector).scrollIntoViewIfNeeded();
  const deadline = Date.now() + 90000;
  for (;;) {
    const handle = await page.$(selector);
    const frame = handle && await handle.contentFrame();
    if (frame && /\/(index|labcalc)\.html/.test(frame.url())) {
      await waitReady(frame);
      return frame;
    }
    if (Date.now() > deadline) throw new Error(`${selector} never loaded the calculator`);
    await sleep(100);
  }
}

async function openLesson(viewport = { width: 1280, height: 800 }) {
  const opened = await openPage(lessonUrl, { viewport });
  const frames = {};
  for (const name of Object.keys(FRAMES)) frames[name] = await calcFrame(opened.page, `#frame-${name}`);
  return { ...opened, frames };
}

const messages = (page, since = 0) => page.evaluate((n) => window.__msgs.slice(n), since);
const messageCount = (page) => page.evaluate(() => window.__msgs.length);

// Posts `msg` (an object, or any value) to the iframe `iframeId` of `page` and waits for the first
// message from that frame accepted by `match` (default: same id as msg.id, not an event).
async function request(page, iframeId, msg, { targetOrigin = siteOrigin, match, timeout = 10000 } = {}) {
  const start = await messageCount(page);
  await page.evaluate(([id, m, o]) => document.getElementById(id).contentWindow.postMessage(m, o), [iframeId, msg, targetOrigin]);
  const wantId = msg && typeof msg === 'object' ? msg.id : undefined;
  const accept = match || ((d) => d && typeof d === 'object' && d.id === wantId && !/^labcalc:(ready|changed)$/.test(d.type));
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const hit = (await messages(page, start)).find((m) => m.from === iframeId && accept(m.data));
    if (hit) return hit;
    await sleep(40);
  }
  throw new Error(`no reply from ${iframeId} to ${JSON.stringify(msg).slice(0, 200)}`);
}

// Posts `msg` and checks that the frame sends nothing at all for `ms`.
async function assertIgnored(page, iframeId, msg, ms = 500) {
  const start = await messageCount(page);
  await page.evaluate(([id, m, o]) => document.getElementById(id).contentWindow.postMessage(m, o), [iframeId, msg, siteOrigin]);
  await sleep(ms);
  const got = (await messages(page, start)).filter((m) => m.from === iframeId);
  assert.deepEqual(got, [], `${JSON.stringify(msg)} must be ignored`);
}

async function waitFor(fn, what, timeout = 10000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

// Waits until a frame has stopped drawing for a moment.
async function settle(frame) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const n = await frame.evaluate(() => window.labcalc.frameCount());
    if (n === last) return;
    last = n;
    await sleep(120);
  }
}

// A named control's rectangle in main-page coordinates (the app reports it relative to its canvas).
async function itemRect(frame, id) {
  const r = await frame.evaluate((name) => window.labcalc.itemRect(name), id);
  assert.ok(r && r.width > 0, `control ${id} not found on screen`);
  const box = await frame.locator('#canvas').boundingBox();
  return { x: box.x + r.x, y: box.y + r.y, width: r.width, height: r.height };
}

const scenarioOf = (frame) => frame.evaluate(() => window.labcalc.getScenario());
const reportOf = (frame) => frame.evaluate(() => window.labcalc.getReport());

function runCli(args, input) {
  assert.ok(existsSync(CLI), `the native CLI is missing at ${CLI} (build the native preset or set LABCALC_CLI)`);
  const r = spawnSync(CLI, [...args, '--format', 'json'], { input, encoding: 'utf8' });
  assert.equal(r.status, 0, `CLI failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
const cliPreset = (name, ...sets) => runCli(['--preset', name, ...sets.flatMap((s) => ['--set', s])]);
const cliScenario = (obj) => runCli(['--scenario', '-'], JSON.stringify(obj));

function dollars(x) {
  return '$' + String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
// The caption lesson.js writes for a report (the wording of web/examples/lesson.js).
function expectedCaption(report) {
  return `This calculator now recommends: ${LABELS[report.recommendation]} (total over ${report.scenario.horizon_months} months ` +
    `${dollars(report.options[report.recommendation].total_usd)})`;
}

// Decodes a PNG in a separate blank page and returns how many distinct colours it has and what share
// of pixels differs from the top-left one (as in run.mjs).
const pngStats = (buffer) => decodePng(analysis, buffer);

async function assertDrawn(locator, what, path) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const png = await locator.screenshot(path ? { path: join(ARTIFACTS, path) } : {});
  const stats = await pngStats(png);
  assert.ok(stats.colors > 20 && stats.differing > 0.02, `${what}: looks blank (${JSON.stringify(stats)})`);
}

// ---------------------------------------------------------------------------------------------
// Tests

test('lesson page: both frames load and report ready, match the CLI for their presets, and differ', async () => {
  const { context, page, record, frames } = await openLesson();
  try {
    const seen = {};
    for (const [name, preset] of Object.entries(FRAMES)) {
      const id = `frame-${name}`;
      const ready = await waitFor(async () => (await messages(page)).find((m) => m.from === id && m.data && m.data.type === 'labcalc:ready'),
        `labcalc:ready from ${id} seen by the lesson page`);
      assert.equal(ready.origin, siteOrigin);
      assert.equal(ready.data.version, 1);
      assert.equal(ready.data.frame, name, 'the frame= name is echoed');
      assert.equal(ready.data.id ?? null, null, 'an event answers no request');
      const cli = cliPreset(preset);
      const scenario = await scenarioOf(frames[name]);
      assert.deepEqual(scenario, cli.scenario, `${name}: the frame starts from preset ${preset}`);
      assert.equal((await reportOf(frames[name])).recommendation, cli.recommendation, `${name}: recommendation equals the CLI's`);
      assert.equal(ready.data.report.recommendation, cli.recommendation, `${name}: labcalc:ready carries the report`);
      assert.deepEqual(ready.data.report.scenario, cli.scenario);
      const caption = await page.locator(`#caption-${name}`).textContent();
      assert.ok(caption.startsWith(expectedCaption(cli)), `${name}: caption "${caption}" vs "${expectedCaption(cli)}"`);
      assert.equal(await frames[name].evaluate(() => window.labcalc.getMessage()), '', `${name}: no message on the page`);
      await assertDrawn(page.locator(`#frame-${name}`), `frame ${name}`, `embed-lesson-frame-${name}.png`);
      seen[name] = { scenario, recommendation: cli.recommendation };
    }
    assert.notDeepEqual(seen.sensitive.scenario, seen.bursty.scenario, 'the two frames start from different scenarios');
    assert.notEqual(seen.sensitive.recommendation, seen.bursty.recommendation, 'and recommend different options');
    await page.evaluate(() => window.scrollTo(0, 0));
    await sleep(300);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'embed-lesson-full.png'), fullPage: true });
    assert.ok(!record.requests.some((u) => !u.startsWith(siteOrigin)), 'every request to the lesson\'s own origin');
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('the what-if button changes the first frame only (vram_gb 80), and the caption follows', async () => {
  const { context, page, record, frames } = await openLesson();
  try {
    const bursty0 = await scenarioOf(frames.bursty);
    const caption0 = await page.locator('#caption-sensitive').textContent();
    await page.locator('#whatif-80gb').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.getElementById('whatif-80gb').disabled, null, { timeout: 10000 });
    await page.click('#whatif-80gb');
    await waitFor(async () => (await scenarioOf(frames.sensitive)).vram_gb === 80, 'vram_gb 80 in the first frame');
    const expected = cliPreset('sensitive-data', 'vram_gb=80');
    assert.deepEqual(await scenarioOf(frames.sensitive), expected.scenario, 'only vram_gb changed (merge)');
    assert.deepEqual(await scenarioOf(frames.bursty), bursty0, 'the second frame is unchanged');
    await page.waitForFunction((old) => document.getElementById('caption-sensitive').textContent !== old, caption0, { timeout: 10000 });
    const caption = await page.locator('#caption-sensitive').textContent();
    assert.ok(caption.startsWith(expectedCaption(expected)), `caption "${caption}"`);
    await page.waitForFunction(() => /^Done/.test(document.getElementById('whatif-status').textContent), null, { timeout: 10000 });
    await page.screenshot({ path: join(ARTIFACTS, 'embed-lesson-whatif.png') });

    await page.click('#whatif-reset');
    await waitFor(async () => (await scenarioOf(frames.sensitive)).vram_gb === 24, 'the preset again');
    assert.deepEqual(await scenarioOf(frames.sensitive), cliPreset('sensitive-data').scenario);
    await page.waitForFunction(() => /^Back to/.test(document.getElementById('whatif-status').textContent), null, { timeout: 10000 });
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('API from the host page: requests, replies, ids, merge, errors, and ignored foreign messages', async () => {
  const { context, page, record, frames } = await openLesson();
  const F = 'frame-sensitive';
  try {
    // On screen: events of a frame are checked here, an off-screen frame has its own test.
    await page.locator('#' + F).scrollIntoViewIfNeeded();
    await settle(frames.sensitive);
    const base = await scenarioOf(frames.sensitive);
    // get-report / get-scenario, ids echoed (string, number, absent -> null).
    let r = await request(page, F, { type: 'labcalc:get-report', version: 1, id: 'r1' });
    assert.equal(r.data.type, 'labcalc:report');
    assert.equal(r.data.version, 1);
    assert.equal(r.data.frame, 'sensitive');
    assert.equal(r.origin, siteOrigin);
    assert.deepEqual(r.data.report.scenario, base);
    assert.equal(r.data.report.recommendation, cliPreset('sensitive-data').recommendation);
    r = await request(page, F, { type: 'labcalc:get-scenario', version: 1, id: 7 });
    assert.equal(r.data.type, 'labcalc:scenario');
    assert.equal(r.data.id, 7);
    assert.deepEqual(r.data.scenario, base);
    r = await request(page, F, { type: 'labcalc:get-report', version: 1 },
      { match: (d) => d && d.type === 'labcalc:report' });
    assert.equal(r.data.id, null, 'no id: id null in the reply');

    // The JSON string form of a message.
    r = await request(page, F, JSON.stringify({ type: 'labcalc:get-scenario', version: 1, id: 'json1' }),
      { match: (d) => d && d.id === 'json1' });
    assert.equal(r.data.type, 'labcalc:scenario');
    assert.deepEqual(r.data.scenario, base);

    // set-scenario with merge: only the given field changes; a labcalc:changed event follows.
    let start = await messageCount(page);
    r = await request(page, F, { type: 'labcalc:set-scenario', version: 1, id: 's1', merge: true, scenario: { hours_per_week: 55 } });
    assert.equal(r.data.type, 'labcalc:report');
    assert.deepEqual(r.data.report.scenario, { ...base, hours_per_week: 55 });
    assert.deepEqual(await scenarioOf(frames.sensitive), { ...base, hours_per_week: 55 });
    const changed = await waitFor(async () => (await messages(page, start)).find((m) => m.from === F && m.data.type === 'labcalc:changed'),
      'labcalc:changed after set-scenario');
    assert.equal(changed.data.frame, 'sensitive');
    assert.equal(changed.data.report.scenario.hours_per_week, 55);
    assert.equal(changed.data.report.recommendation, cliPreset('sensitive-data', 'hours_per_week=55').recommendation);

    // set-scenario without merge: fields left out take their defaults.
    r = await request(page, F, { type: 'labcalc:set-scenario', version: 1, id: 's2', merge: false, scenario: { hours_per_week: 12 } });
    assert.equal(r.data.type, 'labcalc:report');
    assert.deepEqual(r.data.report.scenario, cliScenario({ hours_per_week: 12 }).scenario);
    r = await request(page, F, { type: 'labcalc:set-scenario', version: 1, id: 's3', scenario: { hours_per_week: 13 } });
    assert.deepEqual(r.data.report.scenario, cliScenario({ hours_per_week: 13 }).scenario, 'merge defaults to false');

    // load-preset.
    r = await request(page, F, { type: 'labcalc:load-preset', version: 1, id: 'p1', preset: 'beginner' });
    assert.equal(r.data.type, 'labcalc:report');
    assert.deepEqual(r.data.report.scenario, cliPreset('beginner').scenario);
    r = await request(page, F, { type: 'labcalc:load-preset', version: 1, id: 'p2', preset: 'no-such-preset' });
    assert.equal(r.data.type, 'labcalc:error');
    assert.match(r.data.error, /no-such-preset/);
    r = await request(page, F, { type: 'labcalc:load-preset', version: 1, id: 'p3', preset: 'sensitive-data' });
    assert.deepEqual(r.data.report.scenario, base);

    // Errors keep the state.
    const errors = [
      [{ type: 'labcalc:set-scenario', version: 1, id: 'e1', merge: true, scenario: { budget_usd: -5 } }, /budget_usd/],
      [{ type: 'labcalc:set-scenario', version: 1, id: 'e2', merge: false, scenario: { budget_usd: -5 } }, /budget_usd/],
      [{ type: 'labcalc:set-scenario', version: 1, id: 'e3', merge: true, scenario: { no_such_input: 1 } }, /no_such_input/],
      [{ type: 'labcalc:set-scenario', version: 1, id: 'e4', merge: true, scenario: 5 }, /scenario/],
      [{ type: 'labcalc:set-scenario', version: 1, id: 'e5', merge: true }, /scenario/],
      [{ type: 'labcalc:explode', version: 1, id: 'e6' }, /labcalc:explode/],
      [{ type: 'labcalc:get-report', id: 'e7' }, /version/],
      [{ type: 'labcalc:get-report', version: 2, id: 'e8' }, /version/],
      [{ type: 'labcalc:get-report', version: '1', id: 'e9' }, /version/],
    ];
    for (const [msg, pattern] of errors) {
      r = await request(page, F, msg);
      assert.equal(r.data.type, 'labcalc:error', `${JSON.stringify(msg)} -> ${JSON.stringify(r.data).slice(0, 200)}`);
      assert.equal(r.data.version, 1);
      assert.equal(r.data.frame, 'sensitive');
      assert.match(r.data.error, pattern, `error for ${JSON.stringify(msg)}: ${r.data.error}`);
      assert.equal(r.data.report, undefined, 'an error carries no report');
    }
    assert.deepEqual(await scenarioOf(frames.sensitive), base, 'the scenario is unchanged after the errors');

    // Not ours: no reply at all.
    for (const msg of [{ hello: 1 }, 'hi', 42, null, [1, 2], { type: 'other:thing', version: 1 }, { type: 7 },
      { type: 'LABCALC:get-report', version: 1 }, JSON.stringify({ hello: 1 }), '{not json']) {
      await assertIgnored(page, F, msg);
    }
    assert.deepEqual(await scenarioOf(frames.sensitive), base);
    assert.deepEqual(await scenarioOf(frames.bursty), cliPreset('bursty-large-models').scenario, 'the other frame never changed');
    assertClean(record);
  } finally {
    await context.close();
  }
});

// Text that is not JSON but is clearly meant for labcalc (it names "labcalc:") is a malformed message:
// it is answered with labcalc:error (id null, since none could be read) and nothing is acted on.
// Text that does not name labcalc is someone else's and gets no reply.
test('a malformed message meant for labcalc is answered with an error and changes nothing', async () => {
  const { context, page, record, frames } = await openLesson();
  try {
    await page.locator('#frame-sensitive').scrollIntoViewIfNeeded();
    await settle(frames.sensitive);
    const before = await frames.sensitive.evaluate(() => window.labcalc.getScenario());
    for (const text of ['{"type": "labcalc:get-report"', 'labcalc:get-report']) {
      const reply = await request(page, 'frame-sensitive', text, {
        match: (d) => d && typeof d === 'object' && d.type === 'labcalc:error',
      });
      assert.equal(reply.data.id, null, 'no id could be read');
      assert.match(reply.data.error, /^message: /, `the error names the message: ${reply.data.error}`);
    }
    await assertIgnored(page, 'frame-sensitive', '{"type": "webpackHotUpdate"');
    assert.deepEqual(await frames.sensitive.evaluate(() => window.labcalc.getScenario()), before, 'nothing acted on');
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('origins: a second origin is refused without origins= and served with it', async () => {
  const src = `${siteUrl}index.html#embed=1&frame=x&preset=beginner`;
  // Without origins=: errors only, no events, nothing changed.
  {
    const { context, page, record } = await openPage(hostPage(src));
    try {
      const frame = await calcFrame(page, '#f');
      await settle(frame);
      const before = await scenarioOf(frame);
      for (const msg of [
        { type: 'labcalc:get-report', version: 1, id: 'o1' },
        { type: 'labcalc:set-scenario', version: 1, id: 'o2', merge: true, scenario: { hours_per_week: 99 } },
        { type: 'labcalc:load-preset', version: 1, id: 'o3', preset: 'advanced' },
      ]) {
        const r = await request(page, 'f', msg, { match: (d) => d && typeof d === 'object' && typeof d.type === 'string' });
        assert.equal(r.data.type, 'labcalc:error', `${msg.type} from a foreign origin: ${JSON.stringify(r.data).slice(0, 200)}`);
        assert.match(r.data.error, /origin/i);
        assert.match(r.data.error, /not allowed|may not/i);
        assert.equal(r.data.report, undefined, 'no report sent');
        assert.equal(r.data.scenario, undefined, 'no scenario sent');
      }
      await sleep(500);
      assert.deepEqual(await scenarioOf(frame), before, 'nothing acted on');
      const events = (await messages(page)).filter((m) => /^labcalc:(ready|changed)$/.test(m.data && m.data.type));
      assert.deepEqual(events, [], 'no ready/changed events to a foreign origin');
      // The reader can still use the frame; that sends no event to this parent either.
      const r = await itemRect(frame, 'hours_per_week');
      await page.mouse.click(r.x + r.width * 0.7, r.y + r.height / 2);
      await settle(frame);
      await sleep(800);
      assert.notDeepEqual(await scenarioOf(frame), before, 'the click moved the slider');
      const later = (await messages(page)).filter((m) => m.data && /^labcalc:(ready|changed|report|scenario)$/.test(m.data.type));
      assert.deepEqual(later, [], 'still no data to a foreign origin');
      assert.deepEqual(record.offOrigin, []);
      assert.deepEqual(record.errors.filter((e) => !/not allowed/i.test(e)), [], 'console or page errors');
    } finally {
      await context.close();
    }
  }
  // With origins=<the host's origin>, percent-encoded: it works.
  {
    const { context, page, record } = await openPage(hostPage(`${src}&origins=${encodeURIComponent(hostOrigin)}`));
    try {
      const frame = await calcFrame(page, '#f');
      const ready = await waitFor(async () => (await messages(page)).find((m) => m.data && m.data.type === 'labcalc:ready'), 'labcalc:ready');
      assert.equal(ready.from, 'f');
      assert.equal(ready.origin, siteOrigin);
      assert.equal(ready.data.frame, 'x');
      assert.deepEqual(ready.data.report.scenario, cliPreset('beginner').scenario);
      let r = await request(page, 'f', { type: 'labcalc:get-report', version: 1, id: 'ok1' });
      assert.equal(r.data.type, 'labcalc:report');
      const start = await messageCount(page);
      r = await request(page, 'f', { type: 'labcalc:set-scenario', version: 1, id: 'ok2', merge: true, scenario: { hours_per_week: 99 } });
      assert.equal(r.data.report.scenario.hours_per_week, 99);
      assert.equal((await scenarioOf(frame)).hours_per_week, 99);
      await waitFor(async () => (await messages(page, start)).find((m) => m.data.type === 'labcalc:changed'), 'labcalc:changed');
      assert.equal(await frame.evaluate(() => window.labcalc.getMessage()), '');
      assertClean(record);
    } finally {
      await context.close();
    }
  }
  // Unencoded, in a list with another origin: works too.
  {
    const { context, page } = await openPage(hostPage(`${src}&origins=https://course.example.org,${hostOrigin}`));
    try {
      await calcFrame(page, '#f');
      const r = await request(page, 'f', { type: 'labcalc:get-scenario', version: 1, id: 'ok3' });
      assert.equal(r.data.type, 'labcalc:scenario');
    } finally {
      await context.close();
    }
  }
});

test('bad fragment parts are ignored with a message; the rest applies', async () => {
  const beginner = cliPreset('beginner').scenario;
  for (const bad of ['embed=2', 'origins=ftp://x', 'frame=has%20space', 'frame=' + 'a'.repeat(41), 'origins=https://x.org/path']) {
    const embed = bad.startsWith('embed=') ? '' : 'embed=1&';
    const { context, page, record } = await openPage(`${siteUrl}index.html#${embed}preset=beginner&${bad}`, { ready: waitReady });
    try {
      assert.notEqual(await page.evaluate(() => window.labcalc.getMessage()), '', `a message for ${bad}`);
      assert.deepEqual(await scenarioOf(page), beginner, `preset=beginner still applies next to ${bad}`);
      assertClean(record);
    } finally {
      await context.close();
    }
  }
});

// Loads the embedded layout in a w x h frame and checks that the named controls lie inside it and
// that the frame's document does not scroll. `extra` is added to the fragment.
async function checkEmbedLayout(sizes) {
  const ids = ['embed_open_full', 'budget_usd', 'hours_per_week', 'privacy', 'embed_chart'];
  for (const [w, h, extra] of sizes) {
    const { context, page, record } = await openPage(hostPage(`${siteUrl}index.html#embed=1&frame=size&preset=sensitive-data${extra}`, w, h),
      { viewport: { width: 900, height: 800 } });
    try {
      const frame = await calcFrame(page, '#f');
      await settle(frame);
      const size = await frame.evaluate(() => ({
        cw: document.getElementById('canvas').clientWidth, ch: document.getElementById('canvas').clientHeight,
        iw: innerWidth, ih: innerHeight,
        sh: document.scrollingElement.scrollHeight, sw: document.scrollingElement.scrollWidth,
      }));
      assert.deepEqual([size.iw, size.ih], [w, h], 'frame viewport');
      assert.deepEqual([size.cw, size.ch], [w, h], 'the canvas fills the frame');
      assert.ok(size.sh <= size.ih && size.sw <= size.iw, `the frame document scrolls: ${JSON.stringify(size)}`);
      const problems = [];
      for (const id of ids) {
        const r = await frame.evaluate((name) => window.labcalc.itemRect(name), id);
        if (!r || !(r.width > 0)) problems.push(`${id}: not drawn`);
        else if (r.x < 0 || r.y < 0 || r.x + r.width > w + 0.5 || r.y + r.height > h + 0.5) problems.push(`${id}: ${JSON.stringify(r)} outside ${w}x${h}`);
      }
      if (extra) assert.notEqual(await frame.evaluate(() => window.labcalc.getMessage()), '', 'the message is shown');
      await assertDrawn(page.locator('#f'), `${w}x${h}`, `embed-${w}x${h}${extra ? '-message' : ''}.png`);
      assert.deepEqual(problems, [], `at ${w}x${h}`);
      assertClean(record);
    } finally {
      await context.close();
    }
  }
}

test('embedded layout fits 320x400, 480x560 and 640x560 without scrolling', () =>
  checkEmbedLayout([[320, 400, ''], [480, 560, ''], [640, 560, '']]));

test('embedded layout still fits 320x400 while it shows a message (a bad fragment part)', () =>
  checkEmbedLayout([[320, 400, '&origins=ftp://x']]));

test('off-screen frames draw nothing while another frame works', async () => {
  const { context, page, record, frames } = await openLesson({ width: 640, height: 600 });
  try {
    await page.evaluate(() => document.getElementById('frame-sensitive').scrollIntoView({ block: 'start' }));
    const far = await page.evaluate(() => document.getElementById('frame-bursty').getBoundingClientRect().top - innerHeight);
    assert.ok(far > 150, `frame 2 is well below the screen (${far} px)`);
    await sleep(1000);
    await settle(frames.bursty);
    const b0 = await frames.bursty.evaluate(() => window.labcalc.frameCount());
    const s0 = await frames.sensitive.evaluate(() => window.labcalc.frameCount());
    for (const hours of [10, 25, 40]) {
      await request(page, 'frame-sensitive', { type: 'labcalc:set-scenario', version: 1, id: `h${hours}`, merge: true, scenario: { hours_per_week: hours } });
    }
    const box = await page.locator('#frame-sensitive').boundingBox();
    for (let i = 0; i < 8; i++) {
      await page.mouse.move(box.x + 40 + i * 30, box.y + 200);
      await sleep(40);
    }
    await sleep(1500);
    const b1 = await frames.bursty.evaluate(() => window.labcalc.frameCount());
    const s1 = await frames.sensitive.evaluate(() => window.labcalc.frameCount());
    assert.ok(s1 > s0, `the visible frame drew (${s0} -> ${s1})`);
    assert.equal(b1, b0, `the off-screen frame drew nothing (${b0} -> ${b1})`);
    // Back on screen, it still shows its picture.
    await page.evaluate(() => document.getElementById('frame-bursty').scrollIntoView({ block: 'start' }));
    await sleep(800);
    await assertDrawn(page.locator('#frame-bursty'), 'frame 2 back on screen');
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('an embedded frame starts its sampling worker at the reader\'s first press, and then follows a held slider with it', async () => {
  const { context, page, record, frames } = await openLesson();
  try {
    // A lesson's untouched calculators run no second module.
    await sleep(2500);
    assert.equal(page.workers().length, 0, `workers before any press: ${page.workers().map((w) => w.url()).join(', ')}`);
    const frame = frames.sensitive;
    await page.locator('#frame-sensitive').scrollIntoViewIfNeeded(); // a frame out of view draws nothing
    await sleep(300);
    await settle(frame);
    const ids = await frame.evaluate(() => ['hours_per_week', 'budget_usd'].filter((id) => window.labcalc.itemRect(id)));
    assert.ok(ids.length > 0, 'a slider on the embedded layout');
    const r = await itemRect(frame, ids[0]);
    const y = r.y + r.height / 2;
    await page.mouse.move(r.x + r.width * 0.2, y);
    await page.mouse.down();
    for (let i = 1; i <= 15; i++) {
      await page.mouse.move(r.x + r.width * (0.2 + 0.03 * i), y);
      await sleep(40);
    }
    await waitFor(async () => (await frame.evaluate(() => window.labcalc.liveSampling())).answers > 0,
      'answers from the frame\'s worker while its slider is held');
    const live = await frame.evaluate(() => window.labcalc.liveSampling());
    assert.equal(live.in_place, false);
    assert.equal(live.samples, 1000);
    await page.mouse.up();
    assert.equal(page.workers().length, 1, 'one worker: the pressed frame\'s');
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('an off-screen frame answers the API and sends labcalc:changed, without drawing', async () => {
  const { context, page, record, frames } = await openLesson({ width: 640, height: 600 });
  try {
    await page.evaluate(() => document.getElementById('frame-sensitive').scrollIntoView({ block: 'start' }));
    await sleep(1000);
    await settle(frames.bursty);
    const b0 = await frames.bursty.evaluate(() => window.labcalc.frameCount());
    const start = await messageCount(page);
    const r = await request(page, 'frame-bursty', { type: 'labcalc:set-scenario', version: 1, id: 'off1', merge: true, scenario: { hours_per_week: 60 } });
    assert.equal(r.data.type, 'labcalc:report');
    assert.equal(r.data.report.scenario.hours_per_week, 60);
    const changed = await waitFor(async () => (await messages(page, start)).find((m) => m.from === 'frame-bursty' && m.data.type === 'labcalc:changed'),
      'labcalc:changed from the off-screen frame', 3000).catch(() => null);
    const b1 = await frames.bursty.evaluate(() => window.labcalc.frameCount());
    assert.equal(b1, b0, `the off-screen frame drew nothing (${b0} -> ${b1})`);
    assert.ok(changed, 'labcalc:changed arrives while the frame is off-screen (a message applied)');
    assert.equal(changed.data.report.scenario.hours_per_week, 60);
    const caption = await page.locator('#caption-bursty').textContent();
    assert.ok(caption.startsWith(expectedCaption(cliPreset('bursty-large-models', 'hours_per_week=60'))), `caption follows: ${caption}`);
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('presetting a scenario: s= wins over preset=, the CLI\'s --format fragment, and "Copy embed code"', async () => {
  // s= wins over preset=, in either order.
  const chosen = { hours_per_week: 42, privacy: 'confidential', vram_gb: 48 };
  const expected = cliScenario(chosen).scenario;
  const s = 's=' + Buffer.from(JSON.stringify(chosen)).toString('base64url');
  for (const fragment of [`embed=1&preset=beginner&${s}`, `${s}&embed=1&preset=beginner`]) {
    const { context, page, record } = await openPage(`${siteUrl}index.html#${fragment}`, { ready: waitReady });
    try {
      assert.deepEqual(await scenarioOf(page), expected, `#${fragment.slice(0, 40)}...`);
      assert.equal(await page.evaluate(() => window.labcalc.getMessage()), '');
      assertClean(record);
    } finally {
      await context.close();
    }
  }
  // labcalc --preset X --set k=v --format fragment, appended to index.html#embed=1&.
  const cli = spawnSync(CLI, ['--preset', 'sensitive-data', '--set', 'vram_gb=48', '--format', 'fragment'], { encoding: 'utf8' });
  assert.equal(cli.status, 0, `the CLI has a fragment format: ${cli.stderr}`);
  const part = cli.stdout.trim();
  assert.match(part, /^s=[A-Za-z0-9_-]+$/);
  {
    const { context, page, record } = await openPage(`${siteUrl}index.html#embed=1&${part}`, { ready: waitReady });
    try {
      assert.deepEqual(await scenarioOf(page), cliPreset('sensitive-data', 'vram_gb=48').scenario, 'the CLI fragment restores the scenario');
      assertClean(record);
    } finally {
      await context.close();
    }
  }
  // "Copy embed code" in the full page: an iframe snippet with #embed=1&s=... that restores the scenario.
  const { context, page, record } = await openPage(`${siteUrl}index.html`, { ready: waitReady, permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    assert.deepEqual(await page.evaluate((x) => window.labcalc.setScenario(x), chosen), { ok: true });
    await page.mouse.move(5, 5);
    await settle(page);
    const r = await itemRect(page, 'copy_embed');
    await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
    await page.waitForFunction(() => window.labcalc.lastCopied().includes('<iframe'), null, { timeout: 5000 });
    const snippet = await page.evaluate(() => window.labcalc.lastCopied());
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet, 'the snippet is on the clipboard');
    assert.match(snippet, /allow="clipboard-write; fullscreen"/);
    assert.match(snippet, /title="[^"]+"/);
    // Parsed in the blank analysis page: the calculator's CSP would report the snippet's style attribute.
    const doc = await analysis.evaluate((html) => {
      const t = document.createElement('template');
      t.innerHTML = html;
      const f = t.content.querySelector('iframe');
      return f && { src: f.getAttribute('src'), n: t.content.childElementCount };
    }, snippet);
    assert.ok(doc && doc.n === 1, `one iframe element: ${snippet}`);
    assert.ok(doc.src.startsWith(`${siteUrl}index.html#embed=1&`), `src: ${doc.src}`);
    assert.match(doc.src, /[#&]s=/);
    const second = await openPage(doc.src, { ready: waitReady });
    try {
      assert.deepEqual(await scenarioOf(second.page), expected, 'the snippet restores the scenario');
      assertClean(second.record);
    } finally {
      await second.context.close();
    }
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('file:// lessons (origin null): refused by default, served with origins=null', async () => {
  assert.ok(existsSync(SINGLE), `missing ${SINGLE}`);
  const dir = mkdtempSync(join(tmpdir(), 'labcalc-embed-'));
  try {
    writeFileSync(join(dir, 'host.html'), HOST_HTML);
    writeFileSync(join(dir, 'host.css'), HOST_CSS);
    writeFileSync(join(dir, 'host.js'), HOST_JS);
    const single = pathToFileURL(SINGLE).href;
    const host = pathToFileURL(join(dir, 'host.html')).href;
    const alsoAllowed = (u) => u.startsWith(single) || u.startsWith(pathToFileURL(dir).href);
    const run = async (fragment) => {
      const opened = await openPage(`${host}#src=${encodeURIComponent(`${single}#${fragment}`)}&w=480&h=560`, { alsoAllowed });
      const frame = await calcFrame(opened.page, '#f');
      await settle(frame);
      return { ...opened, frame };
    };
    {
      const { context, page, record, frame } = await run('embed=1&frame=n&preset=beginner');
      try {
        const r = await request(page, 'f', { type: 'labcalc:get-report', version: 1, id: 'n1' }, { targetOrigin: '*' });
        assert.equal(r.data.type, 'labcalc:error');
        assert.match(r.data.error, /origin/i);
        const events = (await messages(page)).filter((m) => /^labcalc:(ready|changed)$/.test(m.data && m.data.type));
        assert.deepEqual(events, [], 'no events to a null origin not listed');
        assert.deepEqual(await scenarioOf(frame), cliPreset('beginner').scenario);
        assert.deepEqual(record.offOrigin, []);
      } finally {
        await context.close();
      }
    }
    {
      const { context, page, record, frame } = await run('embed=1&frame=n&preset=beginner&origins=null');
      try {
        await waitFor(async () => (await messages(page)).find((m) => m.data && m.data.type === 'labcalc:ready'), 'labcalc:ready to a file:// host');
        const r = await request(page, 'f', { type: 'labcalc:set-scenario', version: 1, id: 'n2', merge: true, scenario: { hours_per_week: 70 } },
          { targetOrigin: '*' });
        assert.equal(r.data.type, 'labcalc:report');
        assert.equal((await scenarioOf(frame)).hours_per_week, 70);
        assertClean(record);
      } finally {
        await context.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the mouse wheel over a frame scrolls the lesson page', async () => {
  const { context, page, record, frames } = await openLesson();
  try {
    await page.evaluate(() => {
      const f = document.getElementById('frame-sensitive');
      window.scrollTo(0, f.getBoundingClientRect().top + scrollY - 100);
    });
    await sleep(300);
    const y0 = await page.evaluate(() => scrollY);
    const box = await page.locator('#frame-sensitive').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await sleep(200);
    await page.mouse.move(box.x + box.width / 2 + 5, box.y + box.height / 2 + 5);
    await settle(frames.sensitive);
    await page.mouse.wheel(0, 400);
    const y1 = await waitFor(async () => { const y = await page.evaluate(() => scrollY); return y > y0 + 100 ? y : 0; },
      'the host page to scroll', 3000).catch(() => null);
    assert.ok(y1, `the lesson page scrolled (scrollY ${y0} -> ${await page.evaluate(() => scrollY)})`);
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('in a 480x560 lesson frame, an option\'s total in the legend opens its working; Close shuts it', async () => {
  const { context, page, record } = await openPage(hostPage(`${siteUrl}index.html#embed=1&frame=work&preset=sensitive-data`, 480, 560),
    { viewport: { width: 900, height: 800 } });
  try {
    const frame = await calcFrame(page, '#f');
    await settle(frame);
    const legend = frame.locator('[data-id="legend.home"]');
    assert.match(await legend.textContent(), /^Home lab: \$[\d,]+ in total/);
    const box = await legend.boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2); // a click on the canvas itself
    await frame.waitForFunction(() => document.querySelector('[data-id="working.close"]'), null, { timeout: 5000 });
    await settle(frame);
    await assertDrawn(page.locator('#f'), 'the working in a 480x560 frame', 'embed-480x560-working.png');
    const close = await frame.locator('[data-id="working.close"]').boundingBox();
    assert.ok(close.y + close.height <= box.y + 560, 'Close is inside the frame');
    await page.mouse.click(close.x + close.width / 2, close.y + close.height / 2);
    await frame.waitForFunction(() => !document.querySelector('[data-id="working.close"]'), null, { timeout: 5000 });
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('"Full calculator" (embed_open_full) opens the full page with the same scenario', async () => {
  const { context, page, record, frames } = await openLesson();
  try {
    await request(page, 'frame-sensitive', { type: 'labcalc:set-scenario', version: 1, id: 'of', merge: true, scenario: { hours_per_week: 33, vram_gb: 48 } });
    await settle(frames.sensitive);
    const expected = await scenarioOf(frames.sensitive);
    await page.locator('#frame-sensitive').scrollIntoViewIfNeeded();
    await settle(frames.sensitive);
    const r = await itemRect(frames.sensitive, 'embed_open_full');
    const [popup] = await Promise.all([
      context.waitForEvent('page', { timeout: 10000 }),
      page.mouse.click(r.x + r.width / 2, r.y + r.height / 2),
    ]);
    await popup.waitForLoadState();
    await waitReady(popup);
    const url = popup.url();
    assert.ok(url.startsWith(siteUrl), `the full page on the calculator's origin: ${url}`);
    assert.doesNotMatch(url, /[#&]embed=/, `no embed parameter: ${url}`);
    assert.doesNotMatch(url, /[#&](frame|origins)=/, `no frame/origins parameter: ${url}`);
    assert.deepEqual(await scenarioOf(popup), expected, 'same scenario as the frame');
    assert.ok(await popup.evaluate(() => window.labcalc.itemRect('copy_link')), 'the full layout (Copy link is there)');
    mkdirSync(ARTIFACTS, { recursive: true });
    await popup.screenshot({ path: join(ARTIFACTS, 'embed-open-full.png') });
    assertClean(record);
  } finally {
    await context.close();
  }
});

// Counts localStorage calls in every frame (window.__storageCalls), to see what a page reads and writes.
function instrumentStorage() {
  const calls = [];
  window.__storageCalls = calls;
  for (const m of ['getItem', 'setItem', 'removeItem', 'clear', 'key']) {
    const orig = Storage.prototype[m];
    Storage.prototype[m] = function (...args) {
      let local = false;
      try { local = this === window.localStorage; } catch (err) { local = false; }
      if (local) calls.push(`${m}:${args[0]}`);
      return orig.apply(this, args);
    };
  }
}

test('privacy: an embedded frame neither reads nor writes localStorage', async () => {
  const stored = JSON.stringify({ hours_per_week: 77 });
  const { context, page, record } = await openPage(`${siteUrl}index.html`, { ready: waitReady, initScripts: [instrumentStorage] });
  try {
    // The full page (control): reads the stored scenario at start, which proves the counting works.
    assert.ok((await page.evaluate(() => window.__storageCalls)).some((c) => c.startsWith('getItem:')), 'the full page reads its storage');
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), ['labcalc.scenario.v1', stored]);

    await page.goto(hostPage(`${siteUrl}index.html#embed=1&frame=p&origins=${encodeURIComponent(hostOrigin)}`));
    const frame = await calcFrame(page, '#f');
    await settle(frame);
    assert.deepEqual(await scenarioOf(frame), cliScenario({}).scenario, 'the stored scenario is not used: the defaults');
    const r = await itemRect(frame, 'hours_per_week');
    await page.mouse.move(r.x + r.width * 0.1, r.y + r.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(r.x + r.width * (0.1 + 0.06 * i), r.y + r.height / 2);
      await sleep(16);
    }
    await page.mouse.up();
    await settle(frame);
    assert.notEqual((await scenarioOf(frame)).hours_per_week, 20, 'the drag changed the hours');
    await request(page, 'f', { type: 'labcalc:set-scenario', version: 1, id: 'st', merge: true, scenario: { budget_usd: 5000 } });
    await request(page, 'f', { type: 'labcalc:load-preset', version: 1, id: 'st2', preset: 'beginner' });
    await sleep(1500);
    assert.deepEqual(await frame.evaluate(() => window.__storageCalls), [], 'no localStorage call in the embedded frame');
    assert.equal(await frame.evaluate(() => localStorage.getItem('labcalc.scenario.v1')), stored, 'the stored scenario is untouched');
    assert.equal(await frame.evaluate(() => document.cookie), '', 'no cookie');
    assert.ok(record.requests.every((u) => u.startsWith(siteOrigin + '/') || u.startsWith(hostOrigin + '/')), 'no other request');
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('origins: a spelling the browser would rewrite (127.1 for 127.0.0.1) is refused by name and gets no events', async () => {
  const { context, page, record } = await openPage(hostPage(`${siteUrl}index.html#embed=1&frame=o&origins=` +
    encodeURIComponent(hostOrigin.replace('127.0.0.1', '127.1'))));
  try {
    const frame = await calcFrame(page, '#f');
    await settle(frame);
    assert.match(await frame.evaluate(() => window.labcalc.getMessage()), /127\.1/, 'the link\'s origin is named as refused');
    await sleep(1500);
    const events = (await messages(page, 0)).filter((m) => m.from === 'f');
    assert.deepEqual(events, [], 'the host, spelled otherwise in the link, receives nothing');
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('events go quietly to the allowed origin the parent has: no console warning for the other listed origins', async () => {
  const warnings = [];
  const { context, page, record } = await openPage(hostPage(`${siteUrl}index.html#embed=1&frame=q&origins=` +
    encodeURIComponent(`https://other.example,${hostOrigin}`)));
  try {
    page.on('console', (m) => { if (m.type() === 'warning' && /postMessage/.test(m.text())) warnings.push(m.text()); });
    const frame = await calcFrame(page, '#f');
    await settle(frame);
    await request(page, 'f', { type: 'labcalc:set-scenario', version: 1, id: 'e1', merge: true, scenario: { budget_usd: 5000 } });
    await page.waitForFunction(() => window.__msgs.some((m) => m.data && m.data.type === 'labcalc:changed'), null, { timeout: 10000 });
    await sleep(500);
    assert.deepEqual(warnings, [], 'no "target origin does not match" warning per event');
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('privacy: the full page (no embed=1) in a same-site frame neither exposes nor overwrites the saved scenario', async () => {
  const stored = JSON.stringify({ hours_per_week: 77 });
  const { context, page, record } = await openPage(`${siteUrl}index.html`, { ready: waitReady, initScripts: [instrumentStorage] });
  try {
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), ['labcalc.scenario.v1', stored]);
    // The framing page is another port of the same host: the same site. The link lists it, as a lesson would.
    await page.goto(hostPage(`${siteUrl}index.html#origins=${encodeURIComponent(hostOrigin)}`, 1000, 700));
    const frame = await calcFrame(page, '#f', { scroll: false });
    await settle(frame);
    assert.notEqual((await scenarioOf(frame)).hours_per_week, 77, 'the saved scenario is not loaded in a frame');
    const ready = (await messages(page, 0)).find((m) => m.from === 'f' && m.data && m.data.type === 'labcalc:ready');
    assert.ok(ready, 'the frame announced itself');
    assert.notEqual(ready.data.report.scenario.hours_per_week, 77, 'the ready event does not carry the saved scenario');
    await request(page, 'f', { type: 'labcalc:set-scenario', version: 1, id: 'w', merge: true, scenario: { budget_usd: 5000 } });
    await sleep(1500);
    assert.deepEqual(await frame.evaluate(() => window.__storageCalls), [], 'no localStorage call in the framed page');
    assert.equal(await frame.evaluate(() => localStorage.getItem('labcalc.scenario.v1')), stored, 'the saved scenario is untouched');
    assertClean(record);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------------------------

async function main() {
  requireFiles('embed.mjs', [SITE, join(SITE, 'index.html'), join(SITE, 'examples/lesson.html'), CHROMIUM]);
  const site = await serve(SITE);
  siteUrl = site.url;
  siteOrigin = siteUrl.replace(/\/$/, '');
  lessonUrl = `${siteUrl}examples/lesson.html`;
  const host = await startHostServer();
  hostUrl = host.url;
  hostOrigin = hostUrl.replace(/\/$/, '');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  analysis = await (await browser.newContext()).newPage();

  const failed = await runTests(tests, 'embed-results.txt');
  await browser.close();
  site.server.close();
  host.server.close();
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
