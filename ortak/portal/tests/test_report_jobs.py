"""The implementation report asked for on the plan's page: a job the task queue runs (at
once in tests), its page that asks again until the file is ready, the file, and a fresh
report reused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ortak.accounts.tests.factories import secretariat_user
from ortak.core import jobs
from ortak.core.models import Publication
from ortak.ingest.tests import workers
from ortak.plans.models import ReportJob, ReportJobStatus
from ortak.plans.services import measure_update
from ortak.plans.services.report_jobs import report_job_run
from ortak.portal.tests.reports import ask, download

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("file_format", "content_type", "magic"),
    [
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK"),
        ("pdf", "application/pdf", b"%PDF"),
    ],
)
def test_the_report_is_made_by_a_job_and_served_from_its_page(
    client, seeded, django_capture_on_commit_callbacks, file_format, content_type, magic
):
    job_page = ask(client, seeded["plan"], file_format, "ru", django_capture_on_commit_callbacks)

    response = download(client, job_page)

    assert response["Content-Type"] == content_type
    assert response.content.startswith(magic)
    assert response["Content-Disposition"].endswith(f'-ru.{file_format}"')
    job = ReportJob.objects.get()
    assert (job.status, job.file_format, job.language, job.attempts) == (
        "done", file_format, "ru", 1,
    )  # fmt: skip


def test_a_second_request_reuses_the_fresh_report(
    client, seeded, django_capture_on_commit_callbacks
):
    plan = seeded["plan"]
    first = ask(client, plan, "xlsx", "en", django_capture_on_commit_callbacks)
    second = ask(client, plan, "xlsx", "en", django_capture_on_commit_callbacks)
    in_russian = ask(client, plan, "xlsx", "ru", django_capture_on_commit_callbacks)

    assert first == second != in_russian
    assert ReportJob.objects.filter(language="en").count() == 1


def test_a_change_to_the_plan_makes_the_report_anew(
    client, seeded, django_capture_on_commit_callbacks
):
    plan = seeded["plan"]
    first = ask(client, plan, "xlsx", "en", django_capture_on_commit_callbacks)
    measure = plan.measures.get(number="3")
    measure_update(
        actor=secretariat_user(),
        measure=measure,
        responsible=list(measure.responsible.all()),
        partners=list(measure.partners.all()),
        title="Train youth leaders",
    )

    second = ask(client, plan, "xlsx", "en", django_capture_on_commit_callbacks)

    assert first != second
    assert "Train youth leaders" in _cells(download(client, second))


def test_a_job_already_done_is_left_as_it_is(client, seeded, django_capture_on_commit_callbacks):
    ask(client, seeded["plan"], "pdf", "en", django_capture_on_commit_callbacks)
    job = ReportJob.objects.get()

    assert report_job_run(job_id=job.pk) is None
    job.refresh_from_db()
    assert (job.status, job.attempts) == (ReportJobStatus.DONE, 1)


def test_a_worker_starting_again_makes_at_once_the_report_its_stop_cut_short(seeded):
    job = ReportJob.objects.create(plan=seeded["plan"], file_format="xlsx", language="en")
    jobs.job_start(ReportJob, job.pk, worker="first@host")  # then the worker was killed

    workers.worker_ready_in_process("first@host")

    job.refresh_from_db()
    assert (job.status, job.attempts, job.file_name.endswith(".xlsx")) == ("done", 2, True)
    assert bytes(job.data).startswith(b"PK")


def test_the_job_page_asks_again_until_the_report_is_ready(client, seeded):
    job = ReportJob.objects.create(plan=seeded["plan"], file_format="pdf", language="en")
    url = reverse("portal:plan_report_job", args=[job.pk])

    waiting = client.get(url).content.decode()
    assert f'hx-get="{url}"' in waiting and 'href="' + url in waiting
    assert reverse("portal:plan_report_file", args=[job.pk]) not in waiting
    assert client.get(reverse("portal:plan_report_file", args=[job.pk])).status_code == 404

    report_job_run(job_id=job.pk)
    ready = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-get" not in ready and "<html" not in ready
    assert reverse("portal:plan_report_file", args=[job.pk]) in ready


def test_anyone_may_have_the_report_of_a_published_plan_only(
    client, seeded, django_capture_on_commit_callbacks
):
    plan = seeded["plan"]
    job_page = ask(client, plan, "xlsx", "en", django_capture_on_commit_callbacks)
    job = ReportJob.objects.get()
    assert job.requested_by is None  # asked by a reader who is not signed in
    assert download(client, job_page).status_code == 200

    plan.publication = Publication.DRAFT
    plan.save()

    assert client.get(job_page).status_code == 404
    assert client.get(reverse("portal:plan_report_file", args=[job.pk])).status_code == 404
    url = reverse("portal:plan_report", args=[plan.pk, "xlsx"])
    assert client.get(url, {"language": "en"}).status_code == 404


def _cells(response) -> str:
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    return " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)


def test_reports_older_than_two_days_are_deleted_by_the_daily_sweep(seeded):
    from ortak.plans.tasks import report_jobs_prune

    old = ReportJob.objects.create(plan=seeded["plan"], file_format="pdf", language="en")
    recent = ReportJob.objects.create(plan=seeded["plan"], file_format="pdf", language="ru")
    ReportJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=3))

    assert report_jobs_prune.delay().get() == 1
    assert list(ReportJob.objects.all()) == [recent]


def test_no_report_is_asked_for_a_plan_not_published(seeded):
    from ortak.core.errors import ValidationError
    from ortak.plans.services import report_job_request

    plan = seeded["plan"]
    plan.publication = Publication.DRAFT

    with pytest.raises(ValidationError) as refused:
        report_job_request(actor=None, plan=plan, file_format="pdf", language="en")
    assert refused.value.code == "E255" and not ReportJob.objects.exists()
