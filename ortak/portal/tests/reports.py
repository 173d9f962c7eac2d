"""Asking for a plan's report as the page does, and downloading it from the job's page."""

from __future__ import annotations

from django.urls import reverse

from ortak.plans.models import ReportJob


def ask(client, plan, file_format, language, capture):
    """Ask for a report as the page's form does; the job's page it leads to."""
    url = reverse("portal:plan_report", args=[plan.pk, file_format])
    with capture(execute=True):
        answer = client.get(url, {"language": language})
    assert answer.status_code == 302
    return answer["Location"]


def download(client, job_page):
    job = ReportJob.objects.get(pk=int(job_page.rstrip("/").rsplit("/", 1)[1]))
    page = client.get(job_page).content.decode()
    file_url = reverse("portal:plan_report_file", args=[job.pk])
    assert file_url in page
    return client.get(file_url)
