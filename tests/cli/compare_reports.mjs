// The native and WebAssembly builds give the same JSON report for every preset (numbers equal to
// 1e-9 relative: the two builds use different maths libraries). Usage: node compare_reports.mjs NATIVE_CLI WASM_CLI_JS
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const [nativeCli, wasmJs] = process.argv.slice(2);
if (!existsSync(nativeCli)) {
  console.log(`skipped: no native CLI at ${nativeCli} (build the native preset first)`);
  process.exit(77);
}
const run = (cmd, args) => JSON.parse(execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 }));
const native = (args) => run(nativeCli, args);
const wasm = (args) => run(process.execPath, ['--no-experimental-fetch', wasmJs, ...args]);

function diff(a, b, path) {
  if (typeof a === 'number' && typeof b === 'number') {
    const scale = Math.max(1, Math.abs(a), Math.abs(b));
    return Math.abs(a - b) <= 1e-9 * scale ? null : `${path}: ${a} vs ${b}`;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
    return a === b ? null : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = diff(a[k], b[k], `${path}/${k}`);
    if (d) return d;
  }
  return null;
}

const presets = execFileSync(nativeCli, ['--list-presets'], { encoding: 'utf8' }).trim().split('\n').map((l) => l.split('\t')[0]);
let pass = 0, fail = 0;
for (const name of ['', ...presets]) {
  const args = ['--format', 'json', '--today', '2026-11-28', ...(name ? ['--preset', name] : [])];
  const d = diff(native(args), wasm(args), '');
  if (d) { fail++; console.log(`FAIL ${name || 'default'}: ${d}`); } else pass++;
}
// How sure the answer is: the sampled futures are the same natively and in WebAssembly (a seeded generator and
// the code's own draws, never a standard library's distribution).
for (const extra of [['--samples', '500'], ['--samples', '300', '--preset', 'fine-tune-7b'],
  ['--samples', '200', '--set', 'country=IN', '--set', 'home.owned=true', '--set', 'home.gpu=rtx3090-used']]) {
  const args = ['--format', 'json', '--today', '2026-11-28', ...extra];
  const d = diff(native(args), wasm(args), '');
  if (d) { fail++; console.log(`FAIL ${extra.join(' ')}: ${d}`); } else pass++;
}
console.log(`${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
