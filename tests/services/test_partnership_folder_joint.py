"""Joint-review files travel through the partnership folder too: listed with their kind,
offered to the school they are addressed to, imported after the same preview."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from exchange_helpers import BIRCH
from joint_helpers import MARKERS, rate_all, setup_lead, setup_member

from desktop_app.domain.levels import Level
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import open_services
from desktop_app.services.partnership_folder import IncomingState


def test_a_joint_review_through_the_partnership_folder(
    tmp_path: Path, catalogue: FrameworkCatalogue
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    lead = open_services(tmp_path / "a" / "alder.sqlite3", catalogue)
    birch = open_services(tmp_path / "b" / "birch.sqlite3", catalogue)
    try:
        lead_id, partnership_id = setup_lead(lead)
        birch_id = setup_member(birch, "Birch Academy", BIRCH, MARKERS[1])
        for services in (lead, birch):
            services.partnership_folder.choose_folder(shared)
        round_, _ = lead.joint_reviews.start(
            lead_id, partnership_id, "Joint review", date(2027, 3, 1), catalogue.latest()
        )
        lead.joint_reviews.send_requests(round_.id, shared)

        listing = birch.partnership_folder.listing(birch_id)
        [request] = listing.new_files()
        assert request.detail.startswith("A request to rate the partnership, from Alder")
        states = {f.name: f.state for f in listing.files}
        assert list(states.values()).count(IncomingState.NOT_FOR_US) == 1  # Cedar's
        preview = birch.partnership_folder.preview(request)
        assert any(
            "request to rate" in line for line in birch.partnership_folder.preview_lines(preview)
        )
        birch.partnership_folder.apply(preview)
        assert birch.partnership_folder.listing(birch_id).new_files() == []

        (received,) = birch.joint_ratings.requests(birch_id)
        rate_all(birch, received.id, Level.EMBEDDING, "Birch says", shared / "ratings.json")
        lead_listing = lead.partnership_folder.listing(lead_id)
        [ratings] = lead_listing.new_files()
        assert ratings.name == "ratings.json"
        assert "ratings for a joint review" in ratings.detail
        assert IncomingState.FROM_US in {f.state for f in lead_listing.files}
        message, _ = lead.partnership_folder.apply(lead.partnership_folder.preview(ratings))
        assert lead.partnership_folder.listing(lead_id).new_files() == []
        assert message
    finally:
        lead.close()
        birch.close()
