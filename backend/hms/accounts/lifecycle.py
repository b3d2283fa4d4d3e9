"""The account life cycle every person profile shares (doctors and patients).

A profile is a row with a one-to-one `user` (the account). Approving, rejecting, closing and
setting a password work the same for every profile: lock the profile and its account, check
the account's status, change it, write one audit event `<kind>.<verb>`. Each profile app
declares one `AccountLifecycle` and adds only what differs (a patient's preferred doctor, say).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar, cast

from django.db import models, transaction

from hms.accounts.models import AccountStatus, User
from hms.accounts.policies import can_edit_account
from hms.accounts.services import user_set_password, user_set_status
from hms.audit.services import audit_record
from hms.common.errors import InvalidStateError


class PersonProfile(Protocol):
    """A profile row: its primary key and its account."""

    @property
    def pk(self) -> Any: ...

    @property
    def user(self) -> User: ...


Profile = TypeVar("Profile", bound=PersonProfile)


def _no_patient(profile: Any) -> None:
    return None


@dataclass(frozen=True)
class AccountLifecycle(Generic[Profile]):
    """The status changes of one kind of profile, audited as `<kind>.<verb>`.

    `audit_patient` names the patient an audit event is about (a patient's own profile), so
    the access log can answer "who touched this patient's record".
    """

    model: type[models.Model]
    kind: str
    audit_patient: Callable[[Profile], models.Model | None] = _no_patient

    def lock(self, profile: Profile) -> Profile:
        """Re-read a profile with its row and its account's row locked until the commit.

        FOR NO KEY UPDATE, as every lock taken on an account or a profile to serialise changes:
        it excludes other such locks and updates, but not the key-share locks that foreign key
        checks take. A FOR UPDATE lock would also wait for those, and the access log's appends
        check their actor's and patient's rows while holding the log's chain lock: a
        transaction holding FOR UPDATE on an account and then appending to the log would
        deadlock with a read by that account appending its access event.
        """
        locked = (
            self.model._default_manager.select_for_update(of=("self", "user"), no_key=True)
            .select_related("user")
            .get(pk=profile.pk)
        )
        return cast(Profile, locked)

    def record(self, *, actor: User, profile: Profile, verb: str, at: datetime) -> None:
        """Write the audit event `<kind>.<verb>` about `profile`."""
        audit_record(
            actor=actor,
            action=f"{self.kind}.{verb}",
            object_type=self.kind,
            object_id=profile.pk,
            patient=self.audit_patient(profile),
            at=at,
        )

    def refuse_unless_editable(self, profile: Profile) -> None:
        """Raise InvalidStateError when the account is rejected or deleted."""
        user = profile.user
        if not can_edit_account(user=user):
            raise InvalidStateError(
                f"The account of this {self.kind} is {user.get_status_display().lower()}; "
                "it can no longer be changed."
            )

    def approve(self, *, actor: User, profile: Profile, at: datetime) -> Profile:
        """Approve a pending account; it can log in from now on.

        Raises InvalidStateError, changing nothing, unless the account is PENDING.
        """
        with transaction.atomic():
            locked = self.lock(profile)
            user_set_status(
                actor=actor,
                user=locked.user,
                status=AccountStatus.APPROVED,
                at=at,
            )
            self.record(actor=actor, profile=locked, verb="approve", at=at)
        return locked

    def reject(self, *, actor: User, profile: Profile, reason: str, at: datetime) -> Profile:
        """Reject a pending account, keeping the optional reason on it.

        Raises InvalidStateError, changing nothing, unless the account is PENDING.
        """
        with transaction.atomic():
            locked = self.lock(profile)
            user_set_status(
                actor=actor,
                user=locked.user,
                status=AccountStatus.REJECTED,
                reason=reason,
                at=at,
            )
            self.record(actor=actor, profile=locked, verb="reject", at=at)
        return locked

    def close(self, *, actor: User, profile: Profile, at: datetime) -> None:
        """Mark a locked profile's account DELETED: inactive, its tokens revoked at once.

        Call inside a transaction, with `profile` locked by `lock`. Raises InvalidStateError,
        changing nothing, unless the account is PENDING or APPROVED.
        """
        user_set_status(
            actor=actor,
            user=profile.user,
            status=AccountStatus.DELETED,
            at=at,
        )
        self.record(actor=actor, profile=profile, verb="delete", at=at)

    def set_password(self, *, actor: User, profile: Profile, password: str, at: datetime) -> None:
        """Reset the account's password (an admin helping someone locked out); sessions end.

        Raises ValidationFailed (field `password`) for a weak password and InvalidStateError
        for a rejected or deleted account.
        """
        with transaction.atomic():
            locked = self.lock(profile)
            self.refuse_unless_editable(locked)
            user_set_password(user=locked.user, password=password)
            self.record(actor=actor, profile=locked, verb="set_password", at=at)
