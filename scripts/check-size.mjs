// Checks dist/size-report.json (written by the post-build step) against size-budget.json.
import fs from 'node:fs';
const report = JSON.parse(fs.readFileSync('dist/size-report.json', 'utf8'));
const budget = JSON.parse(fs.readFileSync('size-budget.json', 'utf8'));
let over = 0;
for (const [item, kinds] of Object.entries(budget)) {
  if (item.startsWith('_')) continue;
  for (const [kind, b] of Object.entries(kinds)) {
    const got = report[item][kind];
    const ok = got <= b.budget;
    over += ok ? 0 : 1;
    const target = b.target ? ` (issue target ${(b.target / 1024).toFixed(0)} KB: ${got <= b.target ? 'met' : 'missed by ' + ((got - b.target) / 1024).toFixed(1) + ' KB'})` : '';
    console.log(`${ok ? 'ok  ' : 'OVER'} ${item} ${kind}: ${(got / 1024).toFixed(1)} KB, budget ${(b.budget / 1024).toFixed(1)} KB${target}`);
  }
}
process.exit(over ? 1 : 0);
