"""One hook into moto's reset (POST /moto-api/reset) for the plug-ins that keep state of their own.

Each plug-in used to wrap MotoAPIBackend.reset itself; one wrapper with a list of clears keeps
the order plain (every clear, then moto's own reset) however many plug-ins register.
"""

from typing import Callable

from moto.moto_api._internal.models import MotoAPIBackend

_clears: list[Callable[[], None]] = []
_original_reset = MotoAPIBackend.reset


def on_reset(clear: Callable[[], None]) -> None:
    """Runs `clear` at every reset of moto, before moto forgets its own state."""
    _clears.append(clear)


def _reset(self: MotoAPIBackend) -> None:
    for clear in _clears:
        clear()
    _original_reset(self)


MotoAPIBackend.reset = _reset  # type: ignore[method-assign]
