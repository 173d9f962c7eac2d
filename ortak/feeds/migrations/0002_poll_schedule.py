from django.db import migrations


def schedule(apps, schema_editor):
    from ortak.feeds.schedule import schedule_ensure

    schedule_ensure(models=apps)


def unschedule(apps, schema_editor):
    from ortak.feeds.schedule import SCHEDULE_NAME

    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(
        name=SCHEDULE_NAME
    ).delete()


class Migration(migrations.Migration):
    """The periodic task that polls the due feeds, kept in the database."""

    dependencies = [
        ("feeds", "0001_feeds_and_items"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
