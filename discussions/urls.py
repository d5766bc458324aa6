from django.urls import path

from discussions import views

app_name = "discussions"

urlpatterns = [
    path("dilemmas/", views.dilemma_list, name="dilemmas"),
    path("dilemmas/new/", views.dilemma_new, name="new"),
    path("dilemmas/form/", views.dilemma_form, name="form"),
    path("dilemmas/<int:pk>/", views.dilemma_detail, name="dilemma"),
]
