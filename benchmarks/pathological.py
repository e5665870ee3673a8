"""Time of a conversion on pathological inputs, at growing sizes: is it linear?

Run with `invoke bench-pathological` (or `python benchmarks/pathological.py`). For each
kind of input it converts the same shape at sizes n, 2n, 4n, 8n and prints the time,
the time per unit and the growth exponent between the smallest and the largest size
(log of the time ratio over log of the size ratio): about 1 is linear, 2 quadratic.
A benchmark, not a test: it prints and asserts nothing, because times depend on the
machine; look at the exponent.
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.convert import Options, convert  # noqa: E402
from pipeline.diagnostics import InputError  # noqa: E402
from pipeline.validate import warm_up  # noqa: E402

SEED = (ROOT / "input" / "A_HRC_RES_38_3.zh.txt").read_text(encoding="utf-8")
# where the generated text goes: after the seed's operative paragraph 18, before its closing
_CUT = SEED.index("19. ")
HEAD, TAIL = SEED[:_CUT], SEED[_CUT:]


def huge_line(n: int) -> str:
    """One line of n characters, with the characters XML escapes (a PDF table read as text)."""
    return HEAD + ("请各国 & <cooperate> ]]> to promote human rights " * (n // 40 + 1))[:n] + "；\n\n" + TAIL


def empty_lines(n: int) -> str:
    """n empty lines between two paragraphs (a layer that pads pages with blank lines)."""
    return HEAD + "\n" * n + TAIL


def short_lines(n: int) -> str:
    """n short lines of a hard-wrapped layer, one paragraph of many lines."""
    return HEAD + "18a. 决定\n" + "".join(f"继续审议第{i}号\n" for i in range(n)) + "问题；\n\n" + TAIL


def repeated_items(n: int) -> str:
    """One paragraph with n items labelled (a)…(z) again and again."""
    items = "".join(f"({chr(97 + i % 26)}) 项目 {i}；\n\n" for i in range(n))
    return HEAD + "18a. 决定如下：\n\n" + items + TAIL


def many_notes(n: int) -> str:
    """n paragraphs with a footnote call each, and their n notes (one marker, again and again)."""
    calls = "".join(f"{i}. 注意到报告¹；\n\n" for i in range(19, 19 + n))
    notes = "".join("¹ A/HRC/37/79。\n\n" for _ in range(n))
    return HEAD + calls + notes + TAIL[TAIL.index("2018 年 7 月 5 日"):]


KINDS: dict[str, tuple[Callable[[int], str], int, str]] = {
    # name: (generator, smallest size, unit)
    # up to 4 M characters: beyond 10 MB of text in one element, the validating parser
    # (libxml2's default limit) refuses the output as not valid
    "one huge line": (huge_line, 500_000, "char"),
    "empty lines": (empty_lines, 125_000, "line"),
    "short lines": (short_lines, 12_500, "line"),
    "repeated items": (repeated_items, 2_000, "item"),
    "footnote markers": (many_notes, 1_000, "note"),
}


def measure(text: str) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        conversion = convert(text, "bench.txt", Options(markup_date="2026-01-01"))
        outcome = "ok" if conversion.ok else "not ok"
    except InputError as err:
        outcome = err.diagnostic.code
    return time.perf_counter() - start, outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size (default 1)")
    parser.add_argument("--steps", type=int, default=4, help="sizes n, 2n, … (default 4)")
    parser.add_argument("--only", help="run only the kinds whose name contains this")
    args = parser.parse_args(argv)
    warm_up()  # the schemas compile once, outside the timings
    print(f"{'input':18} {'size':>10} {'seconds':>8} {'µs/unit':>8}  outcome")
    for name, (make, smallest, unit) in KINDS.items():
        if args.only and args.only not in name:
            continue
        sizes = [int(smallest * args.scale) * 2 ** k for k in range(args.steps)]
        times = []
        for size in sizes:
            seconds, outcome = measure(make(size))
            times.append(seconds)
            print(f"{name:18} {size:>10,} {seconds:8.2f} {seconds / size * 1e6:8.2f}  {outcome} ({unit}s)")
        exponent = math.log(times[-1] / times[0]) / math.log(sizes[-1] / sizes[0]) if times[0] > 0 else float("nan")
        print(f"{name:18} growth exponent {exponent:.2f} ({'linear' if exponent < 1.25 else 'SUPERLINEAR'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
