"""Model prices, read from OpenCode's own models.dev cache; nothing is ever guessed.

OpenCode keeps the models.dev catalogue at `$XDG_CACHE_HOME/opencode/models.json` (or the file
named by OPENCODE_MODELS_PATH): `{provider_id: {"models": {model_id: {"cost": {"input": …,
"output": …, "cache_read": …, "cache_write": …}}}}}`, costs in US$ per million tokens. No file, or a
model we cannot match unambiguously, means no dollar figure at all.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..facts import default_models_path

_DATE_SUFFIX = re.compile(r"-(?:\d{4}-\d{2}-\d{2}|\d{8})$")


@dataclass(frozen=True)
class ModelPrice:
    """US$ per million tokens. cache_* are None when the catalogue gives none."""

    input: float
    output: float
    cache_read: float | None = None
    cache_write: float | None = None


@dataclass
class Prices:
    table: dict[str, dict[str, ModelPrice]] = field(default_factory=dict)

    def lookup(self, provider: str | None, model: str | None) -> ModelPrice | None:
        """Price of `model`, preferring `provider`'s entry. Tried as given, then without a
        `models/` or `vendor/` prefix, then without a date suffix (gpt-4o-2024-08-06 → gpt-4o).
        Outside the provider, a name counts only when every provider lists it at the same price."""
        if not model:
            return None
        for name in _candidates(model):
            if provider and name in self.table.get(provider, {}):
                return self.table[provider][name]
        for name in _candidates(model):
            found = {models[name] for models in self.table.values() if name in models}
            if len(found) == 1:
                return found.pop()
            if found:
                return None  # listed at several prices: ambiguous, so no figure
        return None


def _candidates(model: str) -> list[str]:
    names = [model]
    bare = model.removeprefix("models/")
    if "/" in bare:
        bare = bare.rsplit("/", 1)[1]
    names.append(bare)
    undated = _DATE_SUFFIX.sub("", bare)
    names.append(undated)
    seen: list[str] = []
    for n in names:
        if n and n not in seen:
            seen.append(n)
    return seen


def _price(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        return None
    return float(value)


def load_prices(path: str | os.PathLike[str] | None = None) -> Prices | None:
    """Prices from a models.dev-format file (default: OpenCode's cache); None if it is missing,
    unreadable, or prices nothing."""
    try:
        file = Path(path) if path is not None else default_models_path()
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    table: dict[str, dict[str, ModelPrice]] = {}
    for provider_id, provider in data.items():
        models = provider.get("models") if isinstance(provider, dict) else None
        if not isinstance(models, dict):
            continue
        for model_id, model in models.items():
            cost = model.get("cost") if isinstance(model, dict) else None
            if not isinstance(cost, dict):
                continue
            inp, out = _price(cost.get("input")), _price(cost.get("output"))
            if inp is None or out is None:
                continue
            table.setdefault(str(provider_id), {})[str(model_id)] = ModelPrice(
                inp, out, _price(cost.get("cache_read")), _price(cost.get("cache_write"))
            )
    return Prices(table) if table else None


class _Priced(Protocol):
    provider: str | None
    model: str | None
    attempt: int
    est_tokens_before: int
    est_tokens_after: int
    input_tokens: int | None
    cache_read_tokens: int | None
    cache_write_tokens: int | None


def input_rate(price: ModelPrice, record: _Priced) -> float:
    """$/1M for one more prompt token of this request: the input price blended by how the
    provider billed this request's prompt (uncached, cache read, cache write), since removed
    tokens in a cached prefix would have been cache reads, not full-price input."""
    total = record.input_tokens or 0
    if total <= 0:
        return price.input
    read = min(record.cache_read_tokens or 0, total)
    write = min(record.cache_write_tokens or 0, total - read)
    plain = total - read - write
    read_price = price.cache_read if price.cache_read is not None else price.input
    write_price = price.cache_write if price.cache_write is not None else price.input
    return (plain * price.input + read * read_price + write * write_price) / total


def saved_tokens_calibrated(record: _Priced) -> float:
    """Prompt tokens compression saved, scaled from our estimate to the provider's tokenizer:
    the provider counted `input_tokens` for a body we estimated at `est_tokens_after`."""
    saved = record.est_tokens_before - record.est_tokens_after
    if saved <= 0:
        return 0.0
    if record.input_tokens and record.est_tokens_after > 0:
        return record.input_tokens * saved / record.est_tokens_after
    return float(saved)


def saved_dollars(record: _Priced, prices: Prices | None) -> float | None:
    """US$ this request saved, or None when the model has no known price. A retry (attempt > 1)
    saved nothing new: 0.0."""
    if prices is None:
        return None
    price = prices.lookup(record.provider, record.model)
    if price is None:
        return None
    if record.attempt > 1:
        return 0.0
    return saved_tokens_calibrated(record) * input_rate(price, record) / 1_000_000
