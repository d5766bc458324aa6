from django.urls import path

from governance import answer_views, assessment_views, claim_views, compare_views, views

app_name = "governance"

assessment = "governance/assessments/<uuid:pk>/"

urlpatterns = [
    path("governance/", views.checklist_list, name="checklists"),
    path("governance/crosswalk/", views.crosswalk_matrix, name="crosswalk"),
    path("governance/<slug:slug>/", views.checklist_detail, name="checklist"),
    path("governance/<slug:slug>/items/<slug:key>/", views.checklist_item, name="checklist-item"),
    path("governance/<slug:slug>/start/", views.assessment_start, name="assessment-start"),
    path("governance/<slug:slug>/import/", views.assessment_import, name="assessment-import"),
    path(assessment, assessment_views.assessment_detail, name="assessment"),
    path(f"{assessment}claim/", claim_views.assessment_claim, name="assessment-claim"),
    path(f"{assessment}new-link/", claim_views.rotate_token, name="rotate-token"),
    path(
        f"{assessment}edit/<str:token>/",
        claim_views.assessment_claim_legacy,
        name="assessment-claim-legacy",
    ),
    path(f"{assessment}items/<slug:key>/", answer_views.answer_save, name="answer"),
    path(f"{assessment}complete/", assessment_views.assessment_complete, name="complete"),
    path(f"{assessment}reopen/", assessment_views.assessment_reopen, name="reopen"),
    path(f"{assessment}share/", assessment_views.assessment_share, name="share"),
    path(f"{assessment}risk-tier/", assessment_views.risk_tier, name="risk-tier"),
    path(f"{assessment}upgrade/", assessment_views.assessment_upgrade, name="upgrade"),
    path(f"{assessment}carry-over/<slug:slug>/", assessment_views.carry_over, name="carry-over"),
    path(f"{assessment}compare/", compare_views.compare_page, name="compare"),
    path(f"{assessment}compare.md", compare_views.compare_markdown, name="compare-md"),
    path(f"{assessment}export.md", assessment_views.export_markdown, name="export-md"),
    path(f"{assessment}export.csv", assessment_views.export_csv, name="export-csv"),
    path(f"{assessment}export.json", assessment_views.export_json, name="export-json"),
]
