"""Sessions: one per sign-in, owning its chain of refresh tokens and an absolute lifetime.

Every access and refresh token names its session; the authentication class reads the session
with the account in one query, so ending a session (logout, password change or reset, an admin's
action, the account leaving APPROVED) refuses its access tokens on the very next request.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import uuid4

from django.conf import settings
from django.db import connection, transaction
from django.db.models import QuerySet
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.settings import api_settings

from hms.accounts.devices import device_label
from hms.accounts.errors import InvalidRefreshToken
from hms.accounts.models import Session, SessionEndReason, User
from hms.accounts.tokens import (
    GENERATION_CLAIM,
    SESSION_CLAIM,
    SessionRefreshToken,
    access_token_build,
    refresh_token_build,
)
from hms.audit.models import AuditOutcome
from hms.audit.services import (
    audit_insert_beside_available,
    audit_record,
    audit_record_beside_insert,
)
from hms.common.errors import NotFoundError


@dataclass(frozen=True)
class TokenPair:
    access: str
    refresh: str
    # Seconds until the refresh token stops working (the cookie's lifetime).
    refresh_max_age: int | None = None
    # The session permits the two-factor enrolment only (the role requires MFA).
    mfa_enrolment_required: bool = False


def _pair(session: Session, *, at: datetime) -> TokenPair:
    assert SessionRefreshToken.lifetime is not None
    refresh = refresh_token_build(
        user_id=session.user_id,
        session_id=session.pk,
        generation=session.refresh_generation,
        issued_at=session.rotated_at,
        expires_at=session.expires_at,
    )
    access = access_token_build(
        user_id=session.user_id,
        session_id=session.pk,
        jti=uuid4().hex,
        issued_at=at,
        expires_at=session.expires_at,
    )
    refresh_expires_at = min(session.rotated_at + SessionRefreshToken.lifetime, session.expires_at)
    max_age = max(int((refresh_expires_at - at).total_seconds()), 0)
    return TokenPair(
        access=access,
        refresh=refresh,
        refresh_max_age=max_age,
        mfa_enrolment_required=session.enrolment_only,
    )


def session_start(
    *,
    user: User,
    user_agent: str,
    ip_address: str | None,
    at: datetime,
    enrolment_only: bool = False,
) -> tuple[Session, TokenPair]:
    """Open a session for a user whose credentials were just checked; issue its first tokens.

    The session ends at the latest HMS_SESSION_DAYS after `at`, however often it is refreshed.
    An `enrolment_only` session permits the two-factor enrolment only.
    """
    session = _session_new(
        user=user,
        user_agent=user_agent,
        ip_address=ip_address,
        at=at,
        enrolment_only=enrolment_only,
    )
    session.save(force_insert=True)
    return session, _pair(session, at=at)


def session_start_recorded(
    *,
    user: User,
    user_agent: str,
    ip_address: str | None,
    at: datetime,
    enrolment_only: bool = False,
) -> tuple[Session, TokenPair]:
    """`session_start` and the `auth.login` audit event that records it, committed together.

    On PostgreSQL, outside a transaction, the session's INSERT (a statement built once) and the
    event's append are one statement: one round trip and one commit, instead of BEGIN, two
    INSERTs and COMMIT and the ORM building the session's INSERT for every sign-in. Elsewhere
    (SQLite, or inside a caller's transaction) they run in a transaction.
    """
    if not audit_insert_beside_available():
        with transaction.atomic():
            session, pair = session_start(
                user=user,
                user_agent=user_agent,
                ip_address=ip_address,
                at=at,
                enrolment_only=enrolment_only,
            )
            audit_record(
                actor=user, action="auth.login", object_type="user", object_id=user.pk, at=at
            )
        return session, pair
    session = _session_new(
        user=user,
        user_agent=user_agent,
        ip_address=ip_address,
        at=at,
        enrolment_only=enrolment_only,
    )
    (session.pk,), _event = audit_record_beside_insert(
        insert_sql=_session_insert_sql(),
        insert_params=[getattr(session, attname) for attname, _ in _session_insert_fields()],
        actor=user,
        action="auth.login",
        object_type="user",
        object_id=user.pk,
        at=at,
    )
    session._state.adding = False
    session._state.db = connection.alias
    return session, _pair(session, at=at)


def _session_new(
    *, user: User, user_agent: str, ip_address: str | None, at: datetime, enrolment_only: bool
) -> Session:
    user_agent = user_agent[:400]
    ip_field = Session._meta.get_field("ip_address")
    return Session(
        user=user,
        created_at=at,
        last_used_at=at,
        expires_at=at + timedelta(days=settings.HMS_SESSION_DAYS),
        user_agent=user_agent,
        device_label=device_label(user_agent),
        ip_address=ip_field.get_prep_value(ip_address),
        refresh_generation=0,
        rotated_at=at,
        enrolment_only=enrolment_only,
    )


@functools.cache
def _session_insert_fields() -> tuple[tuple[str, str], ...]:
    """(attribute, column) of every stored field of a session but its id."""
    return tuple(
        (field.attname, str(field.column))
        for field in Session._meta.concrete_fields
        if not field.primary_key
    )


@functools.cache
def _session_insert_sql() -> str:
    """A session's INSERT (PostgreSQL), answering its id; built once."""
    quote = connection.ops.quote_name
    columns = [column for _, column in _session_insert_fields()]
    values = ["%s::inet" if column == "ip_address" else "%s" for column in columns]
    return (
        f"INSERT INTO {quote(Session._meta.db_table)}"  # noqa: S608 - names from the model
        f" ({', '.join(quote(column) for column in columns)}) VALUES ({', '.join(values)})"
        f" RETURNING {quote('id')}"
    )


def _decode_refresh(raw: str) -> tuple[int, int, int]:
    """(user id, session id, generation) of a well-signed, unexpired refresh token."""
    try:
        token = SessionRefreshToken(raw)  # type: ignore[arg-type]
    except TokenError as error:
        raise InvalidRefreshToken() from error
    user_id = token.get(api_settings.USER_ID_CLAIM)
    session_id = token.get(SESSION_CLAIM)
    generation = token.get(GENERATION_CLAIM)
    if not all(type(value) is int for value in (user_id, session_id, generation)):
        raise InvalidRefreshToken()
    return user_id, session_id, generation


def session_refresh(*, refresh: str, at: datetime) -> TokenPair:
    """Rotate a session's refresh token and issue a new access token.

    The current refresh token moves the chain one generation on. The one just before it, reused
    within HMS_REFRESH_GRACE_SECONDS of that rotation (tabs refreshing at once), gets the same
    successor. Any older reuse, or a reuse after the grace, is treated as theft: the whole session
    ends and an `auth.refresh_reuse` audit event is written. Raises InvalidRefreshToken for
    those, and for a malformed or expired token, an ended session or an account that is no
    longer approved.
    """
    user_id, session_id, generation = _decode_refresh(refresh)
    grace = timedelta(seconds=settings.HMS_REFRESH_GRACE_SECONDS)
    with transaction.atomic():
        # Parallel refreshes of one token queue here; the first rotates, the others see its result.
        session = (
            Session.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=session_id, user_id=user_id)
            .first()
        )
        if session is None or not session.is_live(at=at) or not session.user.is_approved:
            raise InvalidRefreshToken()
        if generation == session.refresh_generation:
            session.refresh_generation += 1
            session.rotated_at = at
            session.last_used_at = at
            session.save(update_fields=["refresh_generation", "rotated_at", "last_used_at"])
            return _pair(session, at=at)
        if generation == session.refresh_generation - 1 and at <= session.rotated_at + grace:
            return _pair(session, at=at)
        _end(session, reason=SessionEndReason.REFRESH_REUSED, at=at)
        audit_record(
            actor=session.user,
            action="auth.refresh_reuse",
            object_type="session",
            object_id=session.pk,
            outcome=AuditOutcome.FAILURE,
            at=at,
        )
    raise InvalidRefreshToken()


