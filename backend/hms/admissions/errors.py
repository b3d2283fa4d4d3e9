from hms.common.errors import DomainError


class AlreadyAdmitted(DomainError):
    status_code = 409
    code = "ALREADY_ADMITTED"
    default_message = (
        "This patient is already admitted. Discharge the open admission before admitting again."
    )
