"""Partner schools, partnerships and commitments as JSON (docs/export-format.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop_app.domain.partners import Commitment, PartnerSchool, Partnership
from desktop_app.storage.store import Store


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def partner_json(p: PartnerSchool) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "urn": p.urn or None,
        "phase": p.phase,
        "establishment_type": p.establishment_type,
        "local_authority": p.local_authority,
        "trust": p.trust,
        "postcode": p.postcode,
        "contact_name": p.contact_name,
        "contact_email": p.contact_email,
        "notes": p.notes,
        "removed": p.removed,
    }


def partnership_json(p: Partnership) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "type": p.type.value,
        "depth": p.depth.value,
        "member_partner_ids": list(p.member_ids),
        "start": _iso(p.start),
        "end": _iso(p.end),
        "agreement_notes": p.agreement_notes,
        "system_leadership_roles": [r.value for r in p.roles],
    }


def commitment_json(c: Commitment) -> dict[str, Any]:
    return {
        "id": c.id,
        "direction": c.direction.value,
        "what": c.what,
        "partner_ids": list(c.partner_ids),
        "strand_ids": list(c.strand_ids),
        "owner": c.owner,
        "start": _iso(c.start),
        "due": _iso(c.due),
        "review": _iso(c.review),
        "status": c.status.value,
        "evidence_of_impact": c.evidence_of_impact,
        "confidential": c.confidential,
    }


def partner_schools_section(store: Store) -> list[dict[str, Any]]:
    """Removed partners are included (flagged) because commitments still refer to them."""
    return [partner_json(p) for p in store.partners.all(include_removed=True)]


def school_partnership_section(store: Store, school_id: int) -> dict[str, Any]:
    return {
        "partnerships": [partnership_json(p) for p in store.partnerships.for_school(school_id)],
        "commitments": [commitment_json(c) for c in store.commitments.for_school(school_id)],
    }
