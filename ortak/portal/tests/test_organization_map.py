"""The map of diaspora organizations: Natural Earth's outlines, clusters per zoom, the
list's filters, and the page that draws them (with its table)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from ortak.core.models import Publication
from ortak.portal import worldmap
from ortak.portal.tests.factories import OrganizationFactory
from ortak.portal.worldmap import MAX_ZOOM, Viewport, clusters, country_outlines, project
from ortak.registry.selectors import (
    OrganizationFilters,
    organization_facets,
    organization_list,
    organization_map_points,
)
from ortak.registry.tests.factories import StateFactory

BERLIN, LEIPZIG, ISTANBUL, SEOUL = (52.52, 13.40), (51.34, 12.37), (41.01, 28.98), (37.57, 126.98)


# Projection and outlines ------------------------------------------------------------------


def test_the_projection_puts_north_up_and_east_right_inside_the_frame():
    berlin, istanbul, seoul = project(*BERLIN), project(*ISTANBUL), project(*SEOUL)
    assert berlin[1] < istanbul[1] and berlin[0] < istanbul[0] < seoul[0]
    for x, y in (berlin, istanbul, seoul, project(-55, -70), project(80, 179.9)):
        assert 0 <= x <= worldmap.WIDTH and 0 <= y <= worldmap.HEIGHT


def test_outlines_are_natural_earths_countries_as_svg_paths():
    outlines = {o.code: o for o in country_outlines()}
    assert len(outlines) > 170 and "010" not in outlines  # Antarctica left out
    germany = outlines["276"]
    assert germany.name == "Germany"
    assert re.fullmatch(r"(M[\d.,L-]+Z)+", germany.path)
    x, y = project(*BERLIN)
    left, top, right, bottom = germany.box
    assert left < x < right and top < y < bottom


def test_no_outline_runs_across_the_whole_world():
    """Rings that cross the antimeridian (Russia, Fiji) are not drawn as a line around it."""
    for outline in country_outlines():
        for ring in outline.path.split("M")[1:]:
            xs = [float(point.split(",")[0]) for point in ring.rstrip("Z").split("L")]
            assert max(xs) - min(xs) < worldmap.WIDTH * 0.6, outline.name


# The view and the clusters ----------------------------------------------------------------


def test_a_view_stays_inside_the_frame_and_zooms_within_bounds():
    corner = Viewport(2, -500, -500)
    left, top, _right, _bottom = corner.box
    assert (left, top) == (0, 0)
    assert Viewport(99).zoom == MAX_ZOOM and Viewport(-3).zoom == 0
    assert Viewport().panned(0.5, 0) == Viewport()  # the whole world cannot move


def test_the_fitting_view_is_the_closest_that_shows_every_point():
    europe = Viewport.fitting([project(*BERLIN), project(*ISTANBUL)])
    assert europe.zoom >= 2
    assert all(europe.contains(*project(*p)) for p in (BERLIN, ISTANBUL))
    assert Viewport.fitting([project(*BERLIN), project(*SEOUL)]).zoom < europe.zoom
    assert Viewport.fitting([]) == Viewport()


def test_places_close_at_one_zoom_are_one_cluster_and_apart_closer():
    places = [(*project(*BERLIN), "berlin"), (*project(*LEIPZIG), "leipzig"),
              (*project(*ISTANBUL), "istanbul")]  # fmt: skip
    world = clusters(places, 0)
    assert sorted(c.count for c in world) == [1, 2]
    assert sorted(c.count for c in clusters(places, MAX_ZOOM)) == [1, 1, 1]
    pair = next(c for c in world if c.count == 2)
    assert sorted(pair.members) == ["berlin", "leipzig"]
    assert project(*BERLIN)[0] > pair.x > project(*LEIPZIG)[0]  # at their mean position


# Selectors: the list's filters, for the map too ---------------------------------------------


@pytest.fixture
def organizations(db):
    azerbaijan, kazakhstan = StateFactory(key="AZ"), StateFactory(key="KZ")
    return {
        "berlin": OrganizationFactory(
            name="Azerbaijani House Berlin", kind="culture_center", community_state=azerbaijan,
            host_country="DE", city="Berlin", latitude=BERLIN[0], longitude=BERLIN[1],
            languages=["az", "de"],
        ),
        "leipzig": OrganizationFactory(
            name="Kazakh Society Leipzig", kind="association", community_state=kazakhstan,
            host_country="DE", city="Leipzig", latitude=LEIPZIG[0], longitude=LEIPZIG[1],
            languages=["kk", "ru"],
        ),
        "istanbul": OrganizationFactory(
            name="Kazakh Community of Istanbul", kind="association", community_state=kazakhstan,
            host_country="TR", city="Istanbul", latitude=ISTANBUL[0], longitude=ISTANBUL[1],
            languages=["kk", "tr"],
        ),
        "unplaced": OrganizationFactory(
            name="Kazakh Diaspora Online", kind="media", community_state=kazakhstan,
            host_country="TR", city="", latitude=None, longitude=None, languages=["kk"],
        ),
        "draft": OrganizationFactory(
            name="Draft Society", publication=Publication.DRAFT, latitude=SEOUL[0],
            longitude=SEOUL[1], languages=["kk"],
        ),
    }  # fmt: skip


def _names(records) -> list[str]:
    return sorted(record.name for record in records)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (OrganizationFilters(language="kk"), ["Kazakh Community of Istanbul",
                                              "Kazakh Society Leipzig"]),
        (OrganizationFilters(language="az"), ["Azerbaijani House Berlin"]),
        (OrganizationFilters(language="k"), []),  # a code is matched whole, never a part
        (OrganizationFilters(kind="association", country="DE"), ["Kazakh Society Leipzig"]),
        (OrganizationFilters(state="KZ", country="TR"), ["Kazakh Community of Istanbul"]),
    ],
)  # fmt: skip
def test_the_map_shows_the_located_published_organizations_the_filters_choose(
    organizations, filters, expected
):
    assert _names(organization_map_points(filters=filters)) == expected


def test_the_list_filters_by_language_and_counts_the_languages(organizations):
    assert len(organization_list(filters=OrganizationFilters(language="kk"))) == 3
    counts = organization_facets(filters=OrganizationFilters(country="TR"))["language"]
    assert counts == [{"code": "kk", "count": 2}, {"code": "tr", "count": 1}]


# The page ----------------------------------------------------------------------------------


def _map(client, **query) -> str:
    response = client.get(reverse("portal:organization_map"), query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_map_page_draws_outlines_and_links_each_marker_to_its_organization(
    client, organizations
):
    html = _map(client, zoom=MAX_ZOOM, x=round(project(*BERLIN)[0]), y=round(project(*BERLIN)[1]))
    assert html.count('class="country"') > 5 and '<path d="M' in html
    for key in ("berlin", "leipzig"):
        assert f'<a href="/organizations/{organizations[key].pk}/" class="mark">' in html
    assert f'href="/organizations/{organizations["istanbul"].pk}/" class="mark"' not in html
    assert "Draft Society" not in html
    table = html[html.index("<table>") :]
    assert "Azerbaijani House Berlin" in table and "Kazakh Community of Istanbul" not in table


def test_a_cluster_shows_its_count_and_opens_a_closer_view_keeping_the_filters(
    client, organizations
):
    html = _map(client, country="DE", zoom=0)
    assert re.search(r'class="cluster-count"[^>]*>2</text>', html)  # Berlin and Leipzig
    assert f'/organizations/{organizations["berlin"].pk}/" class="mark"' not in html
    cluster = re.search(r'<a href="([^"]+)" class="mark"><circle[^>]*class="cluster"', html)
    closer = cluster.group(1).replace("&amp;", "&")
    assert "country=DE" in closer and "zoom=" in closer
    html = client.get(closer).content.decode()
    for key in ("berlin", "leipzig"):  # apart in the closer view
        assert f'/organizations/{organizations[key].pk}/" class="mark"' in html


def test_the_filters_apply_to_the_map_as_to_the_list(client, organizations):
    html = _map(client, type="association", country="DE")
    assert "1 organization on the map" in html
    assert f'/organizations/{organizations["leipzig"].pk}/" class="mark"' in html
    assert 'id="facet-language"' in html and 'id="facet-type"' in html
    assert 'action="/organizations/map/"' in html  # the filters stay on the map


def test_at_the_closest_zoom_a_cluster_opens_the_list_of_its_country(client, db):
    for name in ("Berlin One", "Berlin Two"):
        OrganizationFactory(name=name, latitude=BERLIN[0], longitude=BERLIN[1])
    x, y = (round(v) for v in project(*BERLIN))
    html = _map(client, zoom=MAX_ZOOM, x=x, y=y, type="association")
    assert re.search(r'class="cluster-count"[^>]*>2</text>', html)
    assert 'href="/organizations/?type=association&amp;country=DE" class="mark"' in html


@pytest.mark.parametrize(
    "query",
    [{"zoom": "99"}, {"zoom": "x", "x": "-4"}, {"x": "1e9", "y": "nan"}, {"language": "<b>"}],
)
def test_malformed_map_addresses_still_open_the_map(client, organizations, query):
    assert "organizations on the map" in _map(client, **query)


def test_the_home_page_and_an_organization_page_draw_the_outlines(client, organizations):
    home = client.get(reverse("portal:home")).content.decode()
    assert 'class="country"' in home and reverse("portal:organization_map") in home
    page = client.get(reverse("portal:organization", args=[organizations["berlin"].pk]))
    assert 'class="country"' in page.content.decode()


def test_an_organization_page_names_its_languages_members_and_links(client, db):
    organization = OrganizationFactory(
        languages=["kk", "de"], members_count=140, links=["https://example.org/qazaq"]
    )
    html = client.get(reverse("portal:organization", args=[organization.pk])).content.decode()
    assert "Kazakh, German" in html and "140" in html
    assert 'href="https://example.org/qazaq" rel="noopener external"' in html
