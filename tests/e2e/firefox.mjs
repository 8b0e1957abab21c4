// End-to-end tests in Firefox ESR (intranets standardise on it), through geckodriver and the
// W3C WebDriver protocol (Playwright drives only its own patched Firefox).
// Usage: node tests/e2e/firefox.mjs   (after `trunk build --release`)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const reference = fs.readFileSync(path.join(root, 'www/examples/reference.txt'), 'utf8');
const port = 4444 + Math.floor(Math.random() * 1000);
const driver = spawn(process.env.GECKODRIVER || 'geckodriver', ['--port', String(port)], { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;

async function wd(method, url, body) {
  const r = await fetch(base + url, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  const j = await r.json();
  if (j.value && j.value.error) throw new Error(`${j.value.error}: ${j.value.message}`);
  return j.value;
}
for (let i = 0; ; i++) {
  try { await fetch(base + '/status'); break; } catch { if (i > 100) throw new Error('geckodriver did not start'); await new Promise(r => setTimeout(r, 100)); }
}
const caps = { capabilities: { alwaysMatch: { browserName: 'firefox', 'moz:firefoxOptions': {
  binary: process.env.FIREFOX || '/usr/bin/firefox-esr', args: ['-headless'],
  prefs: { 'browser.download.folderList': 2, 'browser.download.dir': os.tmpdir() } } } } };
const session = await wd('POST', '/session', caps);
const sid = session.sessionId;
const js = (script, ...args) => wd('POST', `/session/${sid}/execute/sync`, { script, args });
const go = url => wd('POST', `/session/${sid}/url`, { url });
async function until(script, what, ms = 10000) {
  const t0 = Date.now();
  for (;;) {
    const v = await js(script);
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error('timeout: ' + what);
    await new Promise(r => setTimeout(r, 50));
  }
}
const verdict = () => js("return document.querySelector('#verdict') && document.querySelector('#verdict').textContent");
const setText = t => js(`const ta = document.getElementById('extrait'); ta.value = arguments[0];
  ta.dispatchEvent(new InputEvent('input', { bubbles: true })); return true;`, t);

let passed = 0, failed = 0;
const results = [];
async function test(name, fn) {
  try { await fn(); passed++; results.push(`ok   ${name}`); }
  catch (e) { failed++; results.push(`FAIL ${name}\n     ${String(e && e.stack || e).split('\n').slice(0, 3).join('\n     ')}`); }
}
function assert(cond, msg) { if (!cond) throw new Error(msg); }

const server = await serve(dist);
try {
  await test('Firefox ESR: the reference extract is preloaded and shows no anomaly', async () => {
    await go(server.url);
    const v = await until("const v = document.querySelector('#verdict'); return v && v.textContent.length > 0 && v.textContent", 'verdict');
    assert(v.startsWith('Aucune anomalie'), v);
    const ua = await js('return navigator.userAgent');
    assert(ua.includes('Firefox'), ua);
  });

  await test('Firefox ESR: a broken copy shows the error and its mark', async () => {
    await setText(reference.replace('POUR : 35', 'POUR : 36'));
    await until("return document.querySelector('#verdict').textContent.startsWith('1 erreur')", 'error verdict');
    const marked = await js("return [...document.querySelectorAll('.mark-error')].map(m => m.textContent)");
    assert(marked.some(m => m.endsWith('36')), JSON.stringify(marked));
    const rule = await js("return document.querySelector('.finding-error .rule').textContent");
    assert(rule === 'VOTE-SUM', rule);
  });

  await test('Firefox ESR: .txt, .docx and .odt files listed with their results', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'conforme-ff-'));
    const txt = path.join(tmp, 'copie.txt');
    fs.writeFileSync(txt, reference.replace('POUR : 35', 'POUR : 36'));
    const input = await wd('POST', `/session/${sid}/element`, { using: 'css selector', value: 'input[type=file]' });
    const id = Object.values(input)[0];
    const files = [txt, path.join(root, 'tests/fixtures/reference.docx'), path.join(root, 'tests/fixtures/reference.odt')];
    await wd('POST', `/session/${sid}/element/${id}/value`, { text: files.join('\n') });
    await until("return document.querySelectorAll('.file-list li').length === 3 && !document.querySelector('.files progress')", 'three files listed');
    const items = await js("return [...document.querySelectorAll('.file-list li')].map(l => l.textContent)");
    assert(items[0].includes('1 erreur') && items[1].includes('Aucune anomalie') && items[2].includes('Aucune anomalie'), items.join(' | '));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  await test('Firefox ESR: the single file works from file://', async () => {
    await go('file://' + path.join(dist, 'conforme.html'));
    const v = await until("const v = document.querySelector('#verdict'); return v && v.textContent.length > 0 && v.textContent", 'verdict in the single file', 20000);
    assert(v.startsWith('Aucune anomalie'), v);
  });
} finally {
  await wd('DELETE', `/session/${sid}`).catch(() => {});
  driver.kill();
  await server.close?.();
}
console.log(results.join('\n'));
console.log(`e2e (Firefox ESR): ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
