#!/usr/bin/env python3
"""The site benchmark: planpress against Hugo on the same synthetic corpus (bench/site/gen_corpus.py).

    bench/site/run.py [--build build] [--sizes 2000 10000] [--runs 3] [--jobs 2] [--edit] [--baseline OLD]

For each size the corpus is generated below BUILD/bench-site/, then RUNS rounds run interleaved: a clean
`planpress build --no-pdf` and a clean `hugo` (each into an output removed beforehand, outside the
measurement), both under /usr/bin/time -v (wall time, peak resident memory). With --edit, after the
rounds one item's text is edited and both rebuild over their existing output (planpress's incremental
publish; Hugo renders everything again). The real content's one-edit rebuild is measured too. Prints a
Markdown table: medians with min–max, the ratio of the medians, and the load average before each size.
With --baseline, another planpress binary (an older commit's) takes part in the same interleaved rounds,
so before and after are measured under the same conditions.
Not a test: nothing here is asserted.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def timed(cmd, cwd=None):
    """Runs cmd under /usr/bin/time -v; returns (wall seconds, peak RSS MiB)."""
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr[-3000:]}")
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", r.stderr)
    wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1)) / 1024
    return wall, rss


def load():
    return open("/proc/loadavg").read().split()[0]


def fmt(xs, unit):
    med = statistics.median(xs)
    if unit == "s":
        return f"{med:.2f} s ({min(xs):.2f}–{max(xs):.2f})", med
    return f"{med:.0f} MiB ({min(xs):.0f}–{max(xs):.0f})", med


def edit_item(content):
    """Appends a sentence to the first text field of the first item of the first plan (a one-item edit)."""
    plan = sorted((content / "plans").glob("*/plan.json"))[0]
    text = plan.read_text(encoding="utf-8")
    stamp = f"（編集{os.getpid()}）"
    # The first item's first string value after "fields": a JSON-level edit that keeps the file valid.
    i = text.index('"items"')
    j = text.index('"fields"', i)
    k = text.index(': "', j) + 3
    plan.write_text(text[:k] + stamp + text[k:], encoding="utf-8")
    return plan


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=str(ROOT / "build"))
    ap.add_argument("--sizes", nargs="+", type=int, default=[2000, 10000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--edit", action="store_true")
    ap.add_argument("--baseline", help="another planpress binary to measure in the same rounds")
    args = ap.parse_args()
    build = Path(args.build).resolve()
    planpress = build / "planpress"
    work = build / "bench-site"
    work.mkdir(parents=True, exist_ok=True)
    templates = ROOT / "templates"
    rows = []
    for n in args.sizes:
        corpus = work / f"c{n}"
        subprocess.run([sys.executable, str(HERE / "gen_corpus.py"), str(corpus), "--items", str(n)], check=True,
                       stdout=subprocess.DEVNULL)
        before = load()
        pp_out, hugo_out = work / f"out-pp-{n}", work / f"out-hugo-{n}"
        pp, hugo, old = [], [], []
        old_out = work / f"out-old-{n}"
        for _ in range(args.runs):
            if args.baseline:
                shutil.rmtree(old_out, ignore_errors=True)
                old.append(timed([args.baseline, "build", "-q", "--no-pdf", "-j", str(args.jobs), "--content",
                                  str(corpus / "content"), "--templates", str(templates), "--out", str(old_out)]))
            shutil.rmtree(pp_out, ignore_errors=True)
            pp.append(timed([str(planpress), "build", "-q", "--no-pdf", "-j", str(args.jobs), "--content",
                             str(corpus / "content"), "--templates", str(templates), "--out", str(pp_out)]))
            shutil.rmtree(hugo_out, ignore_errors=True)
            hugo.append(timed(["hugo", "--quiet", "-d", str(hugo_out)], cwd=corpus / "hugo"))
        files = sum(len(f) for _, _, f in os.walk(pp_out))
        hfiles = sum(len(f) for _, _, f in os.walk(hugo_out))
        pw, pr = fmt([w for w, _ in pp], "s"), fmt([r for _, r in pp], "MiB")
        hw, hr = fmt([w for w, _ in hugo], "s"), fmt([r for _, r in hugo], "MiB")
        rows.append((f"{n:,} items, `--no-pdf` ({files:,} files; Hugo {hfiles:,})", pw[0] + ", " + pr[0],
                     hw[0] + ", " + hr[0], f"{pw[1] / hw[1]:.2f}×", f"{before} → {load()}"))
        if args.baseline:
            ow, orss = fmt([w for w, _ in old], "s"), fmt([r for _, r in old], "MiB")
            rows.append((f"{n:,} items, `--no-pdf`, baseline binary", ow[0] + ", " + orss[0], hw[0] + ", " + hr[0],
                         f"{ow[1] / hw[1]:.2f}×", "same rounds"))
        if args.edit:
            before = load()
            edit_item(corpus / "content")
            e_pp = timed([str(planpress), "build", "-q", "--no-pdf", "-j", str(args.jobs), "--content",
                          str(corpus / "content"), "--templates", str(templates), "--out", str(pp_out)])
            e_h = timed(["hugo", "--quiet", "-d", str(hugo_out)], cwd=corpus / "hugo")
            rows.append((f"one item edited at {n:,} items, rebuild over the output", f"{e_pp[0]:.2f} s, {e_pp[1]:.0f} MiB",
                         f"{e_h[0]:.2f} s (full), {e_h[1]:.0f} MiB", f"{e_pp[0] / e_h[0]:.2f}×", f"{before} → {load()}"))
    if args.edit:
        real = work / "real"
        shutil.rmtree(real, ignore_errors=True)
        shutil.copytree(ROOT / "content", real / "content")
        out = real / "out"
        cmd = [str(planpress), "build", "-q", "-j", str(args.jobs), "--content", str(real / "content"), "--templates",
               str(templates), "--out", str(out)]
        full = timed(cmd)
        edit_item(real / "content")
        again = timed(cmd)
        rows.append(("real content (with PDFs): full build, then one item edited", f"{full[0]:.2f} s → {again[0]:.2f} s",
                     "—", "—", load()))
    print("| work | planpress | Hugo | ratio | load average |")
    print("|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
