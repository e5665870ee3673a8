"""The benchmark of `invoke bench`: per-stage times and documents per second on the
seed repeated, the dev corpus and synthetic resolutions of growing length, beside the
floor (lxml parsing, serialising and validating the same output XML); the speed-up
from 1 to N workers; the peak memory of a streamed build of many documents. Prints a
table of the issue's targets, met or not, and writes the numbers to a JSON file.

A benchmark, not a test: it asserts nothing, because times depend on the machine.

What "end to end" means here:

* the **AKN path** is what the issue compares with bluebell: read → clean → segment
  (the document model) → emit AKN → validate it with lxml → the text-conservation
  check (E009), the sum of those stages as `convert()` times them
  (`Conversion.timings`); the TEI stages convert() also runs are left out of it;
* **all formats** is the wall-clock time of `convert()` and the HTML writer: AKN and
  TEI both emitted and validated (lxml XSD, lxml RelaxNG and the TEI pointer check),
  the conservation check, and the HTML page;
* the **floor** is lxml alone on the same output bytes: parse, serialise, validate
  (the AKN against the XSD; for all formats the TEI against RelaxNG too).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.convert import STAGES, Options, convert  # noqa: E402
from pipeline.formats import WRITERS  # noqa: E402
from pipeline.validate import _lxml_schema, _tei_schema, safe_parser, warm_up  # noqa: E402

SEED_PATH = ROOT / "input" / "A_HRC_RES_38_3.zh.txt"
SEED = SEED_PATH.read_text(encoding="utf-8")
SHARED = ROOT.parent / "shared"
OPTIONS = Options(markup_date="2026-01-01")
AKN_PATH = ("read", "clean", "segment", "akn", "validate_akn", "conservation")
COLUMNS = ("read", "clean", "segment", "akn", "validate_akn", "tei", "validate_tei", "conservation", "html")
HEADINGS = ("read", "clean", "segment", "emit AKN", "valid. AKN", "emit TEI", "valid. TEI", "conserve", "HTML")

# the targets
SEED_RATE = 500  # documents per second per core, AKN path
FLOOR_RATIO = 4.0
FLAT_RATIO = 1.5
SPEED_UP = 1.7
PEAK_MB = 300
SYNTHETIC_PARAGRAPHS = 5000  # each size of synthetic resolution converted to at least this many


# ---- synthetic resolutions --------------------------------------------------------

_FIRST_OPERATIVE = SEED.index("\n1. ") + 1
_CLOSING = SEED.rindex("2018 年 7 月 5 日")  # the adoption line, not the heading
HEAD, TAIL = SEED[:_FIRST_OPERATIVE], SEED[_CLOSING:]
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def synthetic(paragraphs: int) -> str:
    """The seed's masthead, title and preamble, then `paragraphs` operative paragraphs
    (every third with sub-items (a)–(c), every tenth with a footnote, whose text
    follows the paragraph as a PDF layer leaves it), then the seed's closing and vote."""
    parts, note = [HEAD], 0
    for n in range(1, paragraphs + 1):
        call = ""
        if n % 10 == 0:
            note += 1
            call = str(note).translate(_SUPERSCRIPT)
        if n % 3 == 0:
            parts.append(f"{n}. 请各国在第 {n} 段所述领域采取下列措施{call}：\n\n"
                         f"(a) 加强国际合作与对话，促进和保护人权；\n\n"
                         f"(b) 与联合国系统各机构分享最佳做法和经验；\n\n"
                         f"(c) 向人权理事会报告所采取的措施；\n\n")
        else:
            parts.append(f"{n}. 吁请各国继续在第 {n} 段所述领域开展建设性合作与对话{call}；\n\n")
        if call:
            parts.append(f"{call} A/HRC/37/{note}。\n\n")
    parts.append(TAIL)
    return "".join(parts)


# ---- measuring --------------------------------------------------------------------

