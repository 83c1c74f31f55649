// Gives the single-file page (build/web/labcalc.html, also inside the SCORM package) a
// Content-Security-Policy that holds: its script and style are inline, so instead of 'unsafe-inline' the
// policy names each by its SHA-256 hash, and a script or style inserted later (by an extension, or by
// markup that got in) does not run; no request may leave the page except for the data: URL Emscripten
// fetches the embedded WebAssembly from; its one worker is a blob: copy of its own script. Run after every
// link of the page (src/platform/web/CMakeLists.txt).
//   node single_file_csp.mjs build/web/labcalc.html
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node single_file_csp.mjs PAGE.html');
  process.exit(2);
}
let html = readFileSync(file, 'utf8');
// A page linked before has its old policy: take it out, so the hashes are always of this build.
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/g, '');

const hashes = (tag) => {
  const found = [];
  const re = new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g');
  for (let m; (m = re.exec(html));) {
    if (/\ssrc=/.test(m[1] || '')) {
      console.error(`${file}: a <${tag}> with src: the single file must inline everything`);
      process.exit(1);
    }
    found.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  return found;
};
const scripts = hashes('script');
const styles = hashes('style');
if (scripts.length === 0) {
  console.error(`${file}: no inline script found`);
  process.exit(1);
}
const policy = [
  "default-src 'none'",
  `script-src ${scripts.join(' ')} 'wasm-unsafe-eval'`,
  `style-src ${styles.join(' ') || "'none'"}`,
  'img-src data:',
  'connect-src data:',
  // The sampling worker (web/labcalc_pre.js) is a blob: copy of the page's own inline script.
  'worker-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
const charset = '<meta charset="utf-8">';
if (!html.includes(charset)) {
  console.error(`${file}: no ${charset} to put the policy after`);
  process.exit(1);
}
html = html.replace(charset, `${charset}\n${meta}`);
writeFileSync(file, html);
