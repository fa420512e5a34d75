"""The release number, in its own module so that any module can read it without importing the package."""

from __future__ import annotations

__version__ = "0.1.0"
