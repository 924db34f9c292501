"""Records: small immutable values as plain classes.

A record's fields are its ``__init__``'s parameters, stored once with ``vars(self).update(...)``;
it compares, hashes and prints by them and refuses to be changed, like a frozen dataclass, but
costs nothing when its module is imported (the ``dataclasses`` module, with ``inspect``, and the
methods it writes for each class took a command about 10 ms before it could start).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing's own import costs a command 2 ms; type checkers read this name the same way
if TYPE_CHECKING:
    from typing import Any, TypeVar

    T = TypeVar("T")


class Record:
    """An immutable value: set in ``__init__`` through ``vars(self)``, never after."""

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of a {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of a {type(self).__name__}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return vars(self) == vars(other)

    def __hash__(self) -> int:
        return hash(tuple(vars(self).values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in vars(self).items())
        return f"{type(self).__qualname__}({fields})"


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of ``obj`` with ``changes``: a record's, or a dataclass's (as ``dataclasses.replace``)."""
    if isinstance(obj, Record):
        return type(obj)(**{**vars(obj), **changes})
    from dataclasses import replace as replace_dataclass

    return replace_dataclass(obj, **changes)
