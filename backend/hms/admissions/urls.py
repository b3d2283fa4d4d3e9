"""Routes of the admissions app.

`admissions/` and `admissions/{id}/...` are registered by `hms.payments.urls`: their viewset is
this app's `AdmissionViewSet` plus advances and the discharge that applies them.
"""

urlpatterns: list = []
