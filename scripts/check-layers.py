#!/usr/bin/env python3
"""Checks that dependencies point one way:
pages -> components -> api -> server (glue) in the app crate -> the domain crate -> shared;
inside the domain crate, platform/ uses no domain module.

A module may use modules of its own layer and of the layers after it, never of those before.
Prints every import that runs back up the layers and exits 1 if there is one.
Usage: python3 scripts/check-layers.py
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["pages", "components", "api", "server"]
USE = re.compile(r"crate::(pages|components|api|server)\b")


def layer_of(path: Path) -> str | None:
    parts = path.relative_to(ROOT / "app" / "src").parts
    return parts[0] if parts and parts[0] in LAYERS else None


def main() -> int:
    problems = []
    for path in sorted((ROOT / "app" / "src").rglob("*.rs")):
        own = layer_of(path)
        if own is None:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("//"):
                continue
            for match in USE.finditer(line):
                used = match.group(1)
                if LAYERS.index(used) < LAYERS.index(own):
                    problems.append(f"{path.relative_to(ROOT)}:{number}: {own} uses {used}: {line.strip()}")
    domain = ROOT / "server" / "domain"
    for path in sorted(domain.rglob("*.rs")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("//"):
                continue
            if re.search(r"\b(app|server|leptos|leptos_axum|leptos_router|axum)::", line):
                problems.append(f"{path.relative_to(ROOT)}:{number}: domain depends on a higher layer: {line.strip()}")
    platform = domain / "src" / "platform"
    for path in sorted(platform.rglob("*.rs")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("//"):
                continue
            if re.search(r"crate::(accounts|kommunen|officers|member_import|forums|maintenance|demo_seed|bench_seed)\b", line):
                problems.append(f"{path.relative_to(ROOT)}:{number}: platform uses a domain: {line.strip()}")
    manifest = (domain / "Cargo.toml").read_text(encoding="utf-8")
    for forbidden in ("leptos", "axum", "app ", "app.workspace"):
        if re.search(rf"^{re.escape(forbidden)}", manifest, re.M):
            problems.append(f"server/domain/Cargo.toml depends on {forbidden.strip()}")
    shared = ROOT / "shared" / "src"
    for path in sorted(shared.rglob("*.rs")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\b(app|server|leptos|sea_orm|axum|tokio)::", line):
                problems.append(f"{path.relative_to(ROOT)}:{number}: shared depends on a higher layer: {line.strip()}")
    for problem in problems:
        print(problem)
    print(f"layers: {len(problems)} upward import(s) (pages -> components -> api -> server -> domain -> shared)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
