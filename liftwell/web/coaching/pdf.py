"""The progress report as a PDF (fpdf2, pure Python). Text only, in the core PDF font."""

from __future__ import annotations

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from liftwell.web.coaching.report import Report
from liftwell.web.training.display import date_text

WHO_NOTE = (
    "WHO 2020 guideline: muscle-strengthening activities on 2 or more days a week, working all major "
    "muscle groups (Bull et al., Br J Sports Med 2020)."
)


def _latin1(text: str) -> str:
    # The core fonts cover Latin-1 only; replace what they cannot draw instead of failing.
    swaps = {"–": "-", "—": "-", "→": "->", "×": "x", "≥": ">=", "½": "1/2", "’": "'", "…": "..."}
    for old, new in swaps.items():
        text = text.replace(old, new)
    return text.encode("latin-1", "replace").decode("latin-1")


class _Pdf(FPDF):
    def line_text(self, text: str, *, size: int = 10, bold: bool = False, height: float = 6) -> None:
        self.set_font("Helvetica", "B" if bold else "", size)
        self.multi_cell(0, height, _latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def report_pdf(report: Report) -> bytes:
    pdf = _Pdf(format="A4")
    pdf.set_title(_latin1(report.title))
    pdf.set_creator("Liftwell")
    pdf.add_page()
    pdf.line_text(report.title, size=15, bold=True, height=8)
    pdf.line_text(
        f"Prepared by {report.coach.shown_name}. Liftwell helps track training; it is not medical advice."
    )
    pdf.ln(3)
    pdf.line_text("Adherence", size=12, bold=True)
    pdf.line_text(
        f"{report.training_days} training days, {report.days_per_week:.1f} a week on average. "
        f"Guideline met in {report.weeks_met} of {report.weeks} weeks."
    )
    pdf.line_text(WHO_NOTE, size=8, height=4)
    pdf.ln(3)
    pdf.line_text("Strength (estimated 1RM, Epley)", size=12, bold=True)
    if report.strength:
        for row in report.strength:
            pdf.line_text(
                f"{row.exercise}: {row.first} -> {row.last} ({row.change}) over {row.sessions} sessions"
            )
    else:
        pdf.line_text("No working sets with a load in this period.")
    if report.markers is not None:
        pdf.ln(3)
        pdf.line_text("Health markers (latest in the period)", size=12, bold=True)
        if report.markers:
            for marker in report.markers:
                pdf.line_text(f"{marker.kind}, {date_text(marker.day)}: {marker.values}", bold=True)
                for label in marker.classifications:
                    pdf.line_text(f"   {label}", size=9, height=5)
        else:
            pdf.line_text("No health entries in this period.")
    pdf.ln(3)
    pdf.line_text("Coach's notes", size=12, bold=True)
    if report.notes:
        for note in report.notes:
            pdf.line_text(f"{date_text(note.written_on)}: {note.text}")
    else:
        pdf.line_text("No notes in this period.")
    return bytes(pdf.output())
