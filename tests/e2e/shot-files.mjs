// Screenshot of a batch: node tests/e2e/shot-files.mjs URL OUT.png (the README's file list).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [url, out] = process.argv.slice(2);
const reference = fs.readFileSync(path.join(root, 'www/examples/reference.txt'), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 760 } });
await page.goto(url);
await page.waitForSelector('#verdict');
const fx = f => ({ name: f, mimeType: 'application/octet-stream', buffer: fs.readFileSync(path.join(root, 'tests/fixtures', f)) });
await page.locator('input[type=file]').setInputFiles([
  { name: 'DEL2024-012-creativ.txt', mimeType: 'text/plain', buffer: Buffer.from(reference.replace('POUR : 35', 'POUR : 36')) },
  { ...fx('reference.docx'), name: 'DEL2024-013-subvention.docx' },
  { ...fx('reference.odt'), name: 'DEL2024-014-convention.odt' },
]);
await page.waitForFunction(() => document.querySelectorAll('.file-list li').length === 3);
await page.locator('.file-list button').first().click();
await page.waitForTimeout(300);
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: out });
await browser.close();
