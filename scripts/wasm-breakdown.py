#!/usr/bin/env python3
"""Where the page's wasm bytes go, by family (raw bytes after wasm-opt -Oz, names kept).

Usage: python3 scripts/wasm-breakdown.py [N]   (after `trunk build --release`; needs twiggy)
Prints each family's share and the N largest items.
"""
import csv, glob, io, re, subprocess, sys, collections, os

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
src = os.path.join(root, 'target/wasm-bindgen/release/conforme_bg.wasm')
named = os.path.join(root, '.tmp/named.wasm')
os.makedirs(os.path.dirname(named), exist_ok=True)
subprocess.run(['wasm-opt', src, '-Oz', '-g', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
                '--enable-sign-ext', '--enable-mutable-globals', '-o', named], check=True)
out = subprocess.run(['twiggy', 'top', '-n', '1000000', '-f', 'csv', named], check=True,
                     capture_output=True, text=True).stdout
rows = list(csv.reader(io.StringIO(out)))[1:]
families = [
    ('data (text: rule docs, messages, keywords, reference extract)', r'^data segment'),
    ('page (conforme::web)', r'conforme::web'),
    ('engine: rules', r'conforme::rules'),
    ('engine: report + serde', r'conforme::report|serde'),
    ('engine: text, parse, check', r'conforme::'),
    ('yew (incl. our components\' views)', r'yew|implicit_clone'),
    ('sorting', r'::sort::|sort_by'),
    ('collections (hash, btree)', r'hashbrown|btree|indexmap|HashMap'),
    ('formatting', r'core::fmt|::fmt::|Display|Debug'),
    ('allocator', r'dlmalloc|__rust_(alloc|realloc|dealloc)'),
    ('bindings (wasm-bindgen, js-sys, web-sys, gloo)', r'wasm_bindgen|js_sys|web_sys|gloo'),
]
agg = collections.Counter()
items = []
for r in rows:
    name, size = r[0], int(r[1])
    if 'function names' in name:
        continue
    fam = next((f for f, p in families if re.search(p, name)), 'other (core, alloc, std)')
    agg[fam] += size
    items.append((size, name))
total = sum(agg.values())
for fam, size in agg.most_common():
    print(f'{size:>8}  {100 * size / total:5.1f} %  {fam}')
print(f'{total:>8}  total (raw, before stripping names)')
n = int(sys.argv[1]) if len(sys.argv) > 1 else 0
for size, name in sorted(items, reverse=True)[:n]:
    print(f'{size:>8}  {name[:150]}')
