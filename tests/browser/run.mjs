// Browser tests of the labcalc page: Playwright (playwright-core) drives Debian's
// Chromium against build/web/site (served on 127.0.0.1 by serve.mjs, under the page's CSP) and
// build/web/labcalc.html (from file://). It never downloads a browser.
//
//   node tests/browser/run.mjs            (after: cmake --preset web && cmake --build --preset web,
//                                           and the native CLI for the cross-check)
// Environment: LABCALC_SITE, LABCALC_SINGLE, LABCALC_CLI (default build/native/labcalc),
//              LABCALC_CHROMIUM (default /usr/lib/chromium/chromium), LABCALC_ONLY (substring filter).
// Screenshots go to tests/browser/artifacts/. Ends with "N passed, N failed"; exit 1 on any failure.
// playwright-core is pinned to 1.61.1, the last release that runs on Debian bookworm's Node 18.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import {
  ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, CLI, SINGLE, SITE, countColor, pngStats as decodePng, repo, requireFiles, runTests, sleep,
  waitReady as waitReadyFor,
} from './common.mjs';

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

let browser, siteUrl, siteOrigin, analysis;

// ---------------------------------------------------------------------------------------------
// Helpers

// A fresh context and page that records console errors, page errors, and every request; requests
// outside `allowed` (a predicate on the URL) are aborted and recorded.
async function openPage(url, { allowed, ...contextOptions } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const record = { errors: [], requests: [], offOrigin: [] };
  const isAllowed = allowed || ((u) => u.startsWith(siteOrigin + '/') || u.startsWith('data:') || u.startsWith('blob:'));
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (isAllowed(u)) return route.continue();
    record.offOrigin.push(u);
    return route.abort();
  });
  context.on('request', (r) => record.requests.push(r.url()));
  context.on('websocket', (w) => record.offOrigin.push(w.url()));
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') record.errors.push(m.text()); });
  page.on('pageerror', (e) => record.errors.push(String(e)));
  await page.goto(url);
  await waitReady(page);
  return { context, page, record };
}

function assertClean(record) {
  assert.deepEqual(record.errors, [], 'console or page errors');
  assert.deepEqual(record.offOrigin, [], 'requests outside the origin');
  const aborted = record.errors.filter((e) => /Aborted\(/.test(e));
  assert.equal(aborted.length, 0);
}

// Decodes a PNG in a separate blank page (the app page's CSP forbids data: images) and returns how
// many distinct colours it has and what share of pixels differs from the top-left one.
const waitReady = (page) => waitReadyFor(page);
const pngStats = (buffer) => decodePng(analysis, buffer);

async function assertCanvasDrawn(page, what) {
  const stats = await pngStats(await page.locator('#canvas').screenshot());
  assert.ok(stats.colors > 20 && stats.differing > 0.02, `${what}: canvas looks blank (${JSON.stringify(stats)})`);
  return stats;
}

// Screenshots go to artifacts/; with LABCALC_README_PICTURES=1 the ones the README shows are also
// written to docs/images/ (that is how the README's pictures are made: by the tests, not by hand).
const README_PICTURES = { 'default-1280x800.png': 'labcalc-page.png' };
async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name) });
  if (process.env.LABCALC_README_PICTURES === '1' && README_PICTURES[name]) {
    mkdirSync(join(repo, 'docs/images'), { recursive: true });
    await page.screenshot({ path: join(repo, 'docs/images', README_PICTURES[name]) });
  }
}

// A named control's rectangle in page coordinates (the app reports it relative to the canvas).
async function itemRect(page, id) {
  const r = await page.evaluate((name) => window.labcalc.itemRect(name), id);
  assert.ok(r && r.width > 0, `control ${id} not found on screen`);
  const box = await page.locator('#canvas').boundingBox();
  return { x: box.x + r.x, y: box.y + r.y, width: r.width, height: r.height };
}

// Presses the slider `id` at `from` (fraction of the width) and moves to `to` in `steps` steps `pause` ms apart,
// like a hand would, still holding it.
async function pressAndMove(page, id, from, to, steps, pause) {
  await settle(page);
  const r = await itemRect(page, id);
  const y = r.y + r.height / 2;
  await page.mouse.move(r.x + r.width * from, y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(r.x + r.width * (from + ((to - from) * i) / steps), y);
    await sleep(pause);
  }
}

// Drags a slider from `from` to `to` and lets go.
async function dragSlider(page, id, from, to) {
  await pressAndMove(page, id, from, to, 12, 16);
  await page.mouse.up();
  await settle(page);
}

// Waits until the page has stopped drawing for a moment, so rectangles read now are the ones on screen.
async function settle(page) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const n = await page.evaluate(() => window.labcalc.frameCount());
    if (n === last) return;
    last = n;
    await sleep(120);
  }
}

async function clickAt(page, id, fraction = 0.5) {
  await settle(page);
  const r = await itemRect(page, id);
  await page.mouse.click(r.x + r.width * fraction, r.y + r.height / 2);
  await settle(page);
}

const scenario = (page) => page.evaluate(() => window.labcalc.getScenario());
const report = (page) => page.evaluate(() => window.labcalc.getReport());
const summary = (page) => page.evaluate(() => document.getElementById('labcalc-summary').textContent);

async function waitForSummaryChange(page, before) {
  await page.waitForFunction((old) => {
    const t = document.getElementById('labcalc-summary').textContent;
    return t && t !== old;
  }, before, { timeout: 5000 });
  return summary(page);
}

