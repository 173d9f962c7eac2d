"""States, institutions, diaspora organizations, people and their positions."""

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ortak.core.models import DatePrecision, MultilingualNameModel, TimeStampedModel


class OtsStatus(models.TextChoices):
    MEMBER = "member", _("Member state")
    OBSERVER = "observer", _("Observer")
    NONE = "none", _("Not a member")


class State(MultilingualNameModel):
    """A state: OTS members and observers, and any other country a record names."""

    key = models.CharField(_("key"), max_length=8, unique=True)
    iso_code = models.CharField(
        _("ISO 3166 code"), max_length=2, unique=True, null=True, blank=True
    )
    ots_status = models.CharField(
        _("OTS status"), max_length=10, choices=OtsStatus.choices, default=OtsStatus.NONE
    )
    ots_since = models.DateField(_("in the OTS since"), null=True, blank=True)
    ots_since_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    aliases = models.JSONField(_("other spellings"), default=list, blank=True)
    sources = models.JSONField(_("sources"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("state")

    def owning_states(self) -> set[int]:
        """A state's own editors look after its record."""
        return {self.pk} if self.pk else set()


class InstitutionKind(models.TextChoices):
    INTERNATIONAL_ORGANIZATION = "international_organization", _("International organization")
    ORGAN = "organ", _("Organ of an international organization")
    STATE_BODY = "state_body", _("State body")
    MINISTRY = "ministry", _("Ministry")
    FOUNDATION = "foundation", _("Foundation")
    COUNCIL = "council", _("Council")
    EMBASSY = "embassy", _("Embassy")
    OTHER = "other", _("Other")


class Institution(MultilingualNameModel):
    """A state body or an international one, with its names over time."""

    key = models.SlugField(_("reference key"), max_length=80, unique=True, null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=InstitutionKind.choices)
    state = models.ForeignKey(
        State, on_delete=models.PROTECT, null=True, blank=True, related_name="institutions"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )
    succeeded_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="predecessors"
    )
    founded = models.DateField(_("founded"), null=True, blank=True)
    founded_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    website = models.URLField(_("website"), blank=True)
    diaspora_body = models.BooleanField(_("diaspora institution"), default=False)
    sources = models.JSONField(_("sources"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("institution")

    def owning_states(self) -> set[int]:
        """The state of a state body; none for an international one (the secretariat's)."""
        return {self.state_id} if self.state_id else set()


class NameKind(models.TextChoices):
    OFFICIAL = "official", _("Official")
    SHORT = "short", _("Short form")
    ABBREVIATION = "abbreviation", _("Abbreviation")
    VARIANT = "variant", _("Variant seen in news")
    FORMER = "former", _("Former name")
    TRANSLATION = "translation", _("Translation")


class InstitutionName(models.Model):
    """One name of an institution, in one language, for the time it was in use."""

    institution = models.ForeignKey(
        Institution, on_delete=models.CASCADE, related_name="name_history"
    )
    text = models.CharField(max_length=400)
    language = models.CharField(max_length=10)
    kind = models.CharField(max_length=12, choices=NameKind.choices)
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    folded = models.CharField(max_length=400, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["institution", "language", "text"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "text", "language"], name="institution_name_unique"
            )
        ]

    def __str__(self) -> str:
        return self.text

    def owning_states(self) -> set[int]:
        return self.institution.owning_states()


STALE_AFTER = dt.timedelta(days=365)


class OrganizationKind(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    CULTURE_CENTER = "culture_center", _("Culture center")
    EDUCATION_CENTER = "education_center", _("Education center")
    SCHOOL = "school", _("School")
    MEDIA = "media", _("Media")
    BUSINESS = "business", _("Business network")
    SCIENTISTS = "scientists", _("Scientists' network")
    OTHER = "other", _("Other")


class DiasporaOrganization(MultilingualNameModel):
    """An organization of a diaspora abroad: association, center, school, media, network."""

    kind = models.CharField(_("kind"), max_length=20, choices=OrganizationKind.choices)
    host_country = models.CharField(_("host country (ISO code)"), max_length=2)
    city = models.CharField(_("city"), max_length=120, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    community_state = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="diaspora_organizations",
        verbose_name=_("community of"),
    )
    activities = models.TextField(_("activities"), blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    founded = models.DateField(_("founded"), null=True, blank=True)
    founded_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    # When the profile was last made or confirmed current; a year later it is stale.
    profile_confirmed_at = models.DateTimeField(_("profile confirmed"), null=True, blank=True)
    # Other spellings it is known by (a record merged into it), kept for search.
    aliases = models.JSONField(_("other spellings"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("diaspora organization")

    def is_stale(self, now: dt.datetime) -> bool:
        """Not confirmed current for over a year (the yearly update cycle)."""
        confirmed = self.profile_confirmed_at
        return confirmed is None or now - confirmed > STALE_AFTER

    def owning_states(self) -> set[int]:
        """The state whose editors look after the organization: its community's."""
        return {self.community_state_id} if self.community_state_id else set()

    def represented_organization_id(self) -> int | None:
        """Its own representatives may edit its profile."""
        return self.pk


class Person(MultilingualNameModel):
    """A person; `name` is the Latin-script form shown by default, aliases keep every spelling."""

    state = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("state"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def owning_states(self) -> set[int]:
        """The state whose editors look after the person."""
        return {self.state_id} if self.state_id else set()


class PersonAlias(models.Model):
    """One spelling of a person's name, in any script; `folded` is its matching key."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(max_length=300)
    folded = models.CharField(max_length=300, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["person", "text"]
        constraints = [
            models.UniqueConstraint(fields=["person", "text"], name="person_alias_unique")
        ]

    def __str__(self) -> str:
        return self.text

    def owning_states(self) -> set[int]:
        return self.person.owning_states()


class Position(TimeStampedModel):
    """A person's title at an institution, from a date to a date."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions")
    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="positions")
    title = models.CharField(_("title"), max_length=300)
    start_date = models.DateField(_("from"), null=True, blank=True)
    start_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    end_date = models.DateField(_("to"), null=True, blank=True)
    end_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["person", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="position_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.title}, {self.institution}"

    def owning_states(self) -> set[int]:
        """A position is its person's and its institution's: editors of both may change it."""
        return self.person.owning_states() | self.institution.owning_states()
