"""Issue 16's side-by-side tables from the JSON files run.sh writes (usage: table.py DIR).

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
    for prefix in ['J', 'E', 'P', 'S']:
        for f in sorted(glob.glob(f'{d}/{prefix}-*-before.json')):
            try:
                a, b = load(f), load(f.replace('-before.json', '-after.json'))
            except (OSError, ValueError):
                continue  # the run has not reached its "after" half yet
            for k in a:
                x, y = a[k], b[k]
                slower = y['mean'] - y['err'] > (x['mean'] + x['err']) * 1.05
                print(f"| {k} | {fmt(x)} | {fmt(y)} | {y['med'] / x['med']:.2f}{' **slower**' if slower else ''}"
                      f" | {alloc(x)} → {alloc(y)} |")
    for f in sorted(glob.glob(f'{d}/N-*-after.json')):
        for k, y in load(f).items():
            print(f"| {k} | (not in the before jar) | {fmt(y)} | – | – → {alloc(y)} |")


if __name__ == '__main__':
    main(sys.argv[1])
