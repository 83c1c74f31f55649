// What the browser test runners share (run.mjs: the page; embed.mjs: the page in a lesson): where the
// builds are, how Chromium is started, waiting for the page, reading a screenshot, and the test loop
// that ends with "N passed, N failed" (scripts/test counts that line).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '../..');
export const SITE = process.env.LABCALC_SITE || join(repo, 'build/web/site');
export const SINGLE = process.env.LABCALC_SINGLE || join(repo, 'build/web/labcalc.html');
export const CLI = process.env.LABCALC_CLI || join(repo, 'build/native/labcalc');
export const CHROMIUM = process.env.LABCALC_CHROMIUM || '/usr/lib/chromium/chromium';
export const ARTIFACTS = join(here, 'artifacts');

// Flags that render WebGL 2 on SwiftShader and keep Chromium off the network (TOOLCHAIN.md).
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-sandbox', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The page (or frame) has drawn its first frame and window.labcalc is ready.
export async function waitReady(page, timeout = 60000) {
  await page.waitForFunction(() => document.documentElement.getAttribute('data-labcalc-ready') === '1', null, { timeout });
  await page.evaluate(() => window.labcalc.ready);
}

// Decodes a PNG in `analysis`, a blank page of its own (the app's CSP forbids data: images), and returns
// how many distinct colours it has and what share of pixels differs from the top-left one; with `color`
// ([r, g, b]), also how many pixels are within `tolerance` (sum of channel differences) of it.
export async function pngStats(analysis, buffer, color = null, tolerance = 30) {
  return analysis.evaluate(async ([b64, want, tol]) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
    const colors = new Set();
    let differing = 0, samples = 0, matching = 0;
    for (let i = 0; i < d.length; i += 4 * 5) {
      colors.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 40) differing++;
      samples++;
    }
    if (want)
      for (let i = 0; i < d.length; i += 4)
        if (Math.abs(d[i] - want[0]) + Math.abs(d[i + 1] - want[1]) + Math.abs(d[i + 2] - want[2]) <= tol) matching++;
    return { width: bmp.width, height: bmp.height, colors: colors.size, differing: differing / samples, matching };
  }, [buffer.toString('base64'), color, tolerance]);
}

// How many pixels of a PNG are within `tolerance` of colour [r, g, b].
export async function countColor(analysis, buffer, rgb, tolerance = 30) {
  return (await pngStats(analysis, buffer, rgb, tolerance)).matching;
}

// Stops with "0 passed, 1 failed" when a build output the runner needs is missing.
export function requireFiles(runner, paths) {
  for (const p of paths) {
    if (!existsSync(p)) {
      console.error(`${runner}: ${p} is missing (build with: cmake --preset web && cmake --build --preset web)`);
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
  }
}

// Runs `tests` ({name, fn}) in order (LABCALC_ONLY: a substring of the names to run), prints a line per
// test, writes them to artifacts/<resultsFile>, and returns the failure count.
export async function runTests(tests, resultsFile) {
  const only = process.env.LABCALC_ONLY;
  let passed = 0, failed = 0;
  const lines = [];
  for (const t of tests) {
    if (only && !t.name.includes(only)) continue;
    const started = Date.now();
    try {
      await t.fn();
      passed++;
      lines.push(`ok   ${t.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      lines.push(`FAIL ${t.name}\n     ${String(err && err.stack || err).split('\n').slice(0, 6).join('\n     ')}`);
    }
    console.log(lines[lines.length - 1]);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, resultsFile), lines.join('\n') + `\n${passed} passed, ${failed} failed\n`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}
