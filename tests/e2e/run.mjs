// End-to-end tests of the release build in headless Chromium (Debian's, driven by playwright-core).
// Usage: node tests/e2e/run.mjs   (after `trunk build --release` and `cargo build --release`)
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const cli = path.join(root, 'target/release/conforme');
const reference = fs.readFileSync(path.join(root, 'www/examples/reference.txt'), 'utf8');
const axeSource = fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

let passed = 0, failed = 0;
const results = [];
async function test(name, fn) {
  try { await fn(); passed++; results.push(`ok   ${name}`); }
  catch (e) { failed++; results.push(`FAIL ${name}\n     ${String(e && e.stack || e).split('\n').slice(0, 4).join('\n     ')}`); }
}
function assert(cond, msg) { if (!cond) throw new Error(msg); }
function cliJson(text) {
  try { return execFileSync(cli, ['check', '--format', 'json', '-'], { input: text }).toString(); }
  catch (e) { if (e.status === 1) return e.stdout.toString(); throw e; }
}

// The SCDL export against the open-data schema (frictionless, installed by scripts/setup.sh).
function validateScdl(csv) {
  const bin = path.join(root, '.tools/venv/bin/frictionless');
  if (!fs.existsSync(bin)) { if (process.env.CI) throw new Error('frictionless missing'); return; }
  const dir = fs.mkdtempSync(path.join(root, '.tmp-scdl-'));
  try {
    fs.writeFileSync(path.join(dir, 'deliberations.csv'), csv);
    fs.copyFileSync(path.join(root, '../shared/domain/scdl-deliberations-2.1.5.schema.json'), path.join(dir, 'schema.json'));
    const out = execFileSync(bin, ['validate', '--schema', 'schema.json', 'deliberations.csv'], { cwd: dir }).toString();
    assert(out.includes('VALID') && !out.includes('INVALID'), out);
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const server = await serve(dist);

async function open(opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, acceptDownloads: true, ...opts });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('dialog', d => { errors.push('dialog: ' + d.message()); d.dismiss(); });
  await page.goto(server.url);
  await page.waitForSelector('#verdict');
  return { page, context, errors };
}
async function setText(page, text) {
  await page.locator('#extrait').fill(text);
  await page.waitForFunction(() => !document.querySelector('#verdict').textContent.includes('en cours'));
}
const verdict = page => page.locator('#verdict').innerText();
async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map(v => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0].target.join(' ')}`));
}

await test('the reference extract is preloaded and shows zero errors', async () => {
  const { page, context, errors } = await open();
  assert((await page.locator('#extrait').inputValue()) === reference, 'reference text preloaded');
  const v = await verdict(page);
  assert(v.includes('Aucune anomalie'), v);
  assert(await page.locator('.mark-error').count() === 0, 'no error mark');
  assert(errors.length === 0, errors.join('; '));
  await context.close();
});

await test('a broken copy shows the error, its mark and the mismatch in the summary', async () => {
  const { page, context } = await open();
  await setText(page, reference.replace('POUR : 35', 'POUR : 36'));
  const v = await verdict(page);
  assert(v.startsWith('1 erreur'), v);
  assert(await page.locator('.mark-error').count() >= 1, 'error mark in the text');
  assert((await page.locator('.mark-error').allInnerTexts()).includes('36'), 'the 36 is marked');
  assert(await page.locator('tr.row-mismatch').count() >= 1, 'mismatch row in the summary');
  assert((await page.locator('.finding-error .rule').innerText()) === 'VOTE-SUM');
  await context.close();
});

await test('activating a finding selects its words; Enter twice leaves the text unchanged', async () => {
  const { page, context } = await open();
  const text = reference.replace('POUR : 35', 'POUR : 36');
  await setText(page, text);
  await page.locator('.finding-head').first().click();
  const sel = await page.evaluate(() => { const t = document.getElementById('extrait'); return [t.selectionStart, t.selectionEnd, document.activeElement.id, document.activeElement.className]; });
  assert(text.slice(sel[0], sel[1]) === '36', `selection is "${text.slice(sel[0], sel[1])}"`);
  assert(sel[2] !== 'extrait', 'the focus stays on the finding, not in the text');
  assert(await page.locator('#mark-active').count() === 1, 'the mark of the finding is shown');
  await page.locator('.finding-head').first().press('Enter');
  await page.locator('.finding-head').first().press('Enter');
  assert((await page.locator('#extrait').inputValue()) === text, 'the text is unchanged');
  await context.close();
});

await test('"Exemple" over a pasted text asks first, and Ctrl+Z brings the text back', async () => {
  const { page, context, errors } = await open();
  const mine = 'Séance du jeudi 21 mars 2024\nPrésents : 12\nPOUR : 12\n';
  await setText(page, mine);
  await page.getByRole('button', { name: 'Exemple' }).click();
  await page.waitForSelector('.confirm');
  assert((await page.locator('#extrait').inputValue()) === mine, 'nothing replaced before the answer');
  await page.getByRole('button', { name: 'Garder mon texte' }).click();
  assert(await page.locator('.confirm').count() === 0 && (await page.locator('#extrait').inputValue()) === mine, 'kept on "no"');
  await page.getByRole('button', { name: 'Exemple' }).click();
  await page.getByRole('button', { name: 'Remplacer' }).click();
  assert((await page.locator('#extrait').inputValue()) === reference, 'replaced on "yes"');
  assert((await page.locator('.example-label').innerText()).includes('Dijon métropole'), 'the example names its source');
  await page.locator('#extrait').focus();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(m => document.getElementById('extrait').value === m, mine);
  assert((await verdict(page)) !== '', 'checked again');
  // the example over the example does not ask
  await page.getByRole('button', { name: 'Effacer' }).click();
  await page.getByRole('button', { name: 'Exemple' }).click();
  assert(await page.locator('.confirm').count() === 0, 'an empty text is replaced without asking');
  assert(errors.length === 0, errors.join('; '));
  await context.close();
});

await test('files as clerks have them: Windows-1252 read with its accents, a PDF refused', async () => {
  const { page, context } = await open();
  const mine = 'Séance du jeudi 21 mars 2024\nPrésents : 12\nVotants : 12\nPOUR : 12\n';
  await setText(page, mine);
  // a PDF: the message, and the text stays
  await page.locator('input[type=file]').setInputFiles({ name: 'deliberation.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1') });
  await page.waitForSelector('.notice');
  assert((await page.locator('.notice').innerText()).includes('est un PDF'), await page.locator('.notice').innerText());
  assert((await page.locator('#extrait').inputValue()) === mine, 'the text is left as it was');
  // a Windows-1252 file (after the user's yes)
  await page.getByRole('button', { name: 'Effacer' }).click();
  await page.locator('input[type=file]').setInputFiles({ name: 'extrait.txt', mimeType: 'text/plain', buffer: Buffer.from(mine, 'latin1') });
  await page.waitForFunction(() => document.getElementById('extrait').value.includes('Présents'));
  assert((await page.locator('#extrait').inputValue()) === mine, 'accents decoded');
  assert((await page.locator('.notice').innerText()).includes('Windows-1252'), 'the encoding is said');
  assert((await verdict(page)).includes('Aucune anomalie'), await verdict(page));
  await context.close();
});

await test('nothing to check: an empty text and an annex never get the green verdict', async () => {
  const { page, context } = await open();
  for (const text of ['', 'ANNEXE 2 — Plan de financement prévisionnel\nTravaux : 120 000 € HT\nÉtat : 40 000 €\nRégion : 30 000 €\n']) {
    await setText(page, text);
    const v = await verdict(page);
    assert(!v.includes('Aucune anomalie'), `"${v}" on ${JSON.stringify(text.slice(0, 30))}`);
    assert(await page.locator('.verdict-ok').count() === 0, 'no green verdict');
  }
  await context.close();
});

await test('the identity block shows what was read, and the fiche prints with numbered findings', async () => {
  const { page, context } = await open();
  const id = await page.locator('.identity').innerText();
  for (const w of ['Dijon métropole', 'jeudi 21 mars 2024', 'CREATIV']) assert(id.includes(w), `identity lacks ${w}: ${id}`);
  // a counted figure unfolds to the names it counted
  await page.locator('details.names summary').first().click();
  assert((await page.locator('details.names[open] p').first().innerText()).includes('REBSAMEN'), 'the présents counted are named');
  await setText(page, reference.replace('POUR : 35', 'POUR : 36'));
  await page.emulateMedia({ media: 'print' });
  assert(await page.locator('.fiche-head').isVisible(), 'the fiche heading is printed');
  assert((await page.locator('.mark-num').first().innerText()) === '1', 'the mark carries its finding\'s number');
  await page.emulateMedia({ media: 'screen' });
  assert(!(await page.locator('.fiche-head').isVisible()), 'not on screen');
  await context.close();
});

await test('open data: the SCDL export lists what is missing, takes the SIRET and the subject, and validates', async () => {
  const { page, context, errors } = await open();
  await page.getByRole('button', { name: 'Données ouvertes (SCDL)' }).click();
  await page.waitForSelector('.scdl-view');
  const missing = await page.locator('.scdl-rows tbody tr td').nth(1).innerText();
  assert(missing.includes('COLL_SIRET') && missing.includes('DELIB_MATIERE_CODE'), missing);
  await page.locator('#scdl-siret').fill('21210231500017');
  await page.locator('.suggest').first().click();
  assert((await page.locator('.scdl-ok').innerText()).includes('1 ligne complète'), await page.locator('.scdl-view').innerText());
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le CSV SCDL' }).click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const [head, row] = csv.split('\r\n');
  assert(head.startsWith('COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE'), head);
  assert(row.includes('21210231500017') && row.includes(',2024-03-21,7.5,Subventions,') && row.endsWith(',43,35,35,0,0,'), row);
  // the same row as the CLI's
  const cli = execFileSync(path.join(root, 'target/release/conforme'), ['check', '--format', 'scdl', '--coll-siret', '21210231500017', '--matiere', '7.5', '-'], { input: reference, stdio: ['pipe', 'pipe', 'ignore'] }).toString();
  assert(cli === csv, 'page and CLI exports differ:\n' + cli + '\n' + csv);
  validateScdl(csv);
  assert(errors.length === 0, errors.join('; '));
  await context.close();
});

await test('several files: .txt, .docx and .odt listed with their results, one SCDL export for all; a corrupt .docx breaks nothing', async () => {
  const { page, context, errors } = await open();
  const fx = f => path.join(root, 'tests/fixtures', f);
  const asBuffer = (f, mimeType) => ({ name: f, mimeType, buffer: fs.readFileSync(fx(f)) });
  const broken = reference.replace('POUR : 35', 'POUR : 36');
  await page.locator('input[type=file]').setInputFiles([
    { name: 'copie.txt', mimeType: 'text/plain', buffer: Buffer.from(broken, 'utf8') },
    asBuffer('reference.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    asBuffer('reference.odt', 'application/vnd.oasis.opendocument.text'),
  ]);
  await page.waitForFunction(() => document.querySelectorAll('.file-list li').length === 3 && !document.querySelector('.files progress'));
  const items = await page.locator('.file-list li').allInnerTexts();
  assert(items[0].includes('copie.txt') && items[0].includes('1 erreur'), items.join(' | '));
  assert(items[1].includes('reference.docx') && items[1].includes('Aucune anomalie'), items.join(' | '));
  assert(items[2].includes('reference.odt') && items[2].includes('Aucune anomalie'), items.join(' | '));
  // opening one shows it in the editor with its marks
  await page.locator('.file-list button', { hasText: 'copie.txt' }).click();
  await page.waitForFunction(t => document.getElementById('extrait').value === t, broken);
  assert((await verdict(page)).startsWith('1 erreur'), await verdict(page));
  // the docx's text is read with its members table (one row per line, cells by tabs)
  await page.locator('.file-list button', { hasText: 'reference.docx' }).click();
  await page.waitForFunction(() => document.getElementById('extrait').value.includes('Monsieur François REBSAMEN\tMadame Christine MARTIN'));
  // one SCDL export for the three files
  await page.getByRole('button', { name: 'Données ouvertes (SCDL)' }).click();
  await page.locator('#scdl-siret').fill('21210231500017');
  while (await page.locator('.suggest').count() > 0) await page.locator('.suggest').first().click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le CSV SCDL' }).click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert(csv.trim().split('\r\n').length === 4, csv);
  validateScdl(csv);
  // a corrupt .docx: a message, and the text stays
  await page.getByRole('button', { name: 'Retour aux résultats' }).click();
  const before = await page.locator('#extrait').inputValue();
  await page.locator('input[type=file]').setInputFiles(fx('corrupt.docx'));
  await page.waitForSelector('.notice');
  assert((await page.locator('.notice').innerText()).includes('ne peut pas être lu'), await page.locator('.notice').innerText());
  assert((await page.locator('#extrait').inputValue()) === before, 'the text is left as it was');
  assert(errors.length === 0, errors.join('; '));
  await context.close();
});

await test('moving the caret onto a mark opens its finding', async () => {
  const { page, context } = await open();
  const text = reference.replace('POUR : 35', 'POUR : 36');
  await setText(page, text);
  const at = text.indexOf('POUR : 36') + 8;
  await page.evaluate(a => { const t = document.getElementById('extrait'); t.focus(); t.setSelectionRange(a, a); }, at);
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('.finding-open');
  assert(await page.locator('.finding-open .rule').innerText() === 'VOTE-SUM');
  await context.close();
});

await test('F8 and Shift+F8 move between findings', async () => {
  const { page, context } = await open();
  const text = reference.replace('POUR : 35', 'POUR : 36').replace('jeudi 21 mars 2024', 'jeudi 22 mars 2024');
  await setText(page, text);
  assert((await verdict(page)).startsWith('2 erreurs'), await verdict(page));
  const selected = () => page.evaluate(() => { const t = document.getElementById('extrait'); return t.value.slice(t.selectionStart, t.selectionEnd); });
  await page.keyboard.press('F8');
  const first = await selected();
  await page.keyboard.press('F8');
  const second = await selected();
  await page.keyboard.press('Shift+F8');
  const back = await selected();
  assert(first === 'jeudi' && second === '36' && back === 'jeudi', `${first} / ${second} / ${back}`);
  await page.keyboard.press('Escape');
  assert(await page.locator('.finding-open').count() === 0, 'Escape closes the finding');
  await context.close();
});

await test('the JSON export equals the CLI JSON for the same text', async () => {
  const { page, context } = await open();
  for (const text of [reference, reference.replace('CONTRE : 0', 'CONTRE : 2')]) {
    await setText(page, text);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter JSON' }).click()]);
    const got = fs.readFileSync(await download.path(), 'utf8');
    const want = cliJson(text);
    assert(got === want, `export differs from the CLI (${got.length} vs ${want.length} bytes)`);
  }
  await context.close();
});

await test('the CSV export neutralises spreadsheet formulas', async () => {
  const { page, context } = await open();
  await setText(page, '=HYPERLINK("x")\n' + reference.replace('POUR : 35', 'POUR : 36'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter CSV' }).click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert(csv.startsWith('\uFEFF'), 'a byte-order mark for spreadsheets');
  assert(csv.split('\r\n')[1].includes('"VOTE-SUM"') && csv.split('\r\n')[1].includes('"erreur"') && csv.split('\r\n')[1].includes('"votes"'), csv.slice(0, 300));
  assert(!/(^|;)"[=+\-@]/.test(csv.split('\r\n').slice(1).join('\n')), 'no cell starts with a formula character');
  await context.close();
});

await test('pasted HTML and scripts are shown as text and never run', async () => {
  const { page, context, errors } = await open();
  const evil = '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>\nPrésents : 3\n';
  await setText(page, evil + reference);
  assert(await page.locator('.editor img, .editor script, .editor a').count() === 0, 'no element created from the text');
  assert((await page.locator('.highlights').innerText()).includes('<script>alert(1)</script>'), 'shown as text');
  assert(!errors.some(e => e.startsWith('dialog')), errors.join('; '));
  await context.close();
});

await test('options are applied and remembered', async () => {
  const { page, context } = await open();
  // population unknown: 4 jours francs is only a warning; with 12 400 inhabitants, an error
  await setText(page, 'Conseil municipal\nDate de convocation : 16 mars 2024\nSéance du jeudi 21 mars 2024\n');
  const before = await verdict(page);
  // the finding that the population would settle opens the options on that field
  await page.locator('.finding-head').first().click();
  await page.locator('.ask-population').click();
  assert(await page.evaluate(() => document.activeElement.id) === 'opt-pop', 'the population field has the focus');
  await page.locator('#opt-pop').fill('12400');
  await page.locator('#opt-pop').press('Enter');
  await page.locator('#opt-pop').blur();
  await page.waitForTimeout(100);
  const after = await verdict(page);
  assert(before.startsWith('0 erreur') && after.startsWith('1 erreur'), `${before} → ${after}`);
  await page.reload();
  await page.waitForSelector('#verdict');
  await page.locator('summary', { hasText: 'Options' }).click();
  assert(await page.locator('#opt-pop').inputValue() === '12400', 'population remembered');
  await context.close();
});

await test('the text survives a reload of the tab, unless the user turns that off', async () => {
  const { page, context, errors } = await open();
  const mine = 'Séance du jeudi 21 mars 2024\nPrésents : 12\nPOUR : 12\n';
  await setText(page, mine);
  await page.reload();
  await page.waitForSelector('#verdict');
  assert((await page.locator('#extrait').inputValue()) === mine, 'text kept after a reload');
  // kept in this tab's session storage only, never in the local storage
  const stored = await page.evaluate(() => [sessionStorage.getItem('conforme.text'),
    Object.keys(localStorage).map(k => localStorage.getItem(k)).join('|')]);
  assert(stored[0] === mine && !stored[1].includes('Présents'), JSON.stringify(stored));
  await page.locator('summary', { hasText: 'Options' }).click();
  await page.locator('#opt-keep').uncheck();
  await page.reload();
  await page.waitForSelector('#verdict');
  assert((await page.locator('#extrait').inputValue()) === reference, 'option off: the example comes back');
  assert(await page.evaluate(() => sessionStorage.getItem('conforme.text')) === null, 'option off: nothing kept');
  // another tab (a new context) starts from the example
  const other = await open();
  assert((await other.page.locator('#extrait').inputValue()) === reference, 'a new tab starts from the example');
  await other.context.close();
  assert(errors.length === 0, errors.join('; '));
  await context.close();
});

await test('the rules reference lists every rule from the registry', async () => {
  const { page, context } = await open();
  await page.getByRole('button', { name: 'Règles' }).click();
  const codes = execFileSync(cli, ['rules']).toString().trim().split('\n').map(l => l.split(/\s+/)[0]);
  const shown = await page.locator('.rules-table code').allInnerTexts();
  assert(codes.every(c => shown.includes(c)), `missing: ${codes.filter(c => !shown.includes(c))}`);
  await page.keyboard.press('Escape');
  assert(await page.locator('.rules-table').count() === 0, 'Escape returns to the results');
  await context.close();
});

await test('axe-core: no violation on the correct and the broken state', async () => {
  for (const scheme of ['light', 'dark']) {
    const { page, context } = await open({ colorScheme: scheme });
    let v = await axe(page);
    assert(v.length === 0, `${scheme} correct: ${v.join('; ')}`);
    await setText(page, reference.replace('POUR : 35', 'POUR : 36'));
    await page.locator('.finding-head').first().click();
    v = await axe(page);
    assert(v.length === 0, `${scheme} broken: ${v.join('; ')}`);
    await context.close();
  }
});

await test('usable at 320 and 375 px wide and at 200 % zoom, axe-core clean there too', async () => {
  // 200 % zoom on a 1280 × 900 screen is a 640 × 450 CSS viewport at device scale 2.
  for (const [viewport, scale] of [[{ width: 320, height: 640 }, 1], [{ width: 375, height: 700 }, 1], [{ width: 640, height: 450 }, 2]]) {
    const { page, context } = await open({ viewport, deviceScaleFactor: scale });
    await setText(page, reference.replace('POUR : 35', 'POUR : 36'));
    await page.locator('.finding-head').first().click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `${viewport.width}px: horizontal overflow of ${overflow}px`);
    assert(await page.locator('#extrait').isVisible() && await page.locator('.finding-open').isVisible(), 'text and finding reachable');
    // on a narrow screen the verdict is shown above the text
    if (viewport.width < 900) assert(await page.locator('.verdict-mini').isVisible(), 'short verdict above the text');
    const v = await axe(page);
    assert(v.length === 0, `${viewport.width}px: ` + v.join('; '));
    await context.close();
  }
});

await test('the page asks for nothing but its own files', async () => {
  const { page, context } = await open();
  const outside = [];
  page.on('request', r => { if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) outside.push(r.url()); });
  await setText(page, reference.replace('POUR : 35', 'POUR : 36'));
  await page.waitForTimeout(200);
  assert(outside.length === 0, outside.join(', '));
  assert(server.log.every(u => !u.includes('..')), 'no odd path');
  await context.close();
});


await test('an internal error shows a French message and the text stays', async () => {
  const { page, context } = await open();
  const text = reference.replace('POUR : 35', 'POUR : 36');
  await setText(page, text);
  await page.evaluate(() => { try { window.wasmBindings.__conformeTestPanic(); } catch (e) { /* the wasm trap */ } });
  const msg = page.locator('#conforme-erreur');
  await msg.waitFor({ state: 'visible' });
  assert((await msg.innerText()).includes('Votre texte est toujours dans la zone de saisie'), await msg.innerText());
  assert((await page.locator('#extrait').inputValue()) === text, 'text kept');
  await context.close();
});

/** Median latency (keydown → next frame) of typing into the page's textarea after a paste. */
async function typingLatency(page, selector, big, { bypassApp = false } = {}) {
  await page.evaluate(([sel, t]) => { const ta = document.querySelector(sel); ta.value = t; ta.dispatchEvent(new Event('input', { bubbles: true })); }, [selector, big]);
  await page.waitForFunction(() => !document.querySelector('#verdict') || !document.querySelector('#verdict').textContent.includes('en cours'), null, { timeout: 60_000 });
  await page.locator(selector).focus();
  await page.keyboard.press('Control+End');
  await page.waitForTimeout(300);
  // measured from here: typing only (not the jump to the end of 5 MB)
  await page.evaluate(([sel, bypass]) => {
    const ta = document.querySelector(sel);
    // bypass: the input event never reaches the app (the browser's own cost only)
    if (bypass) ta.addEventListener('input', e => e.stopImmediatePropagation(), true);
    window.__lat = [];
    ta.addEventListener('keydown', () => {
      const t0 = performance.now();
      requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - t0), 0));
    }, true);
  }, [selector, bypassApp]);
  for (const ch of 'Presents : 12') { await page.keyboard.type(ch); await page.waitForTimeout(80); }
  await page.waitForTimeout(200);
  const lat = (await page.evaluate(() => window.__lat)).sort((a, b) => a - b);
  return { median: lat[Math.floor(lat.length / 2)], max: lat[lat.length - 1], n: lat.length };
}

await test('typing after a 5 MB paste costs the app nothing per keystroke', async () => {
  let big = '';
  while (big.length < 5_000_000) big += reference + '\n\n';
  const run = async opts => {
    const { page, context } = await open();
    const r = await typingLatency(page, '#extrait', big, opts);
    const value = await page.locator('#extrait').inputValue();
    await context.close();
    return [r, value];
  };
  // each measured twice, the lower median kept: a loaded machine only ever adds latency
  // (one CI run saw 650 ms for one configuration and 350 ms for the other, either way round)
  const best = async opts => {
    const [a, va] = await run(opts);
    const [b, vb] = await run(opts);
    return a.median <= b.median ? [a, va] : [b, vb];
  };
  const [bypassed] = await best({ bypassApp: true });
  const [ours, value] = await best({});
  // for information: a bare textarea of the same size, text and CSS on an empty page
  const { page: plain, context: c1 } = await open();
  await plain.setContent('<textarea id="t" style="width:668px;height:658px;padding:.75rem;border:0;white-space:pre-wrap;overflow-wrap:break-word;font:14px/1.55 monospace"></textarea>');
  const floor = await typingLatency(plain, '#t', big);
  await c1.close();
  console.log(`     input latency on a ${(big.length / 1e6).toFixed(1)} MB text (median): Conforme ${ours.median.toFixed(1)} ms; same page with the app bypassed ${bypassed.median.toFixed(1)} ms; bare textarea ${floor.median.toFixed(1)} ms`);
  assert(ours.median <= bypassed.median * 1.5 + 40, `app adds latency: ${ours.median.toFixed(1)} vs ${bypassed.median.toFixed(1)} ms`);
  assert(value.endsWith('Presents : 12'), 'typed text kept');
});

// A token soup of the checker's own vocabulary (the hostile paste of issue 13): attendance
// labels, proxies, votes, amounts, dates, names with civilities, separators.
function tokenSoup(bytes, seed) {
  const words = ['présents', 'Présents :', 'PRÉSENTS', 'absents', 'excusés', 'représentés', 'pouvoir à',
    'a donné pouvoir à', 'procuration', 'POUR', 'CONTRE', 'abstentions', 'votants', 'exprimés', 'dont',
    '€', 'HT', 'TTC', 'unanimité', 'adopté', 'séance du', 'convocation', 'en exercice', 'quorum',
    'Objet :', 'Délibération n°', 'point', 'quitte la séance', 'arrive', 'suppléant', 'secrétaire'];
  const names = ['M. Jean DUPONT', 'Mme Anne MARTIN', 'Monsieur Paul LEROY', 'Madame Julie PETIT', 'Luc ROUX'];
  const seps = [', ', ' ; ', ' : ', '\n', ' - ', '\t', ' (', ') ', '. '];
  const months = ['janvier', 'mars', 'juin', 'septembre', 'décembre'];
  let x = seed * 2654435761 >>> 0;
  const rnd = n => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x % n; };
  const out = [];
  let len = 0;
  while (len < bytes) {
    const k = rnd(10);
    const t = k < 4 ? words[rnd(words.length)]
      : k === 4 ? String(rnd(60))
      : k === 5 ? `${rnd(999)} ${String(rnd(1000)).padStart(3, '0')},${rnd(100)} €`
      : k === 6 ? `mardi ${1 + rnd(28)} ${months[rnd(months.length)]} 2024`
      : k < 9 ? names[rnd(names.length)]
      : seps[rnd(seps.length)];
    out.push(t, ' ');
    len += t.length + 1;
  }
  return out.join('');
}

await test('a 1 MB token soup is checked in well under a second after the typing pause', async () => {
  const { page, context, errors } = await open();
  const soup = tokenSoup(1_000_000, 7);
  const { total, pause } = await page.evaluate(t => new Promise(resolve => {
    const ta = document.getElementById('extrait');
    const v = document.getElementById('verdict');
    let pending = false;
    const t0 = performance.now();
    ta.value = t;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
    // the page's typing pause for this length (src/web/app.rs, typing_pause_ms)
    const bytes = new TextEncoder().encode(t).length;
    const pause = 400 + Math.min(5000, Math.floor(Math.max(0, bytes - 1_000_000) / 4000));
    const poll = () => {
      const busy = v.textContent.includes('en cours');
      pending ||= busy;
      if (pending && !busy) requestAnimationFrame(() => resolve({ total: performance.now() - t0, pause }));
      else if (performance.now() - t0 > 60_000) resolve({ total: Infinity, pause });
      else setTimeout(poll, 2);
    };
    poll();
  }), soup);
  const work = total - pause;
  console.log(`     1 MB token soup: ${total.toFixed(0)} ms from the paste to the verdict, ${work.toFixed(0)} ms after the ${pause} ms typing pause`);
  assert(work < 1000, `check + render of 1 MB of soup took ${work.toFixed(0)} ms after the pause`);
  assert(errors.length === 0, errors.join('; '));
  await context.close();
});

const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
const cspProbe = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
};

await test('single file: works from file:// with every network request blocked', async () => {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  const requests = [];
  await context.route('**/*', route => {
    const u = route.request().url();
    requests.push(u);
    return u.startsWith('file://') ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  await page.addInitScript(cspProbe);
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  const url = 'file://' + path.join(dist, 'conforme.html');
  await page.goto(url);
  await page.waitForSelector('#verdict');
  assert((await verdict(page)).includes('Aucune anomalie'), await verdict(page));
  await setText(page, reference.replace('POUR : 35', 'POUR : 36'));
  assert((await verdict(page)).startsWith('1 erreur'), await verdict(page));
  assert(requests.every(u => u === url), 'requests: ' + requests.filter(u => u !== url).join(', '));
  assert((await page.evaluate(() => window.__csp)).length === 0, 'CSP violations: ' + await page.evaluate(() => window.__csp.join('; ')));
  assert(errors.length === 0, errors.join('; '));
  assert(await page.locator('text=Télécharger pour usage hors ligne').count() === 0, 'no offline link inside the offline file');
  // "Save as": the serialised DOM, written to a new file, reopens with exactly one app.
  const saved = path.join(root, '.tmp', 'conforme-saved.html');
  fs.mkdirSync(path.dirname(saved), { recursive: true });
  fs.writeFileSync(saved, await page.content());
  const again = await context.newPage();
  await again.goto('file://' + saved);
  await again.waitForSelector('#verdict');
  await again.waitForTimeout(200);
  assert(await again.locator('.app').count() === 1, `${await again.locator('.app').count()} apps mounted`);
  assert((await verdict(again)).includes('Aucune anomalie'), 'the saved copy checks its preloaded extract');
  await setText(again, reference.replace('POUR : 35', 'POUR : 36'));
  assert((await verdict(again)).startsWith('1 erreur'), await verdict(again));
  await context.close();
});

await test('served build under the strict CSP header: loads, checks, exports, no violation', async () => {
  const strict = await serve(dist, { csp: STRICT_CSP });
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.addInitScript(cspProbe);
  const errors = [];
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(strict.url);
  await page.waitForSelector('#verdict');
  await setText(page, reference.replace('POUR : 35', 'POUR : 36'));
  assert((await verdict(page)).startsWith('1 erreur'), await verdict(page));
  await page.locator('.finding-head').first().click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter JSON' }).click()]);
  assert(fs.readFileSync(await download.path(), 'utf8') === cliJson(reference.replace('POUR : 35', 'POUR : 36')), 'export under CSP');
  assert(await page.locator('a[href="conforme.html"]').count() === 1, 'the served page offers the offline file');
  const violations = await page.evaluate(() => window.__csp);
  assert(violations.length === 0, 'CSP violations: ' + violations.join('; '));
  assert(!errors.some(e => /Content Security Policy/i.test(e)), errors.join('; '));
  const own = new Set(fs.readdirSync(dist).map(f => '/' + f).concat(['/']));
  assert(strict.log.every(u => own.has(u.split('?')[0])), 'requests: ' + strict.log.join(', '));
  await context.close();
  await strict.close();
});

await test('embedding: Conforme.check equals the CLI, mount() isolates its styles', async () => {
  const host = await serve(dist, { csp: STRICT_CSP });
  const context = await browser.newContext({ viewport: { width: 1300, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(cspProbe);
  await page.goto(host.url + 'embed.html');
  await page.waitForFunction(() => window.Conforme);
  await page.evaluate(() => window.Conforme.ready);
  for (const text of [reference, reference.replace('CONTRE : 0', 'CONTRE : 2')]) {
    const got = await page.evaluate(t => JSON.stringify(window.Conforme.check(t)), text);
    assert(got + '\n' === cliJson(text), 'Conforme.check() differs from the CLI JSON');
  }
  const opts = await page.evaluate(() => window.Conforme.check('Conseil municipal\nDate de convocation : 16 mars 2024\nSéance du jeudi 21 mars 2024\n', { population: 12400 }).extracts[0].findings[0].severity);
  assert(opts === 'error', 'options reach the engine');
  // mounted inside the host page, in a shadow root
  await page.waitForSelector('#verificateur >> #verdict');
  assert((await page.locator('#verificateur >> #verdict').innerText()).includes('Aucune anomalie'), 'embedded app checks');
  assert((await page.locator('#api-result').innerText()).startsWith('ATT-VOTANTS'), await page.locator('#api-result').innerText());
  const hostStyles = await page.evaluate(() => {
    const h = getComputedStyle(document.getElementById('host-title'));
    return [h.fontFamily, h.color, getComputedStyle(document.body).backgroundColor];
  });
  assert(hostStyles[0].includes('Georgia') && hostStyles[1] === 'rgb(255, 255, 255)' && hostStyles[2] === 'rgb(255, 251, 230)', 'host CSS changed: ' + hostStyles);
  const inner = await page.evaluate(() => {
    const root = document.getElementById('verificateur').shadowRoot;
    const b = getComputedStyle(root.querySelector('.btn'));
    const t = getComputedStyle(root.querySelector('textarea'));
    return [b.backgroundColor, b.fontSize, t.backgroundColor, getComputedStyle(root.querySelector('.app')).fontFamily];
  });
  assert(inner[0] !== 'rgb(255, 105, 180)' && inner[1] !== '30px' && inner[2] !== 'rgb(0, 0, 0)' && !inner[3].includes('Georgia'), 'host CSS leaked in: ' + inner);
  // the custom element
  await page.evaluate(() => document.body.append(document.createElement('conforme-checker')));
  await page.waitForSelector('conforme-checker >> #verdict');
  const violations = await page.evaluate(() => window.__csp);
  assert(violations.length === 0, 'CSP violations: ' + violations.join('; '));
  const own = new Set(fs.readdirSync(dist).map(f => '/' + f));
  assert(host.log.every(u => own.has(u.split('?')[0])), 'requests: ' + host.log.join(', '));
  await context.close();
  await host.close();
});

if (process.env.SHOTS) {
  for (const [name, text] of [['correct', reference], ['broken', reference.replace('POUR : 35', 'POUR : 36')]]) {
    const { page, context } = await open({ viewport: { width: 1400, height: 900 } });
    await setText(page, text);
    if (name === 'broken') await page.locator('.finding-head').first().click();
    await page.screenshot({ path: path.join(root, `docs/screenshot-${name}.png`) });
    await context.close();
  }
}

await server.close();
await browser.close();
console.log(results.join('\n'));
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
