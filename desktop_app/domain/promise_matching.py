"""Suggesting which of our promises and a member's promises are the same one.

Two records are suggested as a pair when they are with the same member, run the same way,
and their words overlap enough (Jaccard similarity of their significant words, with a
bonus for the same due date), unless they give different numbers ("3 days" and "4 days")
or fall due months apart. Nothing is merged here: the user confirms or rejects each
suggestion, and those decisions are passed back in so a rejected pair is never offered
again and a confirmed pair keeps both records out of other suggestions.

A partnership of 50 schools with 1,000 promises each must not compare every pair, so
candidates are found with prefix filtering (a standard set-similarity join): words are
ordered rarest first, and two records can reach the threshold only if they share a word
among the first few of each.
"""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence

from desktop_app.domain.partners import Direction
from desktop_app.domain.partnership_glance import (
    US,
    MatchDecision,
    PromiseMatch,
    PromiseRecord,
)
from desktop_app.domain.text_search import fold

#: Records whose words overlap at least this much (Jaccard) are candidates.
WORD_THRESHOLD = 0.4
#: A candidate is suggested when its score (overlap plus bonuses) reaches this.
SUGGEST_AT = 0.5
SAME_DUE_BONUS = 0.15
#: Two promises due this far apart are different ones (this year's and next year's, say).
MAX_DUE_APART_DAYS = 90

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "for",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "our",
        "your",
        "their",
        "we",
        "us",
        "they",
        "them",
        "its",
        "is",
        "are",
        "be",
        "will",
        "all",
        "each",
        "per",
        "into",
        "onto",
        "as",
        "this",
        "that",
        "these",
        "those",
        "who",
        "which",
    ]
)


def _stem(word: str) -> str:
    """A very light stemmer, enough for "host", "hosts", "hosted" and "hosting" (or "share"
    and "sharing") to be one word."""
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


def significant_words(text: str, stems: dict[str, str] | None = None) -> frozenset[str]:
    """Lower-case, accent-free words that carry meaning, lightly stemmed. `stems` caches
    each word's stem across many calls (a partnership uses a few thousand words)."""
    # Most promises are plain ASCII, which needs no accent folding (the slow part).
    folded = text.lower() if text.isascii() else fold(text)
    cache = {} if stems is None else stems
    words = set()
    for word in _WORD.findall(folded):
        stem = cache.get(word)
        if stem is None:
            stem = cache[word] = "" if word in _STOP else _stem(word)
        if stem:
            words.add(stem)
    return frozenset(words)


def _numbers(words: frozenset[str]) -> frozenset[str]:
    return frozenset(filter(str.isdigit, words))


def _prefix_length(size: int) -> int:
    return size - math.ceil(WORD_THRESHOLD * size) + 1


def _split(
    records: Sequence[PromiseRecord],
) -> tuple[dict[int, list[PromiseRecord]], dict[int, list[PromiseRecord]]]:
    """Records by member: ours, and the member's own (from its file)."""
    ours: dict[int, list[PromiseRecord]] = defaultdict(list)
    theirs: dict[int, list[PromiseRecord]] = defaultdict(list)
    for r in records:
        if r.recorded_by == US:
            ours[r.partner_id].append(r)
        elif r.recorded_by == r.partner_id:
            theirs[r.partner_id].append(r)
    return ours, theirs


def decided_matches(
    records: Sequence[PromiseRecord],
    decided: Mapping[tuple[int, int], MatchDecision],
) -> list[PromiseMatch]:
    """The user's decisions whose two records are both still there (one may have been
    removed, or withdrawn from a newer file, since)."""
    if not decided:
        return []
    wanted = {cid for pair in decided for cid in pair}
    by_id: dict[int, PromiseRecord] = {}
    own_by_key: dict[tuple[int, int], PromiseRecord] = {}
    for r in records:
        if r.commitment_id not in wanted:
            continue
        if r.recorded_by == US:
            own_by_key[(r.commitment_id, r.partner_id)] = r
        elif r.recorded_by == r.partner_id:
            by_id[r.commitment_id] = r
    matches = []
    for (own_id, their_id), decision in decided.items():
        their = by_id.get(their_id)
        own = own_by_key.get((own_id, their.partner_id)) if their else None
        if their is not None and own is not None:
            matches.append(PromiseMatch(own, their, decision, 1.0))
    return matches


def suggest_matches(
    records: Sequence[PromiseRecord],
    decided: Mapping[tuple[int, int], MatchDecision],
) -> list[PromiseMatch]:
    """Every decided pair still standing, and new suggestions, one per record at most.

    `decided` maps (our commitment id, their commitment id) to the user's decision.
    """
    matches = decided_matches(records, decided)
    # Records already in a confirmed pair (either side) are in no other pair.
    taken = {
        cid
        for m in matches
        if m.decision is MatchDecision.CONFIRMED
        for cid in (m.ours.commitment_id, m.theirs.commitment_id)
    }
    ours, theirs = _split(records)
    for partner_id, their_records in theirs.items():
        own_records = ours.get(partner_id, [])
        by_id = {r.commitment_id: r for r in (*own_records, *their_records)}
        used: set[int] = set(taken)
        # Best first, each record in one suggestion at most; ties go to the earlier records.
        for score, own_id, their_id in _scored_pairs(own_records, their_records):
            if own_id in used or their_id in used or (own_id, their_id) in decided:
                continue
            used.update((own_id, their_id))
            matches.append(
                PromiseMatch(by_id[own_id], by_id[their_id], MatchDecision.SUGGESTED, score)
            )
    return matches


