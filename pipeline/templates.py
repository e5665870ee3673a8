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


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(name: str, **context) -> str:
    return environment().get_template(name).render(**context)
