"""`.ci/run`, which CI runs on a clean clone, must run what README.md tells a new user
to run, character for character: the setup-and-build command and the test command of
"Two commands". Whatever it installs first is the bare machine's lack, not a third step."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Two commands\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_gives_two_commands():
    setup, test = _readme_commands()
    assert setup.startswith("python3 -m venv .venv") and setup.endswith("invoke build")
    assert test == ".venv/bin/invoke test"


def test_ci_ends_with_exactly_the_two_commands_readme_gives():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in script.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-2:] == _readme_commands()
    # nothing else runs the project's code or its tests: the lines before install packages
    before = "\n".join(commands[:-2])
    assert "invoke" not in before and "pytest" not in before
