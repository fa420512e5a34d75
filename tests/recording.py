"""A dict that remembers which keys were read: every key of a data file must be used by the code."""

from __future__ import annotations


class KeyRecording(dict):  # type: ignore[type-arg]
    """A dict that remembers the keys read through ``get`` and ``[]``."""

    def __init__(self, data: dict[str, object]) -> None:
        super().__init__(data)
        self.read: set[str] = set()

    def get(self, key: str, default: object = None) -> object:  # type: ignore[override]
        self.read.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> object:
        self.read.add(key)
        return super().__getitem__(key)
