"""What one run is attached to, decided once, and the two consoles that draw on it.

The CLI builds one `Terminal` per run and passes it on; tests build their own around
`io.StringIO` streams at any width. rich is imported only when a console is first asked for.
"""

from __future__ import annotations

import os
import sys
from dataclasses import KW_ONLY, dataclass, field
from typing import TYPE_CHECKING, TextIO

from mlpath.io.streams import encodes_everything

if TYPE_CHECKING:
    from collections.abc import Mapping

    from rich.console import Console

DEFAULT_WIDTH = 80
DEFAULT_HEIGHT = 24
WIDTH_RANGE = (20, 1000)  # narrower or wider than this is a setting gone wrong, not a screen
HEIGHT_RANGE = (5, 1000)


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):  # missing or closed stream
        return False


def _size(environ: Mapping[str, str], streams: tuple[object, ...], setting: str, bounds: tuple[int, int]) -> int:
    """The setting when it is a sane number, else that size of the first stream that is a terminal; 0 if none."""
    from mlpath.text import whole_number

    size = whole_number(environ.get(setting, ""), max_digits=5) or 0
    for stream in () if size else streams:
        try:
            size = int(getattr(os.get_terminal_size(stream.fileno()), setting.lower()))  # type: ignore[attr-defined]
        except (AttributeError, OSError, ValueError):
            continue
        break
    return max(bounds[0], min(bounds[1], size)) if size > 0 else 0


def screen_width(environ: Mapping[str, str], streams: tuple[object, ...] = ()) -> int:
    """COLUMNS when it is a sane number, else the width of the first stream that is a terminal
    (so `| less` still gets the screen's width), else 80; always within WIDTH_RANGE."""
    return _size(environ, streams, "COLUMNS", WIDTH_RANGE) or DEFAULT_WIDTH


def screen_height(environ: Mapping[str, str], streams: tuple[object, ...] = ()) -> int:
    """LINES, else the height of the first stream that is a terminal, else 24 (as rich does)."""
    return _size(environ, streams, "LINES", HEIGHT_RANGE) or DEFAULT_HEIGHT


@dataclass(eq=False)
class Terminal:
    """The streams of one run, whether each is a terminal, and a rich console for each (results on
    stdout, messages on stderr). rich decides colour from each stream and the environment: none
    when it is not a terminal, with NO_COLOR set, or with TERM=dumb."""

    stdin_isatty: bool
    stdout_isatty: bool
    stderr_isatty: bool
    utf8: bool = True  # can stdout encode any character?
    _: KW_ONLY
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    width: int = DEFAULT_WIDTH
    height: int = DEFAULT_HEIGHT  # rows: whether long output needs a pager, and how much summary fits
    _consoles: dict[str, Console] = field(default_factory=dict, init=False, repr=False)
    _warned: bool = field(default=False, init=False, repr=False)

    @classmethod
    def detect(cls) -> Terminal:
        streams = (sys.stdout, sys.stdin, sys.stderr)
        ttys = (_isatty(sys.stdin), _isatty(sys.stdout), _isatty(sys.stderr))
        width, height = screen_width(os.environ, streams), screen_height(os.environ, streams)
        return cls(*ttys, encodes_everything(sys.stdout), width=width, height=height)

    @property
    def interactive(self) -> bool:
        """Can we prompt? Needs a keyboard (stdin) and a screen; prompts never go to a redirected stdout."""
        return self.stdin_isatty and (self.stdout_isatty or self.stderr_isatty or _has_tty())

    @property
    def person_watching(self) -> bool:
        """Is a person reading both streams? Tips and hints are for them, never for scripts."""
        return self.stdout_isatty and self.stderr_isatty

    def console(self) -> Console:
        return self._console("out", self.stdout)

    def error_console(self) -> Console:
        return self._console("err", self.stderr)

    def _console(self, name: str, stream: TextIO) -> Console:
        if name not in self._consoles:
            from mlpath.io.streams import console

            self._consoles[name] = console(file=stream, width=self.width, height=self.height, soft_wrap=False)
        return self._consoles[name]

    def write(self, text: str) -> None:
        """Text on stdout, as it is; on a stdout that cannot encode every character, a warning
        (once) that what it cannot show comes out as "?"."""
        if not self.utf8 and not self._warned:
            encoding = getattr(self.stdout, "encoding", None) or "ascii"
            try:
                text.encode(encoding)
            except (UnicodeEncodeError, LookupError):
                self._warned = True
                self.say(
                    f"Warning: stdout's encoding ({encoding}) cannot show some characters; they appear as '?'. "
                    "Use a UTF-8 locale or PYTHONIOENCODING=utf-8, or --json, which escapes them."
                )
        self.stdout.write(text)

    def say(self, text: str, laid_out: bool = False) -> None:
        """A message (a line or a few) on stderr, `fit` to it unless the caller `laid_out` its lines
        (a command to copy, continued with "\\")."""
        self.stderr.write((text if laid_out else self.fit(text)) + "\n")

    def fit(self, text: str) -> str:
        """A message for stderr: on a terminal, a line too long for it is wrapped on words (a
        terminal would cut a word in two)."""
        if not self.stderr_isatty:
            return text
        from mlpath.text import wrap

        return "\n".join(line if len(line) < self.width else wrap(line, self.width, "") for line in text.split("\n"))


def _has_tty() -> bool:
    try:
        fd = os.open("/dev/tty", os.O_WRONLY)
    except OSError:
        return False
    os.close(fd)
    return True
