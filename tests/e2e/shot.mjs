// Screenshot helper: node tests/e2e/shot.mjs URL OUT.png [width] [height] [scheme]
// Env: TEXT (the whole text), EDIT=from=>to, CLICK=selector, FULL=1 (whole page), PRINT=1 (print media).
import { chromium } from 'playwright-core';
const [url, out, w = '1400', h = '900', scheme = 'light'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h }, colorScheme: scheme });
const errors = [];
page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', e => errors.push(String(e)));
await page.goto(url);
await page.waitForSelector('#verdict');
if (process.env.TEXT !== undefined) {
  await page.locator('#extrait').fill(process.env.TEXT);
  await page.waitForTimeout(300);
}
if (process.env.EDIT) {
  const [from, to] = process.env.EDIT.split('=>');
  const ta = page.locator('#extrait');
  const v = await ta.inputValue();
  await ta.fill(v.replace(from, to));
  await page.waitForTimeout(300);
}
if (process.env.CLICK) { await page.locator(process.env.CLICK).first().click(); await page.waitForTimeout(200); }
if (process.env.PRINT === '1') await page.emulateMedia({ media: 'print' });
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
console.log('verdict:', await page.locator('#verdict').innerText());
if (errors.length) console.log('console errors:', errors);
await browser.close();
