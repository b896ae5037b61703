"""The partner register's search index: folded on a worker thread, kept up to date with saves.

At 50,000 schools folding the register takes about a second, so it is made off the GUI thread
after each full load (and once the page is shown, before anything is typed). Changes saved
while it is being made are applied to it when it arrives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from desktop_app.domain.partners import PartnerSchool
from desktop_app.domain.text_search import FoldedIndex
from desktop_app.ui.context import UiContext
from desktop_app.ui.tasks import run_in_background


class RegisterSearch:
    def __init__(self, ctx: UiContext, on_ready: Callable[[], None]) -> None:
        self._ctx = ctx
        self._on_ready = on_ready  # the index has arrived: search with it
        self.index: FoldedIndex | None = None
        self._job = 0  # each load's index; an older one arriving late is dropped
        self._building = False
        self._changed_while_building: set[int] = set()

    @property
    def ready(self) -> bool:
        return self.index is not None

    def forget(self) -> None:
        """The register changed as a whole: the index is made again when next wanted."""
        self.index = None
        self._job += 1
        self._building = False

    def ensure(self) -> None:
        """Start making the index unless it is made or being made."""
        if self.index is None and not self._building:
            self._build()

    def saved(self, ids: frozenset[int], changed: Iterable[PartnerSchool]) -> FoldedIndex | None:
        """Bring the index up to date with saved partners; the index, or None while it is
        being made (they are applied when it arrives)."""
        if self.index is None:
            self._changed_while_building |= ids
            return None
        self._ctx.services.partners.update_register_search(self.index, ids, list(changed))
        return self.index

    def _build(self) -> None:
        self.index = None
        self._job += 1
        self._building = True
        self._changed_while_building = set()
        job = self._job
        service = self._ctx.services.partners
        work = service.register_search_work()

        def done(index: FoldedIndex) -> None:
            if job != self._job:
                return  # a newer load started another
            self._building = False
            if self._changed_while_building:
                service.update_register_search(index, self._changed_while_building)
            self.index = index
            self._on_ready()

        def failed(_exc: BaseException) -> None:
            if job == self._job:  # search from this connection instead
                self._building = False
                self.index = service.register_search()
                self._on_ready()

        run_in_background(lambda _progress: work(), done, failed)
