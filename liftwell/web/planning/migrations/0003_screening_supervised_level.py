from typing import Any

from django.db import migrations, models

# As of this migration: a "yes" to "only exercise under medical supervision" means "train only with that
# supervision", unless chest pain or fainting (see a doctor, more serious) was a "yes" too.
SUPERVISED_CODE = "supervised_only"


def regrade(apps: Any, schema_editor: Any) -> None:
    """Answers kept as "talk first" with a yes to supervision: re-grade them to the supervision level."""
    screening = apps.get_model("planning", "Screening")
    for row in screening.objects.filter(outcome="talk_first").only("id", "answers"):
        if row.answers.get(SUPERVISED_CODE) is True:
            screening.objects.filter(pk=row.pk).update(outcome="supervised")


def ungrade(apps: Any, schema_editor: Any) -> None:
    apps.get_model("planning", "Screening").objects.filter(outcome="supervised").update(outcome="talk_first")


class Migration(migrations.Migration):
    dependencies = [
        ("planning", "0002_screening_levels_and_clearance"),
    ]

    operations = [
        migrations.AlterField(
            model_name="screening",
            name="outcome",
            field=models.CharField(
                choices=[
                    ("clear", "Clear to start"),
                    ("talk_first", "Talk to a professional first"),
                    ("supervised", "Train only under medical supervision"),
                    ("see_doctor", "See a doctor before training"),
                ],
                max_length=10,
            ),
        ),
        migrations.RunPython(regrade, ungrade),
    ]
