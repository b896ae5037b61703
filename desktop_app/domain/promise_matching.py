"""Suggesting which of our promises and a member's promises are the same one.

Two records are suggested as a pair when they are with the same member, run the same way,
and their words overlap enough (Jaccard similarity of their significant words, with a
bonus for the same due date). Nothing is merged here: the user confirms or rejects each
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
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

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


def significant_words(text: str) -> frozenset[str]:
    """Lower-case, accent-free words that carry meaning ("hosts" and "host" are one word)."""
    words = set()
    for word in _WORD.findall(fold(text)):
        if word in _STOP:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.add(word)
    return frozenset(words)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def _prefix_length(size: int) -> int:
    return size - math.ceil(WORD_THRESHOLD * size) + 1


def suggest_matches(
    records: Sequence[PromiseRecord],
    decided: Mapping[tuple[int, int], MatchDecision],
) -> list[PromiseMatch]:
    """Every decided pair still standing, and new suggestions, one per record at most.

    `decided` maps (our commitment id, their commitment id) to the user's decision.
    """
    ours: dict[int, list[PromiseRecord]] = defaultdict(list)
    theirs: dict[int, list[PromiseRecord]] = defaultdict(list)
    by_id: dict[int, PromiseRecord] = {}
    for r in records:
        if r.recorded_by == US:
            ours[r.partner_id].append(r)
        elif r.recorded_by == r.partner_id:
            theirs[r.partner_id].append(r)
            by_id[r.commitment_id] = r
    own_by_key = {(r.commitment_id, r.partner_id): r for rs in ours.values() for r in rs}

    matches: list[PromiseMatch] = []
    taken: set[int] = set()  # commitment ids already in a confirmed pair (either side)
    for (own_id, their_id), decision in decided.items():
        their = by_id.get(their_id)
        own = own_by_key.get((own_id, their.partner_id)) if their else None
        if their is None or own is None:
            continue  # one of them was removed or withdrawn since the decision
        matches.append(PromiseMatch(own, their, decision, 1.0))
        if decision is MatchDecision.CONFIRMED:
            taken.update((own_id, their_id))

    for partner_id, their_records in theirs.items():
        own_records = [r for r in ours.get(partner_id, ()) if r.commitment_id not in taken]
        free = [r for r in their_records if r.commitment_id not in taken]
        for score, own, their in _best_pairs(own_records, free, decided):
            matches.append(PromiseMatch(own, their, MatchDecision.SUGGESTED, score))
    return matches


def _best_pairs(
    own: list[PromiseRecord],
    theirs: list[PromiseRecord],
    decided: Mapping[tuple[int, int], MatchDecision],
) -> list[tuple[float, PromiseRecord, PromiseRecord]]:
    if not own or not theirs:
        return []
    own_words = [significant_words(r.what) for r in own]
    their_words = [significant_words(r.what) for r in theirs]
    frequency: dict[str, int] = defaultdict(int)
    for words in (*own_words, *their_words):
        for w in words:
            frequency[w] += 1

    def ordered(words: frozenset[str]) -> list[str]:
        return sorted(words, key=lambda w: (frequency[w], w))

    index: dict[str, list[int]] = defaultdict(list)
    for j, words in enumerate(their_words):
        for w in ordered(words)[: _prefix_length(len(words))]:
            index[w].append(j)
    scored: list[tuple[float, int, int]] = []
    for i, words in enumerate(own_words):
        candidates: set[int] = set()
        for w in ordered(words)[: _prefix_length(len(words))]:
            candidates.update(index.get(w, ()))
        for j in candidates:
            if own[i].direction is not theirs[j].direction:
                continue
            if (own[i].commitment_id, theirs[j].commitment_id) in decided:
                continue
            overlap = _jaccard(words, their_words[j])
            if overlap < WORD_THRESHOLD:
                continue
            score = overlap + (SAME_DUE_BONUS if own[i].due and own[i].due == theirs[j].due else 0)
            if score >= SUGGEST_AT:
                scored.append((score, i, j))
    # Best first, each record in one suggestion at most; ties go to the earlier records.
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    used_own: set[int] = set()
    used_theirs: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if i in used_own or j in used_theirs:
            continue
        used_own.add(i)
        used_theirs.add(j)
        pairs.append((score, own[i], theirs[j]))
    return pairs


def decided_pairs(rows: Iterable[tuple[int, int, str]]) -> dict[tuple[int, int], MatchDecision]:
    return {(own, their): MatchDecision(decision) for own, their, decision in rows}
