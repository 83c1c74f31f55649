// The page benchmark, run by scripts/bench-page (which builds the pages first): the labcalc
// page (build/web/site) against the bare Dear ImGui page (build/web/bare_page), both served on
// 127.0.0.1 and driven in headless Chromium (Debian's, through playwright-core from tests/browser).
// Prints each figure for both pages, their ratio, and the budgets set for them with PASS/MISS. It is a
// measurement, not a test: the exit status is 0 unless the benchmark itself fails.
//
//   node bench/page_bench.mjs [--runs N] [--json FILE] [--core FILE]
//     --runs N     page loads per page for the load times (default 11; medians and quartiles are printed)
//     --json FILE  also write every figure as JSON
//     --core FILE  JSON with the core's timings and the desktop resident set (written by scripts/bench-page)
// Environment: LABCALC_SITE, LABCALC_BARE (page folders), LABCALC_CHROMIUM (browser binary);
// LABCALC_BENCH_NO_WORKER=1 measures the page as a browser without Web Workers runs it (labcalc then works
// "How sure" out on the main thread while a slider is held: 400 futures instead of the worker's 1,000).
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const require = createRequire(join(repo, 'tests/browser/package.json'));
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const RUNS = Math.max(1, Number(opt('--runs', 11)));
const JSON_OUT = opt('--json', '');
const CORE = opt('--core', '');
const SITE = process.env.LABCALC_SITE || join(repo, 'build/web/site');
const BARE = process.env.LABCALC_BARE || join(repo, 'build/web/bare_page');
const CHROMIUM = process.env.LABCALC_CHROMIUM || '/usr/lib/chromium/chromium';
// The same flags as the browser tests (tests/browser/run.mjs): WebGL 2 on SwiftShader, no network.
const CHROMIUM_ARGS = [
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-sandbox', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--enable-precise-memory-info',
];
const VIEWPORT = { width: 1280, height: 800 };
const HALF_FRAME_MS = 1000 / 60 / 2;

for (const dir of [SITE, BARE])
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`page_bench: ${dir}/index.html is missing (scripts/bench-page builds it)`);
    process.exit(2);
  }

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs), n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const pct = (xs, p) => {
  const s = sorted(xs);
  return s.length ? s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1] : NaN;
};

