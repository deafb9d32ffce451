#!/usr/bin/env python3
"""How well could a *perfect* predictor rank programs within each language, given label noise?

Takes each language's measured CPU times in the Rosetta labels as the truth, adds measurement noise of the size the
labels README reports, and prints the Spearman correlation of the noisy copy against the truth per language and
its unweighted mean (the target of docs/model.md is 0.55). Runs that hit the CPU limit stay tied at the limit, as
in `forewarm evaluate`. Since the measured values are themselves noisy, the ceilings are optimistic.

Then, for comparison, how well the run's *own* other measurements (output bytes, peak memory, page faults, context
switches) and the program's size rank its CPU time within each language (`ok` runs).

usage: scripts/noise_ceiling.py [LABELS_JSONL]   (default ../shared/data/labels/rosetta_labels.jsonl)
"""
import collections
import json
import math
import random
import statistics
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/labels/rosetta_labels.jsonl"
by_language = collections.defaultdict(list)
ok_runs = collections.defaultdict(list)
for line in open(path):
    row = json.loads(line)
    if row["status"] == "ok" and row["cpu_user_s"] is not None:
        ok_runs[row["lang"]].append(row)
    if row["status"] == "ok" and row["cpu_user_s"] is not None:
        cpu = row["cpu_user_s"] + row["cpu_sys_s"]
    elif row["status"] in ("timeout_cpu", "memory"):
        cpu = 10.0
    else:
        continue
    by_language[row["lang"]].append(math.log10(max(cpu, 1e-4)))


def ranks(values):
    order = sorted(range(len(values)), key=values.__getitem__)
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2
        i = j + 1
    return result


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    ma, mb = statistics.mean(ra), statistics.mean(rb)
    num = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    return num / math.sqrt(sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb))


# σ of one run's log10 CPU: the README's re-run ratio (p10 0.78, p90 1.10 → log10 spread 0.149 over 2.56 σ of a
# difference of two runs) and a model where short runs are noisier (±10 % over 1 s, −42…+30 % at 50–100 ms).
NOISE = {
    "average re-run spread (σ 0.041 decades)": lambda x: 0.041,
    "short runs noisier (σ 0.02 / 0.075 / 0.1 decades)": lambda x: 0.02 if x >= 0 else (0.075 if x >= -1.3 else 0.1),
}
rng = random.Random(1)
for name, sigma in NOISE.items():
    ceilings = {}
    for language, truth in sorted(by_language.items()):
        trials = [
            spearman(truth, [x if x >= 1 else x + rng.gauss(0, sigma(x)) for x in truth]) for _ in range(20)
        ]
        ceilings[language] = statistics.mean(trials)
    cells = " ".join(f"{language} {value:.2f}" for language, value in ceilings.items())
    print(f"{name}: mean {statistics.mean(ceilings.values()):.3f}  ({cells})")

print("the run's own measurements, Spearman against its CPU time within each language (ok runs):")
for key in ["stdout_bytes", "max_rss_kb", "minflt", "nvcsw", "nivcsw", "bytes", "lines"]:
    per_language = [
        spearman([r["cpu_user_s"] + r["cpu_sys_s"] for r in runs], [r.get(key) or 0 for r in runs])
        for _, runs in sorted(ok_runs.items())
    ]
    print(f"  {key}: mean {statistics.mean(per_language):.3f}")
