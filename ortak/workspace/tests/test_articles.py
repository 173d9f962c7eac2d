"""Adding an article: paste, upload, address; bad input says what to do and keeps the form.

The form hands the article to the task queue; in these tests its task runs in this process
(CELERY_TASK_ALWAYS_EAGER) when the request's transaction commits, which `submit` makes
happen. The real workers are tested in ortak/ingest/tests/test_workers.py.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ortak.core.errors import InputError
from ortak.core.fetch import FetchUnavailable
from ortak.ingest.models import IngestJob, IngestJobStatus, Review
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


@pytest.fixture
def submit(django_capture_on_commit_callbacks):
    """Post the form as `client` and run what waits for the commit (the queued task)."""

    def post(client, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(URL, data)

    return post


def _job_url(job):
    return reverse("workspace:article_job", args=[job.pk])


def test_pasted_article_goes_to_the_queue_and_its_page_opens_the_draft(
    reference, editor, signed_in, extraction, submit
):
    client = signed_in(editor)
    response = submit(client, {"text": TEXT, "url": "https://example.org/news/1"})
    job = IngestJob.objects.get()
    assert response.url == _job_url(job)
    review = Review.objects.get()
    assert (job.status, job.review, job.submitted_by) == (IngestJobStatus.DONE, review, editor)
    assert client.get(response.url).url == reverse("workspace:review", args=[review.pk])
    assert review.source.url == "https://example.org/news/1"
    assert review.created_by == editor


def test_job_page_shows_progress_and_polls_until_the_draft_is_ready(
    reference, editor, signed_in, extraction, django_capture_on_commit_callbacks
):
    client = signed_in(editor)
    response = client.post(URL, {"text": TEXT})  # the commit never comes: the job waits
    job = IngestJob.objects.get()
    page = client.get(response.url).content.decode()
    assert "Waiting to be read" in page
    assert f'hx-get="{_job_url(job)}" hx-trigger="every 1s"' in page
    assert f'href="{_job_url(job)}"' in page  # without JavaScript: a link to ask again
    partial = client.get(_job_url(job), headers={"HX-Request": "true"})
    assert partial.content.decode().startswith('<section id="article-job"')
    from ortak.ingest.services import ingest_job_run

    ingest_job_run(job_id=job.pk)
    done = client.get(_job_url(job), headers={"HX-Request": "true"})
    review = Review.objects.get()
    assert done["HX-Redirect"] == reverse("workspace:review", args=[review.pk])


def test_job_page_is_only_for_who_gave_the_article(
    reference, editor, reviewer, signed_in, extraction, submit
):
    submit(signed_in(editor), {"text": TEXT})
    assert signed_in(reviewer).get(_job_url(IngestJob.objects.get())).status_code == 404


def test_uploaded_html_file_is_read_for_its_main_text(
    reference, editor, signed_in, extraction, submit
):
    page = f"<html><body><article><p>{TEXT}</p></article></body></html>".encode()
    upload = SimpleUploadedFile("release.html", page, content_type="text/html")
    response = submit(signed_in(editor), {"file": upload})
    review = Review.objects.get()
    assert response.status_code == 302
    assert bytes(IngestJob.objects.get().file_data) == page  # kept as it was given
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


def test_address_alone_is_fetched_by_the_queue_and_a_refusal_fails_the_job(
    reference, editor, signed_in, submit, monkeypatch
):
    from ortak.ingest import services

    monkeypatch.setattr(services, "read_url", _refuse_fetch)
    client = signed_in(editor)
    response = submit(client, {"url": "https://news.example.org/a"})
    job = IngestJob.objects.get()
    assert (job.kind, job.status, job.error_code) == ("url", IngestJobStatus.FAILED, "E106")
    html = client.get(response.url).content.decode()
    assert "The address could not be opened." in html and "every 1s" not in html
    assert "https://news.example.org/a" in html


def test_address_that_does_not_answer_is_tried_again_with_backoff(
    reference, editor, signed_in, extraction, submit, monkeypatch, settings
):
    """Eager tasks retry at once: two failures, then the site answers on the third try."""
    from ortak.ingest import services

    settings.ORTAK_TASK_RETRY_BACKOFF = 0
    answers = iter([FetchUnavailable("no answer"), FetchUnavailable("no answer"), TEXT])

    def flaky_fetch(url, *, published):
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return articles.from_text(answer, url=url, published=published)

    monkeypatch.setattr(services, "read_url", flaky_fetch)
    submit(signed_in(editor), {"url": "https://news.example.org/a"})
    job = IngestJob.objects.get()
    assert (job.status, job.attempts, job.review) == ("done", 3, Review.objects.get())


def _refuse_fetch(url, *, published):
    raise InputError(f"cannot fetch {url}", code="E106")


@pytest.mark.parametrize(
    "address", ["http://127.0.0.1/admin/", "http://10.0.0.8/", "http://[::1]/"]
)
def test_server_never_fetches_addresses_inside_its_network(address):
    with pytest.raises(InputError) as error:
        articles.from_url(address, published=None)
    assert error.value.code == "E106"


def test_same_article_twice_links_to_its_draft(reference, editor, signed_in, extraction, submit):
    client = signed_in(editor)
    submit(client, {"text": TEXT})
    html = submit(client, {"text": TEXT}).content.decode()
    review = Review.objects.get()
    assert IngestJob.objects.count() == 1
    assert "This article was added before." in html
    assert reverse("workspace:review", args=[review.pk]) in html


def test_representative_cannot_add_articles(azerbaijan, representative_of, signed_in):
    from ortak.registry.models import DiasporaOrganization

    organization = DiasporaOrganization.objects.create(
        name="Centre", kind="other", host_country="DE", community_state=azerbaijan
    )
    response = signed_in(representative_of(organization)).post(URL, {"text": TEXT})
    assert response.status_code == 403


def test_the_sample_press_release_is_read_by_the_real_extractor(
    reference, reviewer, signed_in, submit
):
    client = signed_in(reviewer)
    response = submit(client, {"text": SAMPLE.read_text(encoding="utf-8")})
    review = Review.objects.get()
    page = client.get(response.url, follow=True).content.decode()
    assert review.record["events"][0]["city"] == "Bishkek"
    assert "<mark>Bishkek</mark>" in page
