#!/usr/bin/env python
"""Benchmark newsrestore against the tools a user would otherwise pick, in one run.

Same dev articles, same machine, same scoring (`newsrestore.evaluation`):

    python benchmarks/run_benchmark.py                  # defaults below, a few minutes on 2 cores
    python benchmarks/run_benchmark.py --limit 20 --corpora bbc,isot_true

For every tool a fresh worker process loads it (start-up time = import +
model load + a first short restore in each profile), restores every article on one core (words/s, peak RSS from
/proc VmHWM), then again with a process pool on all cores.  Moses and the
most-frequent baseline are trained beforehand on the train split.  Writes
RESULTS.md (table, machine, date, command) and results.png next to --out.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

T_START = time.perf_counter()
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

DEFAULT_CORPORA = "isot_true,isot_fake,bbc,fnc1,reuters21578,conll2003"
METRICS = ["case_acc", "cap_f1", "apos_f1", "quote_f1", "para_f1", "cer", "words_kept"]


# ---------------------------------------------------------------- worker side
_TOOL = None


def _init(name: str, model_dir: str) -> None:
    global _TOOL
    if _TOOL is not None:        # a forked pool worker inherits the loaded tool
        return
    import tools
    _TOOL = tools.make(name)
    _TOOL.load(Path(model_dir))


def _restore(item: tuple[str, str]) -> str:
    return _TOOL.restore_or_error(*item)


def peak_rss_mb() -> float:
    """Peak resident memory of this process image.

    /proc's VmHWM rather than getrusage's ru_maxrss: Linux carries ru_maxrss
    over fork+exec, so a worker would report the driver's peak instead of its own.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ping(_: int) -> None:
    time.sleep(0.05)


