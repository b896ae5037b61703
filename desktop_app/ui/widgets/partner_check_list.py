"""Tick boxes for partner schools, found by typing: the register may hold every school in
England, so the list offers the ticked schools and a pick list's worth of the rest."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from desktop_app.domain.partners import PartnerSchool, partner_choice_names
from desktop_app.domain.text_search import fold, has_words, search_words
from desktop_app.ui.widgets.form_helpers import SEARCH_TIP, CheckList
from desktop_app.ui.widgets.typing_pause import after_typing_pause

Finder = Callable[[str], list[PartnerSchool]]


class PartnerCheckList(CheckList):
    """A CheckList of partner schools with a search box (`search`) that narrows it, and a
    line (`ticked`) naming every school ticked, for the dialog to show beside them.

    Ticked schools stay ticked, and listed first, whatever is typed."""

    def __init__(self, name: str, finder: Finder) -> None:
        super().__init__(name)
        self._name = name
        self._finder = finder
        self._names: dict[int, str] = {}
        # Each school listed, as the ticked line names it: name and URN.
        self._named: dict[int, str] = {}
        self.search = QLineEdit()
        self.search.setAccessibleName(f"Find {name.lower()}")
        self.search.setPlaceholderText("Type words of a school's name or its URN")
        self.search.setToolTip(SEARCH_TIP)
        self.search.setClearButtonEnabled(True)
        self.ticked = QLabel()
        self.ticked.setWordWrap(True)
        self._timer = after_typing_pause(self, self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.run_search)
        self.itemChanged.connect(lambda _item: self._show_ticked())

    def show_partners(self, chosen: Iterable[PartnerSchool], ticked: Iterable[int]) -> None:
        """Start with these ticked schools (removed ones too) and the first of the rest."""
        wanted = set(ticked)
        chosen = [p for p in chosen if p.id in wanted]
        names = partner_choice_names(chosen)
        self._names = {p.id: names[p.id] for p in chosen}
        self._learn(chosen, names)
        self._fill(self._finder(""), wanted)

    def run_search(self) -> None:
        """List the schools found, after the ticked ones, and make the first found current:
        Tab then Space ticks it, never unticks a school already ticked at the top."""
        self._timer.stop()
        found = self._finder(self.search.text())
        self.setCurrentRow(self._fill(found, set(self.checked())))

    def _fill(self, found: list[PartnerSchool], ticked: set[int]) -> int:
        """Fill the list; the row of the first school found (-1 if none was)."""
        for i in range(self.count()):
            item = self.item(i)
            key = item.data(Qt.ItemDataRole.UserRole)
            if key in ticked:
                self._names[key] = item.text()
        first = [(self._names[k], k) for k in self._names if k in ticked]
        first.sort(key=lambda pair: pair[0].casefold())
        names = partner_choice_names(found)  # schools of the same name told apart
        rest = [(names[p.id], p.id) for p in found if p.id not in ticked]
        self._learn(found, names)
        self.fill(first + rest, ticked)
        self._show_ticked()
        if rest:
            return len(first)
        hits = {p.id for p in found}  # only ticked schools were found: the first of them
        return next((n for n, (_name, key) in enumerate(first) if key in hits), -1)

    def _learn(self, partners: Iterable[PartnerSchool], names: dict[int, str]) -> None:
        for p in partners:
            name = names[p.id]
            shown = f"{name} ({p.urn})" if p.urn and p.urn not in name else name
            self._named[p.id] = shown

    def _show_ticked(self) -> None:
        """Name every school ticked, so one unticked by mistake does not go unnoticed."""
        items = (self.item(i) for i in range(self.count()))
        names = sorted(
            (
                self._named.get(item.data(Qt.ItemDataRole.UserRole), item.text())
                for item in items
                if item.checkState() == Qt.CheckState.Checked
            ),
            key=str.casefold,
        )
        text = f"Ticked: {', '.join(names)}" if names else "Ticked: none yet"
        if text != self.ticked.text():
            self.ticked.setText(text)
            self.ticked.setAccessibleName(f"{self._name} {text[0].lower()}{text[1:]}")
            self.setAccessibleDescription(text)


def finder_over(partners: list[PartnerSchool]) -> Finder:
    """A Finder over a list already in hand (a short register, or tests)."""

    def find(text: str) -> list[PartnerSchool]:
        words = search_words(text)
        return [
            p
            for p in partners
            if not p.removed and has_words(words, f"{fold(p.display_name)} {p.urn}")
        ]

    return find