def floor(akn: bytes, tei: bytes | None) -> float:
    """lxml alone on the outputs: parse, serialise, validate (seconds)."""
    started = time.perf_counter()
    tree = __import__("lxml.etree").etree.fromstring(akn, safe_parser())
    __import__("lxml.etree").etree.tostring(tree, encoding="utf-8")
    _lxml_schema().validate(tree)
    if tei is not None:
        tree = __import__("lxml.etree").etree.fromstring(tei, safe_parser())
        __import__("lxml.etree").etree.tostring(tree, encoding="utf-8")
        _tei_schema().validate(tree)
    return time.perf_counter() - started


def profile(documents: list[tuple[str, bytes]], label: str) -> dict:
    """Convert each document (and write its HTML), in this process; sum the stages."""
    stages = dict.fromkeys(COLUMNS, 0.0)
    wall = floor_akn = floor_all = 0.0
    paragraphs = failed = 0
    for name, data in documents:
        started = time.perf_counter()
        conversion = convert(data, name, OPTIONS)
        before_html = time.perf_counter()
        WRITERS["html"][1](conversion)
        ended = time.perf_counter()
        wall += ended - started
        stages["html"] += ended - before_html
        for stage in STAGES:
            stages[stage] += conversion.timings.get(stage, 0.0)
        paragraphs += sum(1 for _ in conversion.document.paragraphs())
        failed += not conversion.ok
        floor_akn += floor(conversion.akn, None)
        floor_all += floor(conversion.akn, conversion.tei)
    count = len(documents)
    akn_path = sum(stages[s] for s in AKN_PATH)
    return {"workload": label, "documents": count, "operative_paragraphs": paragraphs, "not_ok": failed,
            "stage_ms_per_document": {s: 1000 * t / count for s, t in stages.items()},
            "akn_path_per_second": count / akn_path, "all_formats_per_second": count / wall,
            "floor_akn_per_second": count / floor_akn, "floor_all_per_second": count / floor_all,
            "akn_path_floor_ratio": akn_path / floor_akn, "all_formats_floor_ratio": wall / floor_all,
            "all_formats_ms_per_paragraph": 1000 * wall / paragraphs if paragraphs else None}


def dev_corpus() -> list[tuple[str, bytes]]:
    corpus = SHARED / "corpus" / "dev"
    manifest = corpus / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    names = [line.split("\t")[0] for line in manifest.read_text(encoding="utf-8").splitlines()[1:] if line]
    return [(f"{name}.txt", (corpus / f"{name}.txt").read_bytes()) for name in names
            if (corpus / f"{name}.txt").exists()]


def batch_seconds(documents: list[tuple[str, bytes]], jobs: int) -> float:
    """Wall-clock seconds of the build's batch path (convert_batch, HTML included) on
    `jobs` workers (1: this process), outputs discarded."""
    from pipeline import workers
    from pipeline.batch import convert_batch

    started = time.perf_counter()
    with workers.local(jobs) as submit:
        for _ in convert_batch(documents, OPTIONS, submit=submit):
            pass
    return time.perf_counter() - started


def memory_run(count: int, jobs: int) -> dict:
    """A build of `count` seed-sized documents as `invoke build` runs it: inputs read
    one at a time, converted on `jobs` workers, every output written to disk (under
    100 rotating names, so that the disk use stays small), slim records kept for the
    index and the report (on disk, in a `Spool`), both written at the end, in pieces.
    Peak RSS of this process and of its largest worker."""
    from pipeline import workers
    from pipeline.batch import Spool, convert_batch
    from pipeline.cli import write_atomically
    from pipeline.to_build_report import report_chunks, summary
    from pipeline.to_index import index_chunks

    data = SEED_PATH.read_bytes()
    inputs = ((f"doc{i:05}.txt", (lambda: data)) for i in range(count))
    records = Spool()
    sampler = PssSampler()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, workers.local(jobs) as submit:
        for record, outputs in convert_batch(inputs, OPTIONS, submit=submit):
            slot = int(record.name[3:]) % 100
            for fmt, written in outputs.items():
                write_atomically(Path(folder) / f"slot{slot}{WRITERS[fmt][0]}", written)
            records.append(record)
        seconds = time.perf_counter() - started
        write_atomically(Path(folder) / "index.html", index_chunks(records))
        totals = summary(records, seconds, "bench")
        write_atomically(Path(folder) / "report.json", report_chunks(records, totals))
        sampler.stop()
    parent = _own_peak_rss_mb()
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest worker's
    rss_sum = parent + (jobs * child if jobs > 1 else 0)
    return {"documents": count, "workers": jobs, "seconds": seconds, "valid": totals["valid"],
            "parent_peak_rss_mb": parent, "largest_worker_peak_rss_mb": child, "rss_sum_mb": rss_sum,
            "peak_pss_mb": sampler.peak, "peak_mb": sampler.peak or rss_sum,
            "measure": "PSS (proportional set size: a page the forked workers share with the parent counts once), "
                       "parent and workers summed, sampled every 0.1 s" if sampler.peak else
                       "peak RSS of the parent + workers × the largest worker's peak RSS (an upper bound)"}


