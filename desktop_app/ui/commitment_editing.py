"""Adding and editing a commitment through its dialog, the same from every screen that offers
it (the commitments page, and a strand's linked commitments on the self-assessment page)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from desktop_app.domain.framework import Framework
from desktop_app.domain.partners import Commitment, CommitmentDetails, Direction
from desktop_app.services.changes import Edit
from desktop_app.ui.context import UiContext
from desktop_app.ui.dialogs.commitment_dialog import CommitmentDialog


def round_framework(ctx: UiContext) -> Framework | None:
    """The framework the chosen round uses (its strands are the ones a commitment serves)."""
    services = ctx.services
    if ctx.round_id is not None:
        return services.assessment.framework_for(services.assessment.get_round(ctx.round_id))
    try:
        return services.catalogue.latest()
    except LookupError:
        return None


def commitment_dialog(
    ctx: UiContext,
    parent: QWidget,
    school_id: int,
    today: date,
    commitment: Commitment | None = None,
    preset: CommitmentDetails | None = None,
) -> CommitmentDialog:
    """The dialog for a new commitment (from the preset) or for this one. It lists the
    partners already named (the register may hold every school in England: others are found
    by typing) and offers the school's owners so far."""
    services = ctx.services
    named = (commitment or preset or CommitmentDetails(Direction.WE_GIVE, "")).partner_ids
    return CommitmentDialog(
        services.partners.by_ids(named),
        round_framework(ctx),
        today,
        parent,
        commitment,
        owners=services.commitments.owners(school_id),
        preset=preset,
        find=services.partners.find,
    )


def create_commitment(
    ctx: UiContext, parent: QWidget, school_id: int, today: date, preset: CommitmentDetails
) -> Commitment | None:
    """Ask for a new commitment and save it (a refusal stays in the dialog, with everything
    typed); None if the user cancels."""
    dialog = commitment_dialog(ctx, parent, school_id, today, preset=preset)
    service = ctx.services.commitments

    def save() -> tuple[Commitment, Edit]:
        assert dialog.details is not None  # validate() has just set them
        return service.create(school_id, dialog.details)

    return ctx.saved_new(dialog.exec_saving(save))


def save_edit(ctx: UiContext, parent: QWidget, current: Commitment, new: CommitmentDetails) -> None:
    if new != current.details:
        ctx.save(parent, lambda: ctx.services.commitments.update(current.id, new))


def edit_commitment(ctx: UiContext, parent: QWidget, current: Commitment, today: date) -> None:
    """Ask for the commitment's new details and save them if they changed."""
    dialog = commitment_dialog(ctx, parent, current.school_id, today, current)
    service = ctx.services.commitments

    def save() -> Edit | None:
        new = dialog.details
        if new is None or new == current.details:
            return None  # nothing changed: nothing to save or undo
        return service.update(current.id, new)

    ctx.saved(dialog.exec_saving(save))
