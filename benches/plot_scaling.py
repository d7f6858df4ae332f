#!/usr/bin/env python3
"""Turns the scaling series of benches/scaling.rs into docs/scaling.svg (no dependencies).

    cargo bench --bench scaling -- --warm-up-time 1 --measurement-time 3
    python3 benches/plot_scaling.py [criterion-dir] [out.svg]

Reads target/criterion/scaling_<group>/<function>/<size>/new/{benchmark,estimates}.json
(criterion 0.5+/0.7 layout): the body size is the benchmark's Throughput::Bytes, the time
its median estimate. Draws two log-x panels: time against size (log-log, with a slope-1
guide: linear cost is a line parallel to it) and nanoseconds per byte against size (linear
cost is a flat line). Prints a Markdown table with the fitted log-log slope of each series
(1.00 = linear) for BENCHMARKS.md.
"""
import glob
import json
import math
import os
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "target/criterion"
out = sys.argv[2] if len(sys.argv) > 2 else "docs/scaling.svg"

series = {}  # "group / function" -> [(bytes, median ns)]
for bench in glob.glob(os.path.join(root, "scaling_*", "*", "*", "new", "benchmark.json")):
    with open(bench) as f:
        meta = json.load(f)
    with open(os.path.join(os.path.dirname(bench), "estimates.json")) as f:
        est = json.load(f)
    size = (meta.get("throughput") or {}).get("Bytes")
    if size is None:
        continue
    group = meta["group_id"].split("/", 1)[-1]
    name = f"{group} / {meta['function_id']}"
    series.setdefault(name, []).append((size, est["median"]["point_estimate"]))
if not series:
    sys.exit(f"no scaling results under {root}: run the bench first")
for points in series.values():
    points.sort()


