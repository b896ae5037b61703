"""The trust-scale bench's figures: medians of (ours, floor) pairs, targets, the table."""

from __future__ import annotations

import statistics
from collections.abc import Callable


class Figures:
    """name -> list of (ours, floor) seconds; floor None for absolute figures."""

    def __init__(self) -> None:
        self.pairs: dict[str, list[tuple[float, float | None]]] = {}
        self.notes: dict[str, str] = {}

    def add(self, name: str, ours: float, floor: float | None = None) -> None:
        self.pairs.setdefault(name, []).append((ours, floor))

    def median(self, name: str) -> tuple[float, float | None]:
        pairs = self.pairs[name]
        ours = statistics.median(p[0] for p in pairs)
        floors = [p[1] for p in pairs if p[1] is not None]
        return ours, statistics.median(floors) if floors else None

    def worst(self, name: str) -> float:
        return max(p[0] for p in self.pairs[name])


# Report ----------------------------------------------------------------------------------

TARGETS: dict[str, tuple[str, Callable[[float, float | None], bool]]] = {
    "register search after the pause": (
        "<= 3x SQL, < 50 ms",
        lambda o, r: r is not None and r <= 3 and o < 0.05,
    ),
    "register keystroke (the key itself)": ("< 50 ms", lambda o, r: o < 0.05),
    "register index ready after the first key": ("for information", lambda o, r: True),
    "partner finder search after the pause": (
        "<= 3x floor, < 50 ms",
        lambda o, r: r is not None and r <= 3 and o < 0.05,
    ),
    "partner finder against its SQL alone": ("for information", lambda o, r: True),
    "commitments keystroke (the key itself)": ("< 50 ms", lambda o, r: o < 0.05),
    "commitments search after the pause": (
        "<= 3x SQL, < 50 ms",
        lambda o, r: r is not None and r <= 3 and o < 0.05,
    ),
    "partner saved (partner page)": ("<= 3x floor", lambda o, r: r is not None and r <= 3),
    "commitment saved (commitments page)": ("<= 3x floor", lambda o, r: r is not None and r <= 3),
    "judgement saved (self-assessment page)": (
        "<= 3x floor",
        lambda o, r: r is not None and r <= 3,
    ),
    "next strand (self-assessment page)": (
        "<= 3x floor, flat",
        lambda o, r: r is not None and r <= 3,
    ),
    "next strand against its SQL alone": ("for information", lambda o, r: True),
    "next strand, processor time": ("for information", lambda o, r: True),
    "progress note added (plan page)": (
        "<= 3x floor",
        lambda o, r: r is not None and r <= 3,
    ),
    "progress note added against its SQL alone": ("for information", lambda o, r: True),
    "action saved (plan page)": ("<= 3x floor", lambda o, r: r is not None and r <= 3),
    "commitments full reload": ("<= 3x SQL", lambda o, r: r is not None and r <= 3),
    "peak memory MiB (window with pages shown)": (
        "<= 1.5x bare",
        lambda o, r: r is not None and r <= 1.5,
    ),
    "governors' summary PDF": ("<= 2x plain", lambda o, r: r is not None and r <= 2),
    "full plan PDF": ("<= 1.5x plain", lambda o, r: r is not None and r <= 1.5),
}


# "Flat": the largest file's time at most this many times the smallest's.
_FLAT = 1.5


def _met(figures: Figures, name: str, ok: Callable[[float, float | None], bool]) -> bool:
    """Is the target met at this size? (A target is met only when it is met at every size.)"""
    if name not in figures.pairs:
        return True
    ours, floor = figures.median(name)
    checked = figures.worst(name) if "search" in name or "keystroke" in name else ours
    return ok(checked, None if floor is None else ours / floor)


def report(sizes: list[str], results: dict[str, Figures]) -> None:
    names: list[str] = []
    for figures in results.values():
        names += [n for n in figures.pairs if n not in names]
    print()
    print(f"{'measure':<44}" + "".join(f"{s:>28}" for s in sizes) + f"{'growth':>9}  target")
    for name in names:
        cells, ratios, values = [], [], []
        for size in sizes:
            figures = results[size]
            if name not in figures.pairs:
                cells.append(f"{'-':>28}")
                continue
            ours, floor = figures.median(name)
            memory = name.startswith("peak memory")
            if floor is None:
                text = f"{ours * 1000:.1f} ms"
                if "keystroke" in name:
                    text += f" (worst {figures.worst(name) * 1000:.1f})"
                ratios.append(None)
            elif memory:
                text = f"{ours:.0f} / {floor:.0f} MiB = {ours / floor:.2f}x"
                ratios.append(ours / floor)
            else:
                text = f"{ours * 1000:.1f}/{floor * 1000:.1f} ms = {ours / floor:.1f}x"
                if "keystroke" in name or "search" in name:
                    text += f" w{figures.worst(name) * 1000:.0f}"
                ratios.append(ours / floor)
            values.append(ours)
            cells.append(f"{text:>28}")
        if ratios and ratios[0] is not None and ratios[-1] is not None:
            growth = f"{ratios[-1] / ratios[0]:.2f}x"
        elif values:
            growth = f"{values[-1] / values[0]:.2f}x"
        else:
            growth = "-"
        target, ok = TARGETS.get(name, ("< 300 ms", lambda o, r: o < 0.3))
        missed = [size for size in sizes if not _met(results[size], name, ok)]
        if "flat" in target and len(values) > 1 and values[-1] > values[0] * _FLAT:
            missed.append("growth")
        verdict = "OK" if not missed else "NOT MET"
        if missed and len(missed) < len(sizes):
            verdict += f" ({', '.join(missed)})"
        print(f"{name:<44}" + "".join(cells) + f"{growth:>9}  {target} {verdict}")
    for size in sizes:
        for name, note in results[size].notes.items():
            print(f"  {size}: {name}: {note}")
