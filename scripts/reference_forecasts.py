#!/usr/bin/env python3
"""Reference forecasts for Forewarm's forecasting module (issue 5).

1. Derives the evaluation series from ../shared/data (ReCodEx job logs, Azure LLM code/conv traces) plus the
   AirPassengers fixture, and writes them to Tests/ForewarmForecastingTests/Fixtures/series/<name>.csv
   (`timestamp,value`).
2. Runs statsmodels (ETSModel, ARIMA) and statsforecast (AutoETS, AutoARIMA) over the same rolling origins that
   `forewarm forecast --evaluate` uses, and writes their forecasts, 95% intervals and fit+forecast times to
   docs/forecasting/reference_forecasts.json.
3. Writes statsmodels' fitted parameters on each series' longest training window to
   Tests/ForewarmForecastingTests/Fixtures/reference_parameters.json (the Swift tests compare against it).
4. Writes statsmodels' STL decomposition of AirPassengers (plain and robust, raw and log) to
   Tests/ForewarmForecastingTests/Fixtures/reference_stl.json.

Run it with scripts/reference_forecasts.sh (creates .venv-forecast); the Swift tests never need Python.
"""
import csv
import json
import os
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")
os.environ.setdefault("NIXTLA_ID_AS_COL", "1")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("FOREWARM_DATA", ROOT / ".." / "shared" / "data"))
FIXTURES = ROOT / "Tests" / "ForewarmForecastingTests" / "Fixtures"
SERIES_DIR = FIXTURES / "series"
DOCS = ROOT / "docs" / "forecasting"

# Family -> (season length, horizon, number of origins, step between origins). Must match EvaluationPlan.swift.
FAMILIES = {
    "recodex-arrivals-1m": (1, 5, 10, 12),
    "recodex-duration-1m": (1, 5, 10, 12),
    "azure-arrivals-1s": (1, 30, 10, 30),
    "azure-arrivals-10s": (1, 6, 10, 6),
    "airpassengers": (12, 12, 4, 12),
}

AIRPASSENGERS = [
    112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133,
    114, 140, 145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218, 230, 242,
    209, 191, 172, 194, 196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201, 204, 188, 235, 227, 234, 264,
    302, 293, 259, 229, 203, 229, 242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278, 284, 277, 317, 313,
    318, 374, 413, 405, 355, 306, 271, 306, 315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336, 340, 318,
    362, 348, 363, 435, 491, 505, 404, 359, 310, 337, 360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405,
    417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432,
]


