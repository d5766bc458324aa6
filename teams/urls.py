from django.urls import path

from teams import views

app_name = "teams"

urlpatterns = [
    path("teams/", views.team_list, name="teams"),
    path("teams/<slug:slug>/", views.team_detail, name="team"),
    path("talks/", views.talk_list, name="talks"),
    path("talks/<slug:slug>/", views.talk_detail, name="talk"),
]
