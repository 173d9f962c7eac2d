"""The implementation report the secretariat brings to the annual meeting: each measure of a
plan with its status, events, dates, hosts and participants' states, as XLSX or PDF, in any
of the interface's languages."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ortak.plans.models import ActivityPlan, MeasureStatus
from ortak.plans.selectors import plan_progress
from ortak.plans.status import event_day, reported_on

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class EventLine:
    title: str
    when: str
    status: str
    host: str
    states: str


@dataclass(frozen=True)
class MeasureLine:
    number: str
    title: str
    status: str
    status_code: str
    responsible: str
    partners: str
    due: str
    events: list[EventLine]


def render(plan: ActivityPlan, *, file_format: str, language: str) -> bytes:
    """The report of a plan from `plan_get` (statuses set), in `language`."""
    with translation.override(language):
        lines = report_lines(plan, language)
        if file_format == "xlsx":
            return _xlsx(plan, lines)
        return _pdf(plan, lines, language)


def file_name(plan: ActivityPlan, file_format: str, language: str) -> str:
    return f"ortak-plan-{plan.pk}-{slugify(plan.title)[:40]}-{language}.{file_format}"


def report_lines(plan: ActivityPlan, language: str) -> list[MeasureLine]:
    return [
        MeasureLine(
            number=measure.number,
            title=measure.title,
            status=str(MeasureStatus(measure.status).label),
            status_code=measure.status,
            responsible="; ".join(i.name_in(language) for i in measure.responsible_list),
            partners="; ".join(i.name_in(language) for i in measure.partner_list),
            due=measure.due.label() if measure.due else "",
            events=[_event_line(event, language) for event in measure.linked_events],
        )
        for measure in plan.measure_list
    ]


def _event_line(event, language: str) -> EventLine:
    day = event.start_date
    if day:
        when = (
            date_format(day, "DATE_FORMAT")
            if event.start_precision == "day"
            else (
                date_format(day, "YEAR_MONTH_FORMAT")
                if event.start_precision == "month"
                else str(day.year)
            )
        )
    else:
        reported = reported_on(event)
        when = (
            _("reported %(date)s") % {"date": date_format(reported, "DATE_FORMAT")}
            if reported
            else "—"
        )
    states = sorted(state.name_in(language) for state in event.countries.all())
    return EventLine(
        title=event.titles.get(language) or event.title,
        when=when,
        status=str(event.get_status_display()),
        host=", ".join(
            filter(None, [event.city, event.state.name_in(language) if event.state_id else ""])
        ),
        states=", ".join(states),
    )


def _headers() -> list[str]:
    return [
        _("No."), _("Measure"), _("Status"), _("Responsible"), _("Partners"), _("Due"),
        _("Events"), _("Dates"), _("Hosts"), _("States that took part"),
    ]  # fmt: skip


def _xlsx(plan: ActivityPlan, lines: list[MeasureLine]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Report")[:31]
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([_("As of %(date)s") % {"date": date_format(timezone.localdate(), "DATE_FORMAT")}])
    sheet.append(_headers())
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for line in lines:
        events = line.events
        sheet.append([
            line.number, line.title, line.status, line.responsible, line.partners, line.due,
            "\n".join(e.title for e in events), "\n".join(e.when for e in events),
            "\n".join(e.host for e in events), "\n".join(e.states for e in events),
        ])  # fmt: skip
    for column, width in zip("ABCDEFGHIJ", (6, 40, 14, 36, 30, 16, 44, 18, 22, 30), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C4"
    _summary(book.create_sheet(_("Summary")[:31]), plan)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def _summary(sheet, plan: ActivityPlan) -> None:
    sheet.append([_("Status"), _("Measures")])
    for status, count in plan_progress(plan=plan).all_statuses().items():
        sheet.append([str(MeasureStatus(status).label), count])
    sheet.column_dimensions["A"].width = 20


def _pdf(plan: ActivityPlan, lines: list[MeasureLine], language: str) -> bytes:
    from weasyprint import HTML

    progress = plan_progress(plan=plan)
    html = render_to_string(
        "plans/report.html",
        {
            "plan": plan,
            "lines": lines,
            "progress": progress,
            "statuses": progress.all_statuses(),
            "today": timezone.localdate(),
            "language": language,
        },
    )
    return HTML(string=html).write_pdf()


__all__ = ["FORMATS", "event_day", "file_name", "render"]
