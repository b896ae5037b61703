"""The partnership's "who gives to whom": a promise naming two member schools is one promise
in the giver's total and one in each of those schools' cells."""

from __future__ import annotations

from desktop_app.domain.partners import Direction
from desktop_app.domain.partnership_glance import US, FlowCount, PromiseRecord, reciprocity_matrix
from desktop_app.domain.rag import Rag, WorkStatus

PUDSEY, WIBSEY = 7, 8
SCHOOLS = ((US, "Trust School 13"), (PUDSEY, "Pudsey College"), (WIBSEY, "Wibsey Academy"))


def _record(
    cid: int, partner: int, way: Direction, rag: Rag = Rag.GREEN, recorded_by: int = US
) -> PromiseRecord:
    return PromiseRecord(cid, partner, recorded_by, way, "Coaching", None, WorkStatus.AGREED, rag)


def test_a_promise_to_two_members_counts_once_in_all_and_once_for_each_member() -> None:
    give = Direction.WE_GIVE
    records = (
        # One promise to both schools (amber for Wibsey: the worse colour is the total's).
        _record(1, PUDSEY, give),
        _record(1, WIBSEY, give, Rag.AMBER),
        _record(2, PUDSEY, give),  # and one to Pudsey alone
    )
    m = reciprocity_matrix(SCHOOLS, records)
    assert m.cell(US, PUDSEY) == FlowCount(green=2)
    assert m.cell(US, WIBSEY) == FlowCount(amber=1)
    assert m.given_by(US) == FlowCount(amber=1, green=1)  # 2 promises, not 3
    assert m.received_by(PUDSEY) == FlowCount(green=2)
    assert m.received_by(WIBSEY) == FlowCount(amber=1)


def test_what_two_members_give_us_together_is_one_promise_received() -> None:
    receive = Direction.WE_RECEIVE
    records = (_record(5, PUDSEY, receive, Rag.RED), _record(5, WIBSEY, receive, Rag.RED))
    m = reciprocity_matrix(SCHOOLS, records)
    assert m.given_by(PUDSEY) == FlowCount(red=1) and m.given_by(WIBSEY) == FlowCount(red=1)
    assert m.received_by(US) == FlowCount(red=1)


def test_a_members_own_record_of_a_promise_is_counted_apart_from_ours() -> None:
    give = Direction.WE_GIVE
    # Same number in two files is two records until the pair is confirmed.
    records = (_record(1, PUDSEY, give), _record(1, PUDSEY, give, recorded_by=PUDSEY))
    assert reciprocity_matrix(SCHOOLS, records).given_by(US) == FlowCount(green=2)
