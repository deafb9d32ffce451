#!/usr/bin/env python3
"""The feedback loop, live: starts `forewarm serve` on loopback with an empty history, sends programs of a corpus
through POST /v1/executions in a fixed pseudo-random order, and prints, per window of runs, the error of the
shipped model alone and of the served (corrected) prediction against the CPU time the gateway measured:
mean |log10 predicted p50 CPU - log10 measured CPU| over the runs that ended `ok`.

The shipped model's error comes from `forewarm predict` on the same programs, offline.

    scripts/feedback-live.py [--forewarm .build/release/forewarm] [--programs ../shared/data/rosettacode/programs/python]
                             [--count 300] [--window 50] [--retrain-every 100] [--training-data DIRS]
"""
import argparse, hashlib, json, math, os, pathlib, re, signal, subprocess, sys, tempfile, urllib.request

LANGUAGES = {".py": "python", ".rb": "ruby", ".pl": "perl", ".lua": "lua", ".js": "javascript", ".php": "php"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--forewarm", default=".build/release/forewarm")
    parser.add_argument("--programs", default="../shared/data/rosettacode/programs/python")
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--window", type=int, default=50)
    parser.add_argument("--retrain-every", type=int, default=100)
    parser.add_argument("--training-data", default=None,
                        help="corpora the retraining adds, ':'-separated (default: the gateway's)")
    args = parser.parse_args()
    if not os.access(args.forewarm, os.X_OK):
        sys.exit(f"feedback-live: build forewarm first ({args.forewarm} is missing)")
    files = sorted((p for p in pathlib.Path(args.programs).rglob("*") if p.suffix in LANGUAGES and p.is_file()),
                   key=lambda p: hashlib.sha1(str(p.relative_to(args.programs)).encode()).hexdigest())
    if not files:
        sys.exit(f"feedback-live: no programs under {args.programs}")
    data = tempfile.mkdtemp(prefix="fw-feedback-")
    env = dict(os.environ, FOREWARM_CGROUP_PREFIX=f"fwlive{os.getpid()}", FOREWARM_RETRAIN_EVERY=str(args.retrain_every),
               FOREWARM_MIN_WARM="lightweight.python=2,lightweight.javascript=0,standard.python=1,heavyweight.python=1")
    if args.training_data:
        env["FOREWARM_TRAINING_DATA"] = args.training_data
    server = subprocess.Popen([args.forewarm, "serve", "--port", "0", "--data-dir", data], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = None
        for line in server.stdout:
            match = re.search(r"serving on .*:(\d+)", line)
            if match:
                port = int(match.group(1))
                break
        if port is None:
            sys.exit("feedback-live: the server did not start")
        rows, sent = [], 0
        for path in files:
            if len(rows) >= args.count:
                break
            code = path.read_text(errors="replace")
            if not code.strip() or len(code.encode()) > 256 * 1024:
                continue
            body = json.dumps({"language": LANGUAGES[path.suffix], "code": code, "timeoutMs": 10000}).encode()
            request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/executions", data=body,
                                             headers={"Content-Type": "application/json"})
            sent += 1
            try:
                answer = json.load(urllib.request.urlopen(request, timeout=60))
            except Exception:
                continue
            result, prediction = answer["result"], answer["prediction"]
            if result["status"] != "ok" or result["cpuMs"] <= 0 or result["peakMemoryKB"] <= 0:
                continue
            measured = math.log10(max(result["cpuMs"] / 1000, 1e-4))
            served = math.log10(max(prediction["cpuSecondsP50"], 1e-4))
            static = served - prediction.get("correctionLog10CPU", 0)
            rows.append([str(path), measured, served, prediction.get("modelVersion", "")])
        # The shipped model alone, offline, on the same programs (the gateway sends no stdin either).
        shipped = subprocess.run([args.forewarm, "predict", "--format", "jsonl"] + [r[0] for r in rows],
                                 capture_output=True, text=True, check=True)
        for row, line in zip(rows, shipped.stdout.splitlines()):
            row.append(math.log10(max(json.loads(line)["cpuSecondsP50"], 1e-4)))
        rows = [(abs(r[4] - r[1]), abs(r[2] - r[1]), r[3]) for r in rows]
        print(f"{len(rows)} ok runs of {sent} sent ({args.programs}); retrain every {args.retrain_every} runs")
        print("| runs | shipped model, no feedback | served: online correction + retraining | model |")
        print("|---|---|---|---|")
        for start in range(0, len(rows), args.window):
            window = rows[start:start + args.window]
            print(f"| {start + 1}–{start + len(window)} | {sum(r[0] for r in window) / len(window):.3f} | "
                  f"{sum(r[1] for r in window) / len(window):.3f} | {window[-1][2]} |")
        print(f"| all | {sum(r[0] for r in rows) / len(rows):.3f} | {sum(r[1] for r in rows) / len(rows):.3f} | |")
        models = subprocess.run([args.forewarm, "history", "models", "--data-dir", data], capture_output=True, text=True)
        print(models.stdout.strip())
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
