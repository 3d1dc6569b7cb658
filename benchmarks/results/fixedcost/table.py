"""Issue 16's side-by-side tables from the JSON files run.sh writes (usage: table.py DIR, or
table.py DIR goals for the issue's goals, or table.py DIR floor for the hand-written floor).

Prints markdown: every benchmark before and after (median of the measured iterations, then JMH's
mean and 99.9 % error, and B/op), the after/before ratio of the medians, and "slower" where the
after mean minus its error exceeds the before mean plus its error by 5 %.
"""
import glob
import json
import statistics
import sys


def load(path):
    out = {}
    for r in json.load(open(path)):
        parts = r['benchmark'].split('.')
        name = parts[-2] + '.' + parts[-1]
        params = r.get('params')
        if params:
            name += ' ' + ','.join(f'{k}={v}' for k, v in sorted(params.items()))
        pm = r['primaryMetric']
        raw = [x for fork in pm['rawData'] for x in fork]
        alloc = r.get('secondaryMetrics', {}).get('gc.alloc.rate.norm', {}).get('score')
        out[name] = dict(med=statistics.median(raw), mean=pm['score'], err=pm['scoreError'], alloc=alloc)
    return out


def fmt(v):
    return f"{v['med']:,.3f} ({v['mean']:,.3f} ± {v['err']:,.3f})"


def alloc(v):
    return '–' if v['alloc'] is None else f"{v['alloc']:.0f}"


def main(d):
    print('| benchmark | before: median (mean ± error) | after: median (mean ± error) | after / before | B/op before → after |')
    print('|---|---|---|---:|---|')
    for prefix in ['J', 'E', 'P', 'S', 'R']:
        for f in sorted(glob.glob(f'{d}/{prefix}-*-before.json')):
            try:
                a, b = load(f), load(f.replace('-before.json', '-after.json'))
            except (OSError, ValueError):
                continue  # the run has not reached its "after" half yet
            for k in a:
                x, y = a[k], b[k]
                slower = y['mean'] - y['err'] > (x['mean'] + x['err']) * 1.05
                label = ('recheck, three forks: ' if prefix == 'R' else '') + k
                print(f"| {label} | {fmt(x)} | {fmt(y)} | {y['med'] / x['med']:.2f}{' **slower**' if slower else ''}"
                      f" | {alloc(x)} → {alloc(y)} |")
    for f in sorted(glob.glob(f'{d}/N-*-after.json')):
        for k, y in load(f).items():
            print(f"| {k} | (not in the before jar) | {fmt(y)} | – | – → {alloc(y)} |")


if __name__ == '__main__' and len(sys.argv) == 2:
    main(sys.argv[1])


def goals(d):
    """The issue's goals from the same files: ratios of medians, each marked met or not."""
    def med(prefix, bench, jar, key=None):
        data = load(f'{d}/{prefix}-{bench}-{jar}.json')
        return next(iter(data.values())) if key is None else data[key]

    print('| goal | figure (medians, ns) | ratio | met |')
    print('|---|---|---:|---|')
    for edit in ['Street', 'Flip', 'Quantity']:
        fx = med('J', 'javafx' + edit, 'after')
        sw = med('J', 'statewire' + edit, 'after')
        ign = med('N', 'statewire' + edit + 'Ignored', 'after')
        r = sw['med'] / fx['med']
        print(f"| {edit.lower()}: store within 2× of JavaFX | statewire {sw['med']:,.3f} against JavaFX"
              f" {fx['med']:,.3f} | {r:.2f} | {'yes' if r <= 2 else '**no**'} |")
        print(f"| {edit.lower()}: 0 B/op, result ignored | statewire{edit}Ignored {ign['med']:,.3f},"
              f" {alloc(ign)} B/op | – | {'yes' if ign['alloc'] is not None and ign['alloc'] < 0.5 else '**no**'} |")
        bd = med('J', 'bound' + edit, 'after')
        r = bd['med'] / fx['med']
        print(f"| {edit.lower()}: bound within 3× of JavaFX | bound {bd['med']:,.3f}, {alloc(bd)} B/op |"
              f" {r:.2f} | {'yes' if r <= 3 else '**no**'} |")
    fx, sw = med('J', 'javafx100', 'after'), med('J', 'statewire100', 'after')
    r = sw['med'] / fx['med']
    print(f"| 100 changes: store faster than JavaFX | statewire {sw['med']:,.3f} against JavaFX {fx['med']:,.3f}"
          f" | {r:.2f} | {'yes' if r < 1 else '**no**'} |")
    for s in ['S01', 'S03', 'S04', 'S09', 'S12', 'S14']:
        b, a = med('E', s, 'before'), med('E', s, 'after')
        r = a['med'] / b['med']
        print(f"| {s} at least 2× faster | {b['med']:,.3f} → {a['med']:,.3f} | {r:.2f} | {'yes' if r <= 0.5 else '**no**'} |")


if __name__ == '__main__' and len(sys.argv) > 2 and sys.argv[2] == 'goals':
    goals(sys.argv[1])


def floor(d):
    """The floor (HandWrittenForm) against JavaFX and the store, from the same files."""
    def med(prefix, bench):
        return next(iter(load(f'{d}/{prefix}-{bench}-after.json').values()))

    print('| edit | JavaFX | floor | store | floor / JavaFX | store / floor |')
    print('|---|---:|---:|---:|---:|---:|')
    for edit in ['Street', 'Flip', 'Quantity', '100']:
        fx, fl, sw = med('J', 'javafx' + edit), med('N', 'floor' + edit), med('J', 'statewire' + edit)
        print(f"| {edit.lower()} | {fx['med']:,.3f} | {fl['med']:,.3f} | {sw['med']:,.3f} |"
              f" {fl['med'] / fx['med']:.2f} | {sw['med'] / fl['med']:.2f} |")
    fl, sw = med('N', 'floorNoop'), med('N', 'statewireNoop')
    print(f"| no-op batch of one | – | {fl['med']:,.3f} | {sw['med']:,.3f} | – | {sw['med'] / fl['med']:.2f} |")


if __name__ == '__main__' and len(sys.argv) > 2 and sys.argv[2] == 'floor':
    floor(sys.argv[1])