def write_series(name, timestamps, values):
    SERIES_DIR.mkdir(parents=True, exist_ok=True)
    with open(SERIES_DIR / f"{name}.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["timestamp", "value"])
        for t, v in zip(timestamps, values):
            w.writerow([t, f"{v:.6g}"])


def recodex_series():
    """Per-minute arrivals and summed durations for each worker group, over the 12 h ending 2 h after the
    group's busiest hour, for the two busiest days of each (file, group) with at least 150 jobs that day."""
    out = []
    files = {
        "sample": DATA / "recodex_simdex/release01-2021-12-29/data-sample.csv",
        "clustered": DATA / "recodex_simdex/mnaukal_fork/clustered_jobs.csv",
    }
    for tag, path in files.items():
        df = pd.read_csv(path, sep=";")
        for group, g in df.groupby("worker_group_id"):
            days = (g.spawn_ts // 86400).value_counts()
            for day in sorted(days[days >= 150].index[:2]):
                d = g[g.spawn_ts // 86400 == day]
                peak_hour = (d.spawn_ts // 3600).value_counts().idxmax()
                end = (peak_hour + 3) * 3600  # two hours after the busiest hour ends
                start = end - 12 * 3600
                w = g[(g.spawn_ts >= start) & (g.spawn_ts < end)]
                minute = (w.spawn_ts - start) // 60
                arrivals = np.bincount(minute, minlength=720)[:720].astype(float)
                durations = np.bincount(minute, weights=w.duration, minlength=720)[:720]
                stamps = [start + 60 * i for i in range(720)]
                out.append(("recodex-arrivals-1m", f"recodex-arrivals-1m-{tag}-{group}-{day}", stamps, arrivals))
                out.append(("recodex-duration-1m", f"recodex-duration-1m-{tag}-{group}-{day}", stamps, durations))
    return out


def azure_series():
    """Arrivals per second (three 20-minute windows) and per 10 s (whole trace) of the code and conv services."""
    out = []
    for svc in ("code", "conv"):
        df = pd.read_csv(DATA / f"azure_public_dataset/llm_inference_2023/AzureLLMInferenceTrace_{svc}.csv")
        ts = pd.to_datetime(df.TIMESTAMP).astype("int64") / 1e9
        t0 = np.floor(ts.min())
        sec = np.floor(ts - t0).astype(int)
        per_s = np.bincount(sec).astype(float)
        for k in range(3):
            lo = k * 1200
            vals = per_s[lo:lo + 1200]
            out.append(("azure-arrivals-1s", f"azure-arrivals-1s-{svc}-{k}", [int(t0) + lo + i for i in range(len(vals))], vals))
        per10 = np.bincount(sec // 10).astype(float)
        out.append(("azure-arrivals-10s", f"azure-arrivals-10s-{svc}", [int(t0) + 10 * i for i in range(len(per10))], per10))
    return out


def all_series():
    series = recodex_series() + azure_series()
    months = pd.date_range("1949-01-01", periods=144, freq="MS").strftime("%Y-%m-%d")
    series.append(("airpassengers", "airpassengers", list(months), np.array(AIRPASSENGERS, float)))
    return series


def origins(n, family):
    m, h, k, step = FAMILIES[family]
    return [n - h - i * step for i in range(k) if n - h - i * step > 2 * max(m, 1) + 10][::-1]


# --- reference models -------------------------------------------------------------------------------------------

def sm_ets(spec):
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel
    error, trend, damped, season = spec

    def run(y, m, h):
        # statsmodels 0.15's ETS prediction needs a pandas index (ndarray input raises AttributeError).
        model = ETSModel(pd.Series(y), error=error, trend=trend, damped_trend=damped, seasonal=season,
                         seasonal_periods=m if season else None)
        res = model.fit(disp=False)
        pred = res.get_prediction(start=len(y), end=len(y) + h - 1)
        frame = pred.summary_frame(alpha=0.05)
        params = dict(zip(res.param_names, map(float, res.params)))
        params["llf"] = float(res.llf)
        return frame["mean"].values, frame["pi_lower"].values, frame["pi_upper"].values, params
    return run


def sm_arima(order, seasonal_order, trend):
    from statsmodels.tsa.arima.model import ARIMA

    def run(y, m, h):
        res = ARIMA(y, order=order, seasonal_order=seasonal_order, trend=trend).fit()
        fc = res.get_forecast(h)
        ci = fc.conf_int(alpha=0.05)
        params = dict(zip(res.param_names, map(float, res.params)))
        params["llf"] = float(res.llf)
        return fc.predicted_mean, ci[:, 0], ci[:, 1], params
    return run


def sf_model(kind):
    from statsforecast.models import AutoARIMA, AutoETS

    def run(y, m, h):
        model = AutoETS(season_length=m) if kind == "ets" else AutoARIMA(season_length=m)
        model = model.fit(np.asarray(y, float))
        fc = model.predict(h=h, level=[95])
        return fc["mean"], fc["lo-95"], fc["hi-95"], {}
    return run


def reference_models(family):
    seasonal = FAMILIES[family][0] > 1
    models = {
        "statsmodels-ets-ANN": sm_ets(("add", None, False, None)),
        "statsmodels-ets-AAdN": sm_ets(("add", "add", True, None)),
        "statsforecast-autoets": sf_model("ets"),
        "statsforecast-autoarima": sf_model("arima"),
    }
    if seasonal:
        models["statsmodels-ets-AAA"] = sm_ets(("add", "add", False, "add"))
        models["statsmodels-ets-MAM"] = sm_ets(("mul", "add", False, "mul"))
        models["statsmodels-arima-011-011"] = sm_arima((0, 1, 1), (0, 1, 1, 12), "n")
    else:
        models["statsmodels-arima-101c"] = sm_arima((1, 0, 1), (0, 0, 0, 0), "c")
    return models


def clean(a):
    return [round(float(x), 5) if np.isfinite(x) else None for x in np.asarray(a, float)]


def write_stl_reference():
    from statsmodels.tsa.seasonal import STL

    y = np.asarray(AIRPASSENGERS, float)
    out = {}
    for label, series in (("raw", y), ("log", np.log(y))):
        for robust in (False, True):
            r = STL(series, period=12, robust=robust).fit()
            out[f"{label}-{'robust' if robust else 'plain'}"] = {
                "values": clean(series), "seasonal": clean(r.seasonal), "trend": clean(r.trend)}
    (FIXTURES / "reference_stl.json").write_text(json.dumps(out, separators=(",", ":")))


def main():
    only = sys.argv[1:]
    write_stl_reference()
    # REFERENCE_MODELS=prefix,... reruns only those models and keeps the others from the existing file.
    model_filter = [m for m in os.environ.get("REFERENCE_MODELS", "").split(",") if m]
    series = all_series()
    for family, name, stamps, values in series:
        write_series(name, stamps, values)
    # Warm statsforecast's numba JIT so its timings measure fitting, not compilation.
    sf_model("ets")(np.arange(50.0) % 7, 1, 3)
    sf_model("arima")(np.arange(50.0) % 7 + np.random.default_rng(0).normal(size=50), 1, 3)

    DOCS.mkdir(parents=True, exist_ok=True)
    out_path = DOCS / "reference_forecasts.json"
    partial = bool(only or model_filter)
    results = json.loads(out_path.read_text()) if out_path.exists() and partial else {}
    parameters = {}
    params_path = FIXTURES / "reference_parameters.json"
    if params_path.exists() and partial:
        parameters = json.loads(params_path.read_text())
    for family, name, stamps, values in series:
        if only and not any(o in name for o in only):
            continue
        m, h, _, _ = FAMILIES[family]
        y = np.asarray(values, float)
        entry = {"family": family, "season": m, "horizon": h, "models": {}}
        if model_filter and name in results:
            entry["models"] = results[name]["models"]
        for model_name, run in reference_models(family).items():
            if model_filter and not any(model_name.startswith(f) for f in model_filter):
                continue
            runs = []
            for o in origins(len(y), family):
                t = time.perf_counter()
                try:
                    mean, lo, hi, params = run(y[:o], m, h)
                    err = None
                except Exception as e:  # a reference failing is recorded, not fatal
                    mean = lo = hi = [float("nan")] * h
                    params, err = {}, str(e)[:200]
                seconds = time.perf_counter() - t
                runs.append({"origin": o, "forecast": clean(mean), "lower": clean(lo), "upper": clean(hi),
                             "seconds": round(seconds, 6), **({"error": err} if err else {})})
            entry["models"][model_name] = runs
            if params and model_name.startswith("statsmodels"):
                parameters.setdefault(name, {})[model_name] = {"origin": runs[-1]["origin"], **params}
            print(f"{name:48s} {model_name:28s} {np.mean([r['seconds'] for r in runs]):.4f}s/fit", flush=True)
        results[name] = entry
    out_path.write_text(json.dumps(results, separators=(",", ":")))
    params_path.write_text(json.dumps(parameters, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