def warm_up_texts(work: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The first two lines of the first article in each profile: restored before the clock starts
    and counted in start-up, so that what a tool does once, on first use (newsrestore imports its
    tokenizers then, 0.35 s; truecase NLTK's), is charged to start-up, not to its words/s."""
    first: dict[str, str] = {}
    for text, profile in work:
        first.setdefault(profile, "\n".join(text.splitlines()[:2]))
    return [(text, profile) for profile, text in first.items()]


def worker(name: str, inputs: Path, model_dir: Path, out: Path, jobs: int) -> None:
    """Runs in a fresh process: start-up, one-core pass, peak memory, all-core pass."""
    from multiprocessing import get_context

    _init(name, str(model_dir))
    items = pickle.loads(inputs.read_bytes())
    work = [(it["flat"], it["profile"]) for it in items]
    for text, profile in warm_up_texts(work):
        _restore((text, profile))
    startup = time.perf_counter() - T_START
    t0 = time.perf_counter()
    outputs = [_restore(w) for w in work]
    one = time.perf_counter() - t0
    maxrss_mb = peak_rss_mb()
    all_cores = None
    if jobs > 1:
        _TOOL.forget()
        with get_context("fork").Pool(jobs, initializer=_init, initargs=(name, str(model_dir))) as pool:
            pool.map(_ping, range(jobs * 4), chunksize=1)       # wait until every worker has loaded
            t0 = time.perf_counter()
            pool.map(_restore, work, chunksize=max(1, len(work) // (jobs * 8)))
            all_cores = time.perf_counter() - t0
    out.write_text(json.dumps({"startup": startup, "one_core": one, "all_cores": all_cores,
                               "maxrss_mb": maxrss_mb, "outputs": outputs}))


# ---------------------------------------------------------------- driver side
def run_worker(args, name: str, tmp: Path) -> dict | str:
    """One fresh worker process for a tool: its figures, or the last line of its error.

    The hash seed is fixed: `truecase` keeps each word's casings in a set and breaks ties in set
    order, so with a random seed its scores moved by up to 0.07 points from one run to the next."""
    res = tmp / f"{name}.json"
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", name,
                           "--inputs", str(tmp / "inputs.pkl"), "--models", str(args.models),
                           "--result", str(res), "--jobs", str(args.jobs)],
                          stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    if proc.returncode != 0:
        return (proc.stderr.strip().splitlines() or ["?"])[-1]
    return json.loads(res.read_text())


def fastest(runs: list[dict]) -> dict:
    """The fastest of several fresh processes (other jobs on a shared machine only ever slow a
    run down, and each process starts with cold caches, so no run profits from an earlier one),
    with every run's one-core time kept for the record."""
    best = dict(runs[0])
    for key in ("startup", "one_core", "all_cores"):
        values = [r[key] for r in runs if r.get(key) is not None]
        best[key] = min(values) if values else None
    best["maxrss_mb"] = max(r["maxrss_mb"] for r in runs)
    best["one_core_runs"] = [r["one_core"] for r in runs]
    return best


def prepare(args) -> tuple[list, dict]:
    """Dev articles (flattened once, shared by all tools) and the trained baselines."""
    from newsrestore.corpora import iter_split
    from newsrestore.evaluation.runner import limit_per_corpus, profile_for
    from newsrestore.flatten import flatten
    import tools

    names = args.corpora.split(",")
    items = []
    for a in limit_per_corpus(iter_split("dev", names=names), args.limit):
        prof = profile_for(a, "stripped")
        items.append({"article": a, "profile": prof, "flat": flatten(a.text, prof, title=a.title)})
    print(f"{len(items)} dev articles from {len(names)} corpora", file=sys.stderr)
    train = tools.train_models(iter_split("train", names=names), args.models, args.train_words, len(names))
    print(f"trained baselines: {train}", file=sys.stderr)
    return items, train


def score(items: list, outputs: list[str]) -> dict:
    from newsrestore.evaluation.compare import compare
    from newsrestore.evaluation.metrics import Counts, summarize
    from newsrestore.train.build import marks_lost

    per: dict[str, Counts] = {}
    total, failures = Counts(), 0
    for it, out in zip(items, outputs):
        a = it["article"]
        if out.startswith("\x00"):
            failures, out = failures + 1, ""
        c = compare(a.text, out, paragraphs=a.has_paragraphs, tokenized=a.tokenized,
                    marks=not marks_lost(a.text))
        per.setdefault(a.corpus, Counts())
        per[a.corpus] += c
        total += c
    return {"overall": summarize(total), "corpora": {k: summarize(v) for k, v in per.items()},
            "failures": failures}


def fmt(v, pct=True) -> str:
    return "n/a" if v is None else (f"{100 * v:.2f}" if pct else f"{v:,.0f}")


def model_info() -> str:
    """What the bundled newsrestore model says it was trained on (`newsrestore train`: the train split)."""
    from newsrestore.model import DEFAULT_MODEL
    from newsrestore.modelfile import read

    try:
        t = read(DEFAULT_MODEL).get("trained_on") or {}
    except (OSError, ValueError):
        return "not found"
    return ", ".join(f"{v:,} {k}" if isinstance(v, int) else f"{k} {v}" for k, v in t.items()) + \
        " from the train split of all corpora"


def environment() -> str:
    """Which interpreter ran, and how much else was installed beside the tools.

    Worth stating because optional packages change the figures: nltk imports
    scipy when it finds it, and in a base Python that has scipy the first
    ptb-profile article pays 0.6 s for it (0.1 s in a venv made by the README).
    """
    from importlib.metadata import distributions
    kind = "venv" if sys.prefix != sys.base_prefix else "base interpreter"
    return f"{kind} `{sys.prefix}`, {len(list(distributions()))} distributions installed"


def write_results(args, results: dict, train: dict, n_words: int, n_articles: int,
                  broken: dict[str, str], ceiling: list, layouts: dict) -> None:
    import tools

    lines = ["# Benchmark: newsrestore against other restorers", "",
             f"Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M UTC}  ",
             f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
             f"{platform.system()} {platform.release()}, Python {platform.python_version()}  ",
             f"Command: `{args.command.strip()}`  ",
             f"Python environment: {environment()}  ",
             f"Load average (1 min) before / after the run: {args.load_before:.2f} / {os.getloadavg()[0]:.2f} "
             "(other jobs on the machine slow every tool's figures).  ",
             f"Dev articles: {n_articles} ({n_words:,} gold words), at most {args.limit} per corpus from "
             f"{args.corpora} (deterministic dev split of `newsrestore.corpora`; stripped profile, "
             f"ptb for tokenized CoNLL-2003).  ",
             f"Baselines trained on the train split of the same corpora: {train['train_articles']:,} articles, "
             f"{train['train_words']:,} words (--train-words {args.train_words:,}, split evenly over the corpora: "
             + ", ".join(f"{k} {v:,}" for k, v in train["per_corpus"].items()) + ").", "",
             f"newsrestore's bundled model: {model_info()}.", "",
             "## Overall (dev, all corpora pooled; percent, cer lower is better)", "",
             "| tool | restores | " + " | ".join(METRICS) + " | words/s 1 core | words/s all cores "
             "| peak RSS MB | start-up s |",
             "|" + "---|" * (len(METRICS) + 6)]
    for name, r in results.items():
        m = r["overall"]
        speed1 = n_words / r["one_core"] if r["one_core"] else None
        speedn = n_words / r["all_cores"] if r.get("all_cores") else None
        lines.append(f"| {name} | {tools.CAN_RESTORE[name]} | " + " | ".join(fmt(m[k]) for k in METRICS)
                     + f" | {fmt(speed1, False)} | {fmt(speedn, False)} | {r['maxrss_mb']:.0f} "
                     f"| {r['startup']:.2f} |")
    lines += ["", "Tools that cannot restore apostrophes, quotes or paragraphs are scored on what they "
              "output: their F1 there is 0 wherever gold has such marks (except CoNLL-2003, whose ptb-profile "
              "input keeps apostrophes and quotes as tokens, so every tool gets those for free). `n/a`: nothing to find and "
              "nothing found (or no paragraphs in gold).", "",
              f"Speed: words/s counts gold words. Each tool ran in {args.repeat} fresh processes and the "
              "fastest start-up, one-core and all-cores figures are shown (the machine is shared, and the "
              "same code has measured up to twice as slow in a busy run); one-core words/s of every run: "
              + "; ".join(f"{n} " + ", ".join(f"{n_words / t:,.0f}" for t in r["one_core_runs"])
                          for n, r in results.items()) + ". \"All cores\" is a process pool over articles, so it "
              "includes sending texts between processes, which for the fastest tools costs about as "
              "much as the work itself.  Start-up = imports + model load in a fresh process, and a "
              "first restore of two lines in each profile (what a tool does once, on first use, such as "
              "importing its tokenizers, counts there and not in words/s); "
              "peak RSS = VmHWM of that process (one core).", "",
              "Gold caveat: the ISOT texts were damaged at the source (see ../shared/data/SOURCES.md): "
              "isot_fake lost its apostrophes and quotation marks (`couldn t`; some rows only the curly "
              "ones, `Trump s` beside `O'Reilly`), and the isot_true worldnews rows lost theirs. Articles "
              "whose gold shows the gaps (`China s`, `couldn t`) are not scored for apostrophes and quotes "
              "(`newsrestore.train.build.marks_lost`), as in `newsrestore eval`: of isot_fake's, that "
              "leaves a handful whose gold holds no mark at all, so its apos_f1 and quote_f1 count only "
              "the marks put there and say nothing (n/a in the targets table).", "", "## Per corpus (dev)", ""]
    for corpus in sorted(next(iter(results.values()))["corpora"]):
        lines += [f"### {corpus}", "", "| tool | words | " + " | ".join(METRICS) + " |",
                  "|" + "---|" * (len(METRICS) + 2)]
        for name, r in results.items():
            m = r["corpora"][corpus]
            lines.append(f"| {name} | {m['words']:,} | " + " | ".join(fmt(m[k]) for k in METRICS) + " |")
        lines.append("")
    fails = {n: r["failures"] for n, r in results.items() if r["failures"]}
    if fails:
        lines += [f"Articles a tool failed on (scored as empty output): {fails}", ""]
    for name, err in broken.items():
        lines += [f"**{name} could not run:** `{err}`", ""]
    from layouts import layouts_section
    lines += layouts_section(layouts, METRICS, fmt)
    lines += targets_section(results.get("newsrestore"), n_words) + quote_ceiling_section(ceiling) + calibration_section(args)
    lines += ["![metrics per tool](results.png)", ""]
    (args.out / "RESULTS.md").write_text("\n".join(lines))


#: Issue 4's accuracy targets: (case_acc, cap_f1) for Reuters (ISOT) and BBC, and for other news.
CASE_TARGETS = {"isot_true": (99.0, 97.0), "bbc": (99.0, 97.0)}
OTHER_CASE_TARGET = (98.5, 96.0)
MARK_TARGETS = {"apos_f1": 98.0, "quote_f1": 90.0, "para_f1": 75.0, "words_kept": 100.0}


def targets_section(r: dict | None, n_words: int) -> list[str]:
    """newsrestore's figures next to issue 4's targets, each marked met or not."""
    if r is None:
        return []

    def cell(value, target, recall=0.0) -> str:
        if value is None:
            return "n/a"
        if recall is None:              # nothing in gold to find: F1 counts only the marks put
            return "n/a (none in gold)"
        value *= 100                    # results hold fractions
        return f"{value:.2f} {'✓' if value >= target - 1e-9 else '✗'} ({target:g})"
    lines = ["## Targets (issue 4), newsrestore on the dev split", "",
             "| corpus | case_acc | cap_f1 | " + " | ".join(MARK_TARGETS) + " |", "|" + "---|" * (3 + len(MARK_TARGETS))]
    for corpus, m in sorted(r["corpora"].items()):
        case_t, cap_t = CASE_TARGETS.get(corpus, OTHER_CASE_TARGET)
        lines.append(f"| {corpus} | {cell(m['case_acc'], case_t)} | {cell(m['cap_f1'], cap_t)} | "
                     + " | ".join(cell(m.get(k), t, m.get(k.replace("_f1", "_r"), 0.0))
                                  for k, t in MARK_TARGETS.items()) + " |")
    speed = n_words / r["one_core"] if r["one_core"] else 0.0
    lines += ["", f"Speed {speed:,.0f} gold words/s on one core {'✓' if speed >= 50_000 else '✗'} (50,000); "
              f"start-up {r['startup']:.2f} s {'✓' if r['startup'] < 1.5 else '✗'} (1.5 s, imports, model load and first use); "
              f"peak RSS {r['maxrss_mb']:.0f} MB {'✓' if r['maxrss_mb'] < 600 else '✗'} (600 MB).", ""]
    return lines


def quote_ceiling_section(rows: list) -> list[str]:
    """Gold quotation marks by kind and the quote_f1 a sentence-level tagger could reach at most
    (as `python scripts/quote_ceiling.py`), from newsrestore's outputs of this run."""
    if not rows:
        return []
    return ["## Quotation marks: how far they can be put back (newsrestore)", "",
            "A gold mark is sentence-level when it opens at a sentence start or after a colon or comma, or "
            "closes after the sentence's own full stop or comma; the rest stand inside a sentence, round a "
            "quoted phrase (`called himself a \"fiscal conservative\" on Sunday`), which flattening leaves "
            "with no trace but the writer's choice of words. The ceiling is the quote_f1 of a restorer that "
            "puts every sentence-level mark right and no other: above it only quoted phrases can take a "
            "tagger (`newsrestore/evaluation/ceiling.py`, `python scripts/quote_ceiling.py`).", "",
            "| corpus | gold marks | sentence-level | ceiling quote_f1 | recall, sentence-level | "
            "recall, inside | precision |", "|---|---|---|---|---|---|---|"] + [
            f"| {r.corpus} | {r.marks:,} | {100 * r.share:.1f}% | {100 * r.ceiling:.1f} | "
            f"{100 * r.recall_sentence:.1f}% | {100 * r.recall_inside:.1f}% | {100 * r.precision:.1f}% |"
            for r in rows] + [""]


def calibration_section(args) -> list[str]:
    """Share of correct words per confidence bucket (as `python scripts/calibration.py`)."""
    from newsrestore.evaluation.calibration import calibration
    rows = calibration(limit=80)
    return ["## Confidence calibration (newsrestore)", "",
            "Every restored word's confidence against the share of such words rendered as in the "
            "original (same case and the same apostrophe and quotation marks touching it; a mark left "
            "out counts as wrong) and, beside it, the share cased right, over the first 80 dev articles "
            "of isot_true, bbc, fnc1, reuters21578, wmt and abc (`python scripts/calibration.py --limit 80`).", "",
            "| confidence | words | mean confidence | rendered right | cased right |", "|---|---|---|---|---|"] + [
            f"| {b.low:.2f}–{b.high:.2f} | {b.words:,} | {b.mean:.1f}% | {b.rendered:.1f}% | {b.cased:.1f}% |"
            for b in rows] + [""]


def chart(results: dict, path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    keys = [k for k in METRICS if k != "words_kept"]
    fig, ax = plt.subplots(figsize=(10, 4.5))
    width = 0.8 / len(results)
    for i, (name, r) in enumerate(results.items()):
        vals = [100 * (r["overall"][k] or 0) for k in keys]
        ax.bar([j + i * width for j in range(len(keys))], vals, width, label=name)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(keys))], keys)
    ax.set_ylabel("percent (cer: lower is better)")
    ax.set_title("Restoration on the dev split, all benchmark corpora pooled")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--limit", type=int, default=200, help="dev articles per corpus (default 200)")
    p.add_argument("--corpora", default=DEFAULT_CORPORA, help=f"comma-separated (default {DEFAULT_CORPORA})")
    p.add_argument("--tools", default=",".join(["newsrestore", "truecase", "moses", "mostfreq"]))
    p.add_argument("--out", type=Path, default=HERE, help="folder for RESULTS.md and results.png")
    p.add_argument("--train-words", type=int, default=8_000_000, help="cap on baseline training words")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for the all-cores pass")
    p.add_argument("--repeat", type=int, default=3,
                   help="fresh worker processes per tool; the fastest figures are reported (default 3)")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    p.add_argument("--inputs", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--models", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        return worker(args.worker, args.inputs, args.models, args.result, args.jobs)
    args.load_before = os.getloadavg()[0]
    args.command = "python benchmarks/run_benchmark.py " + " ".join(sys.argv[1:] if argv is None else argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        args.models = tmp / "models"
        items, train = prepare(args)
        (tmp / "inputs.pkl").write_bytes(pickle.dumps([{"flat": i["flat"], "profile": i["profile"]}
                                                       for i in items]))
        from newsrestore.evaluation.align import read_marks
        from newsrestore.evaluation.ceiling import ceiling_rows
        n_words = sum(len(read_marks(i["article"].text).words) for i in items)
        results, broken, ceiling = {}, {}, []
        for name in args.tools.split(","):
            t0 = time.perf_counter()
            runs = [run_worker(args, name, tmp) for _ in range(max(1, args.repeat))]
            failed = next((r for r in runs if isinstance(r, str)), None)
            if failed is not None:
                print(f"{name}: FAILED ({failed})", file=sys.stderr)
                broken[name] = failed
                continue
            r = fastest(runs)
            outputs = r.pop("outputs")
            r.update(score(items, outputs))
            if name == "newsrestore":       # its quotation marks by kind, from the same outputs
                ceiling = ceiling_rows(((i["article"], o) for i, o in zip(items, outputs)), args.corpora.split(","))
            results[name] = r
            print(f"{name}: {time.perf_counter() - t0:.0f}s, case_acc "
                  f"{fmt(r['overall']['case_acc'])}", file=sys.stderr)
        if not results:
            sys.exit("every tool failed: " + json.dumps(broken))
        from layouts import other_layouts
        layouts = other_layouts(args.models, items, list(results), score)
    write_results(args, results, train, n_words, len(items), broken, ceiling, layouts)
    chart(results, args.out / "results.png")
    print((args.out / "RESULTS.md").read_text())


if __name__ == "__main__":
    main()
