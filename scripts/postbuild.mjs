// Trunk post-build hook (runs in Trunk's staging directory, see Trunk.toml):
// 1. served build: the inline loader becomes boot.js, so the page runs under
//    "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
// 2. embedding: conforme.js (window.Conforme + <conforme-checker>), conforme.css, embed.html;
// 3. conforme.html: one self-contained file (wasm gzip'd once, base64, inflated in the page)
//    carrying its own CSP (hashes of its inline script and style, connect-src 'none');
// 4. the size report (raw and gzip), also written to size-report.json.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';

const stage = process.env.TRUNK_STAGING_DIR || process.argv[2];
const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
if (!stage) { console.error('postbuild: no staging directory'); process.exit(2); }
const file = f => path.join(stage, f);
const files = fs.readdirSync(stage);
const glueName = files.find(f => /^conforme-[0-9a-f]+\.js$/.test(f) || f === 'conforme.js');
const wasmName = files.find(f => f.endsWith('_bg.wasm'));
const cssName = files.find(f => /^style(-[0-9a-f]+)?\.css$/.test(f));
if (!glueName || !wasmName || !cssName) { console.error('postbuild: build outputs not found', files); process.exit(2); }

// 1. Served build.
let html = fs.readFileSync(file('index.html'), 'utf8');
const loader = /<script type="module">([\s\S]*?import init[\s\S]*?)<\/script>/;
const m = html.match(loader);
if (m) {
  fs.writeFileSync(file('boot.js'), m[1].trim() + '\n');
  html = html.replace(loader, '<script type="module" src="./boot.js"></script>');
}
html = html.replace('<html lang="fr">', '<html lang="fr" data-variant="served">');
fs.writeFileSync(file('index.html'), html);

// 2. Embedding.
const css = fs.readFileSync(file(cssName), 'utf8');
fs.writeFileSync(file('conforme.css'), css);
const wrapper = fs.readFileSync(path.join(source, 'www/conforme.js'), 'utf8')
  .replaceAll('__GLUE__', glueName).replaceAll('__WASM__', wasmName);
fs.writeFileSync(file('conforme.js'), wrapper);
for (const f of ['embed.html', 'embed-host.css', 'embed-host.js']) fs.copyFileSync(path.join(source, 'www', f), file(f));

// 3. Single file. Its wasm is compressed with zopfli; its glue and style are minified (esbuild, a build tool only): the file carries
// them raw, beside the wasm, and the unminified glue is 40 KB of comments and long names.
const esbuild = createRequire(path.join(source, 'package.json'))('esbuild');
const minify = (code, loader) => esbuild.transformSync(code, { minify: true, loader, format: loader === 'js' ? 'esm' : undefined, target: 'es2022' }).code;
const glue = fs.readFileSync(file(glueName), 'utf8');
const wasm = fs.readFileSync(file(wasmName));
// zopfli (gzip-compatible, inflated by the same DecompressionStream): 6 % smaller than
// zlib -9, so 20 KB less of base64 in the offline file
const zopfli = createRequire(path.join(source, 'package.json'))('@gfx/zopfli');
const gzWasm = Buffer.from(await zopfli.gzipAsync(wasm, { numiterations: 15 }));
// Base 85 instead of base 64 (5 characters per 4 bytes instead of 4 per 3: 6 % fewer
// characters, 20 KB). The alphabet leaves out '<' (so neither "</script" nor "<!--" can
// occur in the script element), '&', quotes, backslash, '-', '>' and space.
const ALPHABET = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
  .filter(c => !' "&\'-<>\\`^'.includes(c)).join('');
if (ALPHABET.length !== 85) { console.error('postbuild: base-85 alphabet has', ALPHABET.length); process.exit(2); }
function base85(buf) {
  const pad = (4 - buf.length % 4) % 4;
  const b = Buffer.concat([buf, Buffer.alloc(pad)]);
  let out = '';
  for (let i = 0; i < b.length; i += 4) {
    let v = b.readUInt32BE(i);
    const chunk = new Array(5);
    for (let k = 4; k >= 0; k--) { chunk[k] = ALPHABET[v % 85]; v = Math.floor(v / 85); }
    out += chunk.join('');
  }
  return { text: out, pad };
}
const packedWasm = base85(gzWasm);
const boot = minify(`${glue}
// --- single-file bootstrap: inflate the embedded wasm, no request ---
const packed = document.getElementById('conforme-wasm-gz').textContent.trim();
const A = ${JSON.stringify(ALPHABET)}, D = new Uint8Array(128);
for (let i = 0; i < 85; i++) D[A.charCodeAt(i)] = i;
const all = new Uint8Array(packed.length / 5 * 4);
for (let i = 0, o = 0; i < packed.length; i += 5, o += 4) {
  let v = 0;
  for (let k = 0; k < 5; k++) v = v * 85 + D[packed.charCodeAt(i + k)];
  all[o] = v >>> 24; all[o + 1] = (v >>> 16) & 255; all[o + 2] = (v >>> 8) & 255; all[o + 3] = v & 255;
}
const gz = all.subarray(0, all.length - ${packedWasm.pad});
const inflated = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
await __wbg_init({ module_or_path: await new Response(inflated).arrayBuffer() });
`, 'js');
const singleCss = minify(css, 'css');
const sha = s => "'sha256-" + crypto.createHash('sha256').update(s, 'utf8').digest('base64') + "'";
const policy = `default-src 'none'; script-src ${sha(boot)} 'wasm-unsafe-eval'; style-src ${sha(singleCss)}; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'`;
let single = fs.readFileSync(path.join(source, 'index.html'), 'utf8')
  .replace('<html lang="fr">', '<html lang="fr" data-variant="single">')
  .replace(/\s*<link data-trunk[^>]*>/g, '')
  .replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`)
  .replace('</head>', () => `  <style>${singleCss}</style>\n</head>`)
  .replace('</body>', () => `  <script type="application/octet-stream" id="conforme-wasm-gz">${packedWasm.text}</script>\n  <script type="module">${boot}</script>\n</body>`);
fs.writeFileSync(file('conforme.html'), single);

// 4. Size report.
const report = {};
for (const [label, name] of [['wasm', wasmName], ['js', glueName], ['css', cssName], ['single', 'conforme.html'], ['embed-js', 'conforme.js']]) {
  const bytes = fs.readFileSync(file(name));
  report[label] = { file: name, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}
fs.writeFileSync(file('size-report.json'), JSON.stringify(report, null, 2) + '\n');
const kb = n => (n / 1024).toFixed(1).padStart(7) + ' KB';
console.log('size report (raw / gzip -9):');
for (const [label, r] of Object.entries(report)) console.log(`  ${label.padEnd(9)} ${kb(r.raw)} ${kb(r.gzip)}  ${r.file}`);
