from rest_framework.throttling import UserRateThrottle as DRFUserRateThrottle


class UserRateThrottle(DRFUserRateThrottle):
    """Per-user (or per-address when anonymous) budget for every endpoint."""

    scope = "user"
