"""A small reader of gettext catalogs (.po), enough for the catalog tests; no package needed."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")\s*$")


@dataclass
class Entry:
    """One message: its id (and plural id), its translations, its flags ("fuzzy")."""

    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values()) and "fuzzy" not in self.flags


def _string(quoted: str) -> str:
    # A PO string is a C string; as a Python literal it reads the same for what makemessages
    # writes (\\n, \\t, \\", \\\\).
    return ast.literal_eval(quoted)


def read_po(path: Path) -> list[Entry]:
    """The catalog's messages, the header (msgid "") and obsolete (#~) ones left out."""
    entries, entry, key = [], Entry(), None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = line.strip()
        if not line:
            if key is not None:
                entries.append(entry)
            entry, key = Entry(), None
        elif line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"') and key is not None:
            _append(entry, key, _string(line))
        elif match := _KEYWORD.match(line):
            key = match.group(1)
            _append(entry, key, _string(match.group(2)), start=True)
    return [e for e in entries if e.msgid]


def _append(entry: Entry, key: str, text: str, start: bool = False) -> None:
    if key.startswith("msgstr"):
        index = int(key[7:-1]) if "[" in key else 0
        entry.msgstr[index] = ("" if start else entry.msgstr.get(index, "")) + text
    else:
        attribute = key
        current = "" if start else (getattr(entry, attribute) or "")
        setattr(entry, attribute, current + text)
