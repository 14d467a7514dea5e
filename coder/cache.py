"""A disk cache of compiled rule sets, so that a second start is quick.

Compiling expands every rule word into its surface forms, which takes a moment for a large
rule base; the result depends only on the rule files and the coder's version. The cache key
is a hash of the version and of the path, size and modification time of every rule file and
of the coder's own modules; a changed file means a new key. The cache lives in
$CODER_CACHE_DIR, else in $XDG_CACHE_HOME/arabic-event-coder, else in
~/.cache/arabic-event-coder. Set CODER_CACHE_DIR to an empty string to turn it off. A cache
that cannot be read or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import __version__

_MAX_FILES = 8  # compiled rule sets kept; the oldest go first


def cache_dir() -> Path | None:
    """Where compiled rule sets are kept, or None when caching is off."""
    explicit = os.environ.get("CODER_CACHE_DIR")
    if explicit is not None:
        return Path(explicit) if explicit else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "arabic-event-coder"


def _engine_files() -> list[Path]:
    """The coder's own code: a compiled rule set is only valid for the engine that compiled it."""
    here = Path(__file__).resolve().parent
    return sorted(p for p in here.rglob("*") if p.suffix in (".py", ".lark"))


def key(files: list[Path]) -> str:
    h = hashlib.sha256(__version__.encode())
    for f in [*_engine_files(), *files]:
        st = f.stat()
        h.update(f"{f.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:32]


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: building a rule set (from the rule files or from
    this cache) allocates many small objects that all live on, and every collection on the way
    walks them again for nothing (a fifth of a cold load). On the way out they are frozen
    (`gc.freeze`), which `coder code` did after loading anyway."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # The objects built are kept: moved out of the collected generations, they cost no
        # collection now (one pass over them all took a twentieth of a cold load) nor later.
        gc.freeze()
        if enabled:
            gc.enable()


def load(files: list[Path]):
    """The cached rule set for exactly these files, or None."""
    d = cache_dir()
    if d is None:
        return None
    with gc_paused():
        try:
            with open(d / f"{key(files)}.pickle", "rb") as f:
                return pickle.load(f)  # noqa: S301 - our own cache file, in the user's cache dir
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None


def store(files: list[Path], ruleset) -> None:
    """Write the rule set to the cache (atomically); failures are ignored."""
    d = cache_dir()
    if d is None:
        return
    try:
        d.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=d, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(ruleset, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, d / f"{key(files)}.pickle")
        old = sorted(d.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[_MAX_FILES:]
        for p in old:
            p.unlink(missing_ok=True)
    except OSError:
        return
