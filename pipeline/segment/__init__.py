"""Stage 3, segment: cleaned lines → the document model.

Three steps, each declared once: `rules.RULES` classifies every block in reading
order; `assemble.assemble` builds the frozen `Document` from the classified blocks;
`links.link` marks the dates and the references to UN documents in its running text.
"""
from __future__ import annotations

from ..clean import Cleaned
from ..diagnostics import Diagnostic
from ..fixes.base import Insertion, Removal
from ..languages import Profile
from ..model import Document
from .assemble import assemble
from .links import link
from .rules import classify


def segment(cleaned: Cleaned, profile: Profile,
            source: str = "<stdin>") -> tuple[Document, tuple[Diagnostic, ...], tuple[Removal | Insertion, ...]]:
    """Classify the blocks of a cleaned document and assemble its model; also return
    the text the assembler left out or added (see `pipeline.conservation`)."""
    blocks = classify(cleaned.lines, profile)
    # the running header of later pages prints the symbol, even when the masthead does not
    headers = [r.text.strip() for r in cleaned.removed if r.reason == "running header"]
    document, diagnostics, edits = assemble(blocks, cleaned.notes, profile, source,
                                            header_symbol=headers[0] if headers else None)
    return link(document, profile), tuple(diagnostics), tuple(edits)
