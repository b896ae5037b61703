"""What flows each way between our school and one partner school."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.partners import Commitment, Direction
from desktop_app.domain.rag import WorkStatus


@dataclass(frozen=True)
class Reciprocity:
    """What flows each way between our school and one partner: trust needs both directions."""

    partner_id: int
    we_give: tuple[Commitment, ...]
    we_receive: tuple[Commitment, ...]
    joint: tuple[Commitment, ...]

    @property
    def balance(self) -> str:
        give, receive = len(self.we_give), len(self.we_receive)
        if give == receive == 0:
            return "Joint work only" if self.joint else "Nothing recorded yet"
        if give == receive:
            return "Balanced"
        return "We mostly give" if give > receive else "We mostly receive"


def reciprocity(partner_id: int, commitments: list[Commitment]) -> Reciprocity:
    """Live commitments with this partner, split by direction (dropped ones are left out)."""
    mine = [
        c for c in commitments if partner_id in c.partner_ids and c.status is not WorkStatus.DROPPED
    ]
    return Reciprocity(
        partner_id,
        tuple(c for c in mine if c.direction is Direction.WE_GIVE),
        tuple(c for c in mine if c.direction is Direction.WE_RECEIVE),
        tuple(c for c in mine if c.direction is Direction.JOINT),
    )
