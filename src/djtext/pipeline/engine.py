"""Where tasks run: in this process, a process pool (``jobs``) or on Dask, started only when needed.

``Executor.submit(task)`` gives a future; ``ordered`` yields results in task order with a bounded
number of tasks in flight, so rows stream back as they come and nothing holds the whole corpus.
"""
from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Callable, Iterator

from djtext.pipeline.document import keep_resources
from djtext.pipeline.options import Options
from djtext.pipeline.worker import init_worker, run_task, run_task_in_worker

SCHEDULER_ENV = "DJTEXT_DASK_SCHEDULER"
CONNECT_TIMEOUT = "20s"  # how long to wait for a Dask scheduler
IN_FLIGHT_PER_WORKER = 4  # tasks queued per worker, so none idles while an earlier, longer task is awaited in order


class Ready:
    """A finished value with the interface of a future."""

    def __init__(self, value):
        self.value = value

    def result(self):
        """The value."""
        return self.value


def ordered(engine: "Executor", tasks: Iterator[tuple]) -> Iterator[tuple]:
    """(tag, result) for each (tag, task) of ``tasks`` in order, at most ``engine.window`` in flight."""
    pending: deque = deque()
    for tag, task in tasks:
        pending.append((tag, Ready(task[1]) if task[0] == "ready" else engine.submit(task)))
        while len(pending) >= engine.window:
            tag0, future = pending.popleft()
            yield tag0, future.result()
    while pending:
        tag0, future = pending.popleft()
        yield tag0, future.result()


class Executor:
    """Context manager for the chosen engine, started only when the first uncached task comes.

    ``submit(task)`` gives a future; ``window`` is how many tasks may be in flight. A run whose
    every file comes from the cache never loads a segmenter nor starts a pool or a cluster.
    """

    def __init__(self, engine: str, jobs: int, options: Options, scheduler: str | None,
                 cache_dir: Path | None = None, kind: str = ""):
        self.engine, self.jobs, self.options, self.scheduler = engine, max(1, jobs), options, scheduler
        # local workers write the cache themselves; a cluster's workers may not see this folder
        self.cache_dir = str(cache_dir) if cache_dir and engine == "local" else None
        self.kind = kind
        self.caches = self.cache_dir is not None
        self._close: list[Callable[[], None]] = []
        self._submit: Callable | None = None
        self.window = 1

    def __enter__(self):
        return self

    def submit(self, task: tuple):
        """Run ``task`` on the engine (starting it on the first call); a future-like result."""
        if self._submit is None:
            self._submit, self.window = self._start()
        return self._submit(task)

    def _start(self) -> tuple[Callable, int]:
        if self.engine == "dask":
            return self._dask()
        keep_resources(self.options)  # loaded once here (errors surface here); forked workers inherit it
        if self.jobs == 1:
            return (lambda task: Ready(run_task(task, self.options, self.cache_dir, self.kind))), 1
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=init_worker,
                                   initargs=(self.options, self.cache_dir, self.kind))
        self._close.append(lambda: pool.shutdown(wait=True, cancel_futures=True))
        return (lambda task: pool.submit(run_task_in_worker, task)), IN_FLIGHT_PER_WORKER * self.jobs

    def _dask(self) -> tuple[Callable, int]:
        try:
            from distributed import Client, default_client
        except ImportError:
            return self._dask_bag()
        if self.scheduler:
            try:
                client = Client(self.scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as exc:
                raise ValueError(f"cannot connect to the Dask scheduler {self.scheduler}: {exc}") from None
            self._close.append(client.close)
        else:
            try:
                client = default_client()
            except ValueError:
                if self.jobs == 1:
                    return self._dask_bag()
                from distributed import LocalCluster

                cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, dashboard_address=None)
                client = Client(cluster)
                self._close.extend([cluster.close, client.close])
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        options, kind = self.options, self.kind
        window = IN_FLIGHT_PER_WORKER * max(workers, self.jobs)
        return (lambda task: client.submit(run_task, task, options, None, kind, pure=False)), window

    def _dask_bag(self) -> tuple[Callable, int]:
        try:
            import dask
        except ImportError:
            raise ValueError("the dask engine needs the dask extra: pip install 'djtext[dask]'") from None
        scheduler = "processes" if self.jobs > 1 else "sync"
        options, kind = self.options, self.kind

        def submit(task):
            value = dask.delayed(run_task)(task, options, None, kind)
            return Ready(value.compute(scheduler=scheduler, num_workers=self.jobs))

        return submit, 1

    def __exit__(self, *exc):
        for close in reversed(self._close):
            close()
        return False
