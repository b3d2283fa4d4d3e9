"""Routes of the admissions app.

`admissions/` and `admissions/{id}/...` are registered by `hms.workflows.urls`: their viewset is
this app's `AdmissionViewSet` with a discharge that also consults the clinical record (a signed
discharge summary, when the hospital requires one).
"""

urlpatterns: list[object] = []
