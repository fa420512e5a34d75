"""A small on-disk cache for word lists derived from data packages, so a new process starts fast.

Building the name and place lexicons from their data packages (a 16 MB city table, 60,000 given
names, 89,000 surnames) takes about a third of a second, every time a process starts; reading the
same lists back from one JSON file takes a tenth of that. The cache is keyed by everything the
lists are built from (quotemine's version, the versions of the data packages, the text of the
project's own data files), so a stale file is never read: a new key is simply a new file.

Where: ``$QUOTEMINE_CACHE_DIR`` if set (an empty value turns the cache off), else
``$XDG_CACHE_HOME/quotemine`` or ``~/.cache/quotemine``. A cache that cannot be read or written is
ignored (the lists are then built as usual); nothing else depends on it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

__all__ = ["cache_dir", "cache_key", "cached"]

T = TypeVar("T")
CACHE_ENV = "QUOTEMINE_CACHE_DIR"


def cache_dir() -> Path | None:
    """Return the cache folder, or ``None`` when the cache is turned off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "quotemine"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def cache_key(packages: Iterable[str], texts: Iterable[str]) -> str:
    """Return a key for a value built from these distribution packages and these texts."""
    digest = hashlib.sha256()
    for package in packages:
        digest.update(f"{package}=={_version(package)}\n".encode())
    for text in texts:
        digest.update(hashlib.sha256(text.encode("utf-8")).digest())
    return digest.hexdigest()[:24]


def cached(
    name: str, key: str, build: Callable[[], T], dump: Callable[[T], Any], load: Callable[[Any], T]
) -> T:
    """Return ``load(json)`` of the cached value ``name``/``key``, else ``build()`` it and cache it.

    Args:
        name: what the value is (the file name's stem).
        key: from ``cache_key``: changes whenever what the value is built from changes.
        build: makes the value from its sources.
        dump: turns the value into JSON data.
        load: turns JSON data back into the value; ``load(dump(v)) == v`` must hold.

    """
    folder = cache_dir()
    path = None if folder is None else folder / f"{name}-{key}.json"
    if path is not None and path.is_file():
        try:
            return load(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError, KeyError) as exc:
            logger.debug("cache file %s unreadable (%s); rebuilding", path.name, exc)
    value = build()
    if path is not None:
        _write(path, dump(value))
    return value


def _write(path: Path, data: Any) -> None:
    """Write ``data`` to ``path`` atomically (a temporary file, then a rename); ignore failures."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as tmp:
            json.dump(data, tmp, ensure_ascii=False)
        os.replace(tmp.name, path)
    except OSError as exc:
        logger.debug("could not write cache file %s: %s", path.name, exc)
        try:
            os.unlink(tmp.name)
        except (OSError, NameError):
            pass