def slope(points):
    xs = [math.log(b) for b, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else float("nan")


def fmt_time(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def fmt_bytes(b):
    if b >= 1024 * 1024:
        return f"{b / 1024 / 1024:.3g} MiB"
    if b >= 1000 * 1024:
        return f"{b / 1024 / 1024:.2f} MiB"
    return f"{b / 1024:.3g} KiB" if b >= 1024 else f"{b} B"


# Markdown table for BENCHMARKS.md.
print("| Series | smallest body | time | largest body | time | ns/byte (small → large) | log-log slope |")
print("|---|---|---|---|---|---|---|")
for name in sorted(series):
    p = series[name]
    (b0, t0), (b1, t1) = p[0], p[-1]
    print(
        f"| {name} | {fmt_bytes(b0)} | {fmt_time(t0)} | {fmt_bytes(b1)} | {fmt_time(t1)} "
        f"| {t0 / b0:.2f} → {t1 / b1:.2f} | {slope(p):.3f} |"
    )

# ---- SVG ----
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]
W, H = 1100, 510
PW, PH = 430, 330  # plot area of each panel
panels = [(70, 60), (600, 60)]
all_b = [b for p in series.values() for b, _ in p]
all_t = [t for p in series.values() for _, t in p]
all_r = [t / b for p in series.values() for b, t in p]
# x: from just below the smallest body to just above the largest, ticks at powers of 4 KiB.
bx0, bx1 = math.log10(min(all_b) / 1.25), math.log10(max(all_b) * 1.25)
x_ticks = [1024 * 4**k for k in range(12) if min(all_b) / 1.25 <= 1024 * 4**k <= max(all_b) * 1.25]
ty0, ty1 = math.floor(math.log10(min(all_t))), math.ceil(math.log10(max(all_t)))
ry0, ry1 = math.floor(math.log10(min(all_r))), math.ceil(math.log10(max(all_r)))


def sx(px, b):
    return px + (math.log10(b) - bx0) / (bx1 - bx0) * PW


def sy(py, v, lo, hi):
    return py + PH - (math.log10(v) - lo) / (hi - lo) * PH


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


svg = [
    f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
    f'viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">',
    f'<rect width="{W}" height="{H}" fill="white"/>',
    f'<text x="{W / 2}" y="22" text-anchor="middle" font-size="15">sectigo-codec: '
    "cost against body size (criterion medians, log scales)</text>",
]
titles = ["time per parse", "nanoseconds per byte (flat = linear)"]
ranges = [(ty0, ty1), (ry0, ry1)]
for (px, py), title, (lo, hi) in zip(panels, titles, ranges):
    svg.append(f'<text x="{px + PW / 2}" y="{py - 10}" text-anchor="middle">{title}</text>')
    svg.append(f'<rect x="{px}" y="{py}" width="{PW}" height="{PH}" fill="none" stroke="#444"/>')
    for b in x_ticks:
        x = sx(px, b)
        svg.append(f'<line x1="{x:.1f}" y1="{py}" x2="{x:.1f}" y2="{py + PH}" stroke="#ddd"/>')
        svg.append(f'<text x="{x:.1f}" y="{py + PH + 16}" text-anchor="middle">{fmt_bytes(b)}</text>')
    for e in range(lo, hi + 1):
        y = sy(py, 10**e, lo, hi)
        label = fmt_time(10**e) if title.startswith("time") else f"{10.0**e:g}"
        svg.append(f'<line x1="{px}" y1="{y:.1f}" x2="{px + PW}" y2="{y:.1f}" stroke="#ddd"/>')
        svg.append(f'<text x="{px - 6}" y="{y + 4:.1f}" text-anchor="end">{esc(label)}</text>')
    svg.append(f'<text x="{px + PW / 2}" y="{py + PH + 34}" text-anchor="middle">body size (bytes)</text>')

# Slope-1 guide in the left panel, through the middle of the data.
(px, py), (lo, hi) = panels[0], ranges[0]
mid_b = 10 ** ((bx0 + bx1) / 2)
mid_t = 10 ** ((lo + hi) / 2)
gb0, gb1 = 10**bx0, 10**bx1
g0, g1 = mid_t * gb0 / mid_b, mid_t * gb1 / mid_b
svg.append(
    f'<line x1="{sx(px, gb0):.1f}" y1="{sy(py, g0, lo, hi):.1f}" x2="{sx(px, gb1):.1f}" '
    f'y2="{sy(py, g1, lo, hi):.1f}" stroke="#999" stroke-dasharray="6,4" '
    f'clip-path="url(#clip0)"/>'
)
svg.append(f'<clipPath id="clip0"><rect x="{px}" y="{py}" width="{PW}" height="{PH}"/></clipPath>')

legend_y = py + PH + 52
for i, name in enumerate(sorted(series)):
    colour = COLOURS[i % len(COLOURS)]
    p = series[name]
    for (px, py), (lo, hi), value in zip(panels, ranges, (lambda b, t: t, lambda b, t: t / b)):
        pts = " ".join(f"{sx(px, b):.1f},{sy(py, value(b, t), lo, hi):.1f}" for b, t in p)
        svg.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for b, t in p:
            svg.append(
                f'<circle cx="{sx(px, b):.1f}" cy="{sy(py, value(b, t), lo, hi):.1f}" r="3" fill="{colour}"/>'
            )
    lx = 70 + (i % 3) * 340
    ly = legend_y + (i // 3) * 18
    svg.append(f'<line x1="{lx}" y1="{ly - 4}" x2="{lx + 22}" y2="{ly - 4}" stroke="{colour}" stroke-width="3"/>')
    svg.append(f'<text x="{lx + 28}" y="{ly}">{esc(name)} (slope {slope(p):.2f})</text>')
svg.append(
    f'<text x="{W - 10}" y="{H - 8}" text-anchor="end" fill="#666">dashed: slope 1 (linear). '
    "benches/scaling.rs, benches/plot_scaling.py</text>"
)
svg.append("</svg>")
os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
with open(out, "w") as f:
    f.write("\n".join(svg) + "\n")
print(f"\nwrote {out}", file=sys.stderr)
