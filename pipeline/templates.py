"""The jinja2 environment shared by the writers: autoescaping on, undefined is an error."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

_HERE = Path(__file__).resolve().parent
# A source checkout or editable install reads the top-level templates/ folder; a
# wheel carries the same files as pipeline/_templates (see pyproject.toml).
_CANDIDATES = (_HERE.parent / "templates", _HERE / "_templates")


def template_dir() -> Path:
    for candidate in _CANDIDATES:
        if (candidate / "akn").is_dir():
            return candidate
    raise FileNotFoundError(f"templates not found in {', '.join(map(str, _CANDIDATES))}")


class _Environment(jinja2.Environment):
    """Looks a dict's keys up before its attributes.

    The writers hand the templates dicts (`r.kind`, `u.eid`); jinja2 tries
    `getattr(view, "kind")` first, and the AttributeError it raises and catches for
    each of the thousand or so lookups of a document was a third of the rendering
    time. No template calls a dict method (`.items()`, `.get()`), and a name that is
    no key still goes the usual way, so what renders is the same.
    """

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


def render(name: str, **context) -> str:
    return environment().get_template(name).render(**context)
