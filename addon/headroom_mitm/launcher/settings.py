"""The settings model: options that mean the same for every subcommand (they come before it on the
command line). A frozen dataclass whose fields, kinds and checks all come from the option table in
options.py. Standard library only: the launcher reaches the agent's spawn without loading pydantic
(issue #14), and the command line has already been parsed by argparse."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any, Mapping

from ..options import BY_NAME, OPTIONS, default_state_root, mitm_values
from .paths import StateDir


class SettingsError(ValueError):
    """Invalid settings; the message names every offending option (a usage error: exit code 2)."""


@dataclasses.dataclass(frozen=True)
class _Settings:
    state_dir: Path

    def __post_init__(self) -> None:
        # Each value is converted to its row's kind and checked by its row; every problem is named.
        problems: list[str] = []
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            try:
                if field.name == "state_dir":
                    value = Path(value)
                else:
                    option = BY_NAME[field.name]
                    value = option.convert(value)
                    option.check_value(value)
            except (TypeError, ValueError) as exc:
                problems.append(str(exc))
                continue
            object.__setattr__(self, field.name, value)
        if problems:
            raise SettingsError("; ".join(problems))

    @classmethod
    def from_cli(cls, state_dir: str | None, env: Mapping[str, str] = os.environ, **values: object) -> Any:
        return cls(state_dir=default_state_root(state_dir, env), **values)

    def replace(self, **changes: object) -> Any:
        """A copy with these fields changed (and checked again)."""
        return dataclasses.replace(self, **changes)

    @property
    def state(self) -> StateDir:
        return StateDir(self.state_dir)

    def mitm_options(self) -> dict[str, object]:
        """Our addons' mitmproxy options for these settings."""
        return mitm_values(self, self.state)


def _annotation(kind: str) -> str:
    return {"list": "tuple[str, ...]", "paths": "tuple[Path, ...]", "int": "int", "float": "float",
            "bool": "bool", "path": "Path | None"}.get(kind, "str | None")


GlobalOptions: Any = dataclasses.make_dataclass(
    "GlobalOptions",
    [(o.name, _annotation(o.kind), dataclasses.field(default=o.default))
     for o in OPTIONS if o.name and o.name != "state_dir"],
    bases=(_Settings,),
    frozen=True,
)
GlobalOptions.__module__ = __name__  # make_dataclass takes `module=` only from Python 3.12
