"""The commitments screen's filter and sort orders, stated in SQL.

The domain (desktop_app.domain.commitment_filter) defines which commitments match and how
they sort; this states the same rules in SQL so the database picks and orders the rows
and the screen reads only those it shows. tests/storage/test_commitment_sql_filter.py
holds the two to exact agreement.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from functools import lru_cache

from desktop_app.domain.commitment_filter import (
    NO_DUE_DATE,
    CommitmentFilter,
    CommitmentOrder,
    CommitmentQuery,
)
from desktop_app.domain.partners import Direction
from desktop_app.domain.rag import (
    CLOSED_STATUSES,
    DUE_SOON_DAYS,
    URGENCY,
    Rag,
    WorkStatus,
    due_soon_window,
)
from desktop_app.domain.text_search import fold_quickly
from desktop_app.storage.database import FOLD_FUNCTION


def _marks(n: int) -> str:
    return ", ".join("?" * n)


#: Each word searched, the partners whose shown name holds it
#: (CommitmentFilter.partners_named, since shown names are the domain's to make), and
#: whether to look up each commitment's partners instead of listing the named partners'
#: commitments (the same rows; quicker when most partners are named, see _probes()).
SearchedWords = tuple[tuple[str, frozenset[int], bool], ...]


def where_sql(
    school_id: int, f: CommitmentFilter, words: SearchedWords
) -> tuple[str, list[object]]:
    """The WHERE clause (over `commitments c`) keeping what f.matches keeps: each word
    searched is one more condition, on the folded columns or the partners it names."""
    where = ["c.school_id = ?", "c.removed_at IS NULL"]
    params: list[object] = [school_id]
    if f.partner_id is not None:
        where.append(
            "EXISTS (SELECT 1 FROM commitment_partners p"
            " WHERE p.commitment_id = c.id AND p.partner_id = ?)"
        )
        params.append(f.partner_id)
    if f.strand_id is not None:
        where.append(
            "EXISTS (SELECT 1 FROM commitment_strands s"
            " WHERE s.commitment_id = c.id AND s.strand_id = ?)"
        )
        params.append(f.strand_id)
    if f.status is not None:
        where.append("c.status = ?")
        params.append(f.status.value)
    if f.owner is not None:
        where.append("c.owner = ?")
        params.append(f.owner)
    if f.direction is not None:
        where.append("c.direction = ?")
        params.append(f.direction.value)
    if f.overdue or f.due_soon:  # closed work is never overdue or due soon
        closed = [s.value for s in CLOSED_STATUSES]
        where.append(f"c.due_on IS NOT NULL AND c.status NOT IN ({_marks(len(closed))})")
        params += closed
    if f.overdue:
        where.append("c.due_on < ?")
        params.append(f.today.isoformat())
    if f.due_soon:
        first, last = due_soon_window(f.today, f.due_soon_days)
        where.append("c.due_on BETWEEN ? AND ?")
        params += [first.isoformat(), last.isoformat()]
    for word, named, probe in words:
        text = ["instr(c.what_folded, ?) > 0", "instr(c.owner_folded, ?) > 0"]
        params += [word, word]
        if named and probe:
            # Each commitment's own partners, found by its key (the unary + keeps SQLite
            # from seeking every named partner in turn); the list is made once.
            text.append(
                "EXISTS (SELECT 1 FROM commitment_partners p WHERE p.commitment_id = c.id"
                " AND +p.partner_id IN (SELECT value FROM json_each(?)))"
            )
        elif named:
            # Not correlated, so SQLite lists these commitments once, not once per row.
            text.append(
                "c.id IN (SELECT commitment_id FROM commitment_partners"
                " WHERE partner_id IN (SELECT value FROM json_each(?)))"
            )
        if named:
            params.append("[" + ",".join(str(p) for p in sorted(named)) + "]")
        where.append(f"({' OR '.join(text)})")
    return " AND ".join(where), params


_RAG_SQL = (
    "CASE WHEN c.status = ? THEN ? WHEN c.status = ? THEN ?"
    " WHEN c.due_on IS NULL AND c.start_on IS NULL AND c.review_on IS NULL THEN ?"
    " WHEN c.due_on < ? THEN ?"
    " WHEN c.start_on <= ? AND c.status IN (?, ?) THEN ?"
    " WHEN c.due_on <= ? THEN ? WHEN c.review_on < ? THEN ? ELSE ? END"
)


def _rag_sql(query: CommitmentQuery) -> tuple[str, list[object]]:
    """domain.rag.rag_status's rules, in its order, as a rank (URGENCY)."""
    today = query.filter.today.isoformat()
    soon = (query.filter.today + timedelta(days=DUE_SOON_DAYS)).isoformat()
    amber, green = URGENCY[Rag.AMBER], URGENCY[Rag.GREEN]
    params: list[object] = [WorkStatus.DONE.value, green, WorkStatus.DROPPED.value]
    params += [URGENCY[Rag.NONE], amber, today, URGENCY[Rag.RED], today]
    params += [WorkStatus.PROPOSED.value, WorkStatus.AGREED.value, amber]
    params += [soon, amber, today, amber, green]
    return _RAG_SQL, params