function runCli(scenarioObject) {
  assert.ok(existsSync(CLI), `the native CLI is missing at ${CLI} (build the native preset or set LABCALC_CLI)`);
  const r = spawnSync(CLI, ['--scenario', '-', '--format', 'json'], { input: JSON.stringify(scenarioObject), encoding: 'utf8' });
  assert.equal(r.status, 0, `CLI failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// ---------------------------------------------------------------------------------------------
// Tests

test('site loads under its CSP with no console error, draws a non-blank canvas and reports ready', async () => {
  const { context, page, record } = await openPage(siteUrl);
  try {
    await assertCanvasDrawn(page, 'default view');
    assert.ok(record.requests.some((u) => u.endsWith('.wasm')), 'the wasm was fetched from the site');
    assert.ok(await page.evaluate(() => document.getElementById('labcalc-loading').hidden), 'loading indicator hidden');
    const text = await page.waitForFunction(() => document.getElementById('labcalc-summary').textContent, null, { timeout: 5000 });
    assert.match(await text.jsonValue(), /Recommendation|Nothing fits yet/);
    await screenshot(page, 'default-1280x800.png');
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('phone width (390 px): loads, and the headline sliders fit on screen', async () => {
  const { context, page, record } = await openPage(siteUrl, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    await assertCanvasDrawn(page, 'phone view');
    const width = await page.evaluate(() => document.getElementById('canvas').clientWidth);
    for (const id of ['budget_usd', 'hours_per_week', 'privacy']) {
      const r = await itemRect(page, id);
      // Inside the window padding, not just the screen: a slider to the very edge looks cut off.
      assert.ok(r.x >= 4 && r.x + r.width <= width - 4, `${id} slider overflows the screen: ${JSON.stringify(r)} vs ${width}`);
      assert.ok(r.y + r.height <= 844, `${id} slider is below the first screen`);
    }
    await screenshot(page, 'default-390x844.png');
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('dragging the budget and hours sliders changes the scenario, the DOM mirror, and matches the CLI', async () => {
  const { context, page, record } = await openPage(siteUrl);
  try {
    const s0 = await scenario(page);
    const mirror0 = await page.waitForFunction(() => document.getElementById('labcalc-summary').textContent).then((h) => h.jsonValue());
    await dragSlider(page, 'budget_usd', 0.3, 0.85);
    const s1 = await scenario(page);
    assert.notEqual(s1.budget_usd, s0.budget_usd, 'budget changed by the drag');
    await dragSlider(page, 'hours_per_week', 0.05, 0.45);
    const s2 = await scenario(page);
    assert.notEqual(s2.hours_per_week, s1.hours_per_week, 'hours changed by the drag');
    assert.equal(s2.budget_usd, s1.budget_usd, 'the hours drag left the budget alone');
    const mirror = await waitForSummaryChange(page, mirror0);

    const pageReport = await report(page);
    const cliReport = runCli(s2);
    assert.equal(pageReport.recommendation, cliReport.recommendation, 'recommendation equals the CLI\'s');
    assert.ok(Math.abs(pageReport.margin - cliReport.margin) < 1e-9, 'margin equals the CLI\'s');
    for (let i = 0; i < cliReport.options.length; i++) {
      assert.equal(pageReport.options[i].name, cliReport.options[i].name);
      assert.equal(pageReport.options[i].feasible, cliReport.options[i].feasible);
    }
    const label = { home: 'Home lab', cloud: 'Cloud', hybrid: 'Hybrid' }[cliReport.recommendation];
    assert.ok(mirror.includes(label), `DOM mirror names the CLI's recommendation (${label}): ${mirror.slice(0, 120)}`);
    assertClean(record);
  } finally {
    await context.close();
  }
});

// Holds the slider `id` and moves it from `from` to `to`; while it is still held, waits for the answer to the
// last job (the figures shown stop changing) and reads the page's live futures and scenario.
async function holdSlider(page, id, from, to) {
  await pressAndMove(page, id, from, to, 20, 30);
  let live = null;
  for (let i = 0; i < 20; i++) {
    await sleep(250);
    const now = await page.evaluate(() => window.labcalc.liveSampling());
    if (live && now.answers === live.answers) break;
    live = now;
  }
  return { live, held: await scenario(page) };
}

function cliSamples(scenarioObject, samples) {
  const r = spawnSync(CLI, ['--scenario', '-', '--format', 'json', '--samples', String(samples)],
    { input: JSON.stringify(scenarioObject), encoding: 'utf8' });
  assert.equal(r.status, 0, `CLI failed: ${r.stderr}`);
  return JSON.parse(r.stdout).uncertainty;
}

test('while a slider is held, "How sure" is the sampling worker\'s 1,000 futures of the scenario (site, and the single file from file://)', async () => {
  const singleUrl = pathToFileURL(SINGLE).href;
  for (const [url, allowed] of [[siteUrl, undefined], [singleUrl, (u) => u === singleUrl || u.startsWith('data:') || u.startsWith('blob:')]]) {
    const { context, page, record } = await openPage(url, { allowed });
    try {
      const { live, held } = await holdSlider(page, 'hours_per_week', 0.1, 0.55);
      assert.equal(live.in_place, false, `${url}: a worker answers`);
      assert.ok(live.answers > 0, `${url}: answers from the worker while the slider is held: ${JSON.stringify(live)}`);
      assert.equal(live.samples, 1000, `${url}: 1,000 likely futures while the slider is held`);
      assert.equal(page.workers().length, 1, `${url}: one sampling worker`);
      // The worker's futures are the core's: the CLI's 1,000 for the held scenario give the same shares.
      const cli = cliSamples(held, 1000);
      assert.deepEqual(live.p_best, [cli.p_best.home, cli.p_best.cloud, cli.p_best.hybrid], `${url}: the CLI's shares`);
      await page.mouse.up();
      // On release the worker brings the report's own futures, with the sways: nothing is worked out in place.
      await page.waitForFunction(() => !window.labcalc.liveSampling().pending, null, { timeout: 10000 });
      const released = await page.evaluate(() => window.labcalc.liveSampling());
      assert.equal(released.samples, 1000, 'on release, the 1,000 futures with their sways');
      assert.ok(released.sways > 0, 'with the guesses that sway the answer');
      assert.ok(released.answers > live.answers, `the release's futures came from the worker: ${JSON.stringify(released)}`);
      const settledCli = cliSamples(await scenario(page), 1000);
      assert.deepEqual(released.p_best, [settledCli.p_best.home, settledCli.p_best.cloud, settledCli.p_best.hybrid]);
      assertClean(record);
    } finally {
      await context.close();
    }
  }
});

