#!/usr/bin/env python3
"""Turns JMH JSON results into the tables of docs/PERFORMANCE.md (and the scaling chart).

    python3 benchmarks/scripts/report.py benchmarks/results/suite.json [--doc docs/PERFORMANCE.md]
        [--chart docs/scaling.svg]

Without --doc it prints the tables. With --doc it replaces every block between
`<!-- BEGIN generated:NAME -->` and `<!-- END generated:NAME -->` in that file with table NAME, so
every figure in the document is copied from a JMH JSON file by this script, never by hand.
Figures are JMH's: the median of the measurement iterations (p50), the mean and JMH's 99.9%
confidence half-width ("error") of the mean. Scores and ratios are cut (never rounded up) to the
digits shown; errors are rounded up. Python standard library only.
"""
import json
import math
import re
import sys

GOALS_MS = {  # ECOMMERCE.md, "Reference timings"
    "S01": ("0.0009", "0.0014", "0.00009"), "S02": ("0.146", "0.100", "0.010"), "S03": ("0.0003", "0.0012", "0.00003"),
    "S04": ("0.0004", "0.0009", "0.00004"), "S05": ("0.0600", "0.109", "0.006"), "S06": ("0.0091", "0.009", "0.0009"),
    "S07": ("0.0538", "0.041", "0.004"), "S08": ("0.218", "0.131", "0.013"), "S09": ("0.0043", "0.007", "0.0004"),
    "S10": ("0.196", "0.114", "0.011"), "S11": ("7.284", "2.88", "0.29"), "S12": ("0.0022", "0.003", "0.0002"),
    "S13": ("0.0154", "0.017", "0.0015"), "S14": ("0.0041", "0.008", "0.0004"), "S15": ("2.025", "0.993", "0.10"),
    "S16": ("6.995", "2.99", "0.30"),
}
PARITY_APPLIED = [32, 34, 66, 3, 200, 60, 7, 25, 26, 37, 380, 26, 65, 18, 140, 440]


def load(paths):
    rows = []
    for p in paths:
        with open(p) as f:
            rows.extend(json.load(f))
    return rows


def short(name):
    return name.split(".")[-2] + "." + name.split(".")[-1]


def metric(row, key=None):
    m = row["primaryMetric"] if key is None else secondary(row, key)
    if m is None:
        return None
    return {
        "median": m["scorePercentiles"]["50.0"],
        "mean": m["score"],
        "error": m["scoreError"],
        "unit": m["scoreUnit"],
        "n": sum(len(fork) for fork in m["rawData"]) if "rawData" in m else None,
    }


def secondary(row, key):
    for k, v in row.get("secondaryMetrics", {}).items():
        if k.lstrip("\u00b7") == key:
            return v
    return None


def cut(x, decimals):
    """x cut (truncated towards zero, never rounded up) to `decimals` decimals."""
    f = 10 ** decimals
    return math.trunc(x * f) / f


def up(x, decimals):
    """x rounded up (away from zero) to `decimals` decimals: used for error bars, never to flatter."""
    f = 10 ** decimals
    return math.ceil(x * f) / f


def err(x, digits=3):
    if isinstance(x, str) or x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a" if not isinstance(x, str) else x
    return f"{up(x, digits):,.{digits}f}"


def err_fixed(x, s=2):
    if isinstance(x, str) or x is None or (isinstance(x, float) and math.isnan(x)) or x == 0:
        return "n/a" if x != 0 else "0"
    decimals = max(0, s - 1 - math.floor(math.log10(abs(x))))
    return f"{up(x, decimals):.{decimals}f}"


def num(x, digits=3):
    if isinstance(x, str):
        return x
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    return f"{cut(x, digits):,.{digits}f}"


def sig(x, s=3):
    if isinstance(x, str) or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    if x is None or x == 0:
        return "0"
    decimals = max(0, s - 1 - math.floor(math.log10(abs(x))))
    return f"{cut(x, decimals):.{decimals}f}"


def fixed(x, s=4):
    """x with s significant digits in fixed notation (no exponent)."""
    if isinstance(x, str) or x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    if x == 0:
        return "0"
    decimals = max(0, s - 1 - math.floor(math.log10(abs(x))))
    return f"{cut(x, decimals):.{decimals}f}"


def alloc(row):
    a = metric(row, "gc.alloc.rate.norm")
    return "–" if a is None else num(a["mean"], 1)


