from django.urls import path

from governance import views

app_name = "governance"

urlpatterns = [
    path("governance/", views.checklist_list, name="checklists"),
    path("governance/<slug:slug>/", views.checklist_detail, name="checklist"),
]
