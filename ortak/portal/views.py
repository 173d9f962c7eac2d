"""Thin views: parse the request, call a selector, render."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ortak.portal import selectors


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", selectors.home_page())