def find(rows, bench, **params):
    out = []
    for r in rows:
        if short(r["benchmark"]) != bench:
            continue
        if all(str(r.get("params", {}).get(k)) == str(v) for k, v in params.items()):
            out.append(r)
    return out


def settings(row):
    if row["mode"] == "ss":
        return (f"{row['forks']} fork(s), {row['warmupIterations']} warmup iterations of {row['warmupBatchSize']} calls, "
                f"{row['measurementIterations']} measurement iterations of {row['measurementBatchSize']} calls")
    return (f"{row['forks']} fork(s), {row['warmupIterations']} × {row['warmupTime']} warmup, "
            f"{row['measurementIterations']} × {row['measurementTime']} measurement")


def table_micro(rows):
    goals = {
        "PipelineBench.shadow1000OneBatch": ("< 5,000 ns (seed < 50,000)", 5000, True),
        "PipelineBench.shadow1000SingleWrites": ("< 5,000 ns (seed < 50,000)", 5000, True),
        "PipelineBench.batch1NoWiring": ("–", None, True),
        "PipelineBench.batch1OneSyncPeer": ("< 100 ns", 100, True),
        "PipelineBench.batch4NoWiring": ("–", None, True),
        "PipelineBench.batch4SyncFlip": ("–", None, True),
        "PipelineBench.batch4SyncFlipListener": ("–", None, False),
        "PipelineBench.noopBatch": ("< 20 ns", 20, True),
        "PipelineBench.shadow1000OneBatchIgnored": ("< 5,000 ns (seed < 50,000)", 5000, True),
        "PipelineBench.batch1OneSyncPeerIgnored": ("< 100 ns", 100, True),
        "PipelineBench.batch4SyncFlipIgnored": ("–", None, True),
    }
    out = ["| benchmark | time goal | median ns/op | mean ± error ns/op | time goal met | B/op (`-prof gc`) | 0 B/op goal met |",
           "|---|---|---:|---:|---|---:|---|"]
    for name, (goal, limit, zero_goal) in goals.items():
        for r in find(rows, name):
            m = metric(r)
            a = metric(r, "gc.alloc.rate.norm")
            met = "–" if limit is None else ("yes" if m["median"] < limit else "**no**")
            zmet = "–" if not zero_goal or a is None else ("yes" if a["mean"] < 0.5 else "**no**")
            out.append(f"| `{name.split('.')[1]}` | {goal} | {num(m['median'])} | {num(m['mean'])} ± {err(m['error'])} "
                       f"| {met} | {alloc(r)} | {zmet} |")
    return "\n".join(out)


