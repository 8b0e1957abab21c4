// Browser timings of the release build (headless Chromium), medians of repeated runs:
//   - navigation → first rendered result, served over HTTP and from file:// (single file);
//   - input event → updated marks, on the reference extract and on a 1 MB text.
// Usage: node tests/e2e/timing.mjs [runs]   (after trunk build --release)
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const runs = +(process.argv[2] || 15);
const reference = fs.readFileSync(path.join(root, 'www/examples/reference.txt'), 'utf8');
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const server = await serve(dist);
const results = {};

// time from navigation start to the verdict rendered with its text
const firstResult = () => {
  new MutationObserver((_, obs) => {
    const v = document.getElementById('verdict');
    if (v && v.textContent) { window.__first = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true, characterData: true });
};
for (const [label, url] of [['served', server.url], ['file://', 'file://' + path.join(dist, 'conforme.html')]]) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(firstResult);
    await page.goto(url);
    await page.waitForFunction(() => window.__first);
    times.push(await page.evaluate(() => window.__first));
    await context.close();
  }
  results[`navigation → first result (${label})`] = median(times);
}

// the engine alone in wasm (parse + check + JSON) on the reference extract
{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#verdict');
  results['engine in wasm, reference extract (checkJson)'] = await page.evaluate(text => {
    const times = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      window.wasmBindings.checkJson(text, '', 0);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[times.length >> 1];
  }, reference);
  await context.close();
}

// input → updated marks (a mark appears, then the next frame is painted)
async function inputToMarks(text, edits) {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#verdict');
  const set = t => page.evaluate(t => { const ta = document.getElementById('extrait'); ta.value = t; ta.dispatchEvent(new Event('input', { bubbles: true })); }, t);
  await set(text);
  await page.waitForFunction(() => !document.getElementById('verdict').textContent.includes('en cours'), null, { timeout: 120_000 });
  const times = [];
  for (let i = 0; i < edits; i++) {
    const broken = text.replace('POUR : 35', `POUR : ${36 + i}`);
    const t = await page.evaluate(t => new Promise(resolve => {
      const ta = document.getElementById('extrait');
      const t0 = performance.now();
      const obs = new MutationObserver(() => {
        if (document.querySelector('.mark-error')) {
          obs.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        }
      });
      obs.observe(document.querySelector('.editor'), { childList: true, subtree: true, attributes: true });
      ta.value = t;
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    }), broken);
    times.push(t);
    await set(text);
    await page.waitForFunction(() => !document.querySelector('.mark-error') && !document.getElementById('verdict').textContent.includes('en cours'), null, { timeout: 120_000 });
  }
  await context.close();
  return median(times);
}
results['input → marks (reference extract)'] = await inputToMarks(reference, runs);
let mb = '';
while (mb.length < 1_000_000) mb += reference + '\n\n';
const big = await inputToMarks(mb, Math.max(3, Math.floor(runs / 3)));
results['input → marks (1 MB, includes the 400 ms pause)'] = big;
results['input → marks (1 MB, check + render after the pause)'] = big - 400;

await server.close();
await browser.close();
for (const [k, v] of Object.entries(results)) console.log(`${k.padEnd(56)} ${v.toFixed(1).padStart(8)} ms`);
fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
fs.writeFileSync(path.join(root, '.tmp/timing.json'), JSON.stringify(results, null, 2) + '\n');
