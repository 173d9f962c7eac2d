"""Event series and events, with participants, outcomes, site visits and sources."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ortak.core.models import DatePrecision, MultilingualNameModel, PublishableModel


class EventType(models.TextChoices):
    """The taxonomy of ../shared/extraction-schema.md."""

    MINISTERIAL_MEETING = "ministerial_meeting", _("Meeting of ministers and heads")
    CONTACT_GROUP_MEETING = "contact_group_meeting", _("Contact Group meeting")
    EXCHANGE_OF_EXPERIENCE = "exchange_of_experience", _("Exchange of experience")
    TRAINING = "training", _("Training")
    FORUM = "forum", _("Forum")
    ROUNDTABLE = "roundtable", _("Roundtable")
    CONFERENCE = "conference", _("Conference")
    VISIT = "visit", _("Visit")
    CULTURAL_EVENT = "cultural_event", _("Cultural event")
    COMMEMORATION = "commemoration", _("Commemoration")
    SIGNING = "signing", _("Signing")
    OTHER = "other", _("Other")


class EventStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class EventSeries(MultilingualNameModel):
    """A recurring format whose rounds are numbered (the 5th Contact Group meeting)."""

    key = models.SlugField(_("reference key"), max_length=80, unique=True)
    event_type = models.CharField(_("type"), max_length=30, choices=EventType.choices)
    organizer = models.ForeignKey(
        "registry.Institution",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_series",
    )
    aliases = models.JSONField(_("other names"), default=list, blank=True)
    first_held = models.DateField(_("first held"), null=True, blank=True)
    sources = models.JSONField(_("sources"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")


class Event(PublishableModel):
    """Something that took place or is planned: a meeting, a forum, a training, a visit."""

    title = models.CharField(_("title"), max_length=500)
    titles = models.JSONField(_("title in other languages"), default=dict, blank=True)
    series = models.ForeignKey(
        EventSeries, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    number = models.PositiveSmallIntegerField(_("round"), null=True, blank=True)
    event_type = models.CharField(_("type"), max_length=30, choices=EventType.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.HELD
    )
    start_date = models.DateField(_("start"), null=True, blank=True, db_index=True)
    start_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    end_date = models.DateField(_("end"), null=True, blank=True)
    end_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(_("country (ISO code)"), max_length=2, blank=True)
    state = models.ForeignKey(
        "registry.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("responsible state"),
        help_text=_("The state whose editors look after this record; usually the host."),
    )
    host = models.ForeignKey(
        "registry.Institution",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_events",
    )
    organizers = models.ManyToManyField(
        "registry.Institution", blank=True, related_name="organized_events"
    )
    institutions = models.ManyToManyField(
        "registry.Institution",
        blank=True,
        related_name="events",
        verbose_name=_("institutions named"),
    )
    countries = models.ManyToManyField(
        "registry.State",
        blank=True,
        related_name="events_attended",
        verbose_name=_("states that took part"),
    )
    framework = models.CharField(_("framework"), max_length=500, blank=True)
    measure = models.ForeignKey(
        "plans.Measure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords(m2m_fields=[organizers, countries])

    class Meta:
        ordering = ["-start_date", "title"]
        indexes = [
            # The portal's lists: published events, newest first (SQLite indexes cannot say
            # NULLS LAST, so undated events are sorted last by the query, not the index).
            models.Index(fields=["publication", "-start_date", "title"], name="event_latest_first"),
        ]
        verbose_name = _("event")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "number"],
                name="event_series_round_unique",
                condition=Q(series__isnull=False, number__isnull=False),
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="event_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def owning_states(self) -> set[int]:
        """The responsible state, whose editors look after the event."""
        return {self.state_id} if self.state_id else set()


class Participation(models.Model):
    """A person at an event, in a role, representing a state and an institution."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="participations"
    )
    role = models.CharField(_("role"), max_length=300, blank=True)
    state = models.ForeignKey(
        "registry.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
    )
    institution = models.ForeignKey(
        "registry.Institution",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participations",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="participation_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} at {self.event}"

    def owning_states(self) -> set[int]:
        return self.event.owning_states()


class OutcomeKind(models.TextChoices):
    DECISION = "decision", _("Decision")
    DOCUMENT_ADOPTED = "document_adopted", _("Document adopted")
    AGREEMENT_SIGNED = "agreement_signed", _("Agreement signed")


class Outcome(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="outcomes")
    kind = models.CharField(max_length=20, choices=OutcomeKind.choices)
    text = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "id"]

    def __str__(self) -> str:
        return self.text

    def owning_states(self) -> set[int]:
        return self.event.owning_states()


class SiteVisit(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="site_visits")
    name = models.CharField(max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "id"]

    def __str__(self) -> str:
        return self.name

    def owning_states(self) -> set[int]:
        return self.event.owning_states()


class Source(PublishableModel):
    """The article or document a record came from, its full text kept."""

    url = models.URLField(_("address"), max_length=1000, blank=True, db_index=True)
    path = models.CharField(_("file"), max_length=500, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    published = models.DateField(_("published"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    text = models.TextField(_("text"))
    content_hash = models.CharField(max_length=64, unique=True)
    events = models.ManyToManyField(Event, blank=True, related_name="sources")
    history = HistoricalRecords(excluded_fields=["text"])  # the text never changes

    class Meta:
        ordering = ["-published", "-created_at"]
        verbose_name = _("source")

    def __str__(self) -> str:
        return self.title or self.url or self.path or f"source {self.pk}"