def table_reference(rows):
    out = ["| | JS legacy (B) ms | WASM v4 ms | goal ms | statewire median ms | statewire mean ± error ms | statewire / goal | JS / statewire | B/op |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for s, texts in GOALS_MS.items():
        js, wasm, goal = (float(t) for t in texts)
        for r in find(rows, "EcommerceReferenceBench.trigger", scenario=s):
            m = metric(r)
            assert m["unit"] == "ns/op", m["unit"]
            med = m["median"] / 1e6
            ratio = med / goal
            out.append(f"| {s} | {texts[0]} | {texts[1]} | {texts[2]} | {fixed(med, 4)} | {fixed(m['mean'] / 1e6, 4)} ± {err_fixed(m['error'] / 1e6 if not isinstance(m['error'], str) else m['error'], 2)} "
                       f"| {'**' if ratio > 1 else ''}{sig(ratio, 3)}{'**' if ratio > 1 else ''} | {sig(js / med, 3)} | {alloc(r)} |")
    return "\n".join(out)


def table_realwork(rows):
    out = ["| | applied (parity) | median µs per call | mean ± error µs | reference method: median µs (hot store, repeated trigger) |",
           "|---|---:|---:|---:|---:|"]
    for i, s in enumerate(GOALS_MS):
        for r in find(rows, "EcommerceRealWorkBench.trigger", scenario=s):
            m = metric(r)
            ref = find(rows, "EcommerceReferenceBench.trigger", scenario=s)
            refm = num(metric(ref[0])["median"] / 1e3) if ref else "n/a"
            out.append(f"| {s} | {PARITY_APPLIED[i]} | {num(m['median'] / 1e3)} | {num(m['mean'] / 1e3)} ± {err(m['error'] / 1e3 if not isinstance(m['error'], str) else m['error'])} | {refm} |")
    return "\n".join(out)


def table_javafx(rows):
    pairs = [("single edit: synced street", "Street"), ("single edit: isBuy (flip)", "Flip"),
             ("single edit: quantity (total listener)", "Quantity"), ("100 changes (one batch / 100 sets)", "100")]
    out = ["| edit | statewire median ns | statewire mean ± error | JavaFX median ns | JavaFX mean ± error | statewire / JavaFX (medians) | statewire B/op | JavaFX B/op |",
           "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for label, suffix in pairs:
        sw = find(rows, "JavaFxPeerBench.statewire" + suffix)
        fx = find(rows, "JavaFxPeerBench.javafx" + suffix)
        if not sw or not fx:
            continue
        a, b = metric(sw[0]), metric(fx[0])
        out.append(f"| {label} | {num(a['median'])} | {num(a['mean'])} ± {err(a['error'])} | {num(b['median'])} "
                   f"| {num(b['mean'])} ± {err(b['error'])} | {num(a['median'] / b['median'], 3)} | {alloc(sw[0])} | {alloc(fx[0])} |")
    return "\n".join(out)


def series(rows, bench, param):
    pts = []
    for r in find(rows, bench):
        pts.append((int(r["params"][param]), r))
    return sorted(pts, key=lambda p: p[0])


def series_table(rows, title, name, param, column, per=None, lead="\n"):
    """A scaling series as a table: one row per parameter value; `per` adds a column of median / n."""
    out = [f"{lead}{title}\n"]
    extra = f" median ns per {per} |" if per else ""
    align = "---:|" if per else ""
    out.append(f"| {column} | median ns per batch | mean ± error |{extra} B/op |\n|---:|---:|---:|{align}---:|")
    for n, r in series(rows, name, param):
        m = metric(r)
        cell = f" {num(m['median'] / n)} |" if per else ""
        out.append(f"| {n:,} | {num(m['median'])} | {num(m['mean'])} ± {err(m['error'])} |{cell} {alloc(r)} |")
    return out


def table_scaling(rows):
    out = []
    out += series_table(rows, "**Batch size** (`BatchSizeBench`, 20,000-path flat store, distinct double paths, no wiring)",
                        "BatchSizeBench.batch", "changes", "changes", per="change", lead="")
    out += series_table(rows, "**Registered listeners on unrelated paths** (`ListenerCountBench`, fixed 10-change batch)",
                        "ListenerCountBench.batch10", "listeners", "listeners")
    out += series_table(rows, "**State size** (`StateSizeBench`, fixed 4-change batch, one of them with a sync peer)",
                        "StateSizeBench.batch4", "paths", "paths")
    out += series_table(rows, "**Sync-group size** (`SyncGroupBench`, one write; the batch applies one change per member)",
                        "SyncGroupBench.write", "members", "members", per="applied change")
    created = find(rows, "CreationBench.flat50Store") + find(rows, "CreationBench.ecommerceStoreWired")
    if created:
        out.append("\n**Creating a store** (`CreationBench`)\n")
        out.append("| store | median | mean ± error | B/op |\n|---|---:|---:|---:|")
        for r in created:
            m = metric(r)
            out.append(f"| `{short(r['benchmark']).split('.')[1]}` | {num(m['median'])} {m['unit']} | {num(m['mean'])} ± {err(m['error'])} | {alloc(r)} |")
    tp = find(rows, "ManyStoresThroughputBench.batch1OneSyncPeer")
    if tp:
        m = metric(tp[0])
        out.append(f"\n**Many stores, all cores** (`ManyStoresThroughputBench`, {tp[0]['threads']} threads, one 50-path store each, "
                   f"1-change batch with one sync peer): median {num(m['median'])} {m['unit']} "
                   f"(mean {num(m['mean'])} ± {err(m['error'])}), summed over threads.")
    return "\n".join(out)


def table_settings(rows):
    seen = {}
    for r in rows:
        cls = r["benchmark"].rsplit(".", 1)[0].split(".")[-1]
        seen.setdefault(cls, (r["mode"], settings(r), r["jvm"], r["vmVersion"], r.get("jdkVersion", "")))
    out = ["| class | mode | settings |", "|---|---|---|"]
    for cls, (mode, s, _, _, _) in seen.items():
        out.append(f"| `{cls}` | {mode} | {s} |")
    any_row = rows[0]
    out.append(f"\nJVM: `{any_row['jvm']}`, JDK {any_row.get('jdkVersion', '')}, VM {any_row['vmName']} {any_row['vmVersion']}; "
               f"JMH {any_row['jmhVersion']}.")
    return "\n".join(out)


def chart(rows, path):
    """A dependency-free SVG: four log-log panels, time per unit vs size."""
    panels = [
        ("ns per change vs batch size", [(n, metric(r)["median"] / n) for n, r in series(rows, "BatchSizeBench.batch", "changes")]),
        ("ns per 10-change batch vs listeners", [(n, metric(r)["median"]) for n, r in series(rows, "ListenerCountBench.batch10", "listeners")]),
        ("ns per 4-change batch vs state paths", [(n, metric(r)["median"]) for n, r in series(rows, "StateSizeBench.batch4", "paths")]),
        ("ns per applied change vs sync-group size", [(n, metric(r)["median"] / n) for n, r in series(rows, "SyncGroupBench.write", "members")]),
    ]
    W, H, PW, PH, M = 1100, 780, 440, 290, 60
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{W / 2}" y="24" text-anchor="middle" font-size="16">statewire scaling series (median of JMH iterations; log-log)</text>']
    for i, (title, pts) in enumerate(panels):
        if not pts:
            continue
        ox = M + (i % 2) * (PW + M + 20)
        oy = 60 + (i // 2) * (PH + M + 20)
        xs = [math.log10(p[0]) for p in pts]
        ys = [math.log10(max(p[1], 1e-3)) for p in pts]
        x0, x1 = min(xs), max(xs)
        y0, y1 = math.floor(min(ys)), math.ceil(max(ys))
        if y1 == y0:
            y1 = y0 + 1
        if x1 == x0:
            x1 = x0 + 1
        fx = lambda x: ox + (x - x0) / (x1 - x0) * PW
        fy = lambda y: oy + PH - (y - y0) / (y1 - y0) * PH
        svg.append(f'<text x="{ox + PW / 2}" y="{oy - 10}" text-anchor="middle" font-size="13">{title}</text>')
        svg.append(f'<rect x="{ox}" y="{oy}" width="{PW}" height="{PH}" fill="none" stroke="#888"/>')
        for d in range(y0, y1 + 1):
            y = fy(d)
            svg.append(f'<line x1="{ox}" y1="{y}" x2="{ox + PW}" y2="{y}" stroke="#ddd"/>')
            svg.append(f'<text x="{ox - 6}" y="{y + 4}" text-anchor="end">{10 ** d:g}</text>')
        for (n, _), x in zip(pts, xs):
            svg.append(f'<text x="{fx(x)}" y="{oy + PH + 16}" text-anchor="middle">{n:,}</text>')
        line = " ".join(f"{fx(x):.1f},{fy(y):.1f}" for x, y in zip(xs, ys))
        svg.append(f'<polyline points="{line}" fill="none" stroke="#1f6fb2" stroke-width="2"/>')
        for (n, v), x, y in zip(pts, xs, ys):
            svg.append(f'<circle cx="{fx(x):.1f}" cy="{fy(y):.1f}" r="4" fill="#1f6fb2"/>')
            svg.append(f'<text x="{fx(x) + 6:.1f}" y="{fy(y) - 6:.1f}" font-size="11">{num(v)}</text>')
    svg.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(svg) + "\n")


TABLES = {
    "settings": table_settings, "micro": table_micro, "reference": table_reference,
    "realwork": table_realwork, "javafx": table_javafx, "scaling": table_scaling,
}


def main(argv):
    files, doc, chart_path = [], None, None
    i = 0
    while i < len(argv):
        if argv[i] == "--doc":
            doc = argv[i + 1]; i += 2
        elif argv[i] == "--chart":
            chart_path = argv[i + 1]; i += 2
        else:
            files.append(argv[i]); i += 1
    rows = load(files)
    if chart_path:
        chart(rows, chart_path)
    if doc is None:
        for name, fn in TABLES.items():
            print(f"## {name}\n\n{fn(rows)}\n")
        return
    with open(doc) as f:
        text = f.read()
    for name, fn in TABLES.items():
        pattern = re.compile(rf"(<!-- BEGIN generated:{name} -->\n).*?(<!-- END generated:{name} -->)", re.S)
        text, n = pattern.subn(lambda m: m.group(1) + fn(rows) + "\n" + m.group(2), text)
        if n == 0:
            print(f"warning: no generated:{name} block in {doc}", file=sys.stderr)
    with open(doc, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main(sys.argv[1:])
