"""What the events app tells the others: an event was published (ingested and reviewed,
typed in as published, or a planned event reported held). Receivers are connected in their
app's AppConfig.ready(); ortak.plans links the event to the measures it carries out."""

from django.dispatch import Signal

# Sent with `event` and `actor`, after the event's transaction has written it.
event_published = Signal()
