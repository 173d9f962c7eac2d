"""Thin views: parse the request, call a selector, render. One module per kind of page."""
