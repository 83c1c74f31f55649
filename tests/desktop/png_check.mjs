// Checks that a PNG written by labcalc-desktop --screenshot decodes and is not blank.
// Usage: node png_check.mjs FILE.png WIDTH HEIGHT. Decodes 8-bit RGB/RGBA PNGs (all five row filters)
// with Node's zlib, then requires many distinct colours and real contrast. Exit 0 ok, 1 with the reason.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

const [file, wantW, wantH] = process.argv.slice(2);
const fail = (why) => { console.error(`png_check: ${file}: ${why}`); process.exit(1); };
const buf = readFileSync(file);
if (buf.subarray(0, 8).toString('binary') !== '\x89PNG\r\n\x1a\n') fail('not a PNG');
let pos = 8, width = 0, height = 0, type = -1;
const idat = [];
while (pos < buf.length) {
  const len = buf.readUInt32BE(pos), kind = buf.toString('ascii', pos + 4, pos + 8);
  const data = buf.subarray(pos + 8, pos + 8 + len);
  if (kind === 'IHDR') {
    width = data.readUInt32BE(0); height = data.readUInt32BE(4); type = data[9];
    if (data[8] !== 8 || (type !== 2 && type !== 6)) fail(`unsupported format (depth ${data[8]}, colour type ${type})`);
  }
  if (kind === 'IDAT') idat.push(data);
  pos += 12 + len;
}
if (wantW && (width !== Number(wantW) || height !== Number(wantH))) fail(`size ${width}x${height}, expected ${wantW}x${wantH}`);
const bpp = type === 6 ? 4 : 3, stride = width * bpp;
const raw = inflateSync(Buffer.concat(idat)); // also checks the zlib stream's Adler-32
if (raw.length !== (stride + 1) * height) fail(`pixel data is ${raw.length} bytes, expected ${(stride + 1) * height}`);
const px = Buffer.alloc(stride * height);
for (let y = 0; y < height; y++) {
  const f = raw[y * (stride + 1)], src = y * (stride + 1) + 1, dst = y * stride;
  for (let x = 0; x < stride; x++) {
    const a = x >= bpp ? px[dst + x - bpp] : 0, b = y > 0 ? px[dst - stride + x] : 0;
    const c = x >= bpp && y > 0 ? px[dst - stride + x - bpp] : 0;
    let p = raw[src + x];
    if (f === 1) p += a;
    else if (f === 2) p += b;
    else if (f === 3) p += (a + b) >> 1;
    else if (f === 4) { const q = a + b - c, pa = Math.abs(q - a), pb = Math.abs(q - b), pc = Math.abs(q - c); p += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
    else if (f !== 0) fail(`bad filter ${f} on row ${y}`);
    px[dst + x] = p & 255;
  }
}
const colours = new Set();
let sum = 0, sum2 = 0;
const n = width * height;
for (let i = 0; i < n; i++) {
  const r = px[i * bpp], g = px[i * bpp + 1], b = px[i * bpp + 2];
  colours.add((r << 16) | (g << 8) | b);
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  sum += l; sum2 += l * l;
}
const mean = sum / n, sd = Math.sqrt(Math.max(0, sum2 / n - mean * mean));
console.log(`png_check: ${file}: ${width}x${height}, ${colours.size} colours, luminance mean ${mean.toFixed(1)} sd ${sd.toFixed(1)}`);
if (colours.size < 50) fail(`only ${colours.size} distinct colours: blank or nearly blank`);
if (sd < 10) fail(`luminance spread ${sd.toFixed(1)}: no visible content`);