def _case(column: str, mapping: dict[str, object]) -> tuple[str, list[object]]:
    whens = " ".join("WHEN ? THEN ?" for _ in mapping)
    params: list[object] = [v for pair in mapping.items() for v in pair]
    return f"CASE {column} {whens} END", params


def key_sql(query: CommitmentQuery) -> tuple[list[str], list[object]]:
    """The sort key's expressions (domain.commitment_filter.sort_key without the id)."""
    due = f"coalesce(c.due_on, '{NO_DUE_DATE}')"
    order = query.order
    if order is CommitmentOrder.RAG:
        rag, params = _rag_sql(query)
        return [rag, due], params
    if order is CommitmentOrder.WHAT:
        return ["c.what_folded"], []
    if order is CommitmentOrder.OWNER:
        return ["c.owner_folded"], []
    if order is CommitmentOrder.DUE:
        return [due], []
    if order is CommitmentOrder.DIRECTION:
        sql, params = _case("c.direction", {d.value: d.label for d in Direction})
        return [sql], params
    if order is CommitmentOrder.PROGRESS:
        sql, params = _case("c.status", {s.value: i for i, s in enumerate(WorkStatus)})
        return [sql], params
    if order is CommitmentOrder.PARTNERS:
        # SQLite keeps a subquery's ORDER BY for group_concat; ties cannot occur (position).
        # Names are folded as written (m020): a school's 10,000 commitments sort in 68 ms,
        # not 78 ms folding each partner's name in Python as it is read.
        return [
            "coalesce((SELECT group_concat(k, ', ') FROM"
            " (SELECT ps.name_folded AS k FROM commitment_partners p"
            " JOIN partner_schools ps ON ps.id = p.partner_id"
            " WHERE p.commitment_id = c.id ORDER BY p.position)), '')"
        ], []
    titles = {sid: fold_quickly(title) for sid, title in query.strand_titles.items()}
    if titles:
        title, params = _case("s.strand_id", dict(titles))
        title = title.replace(" END", f" ELSE {FOLD_FUNCTION}(s.strand_id) END")
    else:
        title, params = f"{FOLD_FUNCTION}(s.strand_id)", []
    return [
        f"coalesce((SELECT group_concat({title}, ', ') FROM"
        " (SELECT strand_id FROM commitment_strands"
        " WHERE commitment_id = c.id ORDER BY position) s), '')"
    ], params


def ordered_sql(
    school_id: int, query: CommitmentQuery, among: list[int] | None = None
) -> tuple[str, list[object]]:
    """SELECT each matching commitment's sort key, its id last, in the query's order;
    only those among these ids, if given."""
    titles = tuple(query.strand_titles.items()) if query.order is CommitmentOrder.STRANDS else ()
    known = len(query.partner_names)
    words = tuple(
        (word, named, _probes(len(named), known))
        for word, named in query.filter.partners_named(query.partner_names).items()
    )
    among_count = -1 if among is None else len(among)
    sql, params = _statement(school_id, query, words, titles, among_count)
    return sql, [*params, *(among or ())]


def _probes(named: int, known: int) -> bool:
    """Should a search look up each commitment's partners (see where_sql)?

    Listing the named partners' commitments reads their links in every school of the
    file; looking up each commitment's own partners costs one seek per commitment. With
    a third or more of the partners named ("c" names nearly all) the seeks win: 21 ms
    against 37 for "c" over 10,000 of 20,000 commitments, and about even at a third.
    """
    return named * 3 > known


# A saved change asks again with the same query for its one row: the statement is made once.
@lru_cache(maxsize=16)
def _statement(
    school_id: int,
    query: CommitmentQuery,
    words: SearchedWords,
    titles: tuple[tuple[str, str], ...],
    among: int,
) -> tuple[str, tuple[object, ...]]:
    keys, key_params = key_sql(replace(query, strand_titles=dict(titles)))
    where, where_params = where_sql(school_id, query.filter, words)
    if among >= 0:
        where += f" AND c.id IN ({_marks(among)})"
    direction = " DESC" if query.descending else ""
    order = ", ".join(f"{n}{direction}" for n in range(1, len(keys) + 2))
    sql = f"SELECT {', '.join(keys)}, c.id FROM commitments c WHERE {where} ORDER BY {order}"
    return sql, (*key_params, *where_params)
