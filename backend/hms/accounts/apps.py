from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "hms.accounts"
    label = "accounts"

    def ready(self) -> None:
        from hms.common.counters import counted_table

        counted_table("accounts_user", ("role", "status"))  # the triggers: migration 0006
