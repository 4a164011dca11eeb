"""/public/ (or the public host's root, hosts.py): the office's public site."""

from django.urls import path, re_path

from . import feeds, sitemap, views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("feed.atom", feeds.site_feed, name="feed"),
    path("sitemap.xml", sitemap.sitemap, name="sitemap"),
    path("robots.txt", sitemap.robots, name="robots"),
    path("search/", views.search, name="search"),
    path("contact/", views.contact, name="contact"),
    path("posts/<str:key>/", views.post, name="post"),
    path("posts/<str:key>/announcement.pdf", views.announcement_pdf, name="announcement-pdf"),
    path("images/<int:pk>/", views.image, name="image"),
    path("tags/<slug:slug>/", views.tag, name="tag"),
    path("archive/<int:year>/<str:number>/", views.month, name="month"),
    path("<slug:slug>/", views.section, name="section"),
    path("<slug:slug>/feed.atom", feeds.section_feed, name="section-feed"),
    re_path(r"^(?P<rest>.*/)$", views.catch_all),  # this site's own 404 page (a path without "/" gets one added)
]