def _own_peak_rss_mb() -> float:
    """This process's peak RSS. Linux keeps getrusage's ru_maxrss across exec, so in
    the memory run (a child of the benchmark, started once the workloads above have
    grown it) that figure was the benchmark's, not the build's: VmHWM is this
    process's own."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class PssSampler:
    """The peak of the summed PSS of this process and its children (Linux): RSS would
    count the schemas and code the forked workers share with the parent once per process."""

    def __init__(self):
        import threading

        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        if Path("/proc/self/smaps_rollup").exists():
            self._thread.start()

    def _run(self):
        import multiprocessing

        while not self._stop.wait(0.1):
            pids = [os.getpid()] + [p.pid for p in multiprocessing.active_children()]
            self.peak = max(self.peak, sum(_pss_mb(pid) for pid in pids))

    def stop(self):
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


def _pss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:  # a worker that just ended
        pass
    return 0.0


def machine_speed_up(jobs: int) -> float:
    """What `jobs` processes give over one on this machine for pure Python work (no
    I/O, nothing shared): the ceiling of the converter's speed-up here, which another
    load on the machine lowers."""
    from concurrent.futures import ProcessPoolExecutor

    started = time.perf_counter()
    for _ in range(jobs * 2):
        _spin(2_000_000)
    one = time.perf_counter() - started
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_spin, [10] * jobs))  # started before the clock
        started = time.perf_counter()
        list(pool.map(_spin, [2_000_000] * (jobs * 2)))
        many = time.perf_counter() - started
    return one / many


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


# ---- the report -------------------------------------------------------------------

def stage_table(rows: list[dict]) -> list[str]:
    width = max(len(r["workload"]) for r in rows)
    head = (f"{'workload':{width}} {'docs':>5} " + " ".join(f"{h:>10}" for h in HEADINGS)
            + f" {'AKN doc/s':>10} {'all doc/s':>10} {'floor doc/s':>11} {'×floor':>7} {'all ×floor':>10}")
    lines = ["ms per document, by stage; documents per second in one process", head, "-" * len(head)]
    for r in rows:
        ms = r["stage_ms_per_document"]
        lines.append(f"{r['workload']:{width}} {r['documents']:>5} " + " ".join(f"{ms[c]:>10.2f}" for c in COLUMNS)
                     + f" {r['akn_path_per_second']:>10.0f} {r['all_formats_per_second']:>10.0f}"
                     f" {r['floor_akn_per_second']:>11.0f} {r['akn_path_floor_ratio']:>7.1f}"
                     f" {r['all_formats_floor_ratio']:>10.1f}")
    return lines


def seed_targets(seed_row: dict) -> list[dict]:
    """The targets measured on the seed: documents per second, and the ratio to the floor."""
    return [
        {"target": f"seed, AKN path, ≥ {SEED_RATE} doc/s per core", "measured": f"{seed_row['akn_path_per_second']:.0f} doc/s",
         "met": seed_row["akn_path_per_second"] >= SEED_RATE},
        {"target": f"seed, all formats (AKN+TEI+HTML), ≥ {SEED_RATE} doc/s per core",
         "measured": f"{seed_row['all_formats_per_second']:.0f} doc/s",
         "met": seed_row["all_formats_per_second"] >= SEED_RATE},
        {"target": f"seed, AKN path within {FLOOR_RATIO:g}× the floor",
         "measured": f"{seed_row['akn_path_floor_ratio']:.1f}×", "met": seed_row["akn_path_floor_ratio"] <= FLOOR_RATIO},
        {"target": f"seed, all formats within {FLOOR_RATIO:g}× the floor (AKN+TEI)",
         "measured": f"{seed_row['all_formats_floor_ratio']:.1f}×",
         "met": seed_row["all_formats_floor_ratio"] <= FLOOR_RATIO},
    ]


def synthetic_rows(sizes: list[int], rounds: int) -> list[dict]:
    """A row per size of synthetic resolution: each size converted to at least
    SYNTHETIC_PARAGRAPHS operative paragraphs (a small one is not one short timing),
    in `rounds` rounds in which the sizes take turns, the fastest round of each kept.

    The flat-time target compares sizes; timed once each, one after the other, on a
    machine whose speed drifts within minutes (the floor ran at 270 to 446 documents a
    second in one session), the same code measured 1.25× to 1.68×. Taking turns puts
    every size in every stretch of the run, and the fastest round is the code's time
    with the least of the machine's slowdowns in it (timeit's rule: a slower repeat is
    other work, not the code)."""
    texts = {size: synthetic(size).encode() for size in sizes}
    best: dict[int, dict] = {}
    for _ in range(max(1, rounds)):
        for size in sizes:
            copies = max(1, -(-SYNTHETIC_PARAGRAPHS // size))
            row = profile([(f"synthetic{size}.txt", texts[size])] * copies, f"synthetic {size:,} paragraphs")
            if size not in best or row["all_formats_ms_per_paragraph"] < best[size]["all_formats_ms_per_paragraph"]:
                best[size] = row
    return [best[size] for size in sizes]


def floor_bound(seed_row: dict) -> str | None:
    """What the machine allows: when lxml alone (the floor: parsing, serialising and
    validating the seed's AKN, no conversion at all) runs below the documents-per-second
    target, no conversion that validates its output with lxml can reach it on this run,
    whatever its code. A NOT MET is then the machine's before it is the converter's,
    and the ratio to the floor is what compares runs (tests/test_bench.py)."""
    floor = seed_row["floor_akn_per_second"]
    if floor >= SEED_RATE:
        return None
    return (f"the floor ran at {floor:.0f} doc/s on this run, below the {SEED_RATE} doc/s target: no conversion "
            f"that validates with lxml can reach it here (the AKN path is {seed_row['akn_path_floor_ratio']:.1f}× the floor)")


def target_table(targets: list[dict]) -> list[str]:
    lines = ["", f"{'target':58} {'measured':>22}  met", "-" * 88]
    for t in targets:
        lines.append(f"{t['target']:58} {t['measured']:>22}  {'met' if t['met'] else 'NOT MET'}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=200, help="times the seed is converted (default 200)")
    parser.add_argument("--corpus-times", type=int, default=10, help="the dev corpus, this many times over, "
                        "for the speed-up (default 10)")
    parser.add_argument("--documents", type=int, default=10_000, help="documents of the memory run (default 10,000)")
    parser.add_argument("--sizes", default="100,1000,5000", help="operative paragraphs of the synthetic resolutions")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the synthetic resolutions, the fastest "
                        "of each size kept (default 3)")
    parser.add_argument("--workers", type=int, default=None, help="N of the speed-up (default: every core)")
    parser.add_argument("--json", default=str(ROOT / "output" / "bench.json"), help="where to write the numbers")
    parser.add_argument("--memory-run", type=int, help=argparse.SUPPRESS)  # the child process of the memory run
    args = parser.parse_args(argv)
    from pipeline import workers

    jobs = args.workers or workers.cores()
    # the load before the benchmark's own work: read after the batch runs, the load
    # average counts the benchmark's own workers of the minute before
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    warm_up()  # the schemas compile once, outside the timings
    if args.memory_run is not None:
        print(json.dumps(memory_run(args.memory_run, jobs)))
        return 0

    seed = SEED_PATH.read_bytes()
    convert(seed, "warm-up", OPTIONS)
    rows = [profile([(f"seed{i}.txt", seed) for i in range(args.repeat)], f"seed ×{args.repeat}")]
    corpus = dev_corpus()
    if corpus:
        rows.append(profile(corpus, f"dev corpus ({len(corpus)} .txt)"))
    else:
        print(f"(no dev corpus in {SHARED / 'corpus' / 'dev'}: its rows are left out)")
    sizes = [int(s) for s in args.sizes.split(",")]
    rows += synthetic_rows(sizes, args.rounds)
    print("\n".join(stage_table(rows)))

    # the speed-up, on the dev corpus ×N (the seed repeated when there is no corpus)
    many = [(f"r{i}_{name}", data) for i in range(args.corpus_times) for name, data in (corpus or [("seed.txt", seed)] * 100)]
    one = batch_seconds(many, 1)
    n = batch_seconds(many, jobs) if jobs > 1 else one
    ceiling = machine_speed_up(jobs) if jobs > 1 else 1.0
    speed = {"documents": len(many), "workers": jobs, "one_worker_seconds": one, "n_workers_seconds": n,
             "speed_up": one / n, "one_worker_per_second": len(many) / one, "n_workers_per_second": len(many) / n,
             "machine_speed_up": ceiling, "load_average_1min_before": load}
    print(f"\nbatch (convert_batch, HTML included) on {'the dev corpus' if corpus else 'the seed ×100'} "
          f"×{args.corpus_times}, {len(many)} documents: 1 worker {one:.1f} s ({len(many) / one:.0f} doc/s), "
          f"{jobs} workers {n:.1f} s ({len(many) / n:.0f} doc/s): ×{one / n:.2f}"
          f"\n  this machine's own ceiling: {jobs} processes of pure Python run ×{ceiling:.2f} one"
          + (f" (load average {load:.2f} on {workers.cores()} cores before the benchmark started"
             + (": other work shares them)" if load >= 0.5 else ")") if load is not None else ""))

    # peak memory: in a process of its own, so that nothing above counts
    child = subprocess.run([sys.executable, __file__, "--memory-run", str(args.documents), "--workers", str(jobs)],
                           capture_output=True, text=True, check=True)
    memory = json.loads(child.stdout.strip().splitlines()[-1])
    print(f"memory: {memory['documents']:,} seed-sized documents streamed on {jobs} workers in "
          f"{memory['seconds']:.0f} s ({memory['valid']:,} valid): peak {memory['peak_mb']:.0f} MB "
          f"({memory['measure']}); peak RSS: parent {memory['parent_peak_rss_mb']:.0f} MB, "
          f"largest worker {memory['largest_worker_peak_rss_mb']:.0f} MB")

    seed_row = rows[0]
    per_paragraph = [r["all_formats_ms_per_paragraph"] for r in rows[-len(sizes):]]
    flat = max(per_paragraph) / min(per_paragraph)
    targets = seed_targets(seed_row) + [
        {"target": f"time per paragraph flat {sizes[0]:,}→{sizes[-1]:,} (≤ {FLAT_RATIO}×)",
         "measured": f"{flat:.2f}× (" + ", ".join(f"{p:.2f}" for p in per_paragraph) + " ms)", "met": flat <= FLAT_RATIO},
        {"target": f"{jobs} workers ≥ {SPEED_UP}× one worker ({'dev corpus' if corpus else 'seed'} ×{args.corpus_times})",
         "measured": f"×{speed['speed_up']:.2f} (machine ×{ceiling:.2f})", "met": jobs >= 2 and speed["speed_up"] >= SPEED_UP},
        {"target": f"peak memory < {PEAK_MB} MB for {args.documents:,} documents",
         "measured": f"{memory['peak_mb']:.0f} MB", "met": memory["peak_mb"] < PEAK_MB},
    ]
    print("\n".join(target_table(targets)))
    bound = floor_bound(seed_row)
    if bound:
        print(f"\n{bound}")
    print("\nAKN path: read → clean → segment → emit AKN → lxml validation → conservation check (stage sums);"
          "\nall formats: wall clock of convert() (AKN and TEI, both validated) and the HTML page;"
          "\nfloor: lxml parse + serialise + validate of the same output (AKN; for all formats AKN and TEI).")
    report = {"machine": {"cores": workers.cores(), "python": sys.version.split()[0], "executable": sys.executable},
              "workloads": rows,
              "speed_up": speed, "memory": memory, "targets": targets}
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {os.path.relpath(args.json)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
