"""Adding an article: paste, upload, address; bad input says what to do and keeps the form."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ortak.core.errors import InputError
from ortak.ingest.models import Review
from ortak.workspace import articles
from ortak.workspace.tests.conftest import SAMPLE
from ortak.workspace.tests.drafts import TEXT

pytestmark = pytest.mark.django_db
URL = reverse("workspace:article_new")


@pytest.fixture
def extraction(monkeypatch):
    """The extractor replaced by a fixed reading, so these tests pin the form, not the rules."""
    from ortak.ingest import services
    from ortak.ingest.extract.pipeline import Extraction
    from ortak.workspace.tests.drafts import EVIDENCE, record

    def fake_extract(article):
        return Extraction(record=record(), evidence=EVIDENCE, pipeline_version="test")

    monkeypatch.setattr(services, "extract", fake_extract)


def test_pasted_article_becomes_a_draft_and_opens_the_review_screen(
    reference, editor, signed_in, extraction
):
    response = signed_in(editor).post(URL, {"text": TEXT, "url": "https://example.org/news/1"})
    review = Review.objects.get()
    assert response.url == reverse("workspace:review", args=[review.pk])
    assert review.source.url == "https://example.org/news/1"
    assert review.created_by == editor


def test_uploaded_html_file_is_read_for_its_main_text(reference, editor, signed_in, extraction):
    page = f"<html><body><article><p>{TEXT}</p></article></body></html>".encode()
    upload = SimpleUploadedFile("release.html", page, content_type="text/html")
    response = signed_in(editor).post(URL, {"file": upload})
    review = Review.objects.get()
    assert response.status_code == 302
    assert review.source.path == "release.html"
    assert "Contact Group" in review.source.text


def test_nothing_given_asks_for_the_article(editor, signed_in):
    html = signed_in(editor).post(URL, {}).content.decode()
    assert "Paste the text of the article, upload a file or give its address" in html
    assert 'href="#id_text"' in html


def test_binary_file_is_refused_in_plain_words_and_the_typed_address_kept(editor, signed_in):
    upload = SimpleUploadedFile("scan.pdf", b"%PDF-1.4\x00\x00\x01binary", "application/pdf")
    response = signed_in(editor).post(
        URL, {"file": upload, "url": "https://example.org/kept", "published": "2025-06-13"}
    )
    html = response.content.decode()
    assert "The file is not text." in html
    assert 'value="https://example.org/kept"' in html and 'value="2025-06-13"' in html
    assert not Review.objects.exists()


def test_too_large_article_is_refused_before_reading(editor, signed_in, settings):
    settings.ORTAK_MAX_ARTICLE_BYTES = 1000
    html = signed_in(editor).post(URL, {"text": "word " * 400}).content.decode()
    assert "The article is too large: the limit is 1000" in html
    assert "word word word" in html  # what was typed stays in the form


def test_address_alone_is_fetched_through_the_reader(reference, editor, signed_in, monkeypatch):
    monkeypatch.setattr(articles, "from_url", _refuse_fetch)
    html = signed_in(editor).post(URL, {"url": "https://news.example.org/a"}).content.decode()
    assert "The address could not be opened." in html


def _refuse_fetch(url, *, published):
    raise InputError(f"cannot fetch {url}", code="E106")


@pytest.mark.parametrize(
    "address", ["http://127.0.0.1/admin/", "http://10.0.0.8/", "http://[::1]/"]
)
def test_server_never_fetches_addresses_inside_its_network(address):
    with pytest.raises(InputError) as error:
        articles.from_url(address, published=None)
    assert error.value.code == "E106"


def test_same_article_twice_links_to_its_draft(reference, editor, signed_in, extraction):
    client = signed_in(editor)
    client.post(URL, {"text": TEXT})
    html = client.post(URL, {"text": TEXT}).content.decode()
    review = Review.objects.get()
    assert "This article was added before." in html
    assert reverse("workspace:review", args=[review.pk]) in html


def test_representative_cannot_add_articles(azerbaijan, representative_of, signed_in):
    from ortak.registry.models import DiasporaOrganization

    organization = DiasporaOrganization.objects.create(
        name="Centre", kind="other", host_country="DE", community_state=azerbaijan
    )
    response = signed_in(representative_of(organization)).post(URL, {"text": TEXT})
    assert response.status_code == 403


def test_the_sample_press_release_is_read_by_the_real_extractor(reference, reviewer, signed_in):
    response = signed_in(reviewer).post(URL, {"text": SAMPLE.read_text(encoding="utf-8")})
    review = Review.objects.get()
    page = signed_in(reviewer).get(response.url).content.decode()
    assert review.record["events"][0]["city"] == "Bishkek"
    assert "<mark>Bishkek</mark>" in page
