"""Small PDFs written for the tests with reportlab: a two-page resolution laid out the
way the UN prints one, a scan (a page with no text), an encrypted PDF, a broken one.

They are made in the test run, never copied from the corpus.
"""
from __future__ import annotations

import io

SYMBOL = "A/HRC/RES/54/99"
JOB = "GE.23-12345"
LONG_PARAGRAPH = ("Requests the High Commissioner to prepare a report on the implementation of the "
                  "present resolution, " + "with the participation of States and relevant stakeholders, " * 40
                  + "and to present it to the Council at its fifty-seventh session;")


def resolution_pdf(justified: bool = True) -> bytes:
    """Two Letter pages (text justified, or ragged right): cover lines, a hanging title, the formula, two preambular
    paragraphs (one with a raised footnote call), three operative paragraphs (the
    second runs on to page 2), the closing lines right-aligned; on page 1 a footnote
    under a rule in a smaller face and the job number and barcode; on page 2 the
    symbol as running header and the page number and job number as footer."""
    from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    width, height = LETTER
    margin = 72
    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=11, leading=13.5,
                          alignment=TA_JUSTIFY if justified else TA_LEFT, firstLineIndent=36, spaceAfter=6)
    cover = ParagraphStyle("cover", parent=body, firstLineIndent=0, alignment=0)
    title = ParagraphStyle("title", parent=body, fontName="Times-Bold", fontSize=12.5, leading=15,
                           leftIndent=40, firstLineIndent=-40, alignment=0, spaceBefore=6, spaceAfter=10)
    closing = ParagraphStyle("closing", parent=body, firstLineIndent=0, alignment=TA_RIGHT, spaceAfter=2,
                             fontName="Times-Italic")

    def first_page(canvas, doc):
        canvas.saveState()
        canvas.setLineWidth(0.5)
        canvas.line(margin, 150, margin + 150, 150)  # the footnote rule
        canvas.setFont("Times-Roman", 6.5)
        canvas.drawString(margin, 138, "1")
        canvas.setFont("Times-Roman", 9)
        canvas.drawString(margin + 7, 138, "A/HRC/54/1.")
        canvas.setFont("Helvetica", 8)
        canvas.drawString(margin, 60, f"{JOB}(E)")
        canvas.drawString(margin, 50, "*2312345*")
        canvas.restoreState()

    def later_page(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica-Bold", 9)
        canvas.drawString(margin, height - 50, SYMBOL)
        canvas.line(margin, height - 54, width - margin, height - 54)
        canvas.drawString(margin, 40, str(doc.page))
        canvas.setFont("Helvetica", 8)
        canvas.drawRightString(width - margin, 40, JOB)
        canvas.restoreState()

    story = [
        Paragraph("Human Rights Council", cover),
        Paragraph("Fifty-fourth session", cover),
        Paragraph("Resolution adopted by the Human Rights Council on 12 October 2023", title),
        Paragraph("54/99.&nbsp;&nbsp;&nbsp;Promotion and protection of the human rights of all persons "
                  "everywhere in the world, in all circumstances", title),
        Paragraph("<i>The Human Rights Council</i>,", body),
        Paragraph("<i>Recalling</i> all its previous resolutions on the subject, including resolution 51/1 "
                  "of 6 October 2022 and resolution 52/2 of 3 April 2023,", body),
        Paragraph("<i>Noting</i> the report of the Secretary-General on the question,<super>1</super> and the "
                  "views expressed by States during the interactive dialogue,", body),
        Paragraph("1.&nbsp;&nbsp;&nbsp;<i>Welcomes</i> the efforts of all States to promote and protect human "
                  "rights;", body),
        Paragraph("2.&nbsp;&nbsp;&nbsp;<i>" + LONG_PARAGRAPH[:8] + "</i>" + LONG_PARAGRAPH[8:], body),
        Paragraph("3.&nbsp;&nbsp;&nbsp;<i>Decides</i> to remain seized of the matter.", body),
        Spacer(1, 12),
        Paragraph("47th meeting", closing),
        Paragraph("12 October 2023", closing),
    ]
    buffer = io.BytesIO()
    # the frame of the first page ends above its footnote; later pages leave room for the footer
    doc = SimpleDocTemplate(buffer, pagesize=LETTER, leftMargin=margin, rightMargin=margin,
                            topMargin=72, bottomMargin=170, title="fixture")
    doc.build(story, onFirstPage=first_page, onLaterPages=later_page)
    return buffer.getvalue()


def scanned_pdf() -> bytes:
    """One page with only drawings on it, as a scanner's PDF has only an image."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    for row in range(40):
        page.rect(72, 700 - 15 * row, 300 + (row * 7) % 150, 8, fill=1, stroke=0)
    page.showPage()
    page.save()
    return buffer.getvalue()


def encrypted_pdf(password: str = "secret") -> bytes:
    """A page of text that opens only with a password."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=StandardEncryption(password, ownerPassword="owner" + password))
    page.setFont("Times-Roman", 11)
    page.drawString(72, 700, "The Human Rights Council,")
    page.showPage()
    page.save()
    return buffer.getvalue()


def broken_pdf() -> bytes:
    """A file that starts like a PDF and is not one (a download cut short)."""
    return resolution_pdf()[:700]


DASHED = ("to strengthen the capacity of the security forces, including the management of weapons and "
          "ammunition and the disposal of explosive ordnance, in every province of the country;",
          "to speed up national ownership of the reform of the security sector, through independent, "
          "accountable and functioning justice and security institutions;")


def dash_list_pdf() -> bytes:
    """One page: an item whose dash list hangs its dashes in the margin, the lines of each
    dashed paragraph starting where the text after its dash starts."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=11, leading=13.5, spaceAfter=6)
    dashed = ParagraphStyle("dashed", parent=body, leftIndent=72, bulletIndent=54)
    out = io.BytesIO()
    story = [Paragraph("(m) To provide advice, in order to:", body)]
    story += [Paragraph(text, dashed, bulletText="\u2013") for text in DASHED]
    SimpleDocTemplate(out, pagesize=LETTER, leftMargin=72, rightMargin=72).build(story)
    return out.getvalue()
