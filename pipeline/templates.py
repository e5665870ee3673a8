"""The jinja2 environment shared by the writers: autoescaping on, undefined is an error."""
from __future__ import annotations

from functools import cache
from typing import Callable
from pathlib import Path

import jinja2
import jinja2.compiler
from markupsafe import Markup, escape

try:  # markupsafe 3: the function escape() wraps in a Markup object
    from markupsafe import _escape_inner
except ImportError:  # pragma: no cover - markupsafe 2
    def _escape_inner(text: str) -> str:
        return str(escape(text))

_HERE = Path(__file__).resolve().parent
# A source checkout or editable install reads the top-level templates/ folder; a
# wheel carries the same files as pipeline/_templates (see pyproject.toml).
_CANDIDATES = (_HERE.parent / "templates", _HERE / "_templates")


def template_dir() -> Path:
    for candidate in _CANDIDATES:
        if (candidate / "akn").is_dir():
            return candidate
    raise FileNotFoundError(f"templates not found in {', '.join(map(str, _CANDIDATES))}")


def escape_text(value) -> str:
    """What autoescaping writes for one `{{ value }}` (and the writers' inline markup):
    the text markupsafe.escape makes, without wrapping a plain str's in a Markup
    object first.

    A document has one or two thousand values to write, and making the Markup object
    that is joined into the output at once was about half of escaping each one.

    >>> escape_text('<a href="x">&'), str(escape_text(3)), str(escape_text(escape("<")))
    ('&lt;a href=&#34;x&#34;&gt;&amp;', '3', '&lt;')
    """
    if type(value) is str:
        return _escape_inner(value)
    if type(value) is Markup:  # a macro's or a filter's markup: escape() would only copy it
        return value
    return escape(value)


class _CodeGenerator(jinja2.compiler.CodeGenerator):
    """Compiles an autoescaped `{{ value }}` to `escape_text(value)`.

    The escaped value is only ever joined into the output (of the template, of a macro,
    of a block), and a str joins as a Markup does, so the bytes are the same.
    """

    def _output_child_pre(self, node, frame, finalize):
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            return super()._output_child_pre(node, frame, finalize)
        self.write("environment.escape_output(")
        if finalize.src is not None:
            self.write(finalize.src)


class _Environment(jinja2.Environment):
    """Looks a dict's keys up before its attributes.

    The writers hand the templates dicts (`r.kind`, `u.eid`); jinja2 tries
    `getattr(view, "kind")` first, and the AttributeError it raises and catches for
    each of the thousand or so lookups of a document was a third of the rendering
    time. No template calls a dict method (`.items()`, `.get()`), and a name that is
    no key still goes the usual way, so what renders is the same.
    """

    code_generator_class = _CodeGenerator
    escape_output = staticmethod(escape_text)

    def getattr(self, obj, attribute):
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


@cache
def environment() -> jinja2.Environment:
    return _Environment(
        loader=jinja2.FileSystemLoader(str(template_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # the templates do not change while a process runs: no stat() of every
        # template file (and of each one it imports) at every render
        auto_reload=False,
    )


def register_filter(name: str, function) -> None:
    """Make a writer's function a filter of the templates. A writer registers its
    filters when it is imported, before it renders: a template looks its filters up
    when it is compiled."""
    environment().filters[name] = function


def inline_writer(markup_of: dict) -> Callable[[list[dict]], Markup]:
    """A function that writes a block's render-ready inline runs, with one markup
    function per kind of run (`markup_of`); writers register it as a filter.

    A jinja2 macro call per run (and per note inside a run) was most of a writer's
    rendering time; the writers' tables write the same markup in Python, each value
    escaped as autoescaping escapes it (escape_text). Templates still lay out every block.

    >>> inline_writer({"text": lambda r: escape_text(r["text"])})([{"kind": "text", "text": "a < b"}])
    Markup('a &lt; b')
    """
    def write(runs: list[dict]) -> Markup:
        return Markup("".join([markup_of[r["kind"]](r) for r in runs]))

    return write


def xml_comment(text: str) -> str:
    """Text that is safe inside an XML comment (no `--`, no trailing `-`).

    >>> xml_comment("from a--b.txt-")
    'from a- -b.txt- '
    """
    while "--" in text:
        text = text.replace("--", "- -")
    return text + " " if text.endswith("-") else text


def render(name: str, **context) -> str:
    return environment().get_template(name).render(**context)
