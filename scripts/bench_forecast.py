#!/usr/bin/env python3
"""Times the reference implementations' fit + 12-step forecast on each series' longest training window (best of
REPEATS), for `forewarm bench forecast` to compare with in the same run (see scripts/bench_forecast.sh)."""
import json
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reference_forecasts as ref  # noqa: E402

warnings.filterwarnings("ignore")
REPEATS = 3


def main(out_path):
    ref.sf_model("ets")(np.arange(50.0) % 7, 1, 3)  # numba JIT warm-up
    ref.sf_model("arima")(np.arange(50.0) % 7 + np.random.default_rng(0).normal(size=50), 1, 3)
    results = {}
    for family, name, _, values in ref.all_series():
        m, h, _, _ = ref.FAMILIES[family]
        y = np.asarray(values, float)
        origin = ref.origins(len(y), family)[-1]
        timings = {}
        for model_name, run in ref.reference_models(family).items():
            best = float("inf")
            for _ in range(REPEATS):
                t = time.perf_counter()
                try:
                    run(y[:origin], m, h)
                except Exception:
                    best = float("nan")
                    break
                best = min(best, time.perf_counter() - t)
            timings[model_name] = best
        results[name] = {"family": family, "season": m, "horizon": h, "origin": origin, "seconds": timings}
        print(f"{name:48s} " + " ".join(f"{k}={v * 1000:.1f}ms" for k, v in timings.items()), flush=True)
    Path(out_path).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".cache/bench_reference.json")
