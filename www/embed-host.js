// Example host script: mounts the checker and calls the API.
await window.Conforme.ready;
await window.Conforme.mount(document.getElementById('verificateur'));
const report = window.Conforme.check('Présents : 18 — Pouvoirs : 4 — Votants : 23\n');
const f = report.extracts[0].findings[0];
document.getElementById('api-result').textContent = `${f.rule} — ${f.message}`;
