"""Where a build's documents are converted: this process, a pool of processes on this
machine, or a Dask cluster. Each gives `convert_batch` a `submit` function and runs
the same per-document function (`batch.build_documents`).

Each worker compiles the schemas once (`validate.warm_up`) and keeps them for all
the documents it converts; a pool forked from a process that compiled them already
inherits them.
"""
from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Iterator

from .batch import Submit
from .validate import warm_up


def cores() -> int:
    """The cores this process may run on (fewer than the machine's, under a CPU mask)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@contextlib.contextmanager
def local(jobs: int) -> Iterator[Submit | None]:
    """A pool of `jobs` worker processes, started on the first document sent (a build
    with nothing to convert starts none); None for one job: this process converts."""
    if jobs <= 1:
        yield None
        return
    pool: ProcessPoolExecutor | None = None

    def submit(function, *args):
        nonlocal pool
        if pool is None:
            # fork where there is one: the workers start at once, with the schemas the
            # parent compiled; elsewhere each worker compiles them in its initializer
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
            pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method),
                                       initializer=_start_worker)
        return pool.submit(function, *args)

    try:
        yield submit
    except BaseException:
        if pool is not None:  # Ctrl-C or an error: no document after this one is converted
            pool.shutdown(wait=False, cancel_futures=True)
            pool = None
        raise
    finally:
        if pool is not None:
            pool.shutdown(wait=True)


def _start_worker() -> None:
    # Ctrl-C reaches every process of the terminal's group: only the parent handles it
    # (it stops sending documents and writes nothing partial); a worker would die
    # mid-document and leave the pool broken
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        # a parent killed outright (SIGKILL) cannot stop its workers, which would wait
        # for documents forever, holding its terminal or pipes: the kernel stops them
        PR_SET_PDEATHSIG = 1
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() == 1:  # the parent died before the line above took effect
            os._exit(1)
    warm_up()


@contextlib.contextmanager
def dask(address: str) -> Iterator[Submit]:
    """The Dask cluster (`distributed` scheduler) at `address`, e.g. `tcp://host:8786`.

    Its workers need akn-pipeline installed (`pip install 'akn-pipeline[dask]'`) and
    the TEI schema (`invoke schemas`, or AKN_PIPELINE_TEI_SCHEMA); each compiles the
    schemas on its first document. Inputs are sent from here and outputs come back
    here to be written, so the workers need no shared folder.
    """
    try:
        from distributed import Client
    except ImportError as err:
        raise RuntimeError("the Dask backend needs the dask extra: pip install 'akn-pipeline[dask]'") from err
    with Client(address) as client:
        # pure=False: two inputs with the same bytes are still two documents to convert
        yield lambda function, *args: client.submit(function, *args, pure=False)