test('without Web Workers the page works "How sure" out itself while a slider is held: 400 futures, no error', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => { delete window.Worker; });
  const record = { errors: [], offOrigin: [] };
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') record.errors.push(m.text()); });
  page.on('pageerror', (e) => record.errors.push(String(e)));
  try {
    await page.goto(siteUrl);
    await waitReady(page);
    const { live, held } = await holdSlider(page, 'hours_per_week', 0.1, 0.5);
    assert.equal(live.in_place, true, 'no worker: in place');
    assert.equal(live.answers, 0);
    assert.equal(live.samples, 400, 'the first 400 futures while the slider is held');
    const cli = cliSamples(held, 400);
    assert.deepEqual(live.p_best, [cli.p_best.home, cli.p_best.cloud, cli.p_best.hybrid], 'the CLI\'s 400 futures');
    await page.mouse.up();
    await settle(page);
    assert.equal((await page.evaluate(() => window.labcalc.liveSampling())).samples, 1000);
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('"Copy link" gives a link that restores the same report', async () => {
  const { context, page, record } = await openPage(siteUrl, { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    const base = await scenario(page);
    const set = await page.evaluate((s) => window.labcalc.setScenario(s),
      { ...base, budget_usd: 9000, hours_per_week: 45, privacy: 'confidential', horizon_months: 48 });
    assert.deepEqual(set, { ok: true });
    await page.mouse.move(5, 5);
    await sleep(200);
    await clickAt(page, 'copy_link');
    await page.waitForFunction(() => window.labcalc.lastCopied().includes('#s='), null, { timeout: 5000 });
    const link = await page.evaluate(() => window.labcalc.lastCopied());
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(clip, link, 'the link is on the system clipboard');
    assert.ok(link.startsWith(siteUrl), `link points at the page: ${link}`);
    const before = await report(page);
    assertClean(record);

    const second = await openPage(link);
    try {
      assert.deepEqual(await scenario(second.page), await scenario(page), 'same scenario');
      assert.deepEqual(await report(second.page), before, 'same report');
      assert.equal(await second.page.evaluate(() => window.labcalc.getMessage()), '');
      assertClean(second.record);
    } finally {
      await second.context.close();
    }
  } finally {
    await context.close();
  }
});

test('a corrupted or tampered fragment shows a message and falls back to the defaults', async () => {
  const clean = await openPage(siteUrl);
  const defaults = await scenario(clean.page);
  await clean.context.close();
  const tampered = Buffer.from(JSON.stringify({ budget_usd: -5 })).toString('base64url');
  for (const fragment of ['#s=%%%not-base64%%%', '#s=' + tampered]) {
    const { context, page, record } = await openPage(siteUrl + fragment);
    try {
      assert.deepEqual(await scenario(page), defaults, `defaults after ${fragment}`);
      const message = await page.evaluate(() => window.labcalc.getMessage());
      assert.match(message, /could not be read/, 'message shown');
      await page.waitForFunction(() => /Notice:/.test(document.getElementById('labcalc-summary').textContent), null, { timeout: 5000 });
      await assertCanvasDrawn(page, 'after a bad fragment');
      if (fragment.includes('%')) await screenshot(page, 'bad-fragment.png');
      assertClean(record);
    } finally {
      await context.close();
    }
  }
});

test('setScenario validates: bad input returns {ok:false, error} and keeps the scenario', async () => {
  const { context, page, record } = await openPage(siteUrl);
  try {
    const before = await scenario(page);
    const bad = await page.evaluate(() => window.labcalc.setScenario({ budget_usd: 'lots' }));
    assert.equal(bad.ok, false);
    assert.match(bad.error, /budget_usd/);
    const unknown = await page.evaluate(() => window.labcalc.setScenario({ no_such_input: 1 }));
    assert.equal(unknown.ok, false);
    assert.deepEqual(await scenario(page), before);
    // What the CLI refuses, the page refuses: unknown figure ids (the prototype key too) and out-of-range figures.
    for (const assumptions of ['{"__proto__": 1}', '{"no.such.figure": 1}', '{"defaults.electricity_usd_per_kwh": 1e9}']) {
      const r = await page.evaluate((a) => window.labcalc.setScenario(`{"assumptions": ${a}}`), assumptions);
      assert.equal(r.ok, false, assumptions);
      assert.match(r.error, /assumptions\./);
    }
    // A link with thousands of unknown ids (it would be refused on reopening anyway): refused now, inputs kept.
    const ids = {};
    for (let i = 0; i < 3000; i++) ids[`x${i}`] = 1;
    const b64 = Buffer.from(JSON.stringify({ assumptions: ids })).toString('base64url');
    await page.evaluate((h) => { location.hash = h; }, 's=' + b64);
    await page.waitForFunction(() => window.labcalc.getMessage() !== '', null, { timeout: 5000 });
    assert.deepEqual(await scenario(page), before);
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('idle means idle: frames after input, none after two seconds without input', async () => {
  const { context, page, record } = await openPage(siteUrl);
  try {
    const box = await page.locator('#canvas').boundingBox();
    const start = await page.evaluate(() => window.labcalc.frameCount());
    for (let i = 0; i < 5; i++) {
      await page.mouse.move(box.x + 200 + i * 20, box.y + 300);
      await sleep(30);
    }
    await sleep(200);
    const afterInput = await page.evaluate(() => window.labcalc.frameCount());
    assert.ok(afterInput > start, `input draws frames (${start} -> ${afterInput})`);
    await sleep(2000);
    const a = await page.evaluate(() => window.labcalc.frameCount());
    await sleep(1500);
    const b = await page.evaluate(() => window.labcalc.frameCount());
    assert.equal(b, a, `no frames while idle (${a} -> ${b})`);
    await page.mouse.move(box.x + 400, box.y + 400);
    await sleep(200);
    assert.ok((await page.evaluate(() => window.labcalc.frameCount())) > b, 'input wakes the page again');
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('device scale factor 2: backing store twice the CSS size, clicks land where aimed', async () => {
  const { context, page, record } = await openPage(siteUrl, { viewport: { width: 1000, height: 700 }, deviceScaleFactor: 2 });
  try {
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, dpr: devicePixelRatio };
    });
    assert.equal(size.dpr, 2);
    assert.ok(Math.abs(size.w - size.cw * 2) <= 1 && size.h === size.ch * 2, `backing store ${JSON.stringify(size)}`);
    await clickAt(page, 'privacy', 0.97);
    assert.equal((await scenario(page)).privacy, 'on_premises_only', 'click at the right end of the privacy slider');
    await clickAt(page, 'privacy', 0.03);
    assert.equal((await scenario(page)).privacy, 'public', 'click at the left end of the privacy slider');
    await clickAt(page, 'hours_per_week', 0.5);
    const hours = (await scenario(page)).hours_per_week;
    assert.ok(Math.abs(hours - 84) <= 3, `click at the middle of the 0-168 h/week slider gave ${hours}`);
    await screenshot(page, 'dpr2-1000x700.png');
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('the single file works from file:// and requests nothing else', async () => {
  assert.ok(existsSync(SINGLE), `missing ${SINGLE}`);
  const url = pathToFileURL(SINGLE).href;
  const { context, page, record } = await openPage(url, { allowed: (u) => u === url || u.startsWith('data:') || u.startsWith('blob:') });
  try {
    await assertCanvasDrawn(page, 'single file');
    // The sampling worker is a blob: copy of the page's own script.
    assert.ok(record.requests.every((u) => u === url || u.startsWith('data:') || u.startsWith('blob:')), `requests: ${record.requests.join(', ')}`);
    await dragSlider(page, 'hours_per_week', 0.05, 0.6);
    assert.ok((await scenario(page)).hours_per_week > 60, 'the slider works in the single file too');
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('the single file has a Content-Security-Policy that holds: an inserted script does not run, nothing leaves', async () => {
  const url = pathToFileURL(SINGLE).href;
  const { context, page, record } = await openPage(url, { allowed: (u) => u === url || u.startsWith('data:') || u.startsWith('blob:') });
  try {
    const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content || '');
    assert.match(policy, /default-src 'none'/);
    assert.doesNotMatch(policy, /unsafe-inline/);
    const result = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__inserted = true;';
      document.body.appendChild(s);
      const img = document.createElement('img');
      img.src = 'http://127.0.0.1:9/beacon.gif';
      document.body.appendChild(img);
      let fetched = false;
      try { await fetch('http://127.0.0.1:9/x'); fetched = true; } catch (err) { fetched = false; }
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { ran: window.__inserted === true, fetched, violations };
    });
    assert.equal(result.ran, false, 'an inserted inline script must not run');
    assert.equal(result.fetched, false, 'a request to another origin must be refused');
    assert.ok(result.violations.some((v) => v.startsWith('script-src')), `violations: ${result.violations}`);
    assert.ok(result.violations.some((v) => v.startsWith('connect-src')), `violations: ${result.violations}`);
    assert.ok(result.violations.some((v) => v.startsWith('img-src')), `violations: ${result.violations}`);
    // (The blocked image still shows as an attempted request in Playwright's log: the policy stops it.)
    // The policy's own reports are console errors by design; everything else must be clean.
    record.errors = record.errors.filter((e) => !/Content Security Policy/.test(e));
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('touch: a finger drags the hours slider (pointer events, not GLFW touch)', async () => {
  const { context, page, record } = await openPage(siteUrl, { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  try {
    const before = (await scenario(page)).hours_per_week;
    await settle(page);
    const r = await itemRect(page, 'hours_per_week');
    const y = r.y + r.height / 2;
    const cdp = await context.newCDPSession(page);
    const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: x === null ? [] : [{ x, y }] });
    const from = r.x + r.width * 0.1, to = r.x + r.width * 0.8;
    await touch('touchStart', from);
    for (let i = 1; i <= 12; i++) {
      await touch('touchMove', from + ((to - from) * i) / 12);
      await sleep(30);
    }
    await touch('touchEnd', null);
    await settle(page);
    const after = (await scenario(page)).hours_per_week;
    assert.ok(after > before + 60, `hours went from ${before} to ${after}`);
    assert.ok(Math.abs(after - 0.8 * 168) < 12, `the finger let go near 80% of the slider: ${after}`);
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('touch: a vertical swipe that starts on a slider scrolls and changes nothing; a tap sets the value', async () => {
  const { context, page, record } = await openPage(siteUrl, { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  try {
    await settle(page);
    const before = await scenario(page);
    const cdp = await context.newCDPSession(page);
    const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: x === null ? [] : [{ x, y }] });
    const r = await itemRect(page, 'budget_usd');
    const x = r.x + r.width * 0.3, y0 = r.y + r.height / 2;
    // A thumb swipe up from the budget slider, as a thumb does it: it rests a moment, then moves up, a
    // little sideways. (A press that lands before the finger moves used to grab the slider.)
    await touch('touchStart', x, y0);
    await sleep(120);
    for (let i = 1; i <= 12; i++) {
      await touch('touchMove', x + i * 1.5, y0 - i * 20);
      await sleep(30);
    }
    await touch('touchEnd', null, null);
    await settle(page);
    const after = await scenario(page);
    assert.equal(after.budget_usd, before.budget_usd, 'a vertical swipe must not edit the budget');
    assert.equal(after.hours_per_week, before.hours_per_week, 'nor any other input');
    const moved = await itemRect(page, 'budget_usd');
    assert.ok(moved.y < r.y - 20, `the panel scrolled with the finger (slider at ${r.y}, now ${moved.y})`);

    // A tap without movement on the hours slider sets the value where it landed.
    const h = await itemRect(page, 'hours_per_week');
    await touch('touchStart', h.x + h.width * 0.75, h.y + h.height / 2);
    await touch('touchEnd', null, null);
    await settle(page);
    const tapped = (await scenario(page)).hours_per_week;
    assert.ok(Math.abs(tapped - 0.75 * 168) < 12, `a tap at 75% of the hours slider: ${tapped}`);
    assertClean(record);
  } finally {
    await context.close();
  }
});

// The budget slider's keyboard step (src/ui/exposed_controls.cpp): 10% a press, three significant digits.
function budgetStep(usd, up) {
  const round = (v) => {
    if (v <= 0) return 0;
    const unit = Math.pow(10, Math.max(0, Math.floor(Math.log10(v)) - 2));
    return Math.round(v / unit) * unit;
  };
  return up ? Math.max(round(usd * 1.1), usd + 100) : round(usd / 1.1);
}

// What has the keyboard focus: its role and accessible name, as a screen reader would say it.
const focusedControl = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  return { id: el.dataset.id || el.id, tag: el.tagName, type: el.type || '', name: el.getAttribute('aria-label') || el.textContent };
});

test('keyboard only: Tab moves through the controls in reading order, every quick arrow press counts, Enter and Space press buttons, the focus shows', async () => {
  const { context, page, record } = await openPage(siteUrl);
  try {
    await settle(page);
    // From the top of the page: the toolbar's buttons, then the three sliders (each with its number box), then
    // where you live, then the sections under them ("What do you want to run?" first).
    const order = [];
    for (let i = 0; i < 13; i++) {
      await page.keyboard.press('Tab');
      const f = await focusedControl(page);
      order.push(f && f.id);
    }
    assert.deepEqual(order, ['toolbar.presets', 'toolbar.copy_link', 'toolbar.copy_embed', 'toolbar.export', 'toolbar.reset',
      'budget_usd', 'budget_usd#typed', 'hours_per_week', 'hours_per_week#typed', 'privacy', 'country', 'currency',
      'section.workload']);
    await page.keyboard.press('Shift+Tab');
    assert.equal((await focusedControl(page)).id, 'currency', 'Shift+Tab goes back');
    await page.keyboard.press('Shift+Tab');
    assert.equal((await focusedControl(page)).id, 'country');
    await page.keyboard.press('Shift+Tab');
    assert.equal((await focusedControl(page)).id, 'privacy');

    // Nine quick presses on the budget slider (no pause between them): nine steps.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+Tab');
    assert.equal((await focusedControl(page)).id, 'budget_usd');
    let expected = (await scenario(page)).budget_usd;
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press('ArrowRight', { delay: 0 });
      expected = budgetStep(expected, true);
    }
    assert.equal((await scenario(page)).budget_usd, expected, 'every one of nine quick presses counted');
    await page.keyboard.press('ArrowLeft');
    expected = budgetStep(expected, false);
    assert.equal((await scenario(page)).budget_usd, expected);
    await page.keyboard.press('Home');
    assert.equal((await scenario(page)).budget_usd, 0, 'Home: the lowest budget');

    // The focus ring: the canvas draws it around the focused slider (the element over it is transparent).
    await settle(page);
    const r = await itemRect(page, 'budget_usd');
    const ring = await page.screenshot({ clip: { x: r.x - 6, y: r.y - 6, width: r.width + 12, height: r.height + 12 } });
    const blue = await countColor(analysis, ring, [26, 95, 180], 40);
    assert.ok(blue > r.width, `a focus ring around the slider (${blue} pixels of the focus colour)`);
    await screenshot(page, 'keyboard-focus-1280x800.png');

    // Hours: arrows step half an hour; Page Up five hours.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal((await focusedControl(page)).id, 'hours_per_week');
    const hours = (await scenario(page)).hours_per_week;
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageUp');
    assert.equal((await scenario(page)).hours_per_week, hours + 5.5);

    // Space presses Reset; Enter presses Undo, which the toolbar then offers.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
    assert.equal((await focusedControl(page)).id, 'toolbar.reset');
    await page.keyboard.press('Space');
    await settle(page);
    assert.equal((await scenario(page)).hours_per_week, 20, 'Reset by Space');
    await page.keyboard.press('Tab'); // the Undo button appears after Reset, next in reading order
    assert.equal((await focusedControl(page)).id, 'toolbar.undo');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await scenario(page)).hours_per_week, hours + 5.5, 'Undo by Enter');

    // A menu: Enter opens Presets, the focus moves into it, Enter loads one, the focus comes back.
    await page.focus('[data-id="toolbar.presets"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement && document.activeElement.dataset.menu === '1', null, { timeout: 5000 });
    const first = await focusedControl(page);
    assert.match(first.id, /^preset\./);
    await page.keyboard.press('ArrowDown'); // not a menu key here: the focus stays on the item
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement && document.activeElement.dataset.id === 'toolbar.presets', null, { timeout: 5000 });
    // The item pressed was loaded: the toolbar's button now names that preset.
    const presets = await page.evaluate(() => window.labcalc.presets());
    const loaded = presets.find((p) => 'preset.' + p.name === first.id);
    assert.ok(loaded, `a preset named by ${first.id}`);
    await settle(page);
    assert.equal(await page.locator('[data-id="toolbar.presets"]').textContent(), 'Preset: ' + loaded.title);
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('typing numbers: each slider has a real decimal box (a phone keyboard opens), typed values apply, a bad one is named and nothing is lost', async () => {
  const { context, page, record } = await openPage(siteUrl, { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  try {
    await settle(page);
    const box = page.locator('[data-id="budget_usd#typed"]');
    assert.equal(await box.getAttribute('inputmode'), 'decimal');
    assert.equal(await box.evaluate((el) => el.tagName + ':' + el.type), 'INPUT:text');
    // A tap on the box focuses the real input (what makes a phone open its keyboard).
    const b = await box.boundingBox();
    assert.ok(b && b.width > 20 && b.height > 15, 'the box sits over the canvas box');
    await page.touchscreen.tap(b.x + b.width / 2, b.y + b.height / 2);
    assert.equal((await focusedControl(page)).id, 'budget_usd#typed', 'a tap focuses the real text box');
    await page.keyboard.type('2,500');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await scenario(page)).budget_usd, 2500, 'typed with a thousands separator');
    await screenshot(page, 'typing-390x844.png');

    // A bad value: named with its rule, the last good value stays, the box says it is invalid.
    await box.fill('lots');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await scenario(page)).budget_usd, 2500);
    assert.equal(await box.getAttribute('aria-invalid'), 'true');
    const live = await page.evaluate(() => document.getElementById('labcalc-live').textContent);
    assert.match(live, /budget_usd: must be a number from 0/);

    // Hours with a decimal comma; an advanced input and a catalog override by the same kind of box.
    const hours = page.locator('[data-id="hours_per_week#typed"]');
    await hours.fill('12,5');
    await hours.press('Enter');
    await settle(page);
    assert.equal((await scenario(page)).hours_per_week, 12.5);
    await page.evaluate(() => document.querySelector('[data-id="section.advanced"]').click());
    await page.waitForSelector('[data-id="electricity_usd_per_kwh"]', { state: 'attached', timeout: 5000 });
    const power = page.locator('[data-id="electricity_usd_per_kwh"]');
    assert.equal(await power.getAttribute('inputmode'), 'decimal');
    await power.fill('0.31');
    await power.press('Enter');
    await settle(page);
    assert.equal((await scenario(page)).electricity_usd_per_kwh, 0.31);
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('what do you want to run: on a phone, a task is added, typed into and chosen from real elements; the work follows from it', async () => {
  const { context, page, record } = await openPage(siteUrl, { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  try {
    await settle(page);
    assert.equal(await page.locator('[data-id="hours_per_week"]').count(), 1, 'the Work slider before any task');
    await page.evaluate(() => document.querySelector('[data-id="section.workload"]').click());
    await page.waitForSelector('[data-id="tasks.add.fine_tune"]', { state: 'attached', timeout: 5000 });
    await page.evaluate(() => document.querySelector('[data-id="tasks.add.fine_tune"]').click());
    await page.waitForSelector('[data-id="tasks.0.params_b"]', { state: 'attached', timeout: 5000 });
    await settle(page);
    let s = await scenario(page);
    assert.equal(s.tasks.length, 1);
    assert.equal(s.tasks[0].kind, 'fine_tune');
    // The task sets the work: the Work slider is no longer a control, and the report runs on the task's hours.
    assert.equal(await page.locator('[data-id="hours_per_week"]').count(), 0, 'no Work slider while a task sets the work');
    let r = await report(page);
    assert.equal(r.workload.tasks.length, 1);
    assert.ok(Math.abs(r.scenario.hours_per_week - r.workload.hours_per_week) < 1e-9);

    // A decimal box for the model's size (a phone keyboard opens), a select for the method.
    const size = page.locator('[data-id="tasks.0.params_b"]');
    assert.equal(await size.getAttribute('inputmode'), 'decimal');
    await size.fill('13');
    await size.press('Enter');
    await settle(page);
    assert.equal((await scenario(page)).tasks[0].params_b, 13);
    const method = page.locator('[data-id="tasks.0.method"]');
    assert.equal(await method.evaluate((el) => el.tagName), 'SELECT');
    await method.selectOption('full');
    await settle(page);
    s = await scenario(page);
    assert.equal(s.tasks[0].method, 'full');
    r = await report(page);
    assert.ok(r.workload.vram_gb >= 13 * 16, 'a full fine-tune holds 16 bytes a parameter');
    await screenshot(page, 'workload-390x844.png');
    await assertCanvasDrawn(page, 'the workload builder on a phone');
    // The task's hours open their working (a real button), which reads back to the figure shown.
    await page.evaluate(() => document.querySelector('[data-id="tasks.0.hours_per_week#how"]').click());
    await page.waitForSelector('[data-id="working.close"]', { state: 'attached', timeout: 5000 });
    await settle(page);
    await screenshot(page, 'workload-working-390x844.png');
    const shown = (await report(page)).workings.find((w) => w.id === 'tasks.0.hours_per_week');
    assert.ok(shown && Math.abs(shown.result - (await report(page)).workload.tasks[0].hours_per_week) < 1e-9);
    await page.evaluate(() => document.querySelector('[data-id="working.close"]').click());
    await page.waitForFunction(() => !document.querySelector('[data-id="working.close"]'), null, { timeout: 5000 });

    // A bad size: named with its rule, the last good task stays.
    await size.fill('-3');
    await size.press('Enter');
    await settle(page);
    assert.equal((await scenario(page)).tasks[0].params_b, 13);
    assert.equal(await size.getAttribute('aria-invalid'), 'true');
    const live = await page.evaluate(() => document.getElementById('labcalc-live').textContent);
    assert.match(live, /tasks\[0\]\.params_b: must be a number from 0\.01 to 2000/);
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('your money: the country chosen near the sliders shows every amount in its currency; the budget slider and box take it, the scenario keeps dollars', async () => {
  const { context, page, record } = await openPage(siteUrl);
  try {
    await settle(page);
    const country = page.locator('[data-id="country"]');
    assert.equal(await country.evaluate((el) => el.tagName), 'SELECT');
    await country.selectOption('DE');
    await settle(page);
    let r = await report(page);
    assert.equal(r.currency.code, 'EUR');
    assert.equal(r.currency.chosen_by, 'country');
    const slider = page.getByRole('slider', { name: 'Budget up front' });
    const euros = Math.round(4000 * r.currency.per_usd);
    assert.equal(await slider.getAttribute('aria-valuetext'), '\u20ac' + euros.toLocaleString('en-US'));
    // Typed in euros: the scenario keeps the dollars they are worth.
    const box = page.locator('[data-id="budget_usd#typed"]');
    await box.fill('3000');
    await box.press('Enter');
    await settle(page);
    assert.ok(Math.abs((await scenario(page)).budget_usd - 3000 / r.currency.per_usd) < 1e-6);
    assert.equal(await slider.getAttribute('aria-valuetext'), '\u20ac3,000');
    // The summary a screen reader reads has euros, not dollars, in its costs.
    const summary = await page.evaluate(() => document.getElementById('labcalc-summary').textContent);
    assert.match(summary, /\u20ac[0-9]/);
    await screenshot(page, 'currency-de-1280x800.png');
    await assertCanvasDrawn(page, 'the page in euros');
    // A currency chosen over the country's: yen.
    await page.locator('[data-id="currency"]').selectOption('JPY');
    await settle(page);
    r = await report(page);
    assert.equal(r.currency.code, 'JPY');
    assert.equal(r.currency.chosen_by, 'you');
    assert.match(await slider.getAttribute('aria-valuetext'), /^\u00a5[0-9,]+$/);
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('a figure of the cost table opens its working by keyboard; Escape closes it and the focus comes back; in Germany it is worked in euros', async () => {
  const { context, page, record } = await openPage(siteUrl);
  try {
    const id = 'working.home.electricity_usd_per_month';
    const cell = page.locator(`[data-id="${id}"]`);
    assert.match(await cell.textContent(), /^Electricity \/ month, Home lab: \$/);
    await page.focus(`[data-id="${id}"]`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement && document.activeElement.dataset.id === 'working.close', null, { timeout: 5000 });
    await settle(page);
    await screenshot(page, 'working-1280x800.png');
    await assertCanvasDrawn(page, 'the working over the page');
    const shown = (await report(page)).workings.find((w) => w.id === 'home.electricity_usd_per_month');
    assert.ok(shown, 'the page\'s report carries the working it shows');
    assert.ok(Math.abs(shown.result - (await report(page)).options.home.monthly_breakdown_usd.power) < 1e-9);
    await page.keyboard.press('Escape');
    await page.waitForFunction((back) => document.activeElement && document.activeElement.dataset.id === back, id, { timeout: 5000 });
    assert.equal(await page.locator('[data-id="working.close"]').count(), 0, 'closed');

    // In Germany the working is in euros: each dollar price put in at the catalog's rate, the result the euro figure.
    const base = await scenario(page);
    assert.deepEqual(await page.evaluate((s) => window.labcalc.setScenario(s), { ...base, country: 'DE' }), { ok: true });
    await settle(page);
    await page.focus(`[data-id="${id}"]`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement && document.activeElement.dataset.id === 'working.close', null, { timeout: 5000 });
    await settle(page);
    await screenshot(page, 'working-de-1280x800.png');
    const de = await report(page);
    const euros = de.workings.find((w) => w.id === 'home.electricity_usd_per_month');
    assert.equal(de.currency.code, 'EUR');
    assert.equal(euros.unit, 'EUR per month');
    assert.ok(/EUR per kWh/.test(euros.numbers) && !/USD/.test(euros.numbers), euros.numbers);
    assert.ok(Math.abs(euros.result - de.options.home.monthly_breakdown_usd.power * de.currency.per_usd) < 1e-9);
    await page.keyboard.press('Escape');
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('screen reader: the inputs are labelled controls with values it can change; the summary has the inputs, costs and flips once each and announces only what changed', async () => {
  const { context, page, record } = await openPage(siteUrl);
  try {
    await settle(page);
    const slider = page.getByRole('slider', { name: 'Budget up front' });
    assert.equal(await slider.getAttribute('aria-valuetext'), '$4,000');
    assert.equal(await slider.getAttribute('min'), '0');
    assert.ok(Number(await slider.getAttribute('max')) >= 50000);
    assert.equal(await page.getByRole('slider', { name: 'Privacy need' }).getAttribute('aria-valuetext'),
      'internal: Company or personal data: a mainstream cloud with normal care is fine.');
    for (const name of ['Copy link', 'Reset', 'Export...']) assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, name);
    assert.ok(await page.getByRole('button', { name: /^Try it: / }).count() >= 1, 'each flip line has its Try button, named with the line');
    assert.equal(await page.getByRole('button', { name: 'More inputs (advanced)' }).getAttribute('aria-expanded'), 'false');
    // The canvas itself is a picture a screen reader skips; it is not a Tab stop.
    assert.equal(await page.locator('#canvas').getAttribute('aria-hidden'), 'true');

    // Changing a value the way assistive technology does (it sets the range's value and fires input).
    await slider.evaluate((el) => { el.value = '2000'; el.dispatchEvent(new Event('input', { bubbles: true })); });
    await settle(page);
    assert.equal((await scenario(page)).budget_usd, 2000);
    await page.waitForFunction(() => /Budget up front \$2,000/.test(document.getElementById('labcalc-summary').textContent), null, { timeout: 5000 });
    const lines = await page.evaluate(() => [...document.querySelectorAll('#labcalc-summary li')].map((li) => li.textContent));
    assert.equal(new Set(lines).size, lines.length, `no line twice: ${lines.join(' | ')}`);
    const text = await summary(page);
    assert.match(text, /Your inputs: Budget up front \$2,000; work per week 20 h\/week; privacy need internal/);
    assert.match(text, /a month\)/);
    assert.match(text, /What would change the answer/);
    assert.match(text, /Comparison matrix/);
    assert.match(text, /Course rules met/);
    // The live region says what changed, not the whole list.
    await page.waitForFunction(() => document.getElementById('labcalc-live').textContent, null, { timeout: 5000 });
    const live = await page.evaluate(() => document.getElementById('labcalc-live').textContent);
    assert.ok(live.length < text.length / 3, `the announcement is short (${live.length} of ${text.length} characters): ${live}`);
    assert.match(live, /^(Still: )?(Recommendation|Nothing fits yet)/);
    assert.doesNotMatch(live, /Your inputs/);

    // Budget $0, home ruled out: no "pays for itself" for a home lab that cannot be bought.
    await page.evaluate(() => window.labcalc.setScenario({ budget_usd: 0 }));
    await page.waitForFunction(() => /Budget up front \$0/.test(document.getElementById('labcalc-summary').textContent), null, { timeout: 5000 });
    const zero = await summary(page);
    assert.doesNotMatch(zero, /pays for itself/);
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('browser history: each finished edit is a step Back undoes; Back after Reset returns to the scenario, not away from the page', async () => {
  const { context, page, record } = await openPage(siteUrl);
  try {
    await settle(page);
    await page.focus('[data-id="hours_per_week"]');
    await page.keyboard.press('PageUp'); // 25 h
    await settle(page);
    await page.focus('[data-id="toolbar.reset"]');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await scenario(page)).hours_per_week, 20);
    await page.goBack();
    await settle(page);
    assert.equal((await scenario(page)).hours_per_week, 25, 'Back after Reset brings the edit back');
    assert.ok(page.url().startsWith(siteUrl), 'still on the page');
    await page.goForward();
    await settle(page);
    assert.equal((await scenario(page)).hours_per_week, 20);
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('presets load and are captured as screenshots', async () => {
  const { context, page, record } = await openPage(siteUrl);
  try {
    const presets = await page.evaluate(() => window.labcalc.presets());
    assert.ok(presets.length >= 2, 'at least two presets');
    const wanted = ['beginner', 'sensitive-data'].filter((n) => presets.some((p) => p.name === n));
    const names = wanted.length === 2 ? wanted : presets.slice(0, 2).map((p) => p.name);
    const seen = [];
    for (const name of names) {
      assert.deepEqual(await page.evaluate((n) => window.labcalc.loadPreset(n), name), { ok: true });
      await page.mouse.move(3, 3);
      await sleep(300);
      seen.push(JSON.stringify(await scenario(page)));
      await assertCanvasDrawn(page, `preset ${name}`);
      await screenshot(page, `preset-${name}.png`);
    }
    assert.notEqual(seen[0], seen[1], 'the two presets differ');
    const missing = await page.evaluate(() => window.labcalc.loadPreset('no-such-preset'));
    assert.equal(missing.ok, false);
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('Export: the JSON download equals getReport(), the CSV has one row per month', async () => {
  const { context, page, record } = await openPage(siteUrl, { acceptDownloads: true });
  try {
    const expected = await report(page);
    const download = async (entry) => {
      await clickAt(page, 'export');
      const [file] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), clickAt(page, entry)]);
      const path = await file.path();
      return { name: file.suggestedFilename(), text: (await import('node:fs')).readFileSync(path, 'utf8') };
    };
    const json = await download('export_json');
    assert.match(json.name, /\.json$/);
    const exported = JSON.parse(json.text);
    // The download and the API come from the same report; the report date is the only clock in it.
    assert.deepEqual(exported, expected, 'exported JSON is the report');
    const csv = await download('export_csv');
    assert.match(csv.name, /\.csv$/);
    const rows = csv.text.trim().split('\n');
    assert.equal(rows.length, expected.scenario.horizon_months + 2, 'header plus months 0..horizon');
    assert.match(rows[0], /^month,home_cumulative_usd/);
    const md = await download('export_markdown');
    assert.match(md.text, /^# labcalc: /);
    assertClean(record);
  } finally {
    await context.close();
  }
});

// Scrolls the results column with the mouse wheel until the named control is on screen.
async function scrollTo(page, id) {
  const box = await page.locator('#canvas').boundingBox();
  for (let i = 0; i < 60; i++) {
    await settle(page);
    const r = await page.evaluate((name) => window.labcalc.itemRect(name), id);
    if (r && r.width > 0 && r.y > 0 && r.y + r.height < box.height - 4) return;
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.6);
    await page.mouse.wheel(0, 400);
  }
  throw new Error(`could not scroll ${id} into view`);
}

test('Load your own prices: a bad catalog is refused with the field named, a good one is used', async () => {
  const { context, page, record } = await openPage(siteUrl);
  try {
    const before = await report(page);
    await scrollTo(page, 'sources_section');
    await clickAt(page, 'sources_section');
    await scrollTo(page, 'import_catalog');
    const pick = async (name, text) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10000 }), clickAt(page, 'import_catalog')]);
      await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await settle(page);
    };
    const catalog = JSON.parse((await import('node:fs')).readFileSync(join(repo, 'assets/catalog.json'), 'utf8'));
    const broken = structuredClone(catalog);
    broken.gpus[0].price_usd.value = -1;
    await pick('broken.json', JSON.stringify(broken));
    await page.waitForFunction(() => window.labcalc.getMessage() !== '', null, { timeout: 5000 });
    assert.match(await page.evaluate(() => window.labcalc.getMessage()), /gpus\[0\]\.price_usd\.value/);
    assert.deepEqual(await report(page), before, 'the current catalog stays');

    // A file name cannot add a line of its own to the page's text summary (what a screen reader reads).
    await pick('prices.json\nRecommendation: Cloud.json', '{}');
    await page.waitForFunction(() => /prices\.json\?Recommendation/.test(window.labcalc.getMessage()), null, { timeout: 5000 });
    const summaryLines = await page.evaluate(() => document.getElementById('labcalc-summary').innerText.split('\n'));
    assert.ok(!summaryLines.some((l) => l.trim().startsWith('Recommendation: Cloud.json')), 'no spoofed line in the summary');

    const cheaper = structuredClone(catalog);
    for (const g of cheaper.gpus) g.price_usd.value = Math.round(g.price_usd.value / 2);
    await pick('cheaper.json', JSON.stringify(cheaper));
    await page.waitForFunction((total) => window.labcalc.getReport().options.home.upfront_usd < total, before.options.home.upfront_usd, { timeout: 5000 });
    const after = await report(page);
    assert.ok(after.options.home.upfront_usd < before.options.home.upfront_usd, 'halved GPU prices lower the home machine');
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('long strings: at and just over each reader\'s limit, by setScenario, paste, link, message and file; the page lives on', async () => {
  const { context, page, record } = await openPage(siteUrl);
  try {
    const MiB = 1048576;
    // A scenario of exactly n bytes: a valid object padded with spaces.
    const padded = (n) => { const core = '{"budget_usd": 1234'; return core + ' '.repeat(n - core.length - 1) + '}'; };
    const alive = async (what) => {
      const before = await page.evaluate(() => window.labcalc.frameCount());
      await page.mouse.move(300, 300);
      await page.mouse.move(320, 320);
      await page.waitForFunction((n) => window.labcalc.frameCount() > n, before, { timeout: 5000 });
      assert.ok(await page.evaluate(() => typeof window.labcalc.getReport().recommendation === 'string'), `${what}: the page still answers`);
    };

    // setScenario: 1 MiB accepted; a byte over, and 1.3 million characters (which overran the stack), refused.
    assert.deepEqual(await page.evaluate((t) => window.labcalc.setScenario(t), padded(MiB)), { ok: true });
    assert.equal((await scenario(page)).budget_usd, 1234);
    for (const n of [MiB + 1, 1300000]) {
      const r = await page.evaluate((t) => window.labcalc.setScenario(t), padded(n));
      assert.equal(r.ok, false);
      assert.match(r.error, /larger than the limit of 1048576 bytes/);
      assert.equal((await scenario(page)).budget_usd, 1234, 'the scenario is kept');
    }
    // 4 MiB of multi-byte characters: cut before the copy, refused by the reader.
    const wide = await page.evaluate(() => window.labcalc.setScenario('{"x": "' + '\u20ac'.repeat(4 * 1048576) + '"}'));
    assert.match(wide.error, /larger than the limit/);
    await alive('setScenario');

    // Paste: the same reader, the same limit.
    const paste = (text) => page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await paste(padded(MiB + 1).replace('1234', '4321'));
    assert.match(await page.evaluate(() => window.labcalc.getMessage()), /larger than the limit of 1048576 bytes/);
    assert.equal((await scenario(page)).budget_usd, 1234);
    await paste(padded(MiB).replace('1234', '4321'));
    await page.waitForFunction(() => window.labcalc.getScenario().budget_usd === 4321, null, { timeout: 5000 });
    await alive('paste');

    // A link (the fragment): 16384 characters is the limit; over it, and far over it, refused with the limit named.
    for (const n of [16385, 1300000]) {
      await page.evaluate((len) => { location.hash = 's=' + 'A'.repeat(len - 3); }, n);
      await page.waitForFunction(() => /16384/.test(window.labcalc.getMessage()), null, { timeout: 5000 });
      assert.equal((await scenario(page)).budget_usd, 4321, 'inputs kept');
    }
    await alive('link');

    // A message from the page's own origin: 1 MiB is the limit.
    const send = (text) => page.evaluate((t) => new Promise((resolve) => {
      // The page answers with a report or an error (its own replies it never answers, so this is ours).
      const listener = (e) => {
        if (e.data && (e.data.type === 'labcalc:report' || e.data.type === 'labcalc:error')) {
          window.removeEventListener('message', listener);
          resolve(e.data);
        }
      };
      window.addEventListener('message', listener);
      window.postMessage(t, location.origin);
    }), text);
    const message = (n) => {
      const head = '{"type":"labcalc:set-scenario","version":1,"id":"long","scenario":{"budget_usd":999}';
      return head + ' '.repeat(n - head.length - 1) + '}';
    };
    const over = await send(message(MiB + 1));
    assert.equal(over.type, 'labcalc:error');
    assert.match(over.error, /longer than 1048576 bytes/);
    const within = await send(message(MiB));
    assert.equal(within.type, 'labcalc:report', JSON.stringify(within).slice(0, 300));
    assert.equal(within.report.scenario.budget_usd, 999);
    assert.equal((await send(message(1300000))).type, 'labcalc:error');
    await alive('message');

    // A catalog file: 4 MiB is the limit; a file over it is refused with the limit named, the prices kept.
    const before = await report(page);
    await scrollTo(page, 'sources_section');
    await clickAt(page, 'sources_section');
    await scrollTo(page, 'import_catalog');
    const catalog = (await import('node:fs')).readFileSync(join(repo, 'assets/catalog.json'), 'utf8');
    for (const n of [4 * MiB + 1, 6 * MiB]) {
      const text = catalog.slice(0, -2) + ' '.repeat(n - catalog.length) + catalog.slice(-2);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10000 }), clickAt(page, 'import_catalog')]);
      await chooser.setFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await page.waitForFunction(() => /larger than the limit of 4194304 bytes/.test(window.labcalc.getMessage()), null, { timeout: 10000 });
      assert.deepEqual((await report(page)).options.home.setup, before.options.home.setup, 'the current catalog stays');
    }
    const exact = catalog.slice(0, -2) + ' '.repeat(4 * MiB - catalog.length) + catalog.slice(-2);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10000 }), clickAt(page, 'import_catalog')]);
    await chooser.setFiles({ name: 'exact.json', mimeType: 'application/json', buffer: Buffer.from(exact) });
    await page.waitForFunction(() => window.labcalc.getMessage() === '', null, { timeout: 10000 });
    assert.equal(await page.evaluate(() => window.labcalc.getMessage()), '', 'a 4 MiB catalog is read');
    await alive('file');
    assertClean(record);
  } finally {
    await context.close();
  }
});

test('hostile fragments: no crash, a message, the defaults, and no markup in the text mirror', async () => {
  const clean = await openPage(siteUrl);
  const defaults = await scenario(clean.page);
  await clean.context.close();
  const b64 = (text) => Buffer.from(text).toString('base64url');
  const hostile = [
    b64('{"hours_per_week": 1e308}'),
    b64('{"home": {"gpu": "<img src=x onerror=alert(1)>"}}'),
    b64('{"privacy": "<script>alert(1)</script>"}'),
    b64('[' .repeat(5000) + ']'.repeat(5000)),
    b64('{"budget_usd": 1, "budget_usd": 2}'),
    b64('\u0000\u0001binary'),
    'A'.repeat(20000),
    '%3Cscript%3E',
  ];
  for (const encoded of hostile) {
    const { context, page, record } = await openPage(siteUrl + '#s=' + encoded);
    try {
      await page.evaluate(() => { window.__alerted = false; window.alert = () => { window.__alerted = true; }; });
      assert.deepEqual(await scenario(page), defaults, `defaults after #s=${encoded.slice(0, 40)}`);
      assert.notEqual(await page.evaluate(() => window.labcalc.getMessage()), '', 'a message is shown');
      await page.waitForFunction(() => /Notice:/.test(document.getElementById('labcalc-summary').textContent), null, { timeout: 5000 });
      const markup = await page.evaluate(() => document.querySelectorAll('#labcalc-summary img, #labcalc-summary script').length);
      assert.equal(markup, 0, 'the text mirror holds no markup');
      assert.equal(await page.evaluate(() => window.__alerted), false);
      await assertCanvasDrawn(page, 'after a hostile fragment');
      assertClean(record);
    } finally {
      await context.close();
    }
  }
});

// ---------------------------------------------------------------------------------------------

async function main() {
  requireFiles('run.mjs', [SITE, join(SITE, 'index.html'), CHROMIUM]);
  const { server, url } = await serve(SITE);
  siteUrl = url;
  siteOrigin = url.replace(/\/$/, '');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const analysisContext = await browser.newContext();
  analysis = await analysisContext.newPage();

  const failed = await runTests(tests, 'results.txt');
  await browser.close();
  server.close();
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
