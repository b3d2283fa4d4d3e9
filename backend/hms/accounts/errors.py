from hms.common.errors import DomainError


class InvalidCredentials(DomainError):
    status_code = 401
    code = "INVALID_CREDENTIALS"
    default_message = "The username or password is not correct."


class AccountPendingApproval(DomainError):
    status_code = 403
    code = "ACCOUNT_PENDING_APPROVAL"
    default_message = (
        "Your account is awaiting approval by the hospital. You can sign in once it is approved."
    )


class AccountRejected(DomainError):
    status_code = 403
    code = "ACCOUNT_REJECTED"
    default_message = "Your account application was not approved by the hospital."


class AdminSignupClosed(DomainError):
    status_code = 403
    code = "ADMIN_SIGNUP_CLOSED"
    default_message = (
        "Admin sign-up is closed. Ask an existing administrator to create your account."
    )


class InvalidSignupCode(DomainError):
    status_code = 403
    code = "INVALID_SIGNUP_CODE"
    default_message = "The admin sign-up code is not correct."


class InvalidRefreshToken(DomainError):
    status_code = 401
    code = "INVALID_TOKEN"
    default_message = "The refresh token is missing, expired or revoked. Sign in again."


class AccountLocked(DomainError):
    """Too many failed passwords for one username; answered as 429 THROTTLED with Retry-After."""

    status_code = 429
    code = "THROTTLED"
    default_message = "Too many failed sign-in attempts."

    def __init__(self, *, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(
            f"Too many failed sign-in attempts for this username; try again in "
            f"{retry_after} seconds."
        )


class InvalidResetLink(DomainError):
    """A password reset link that is malformed, expired, already used or not for an account."""

    status_code = 400
    code = "RESET_LINK_INVALID"
    default_message = "This password reset link is not valid or has expired. Ask for a new one."


class MfaTokenInvalid(DomainError):
    status_code = 401
    code = "MFA_TOKEN_INVALID"
    default_message = "This sign-in has expired or was already completed. Sign in again."


class MfaCodeInvalid(DomainError):
    status_code = 400
    code = "MFA_CODE_INVALID"
    default_message = "The code is not correct, has expired or was already used."


class MfaAlreadyEnabled(DomainError):
    status_code = 409
    code = "MFA_ALREADY_ENABLED"
    default_message = "Two-factor sign-in is already on for this account."


class MfaEnrolmentNotStarted(DomainError):
    status_code = 409
    code = "MFA_ENROLMENT_NOT_STARTED"
    default_message = "Start the two-factor enrolment first."