#: Scored pairs per member, kept while that member's records are unchanged: a decision or a
#: refresh then costs only the assignment above. Shared by threads, hence the lock.
_SCORED: OrderedDict[Hashable, list[tuple[float, int, int]]] = OrderedDict()
_SCORED_LOCK = threading.Lock()
_SCORED_KEPT = 256


def forget_scored_pairs() -> None:
    """Empty the memo (the benchmark times the page with and without it)."""
    with _SCORED_LOCK:
        _SCORED.clear()


def _scored_pairs(
    own: list[PromiseRecord], theirs: list[PromiseRecord]
) -> list[tuple[float, int, int]]:
    key = (
        len(own),
        tuple((r.commitment_id, r.direction.value, r.what, r.due) for r in (*own, *theirs)),
    )
    with _SCORED_LOCK:
        if key in _SCORED:
            _SCORED.move_to_end(key)
            return _SCORED[key]
    scored = _best_pairs(own, theirs, stems={})
    with _SCORED_LOCK:
        _SCORED[key] = scored
        while len(_SCORED) > _SCORED_KEPT:
            _SCORED.popitem(last=False)
    return scored


def _best_pairs(
    own: list[PromiseRecord], theirs: list[PromiseRecord], stems: dict[str, str]
) -> list[tuple[float, int, int]]:
    """Every pair alike enough, as (score, our id, their id), best first."""
    if not own or not theirs:
        return []
    own_words = [significant_words(r.what, stems) for r in own]
    their_words = [significant_words(r.what, stems) for r in theirs]
    own_numbers = [_numbers(w) for w in own_words]
    their_numbers = [_numbers(w) for w in their_words]
    frequency: dict[str, int] = defaultdict(int)
    for words in (*own_words, *their_words):
        for w in words:
            frequency[w] += 1
    # One global order, rarest first (ties by the word), as prefix filtering requires.
    rank = {w: n for n, w in enumerate(sorted(frequency, key=lambda w: (frequency[w], w)))}

    def prefix(words: frozenset[str]) -> list[str]:
        return sorted(words, key=rank.__getitem__)[: _prefix_length(len(words))]

    # Only records that run the same way can pair, and two records that both give numbers
    # must give the same ones: the index is kept by direction and by numbers. Directions are
    # looked up as small numbers: hashing an Enum runs Python code, millions of times here.
    code = {d: n for n, d in enumerate(Direction)}
    anything: list[dict[str, list[int]]] = [defaultdict(list) for _ in code]
    by_numbers: list[dict[tuple[frozenset[str], str], list[int]]] = [
        defaultdict(list) for _ in code
    ]
    for j, words in enumerate(their_words):
        direction, numbers = code[theirs[j].direction], their_numbers[j]
        for w in prefix(words):
            anything[direction][w].append(j)
            by_numbers[direction][(numbers, w)].append(j)
    none: frozenset[str] = frozenset()
    scored: list[tuple[float, int, int]] = []
    for i, words in enumerate(own_words):
        a, a_numbers, size = own[i], own_numbers[i], len(words)
        if not size:
            continue
        low, high = WORD_THRESHOLD * size, size / WORD_THRESHOLD
        any_words, with_numbers = anything[code[a.direction]], by_numbers[code[a.direction]]
        candidates: set[int] = set()
        for w in prefix(words):
            if a_numbers:
                candidates.update(with_numbers.get((a_numbers, w), ()))
                candidates.update(with_numbers.get((none, w), ()))
            else:
                candidates.update(any_words.get(w, ()))
        for j in candidates:
            b_words = their_words[j]
            # Cheapest tests first: sizes too far apart cannot reach the threshold.
            if not low <= len(b_words) <= high:
                continue
            b_numbers = their_numbers[j]
            if a_numbers and b_numbers and a_numbers != b_numbers:
                continue
            b = theirs[j]
            if a.due and b.due and abs((a.due - b.due).days) > MAX_DUE_APART_DAYS:
                continue
            shared = len(words & b_words)
            overlap = shared / (size + len(b_words) - shared)
            if overlap < WORD_THRESHOLD:
                continue
            score = overlap + (SAME_DUE_BONUS if a.due and a.due == b.due else 0)
            if score >= SUGGEST_AT:
                scored.append((score, i, j))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    return [(score, own[i].commitment_id, theirs[j].commitment_id) for score, i, j in scored]


def decided_pairs(rows: Iterable[tuple[int, int, str]]) -> dict[tuple[int, int], MatchDecision]:
    return {(own, their): MatchDecision(decision) for own, their, decision in rows}
