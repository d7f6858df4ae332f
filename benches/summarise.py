#!/usr/bin/env python3
"""Prints every criterion result under target/criterion (or the directory given) as
`full id | bytes | median | [lower upper] of the median's confidence interval`, sorted by
id; an optional second argument keeps only ids starting with it. Used to fill BENCHMARKS.md.

    python3 benches/summarise.py [criterion-dir] [id-prefix]
"""
import glob
import json
import os
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "target/criterion"
prefix = sys.argv[2] if len(sys.argv) > 2 else ""


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


rows = []
for bench in glob.glob(os.path.join(root, "**", "new", "benchmark.json"), recursive=True):
    with open(bench) as f:
        meta = json.load(f)
    if not meta["full_id"].startswith(prefix):
        continue
    with open(os.path.join(os.path.dirname(bench), "estimates.json")) as f:
        median = json.load(f)["median"]
    size = (meta.get("throughput") or {}).get("Bytes", "")
    ci = median["confidence_interval"]
    rows.append((meta["full_id"], size, median["point_estimate"], ci["lower_bound"], ci["upper_bound"]))
for full_id, size, point, lo, hi in sorted(rows):
    print(f"{full_id} | {size} | {fmt(point)} | [{fmt(lo)} {fmt(hi)}]")
