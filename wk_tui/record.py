"""A small stand-in for dataclasses for the core's plain data types.

``dataclasses`` costs ~20 ms to import (it pulls in ``inspect``) and ~1 ms per class to
generate code; the headless commands (``export``, ``summary``) must start fast, so the core
uses this instead: fields come from the class annotations, defaults from class attributes,
``Factory(factory=list)`` for mutable defaults; ``==``, ``repr`` and ``replace`` work as
expected. Type checkers see records as dataclasses (PEP 681 ``dataclass_transform``), so
constructor calls are checked against the fields.
"""

from __future__ import annotations

from collections.abc import Callable

TYPE_CHECKING = False  # typing's flag without importing typing; mypy knows the idiom
if TYPE_CHECKING:
    from typing import Self, TypeVar, dataclass_transform

    _T = TypeVar("_T")

    def Factory(*, factory: Callable[[], _T]) -> _T:  # noqa: N802 - the type checker's view
        """A default made fresh for every instance (like ``field(default_factory=...)``)."""
        ...
else:

    def dataclass_transform(**_: object) -> Callable[[type], type]:
        return lambda cls: cls


class _Factory:
    __slots__ = ("make",)

    def __init__(self, factory: Callable[[], object]) -> None:
        self.make = factory


if not TYPE_CHECKING:
    Factory = _Factory


@dataclass_transform(field_specifiers=(Factory,))
class Record:
    _fields: tuple[str, ...] = ()
    _defaults: dict = {}
    #: Fields left out of ``==`` and ``repr`` (caches, transient warnings).
    _transient: tuple[str, ...] = ()
    # Unhashable (mutable, like a dataclass without frozen=True): defining ``__eq__`` below
    # makes Python set ``__hash__ = None`` in the class, so no assignment is needed here.

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        fields = list(cls._fields)
        defaults = dict(cls._defaults)
        for name in cls.__dict__.get("__annotations__", {}):
            if name.startswith("__") or name in ("_fields", "_defaults", "_transient"):
                continue
            if name not in fields:
                fields.append(name)
            if name in cls.__dict__:
                defaults[name] = cls.__dict__[name]
            elif defaults and name not in defaults:
                raise TypeError(
                    f"{cls.__name__}.{name}: a field without a default follows one with a default"
                )
        cls._fields, cls._defaults = tuple(fields), defaults

    def __init__(self, *args: object, **kwargs: object) -> None:
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__} takes {len(fields)} arguments")
        for name, value in zip(fields, args, strict=False):
            setattr(self, name, value)
        for name in fields[len(args) :]:
            if name in kwargs:
                value = kwargs.pop(name)
            elif name in self._defaults:
                value = self._defaults[name]
                if isinstance(value, _Factory):
                    value = value.make()
            else:
                raise TypeError(f"{type(self).__name__}: missing argument {name!r}")
            setattr(self, name, value)
        if kwargs:
            raise TypeError(f"{type(self).__name__}: unexpected {', '.join(kwargs)}")
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init()

    def _compared(self) -> tuple:
        return tuple(getattr(self, f) for f in self._fields if f not in self._transient)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._compared() == other._compared()

    def __repr__(self) -> str:
        inner = ", ".join(
            f"{f}={getattr(self, f)!r}" for f in self._fields if f not in self._transient
        )
        return f"{type(self).__name__}({inner})"

    def replace(self, **changes: object) -> Self:
        """A copy with ``changes`` applied (``__post_init__`` runs again)."""
        values = {f: getattr(self, f) for f in self._fields if f not in self._transient}
        values.update(changes)
        return type(self)(**values)