def _end(session: Session, *, reason: str, at: datetime) -> None:
    session.ended_at = at
    session.end_reason = reason
    session.save(update_fields=["ended_at", "end_reason"])


def session_end_by_refresh(*, refresh: str, at: datetime) -> Session | None:
    """End the session a refresh token belongs to (logout); returns it, or None if unknown.

    Any generation of the chain identifies the session. An invalid token or an already ended
    session changes nothing.
    """
    try:
        user_id, session_id, _generation = _decode_refresh(refresh)
    except InvalidRefreshToken:
        return None
    with transaction.atomic():
        session = (
            Session.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=session_id, user_id=user_id)
            .first()
        )
        if session is None:
            return None
        if session.ended_at is None:
            _end(session, reason=SessionEndReason.LOGOUT, at=at)
    return session


def user_sessions_end(*, user: User, reason: str, at: datetime, keep: Session | None = None) -> int:
    """End every live session of the user (but `keep`, if given); returns how many ended."""
    sessions = Session.objects.filter(user=user, ended_at__isnull=True)
    if keep is not None:
        sessions = sessions.exclude(pk=keep.pk)
    return sessions.update(ended_at=at, end_reason=reason)


def _live_sessions(*, viewer: User, at: datetime) -> QuerySet[Session]:
    return Session.objects.filter(user=viewer, ended_at__isnull=True, expires_at__gt=at)


def session_list(*, viewer: User, at: datetime) -> QuerySet[Session]:
    """The viewer's own live sessions, most recently used first."""
    return _live_sessions(viewer=viewer, at=at).order_by("-last_used_at", "-pk")


def session_get(*, viewer: User, id: int, at: datetime) -> Session:
    """One of the viewer's own live sessions. Raises NotFoundError for anyone else's."""
    session = _live_sessions(viewer=viewer, at=at).filter(pk=id).first()
    if session is None:
        raise NotFoundError()
    return session


def session_revoke(*, actor: User, session: Session, current_session_id: int, at: datetime) -> None:
    """End one of the actor's own sessions; ending the current one is signing out here."""
    reason = (
        SessionEndReason.LOGOUT if session.pk == current_session_id else SessionEndReason.REVOKED
    )
    with transaction.atomic():
        ended = Session.objects.filter(pk=session.pk, ended_at__isnull=True).update(
            ended_at=at, end_reason=reason
        )
        if ended:
            audit_record(
                actor=actor,
                action="auth.session_revoke",
                object_type="session",
                object_id=session.pk,
                at=at,
            )


def session_revoke_others(*, actor: User, current_session_id: int, at: datetime) -> int:
    """End every session of the actor but the current one; returns how many ended."""
    with transaction.atomic():
        ended = (
            Session.objects.filter(user=actor, ended_at__isnull=True)
            .exclude(pk=current_session_id)
            .update(ended_at=at, end_reason=SessionEndReason.REVOKED)
        )
        audit_record(
            actor=actor,
            action="auth.session_revoke_others",
            object_type="user",
            object_id=actor.pk,
            at=at,
        )
    return ended


def user_sessions_end_by_admin(*, actor: User, user: User, at: datetime) -> int:
    """An admin ends every session of an account (a lost phone, a shared computer)."""
    with transaction.atomic():
        ended = user_sessions_end(user=user, reason=SessionEndReason.ADMIN_ENDED, at=at)
        audit_record(
            actor=actor, action="user.sessions_end", object_type="user", object_id=user.pk, at=at
        )
    return ended
