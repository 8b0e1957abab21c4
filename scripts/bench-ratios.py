"""Prints the engine/floor ratio of each criterion benchmark (medians from target/criterion)."""
import json, pathlib

root = pathlib.Path("target/criterion")
rows = []
for group in sorted(p for p in root.iterdir() if p.is_dir() and p.name != "report") if root.exists() else []:
    check = group / "check"
    floor = group / "floor"
    if not check.exists():
        continue
    for case in sorted(p for p in check.iterdir() if p.is_dir()):
        try:
            c = json.loads((case / "new/estimates.json").read_text())["median"]["point_estimate"]
            f = json.loads((floor / case.name / "new/estimates.json").read_text())["median"]["point_estimate"]
        except (FileNotFoundError, KeyError):
            continue
        rows.append((f"{group.name}/{case.name}", c / 1e6, f / 1e6, c / f))
print(f"{'benchmark':<40} {'check ms':>10} {'floor ms':>10} {'ratio':>8}")
for name, c, f, r in rows:
    print(f"{name:<40} {c:>10.3f} {f:>10.4f} {r:>8.0f}x")