// --- A static server per page folder (no caching, so every load transfers every file).
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml' };
function serveDir(dir) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    try {
      let file = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname)));
      if (file !== root && !file.startsWith(root + sep)) throw new Error('outside');
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(body);
    } catch (err) {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}/`, root })));
}

// Runs in the page before its own scripts: the time of the first WebGL draw call (the first drawn
// frame), the time <html data-labcalc-ready> appears (labcalc.ready; the bare page sets it after its
// first frame too), and the duration of each animation-frame callback while recording.
const INIT_SCRIPT = `(() => {
  const t = { firstDraw: null, ready: null, recording: false, frames: [] };
  window.__bench = t;
  const P = WebGL2RenderingContext.prototype;
  for (const name of ['drawElements', 'drawArrays']) {
    const orig = P[name];
    P[name] = function () { if (t.firstDraw === null) t.firstDraw = performance.now(); return orig.apply(this, arguments); };
  }
  new MutationObserver(() => {
    if (t.ready === null && document.documentElement.getAttribute('data-labcalc-ready') === '1') t.ready = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-labcalc-ready'] });
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = function (cb) {
    return raf(function (ts) {
      const s = performance.now();
      try { return cb(ts); } finally { if (t.recording) t.frames.push(performance.now() - s); }
    });
  };
})();`;

const PAGES = {
  bare: {
    dir: BARE, title: 'bare ImGui page',
    frameCount: (page) => page.evaluate(() => window.barePage.frameCount()),
    sliderRect: (page) => page.evaluate(() => window.barePage.sliderRect()),
  },
  labcalc: {
    dir: SITE, title: 'labcalc page',
    frameCount: (page) => page.evaluate(() => window.labcalc.frameCount()),
    sliderRect: (page) => page.evaluate(() => window.labcalc.itemRect('budget_usd')),
    // "How sure" while the slider is held: the sampling worker's answers (web/labcalc_pre.js).
    live: (page) => page.evaluate(() => window.labcalc.liveSampling()),
  },
};

async function openPage(browser, server) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(INIT_SCRIPT);
  if (process.env.LABCALC_BENCH_NO_WORKER === '1') await context.addInitScript(() => { delete window.Worker; });
  const page = await context.newPage();
  const files = new Set();
  const errors = [];
  page.on('response', (r) => { if (r.url().startsWith(server.url)) files.add(new URL(r.url()).pathname); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.getAttribute('data-labcalc-ready') === '1', null, { timeout: 60000 });
  await page.waitForFunction(() => window.__bench.firstDraw !== null && window.__bench.ready !== null);
  return { context, page, files, errors };
}

function pageBytes(server, files) {
  let raw = 0, gz = 0;
  const list = [];
  for (const p of files) {
    let file = join(server.root, p);
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    const body = readFileSync(file);
    const z = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gz += z;
    list.push({ path: p, raw: body.length, gzip: z });
  }
  return { raw, gzip: gz, files: list };
}

async function waitIdle(page, frameCount) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const n = await frameCount(page);
    if (n === last) return;
    last = n;
    await sleep(150);
  }
}

// Drags the page's slider back and forth like a hand (a step per ~16 ms) and measures the main
// thread: each animation-frame callback's duration (JS + wasm + WebGL calls of one frame), and the
// renderer's total main-thread task time (CDP Performance.getMetrics TaskDuration, which also counts
// input handling, style and paint) per drawn frame.
// Main-thread CPU from a Chrome trace: the renderer main thread is the one with the most
// FireAnimationFrame events; per frame, the callback's thread time; in total, all its tasks' thread time.
function traceCpu(events) {
  const key = (e) => `${e.pid}:${e.tid}`;
  const count = new Map();
  for (const e of events) if (e.name === 'FireAnimationFrame' && e.ph === 'X') count.set(key(e), (count.get(key(e)) || 0) + 1);
  const main = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const frames = [];
  let taskCpu = 0;
  for (const e of events) {
    if (key(e) !== main || e.ph !== 'X') continue;
    const t = (e.tdur ?? e.dur ?? 0) / 1000;
    if (e.name === 'FireAnimationFrame') frames.push(t);
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') taskCpu += t;
  }
  return { frames, taskCpu };
}

// CPU of the page's Web Workers (labcalc's sampling worker) from the same trace: every task's thread time on the
// threads the trace names "DedicatedWorker thread".
function traceWorkerCpu(events) {
  const key = (e) => `${e.pid}:${e.tid}`;
  const workers = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' &&
    /DedicatedWorker/.test((e.args && e.args.name) || '')).map(key));
  let cpu = 0;
  for (const e of events)
    if (e.ph === 'X' && workers.has(key(e)) && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
      cpu += (e.tdur ?? e.dur ?? 0) / 1000;
  return { threads: workers.size, cpu };
}

async function dragAndIdle(browser, server, def) {
  const { context, page, errors } = await openPage(browser, server);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await sleep(500);
  await waitIdle(page, def.frameCount);
  const r = await def.sliderRect(page);
  if (!r || !(r.width > 0)) throw new Error(`${def.title}: slider not found`);
  const box = await page.locator('#canvas').boundingBox();
  const y = box.y + r.y + r.height / 2;
  const xAt = (f) => box.x + r.x + r.width * f;
  await page.mouse.move(xAt(0.5), y);
  await page.mouse.down();
  await sleep(100);
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  // A trace of the drag: thread CPU time (tdur) of each animation-frame callback and of every task on
  // the renderer's main thread. Wall time would count the waits of synchronous WebGL calls (the GPU
  // process, here SwiftShader on the same CPUs) as if they were work.
  const traceEvents = [];
  cdp.on('Tracing.dataCollected', (e) => { for (const ev of e.value) traceEvents.push(ev); });
  const traceDone = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  const m0 = await metrics();
  const live0 = def.live ? await def.live(page) : null;
  const f0 = await def.frameCount(page);
  await page.evaluate(() => { window.__bench.frames = []; window.__bench.recording = true; });
  const steps = 60;
  const path = [];
  for (let i = 0; i <= steps; i++) path.push(0.5 + 0.45 * (i / steps));
  for (let i = 0; i <= 2 * steps; i++) path.push(0.95 - 0.9 * (i / (2 * steps)));
  for (let i = 0; i <= steps; i++) path.push(0.05 + 0.45 * (i / steps));
  for (const f of path) {
    await page.mouse.move(xAt(f), y);
    await sleep(16);
  }
  const frames = await page.evaluate(() => { window.__bench.recording = false; return window.__bench.frames; });
  const m1 = await metrics();
  const f1 = await def.frameCount(page);
  const live1 = def.live ? await def.live(page) : null;
  await cdp.send('Tracing.end');
  await traceDone;
  await page.mouse.up();
  const cpu = traceCpu(traceEvents);
  const workerCpu = traceWorkerCpu(traceEvents);
  // Idle: no input for a while (past labcalc's 1 s keep-alive), then count frames over 3 s.
  await page.mouse.move(1, 1);
  await sleep(2500);
  const i0 = await def.frameCount(page);
  await sleep(3000);
  const i1 = await def.frameCount(page);
  const heap = await page.evaluate(() => ({
    wasm: typeof HEAP8 !== 'undefined' ? HEAP8.length : (typeof wasmMemory !== 'undefined' ? wasmMemory.buffer.byteLength : null),
    js: performance.memory ? performance.memory.usedJSHeapSize : null,
  }));
  const drawn = Math.max(1, f1 - f0);
  const result = {
    drag_cpu_frames: cpu.frames.length,
    drag_cpu_median: median(cpu.frames),
    drag_cpu_p95: pct(cpu.frames, 95),
    drag_cpu_max: Math.max(...cpu.frames),
    drag_cpu_tasks_per_frame: cpu.taskCpu / drawn,
    drag_frames: frames.length,
    drag_drawn: f1 - f0,
    drag_ms_median: median(frames),
    drag_ms_p95: pct(frames, 95),
    drag_ms_max: Math.max(...frames),
    drag_task_ms_per_frame: ((m1.TaskDuration - m0.TaskDuration) * 1000) / drawn,
    drag_script_ms_per_frame: ((m1.ScriptDuration - m0.ScriptDuration) * 1000) / drawn,
    drag_live_answers: live1 ? live1.answers - live0.answers : null,
    drag_live_in_place: live1 ? live1.in_place : null,
    drag_worker_cpu_ms: workerCpu.threads ? workerCpu.cpu : null,
    idle_fps: (i1 - i0) / 3,
    wasm_heap_bytes: heap.wasm,
    js_heap_bytes: heap.js,
    errors,
  };
  await context.close();
  return result;
}

// CPU time of this machine so far (Linux /proc/stat, in clock ticks): all of it, and the part the
// virtual machine's host gave to someone else ("steal"). Null elsewhere.
function cpuTicks() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: f.reduce((a, b) => a + b, 0), steal: f[7] || 0, idle: (f[3] || 0) + (f[4] || 0) };
  } catch (err) {
    return null;
  }
}

async function main() {
  const ticks0 = cpuTicks();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const servers = {};
  for (const [k, d] of Object.entries(PAGES)) servers[k] = await serveDir(d.dir);
  const out = {
    machine: { cpus: (await import('node:os')).cpus().length, browser: `Chromium ${browser.version()} headless, SwiftShader`, runs: RUNS },
  };
  for (const k of Object.keys(PAGES)) out[k] = { firstDraw: [], ready: [] };
  // One load of each page first, not counted: the browser's first WebGL context also starts its GPU
  // process (on SwiftShader the first load took twice as long), which would count against whichever page
  // happened to go first.
  for (const k of Object.keys(PAGES)) await (await openPage(browser, servers[k])).context.close();
  // Loads, alternating the two pages so both see the same machine load, with a pause after each so the
  // GPU process has finished with the previous page (software rendering shares the page's CPUs).
  for (let run = 0; run < RUNS; run++) {
    for (const k of Object.keys(PAGES)) {
      await sleep(500);
      const { context, page, files, errors } = await openPage(browser, servers[k]);
      const t = await page.evaluate(() => ({ firstDraw: window.__bench.firstDraw, ready: window.__bench.ready }));
      out[k].firstDraw.push(t.firstDraw);
      out[k].ready.push(t.ready);
      if (run === 0) {
        out[k].bytes = pageBytes(servers[k], files);
        out[k].load_errors = errors;
      }
      await context.close();
    }
  }
  for (const k of Object.keys(PAGES)) {
    Object.assign(out[k], await dragAndIdle(browser, servers[k], PAGES[k]));
    out[k].firstDraw_median = median(out[k].firstDraw);
    out[k].firstDraw_quartiles = [pct(out[k].firstDraw, 25), pct(out[k].firstDraw, 75)];
    out[k].ready_median = median(out[k].ready);
  }
  await browser.close();
  for (const s of Object.values(servers)) s.server.close();
  const ticks1 = cpuTicks();
  if (ticks0 && ticks1 && ticks1.total > ticks0.total) {
    const d = ticks1.total - ticks0.total;
    out.machine.cpu_busy_share = 1 - (ticks1.idle - ticks0.idle) / d;
    out.machine.cpu_steal_share = (ticks1.steal - ticks0.steal) / d;
  }
  if (CORE && existsSync(CORE)) out.core = JSON.parse(readFileSync(CORE, 'utf8'));
  report(out);
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(out, null, 2) + '\n');
}

function report(o) {
  const b = o.bare, l = o.labcalc;
  const kb = (n) => (n == null ? 'n/a' : `${(n / 1024).toFixed(1)} KB`);
  const mb = (n) => (n == null ? 'n/a' : `${(n / 1048576).toFixed(1)} MB`);
  const ms = (n) => (n == null || Number.isNaN(n) ? 'n/a' : `${n.toFixed(n < 1 ? 3 : 1)} ms`);
  const ratio = (a, c) => (a > 0 && c != null ? `${(c / a).toFixed(2)}x` : '');
  const rows = [];
  const row = (what, bv, lv, rat, budget = '', verdict = '') => rows.push([what, bv, lv, rat, budget, verdict]);
  const pass = (ok) => (ok ? 'PASS' : 'MISS');
  const gzRatio = l.bytes.gzip / b.bytes.gzip;
  row('bytes to first frame, raw', kb(b.bytes.raw), kb(l.bytes.raw), ratio(b.bytes.raw, l.bytes.raw));
  row('bytes to first frame, gzip -9', kb(b.bytes.gzip), kb(l.bytes.gzip), ratio(b.bytes.gzip, l.bytes.gzip), '<= 1.5x bare', pass(gzRatio <= 1.5));
  const ffRatio = l.firstDraw_median / b.firstDraw_median;
  row(`navigation -> first drawn frame (median of ${o.machine.runs})`, ms(b.firstDraw_median), ms(l.firstDraw_median), ratio(b.firstDraw_median, l.firstDraw_median), '<= 1.3x bare', pass(ffRatio <= 1.3));
  row(`navigation -> labcalc.ready (median of ${o.machine.runs})`, ms(b.ready_median), ms(l.ready_median), ratio(b.ready_median, l.ready_median));
  // The spread shows how much one load differs from the next on this machine (software WebGL is noisy).
  const q = (x) => x.firstDraw_quartiles.map((v) => v.toFixed(0)).join('-') + ' ms';
  row('navigation -> first drawn frame, quartiles (25th-75th)', q(b), q(l), '');
  row(`slider drag: main-thread CPU per frame, median (${l.drag_cpu_frames} frames)`, ms(b.drag_cpu_median), ms(l.drag_cpu_median), ratio(b.drag_cpu_median, l.drag_cpu_median), `<= ${HALF_FRAME_MS.toFixed(2)} ms`, pass(l.drag_cpu_median <= HALF_FRAME_MS));
  row('slider drag: main-thread CPU per frame, p95', ms(b.drag_cpu_p95), ms(l.drag_cpu_p95), ratio(b.drag_cpu_p95, l.drag_cpu_p95), `<= ${HALF_FRAME_MS.toFixed(2)} ms`, pass(l.drag_cpu_p95 <= HALF_FRAME_MS));
  row('slider drag: main-thread CPU per frame, max', ms(b.drag_cpu_max), ms(l.drag_cpu_max), ratio(b.drag_cpu_max, l.drag_cpu_max));
  row('slider drag: all main-thread tasks, CPU per drawn frame', ms(b.drag_cpu_tasks_per_frame), ms(l.drag_cpu_tasks_per_frame), ratio(b.drag_cpu_tasks_per_frame, l.drag_cpu_tasks_per_frame));
  row('slider drag: frame callback wall time, median / p95 (incl. GPU waits)', `${ms(b.drag_ms_median)} / ${ms(b.drag_ms_p95)}`, `${ms(l.drag_ms_median)} / ${ms(l.drag_ms_p95)}`, ratio(b.drag_ms_median, l.drag_ms_median));
  if (l.drag_live_answers != null) {
    row(`slider drag: "How sure" answers from the sampling worker (1,000 futures each), of ${l.drag_drawn} frames`, '',
      l.drag_live_in_place ? 'none: in place' : String(l.drag_live_answers), '');
    if (l.drag_worker_cpu_ms != null && l.drag_live_answers > 0)
      row('slider drag: sampling worker CPU per answer (off the main thread)', '', ms(l.drag_worker_cpu_ms / l.drag_live_answers), '');
  }
  row('frames drawn per second, idle', b.idle_fps.toFixed(1), l.idle_fps.toFixed(1), '', '0 (labcalc)', pass(l.idle_fps === 0));
  row('wasm heap after the drag (peak)', mb(b.wasm_heap_bytes), mb(l.wasm_heap_bytes), ratio(b.wasm_heap_bytes, l.wasm_heap_bytes));
  row('JS heap used', mb(b.js_heap_bytes), mb(l.js_heap_bytes), ratio(b.js_heap_bytes, l.js_heap_bytes));
  if (o.core) {
    const c = o.core;
    row('core: one full evaluation (native / wasm)', '', `${ms(c.native_eval_ms)} / ${ms(c.wasm_eval_ms)}`, '');
    // scripts/bench's target for the full 128 x 128 sweep; the page's own map (42 x 28) is inside the drag figures.
    row('core: 128x128 decision map (native / wasm)', '', `${ms(c.native_map_ms)} / ${ms(c.wasm_map_ms)}`, '', '< 16.7 ms (wasm)',
      c.wasm_map_ms == null ? '' : pass(c.wasm_map_ms < 2 * HALF_FRAME_MS));
    row('desktop app: peak resident set (VmHWM)', '', c.desktop_rss_kb ? mb(c.desktop_rss_kb * 1024) : 'not built', '');
  }
  const head = ['figure', 'bare', 'labcalc', 'ratio', 'budget', ''];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ');
  console.log(`machine: ${o.machine.cpus} CPUs, ${o.machine.browser}, viewport ${VIEWPORT.width}x${VIEWPORT.height}`);
  if (o.machine.cpu_steal_share != null)
    console.log(`during the page measurements: CPUs ${(100 * o.machine.cpu_busy_share).toFixed(0)}% busy, ` +
      `${(100 * o.machine.cpu_steal_share).toFixed(1)}% of CPU time taken by the host (steal; above a few % every figure is slower and noisier)`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log('\nfiles loaded before the first frame (raw / gzip -9):');
  for (const k of ['bare', 'labcalc'])
    console.log(`  ${k}: ` + o[k].bytes.files.map((f) => `${f.path} ${kb(f.raw)} / ${kb(f.gzip)}`).join(', '));
  for (const k of ['bare', 'labcalc']) {
    const errs = [...(o[k].load_errors || []), ...(o[k].errors || [])];
    if (errs.length) console.log(`  ${k} page errors: ${errs.join(' | ')}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
