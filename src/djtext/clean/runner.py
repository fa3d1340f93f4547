"""The runner: applies fixers in order, composing the offset map, fix records, marks and flags.

A fixer returns :class:`~djtext.models.Edit` objects over the text it was given. Two kinds of
edit do not change the text; they are told apart by their ``note``:

- ``flag:KIND:why`` with ``replacement`` equal to the span: a doubtful span becomes a :class:`Flag`;
- ``mark:KIND:LEVEL`` with ``replacement`` equal to the span: a structural :class:`Mark`
  (``bold``, ``heading``) over the span, carried in raw coordinates until the end.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Callable, Sequence

from djtext.models import CleanText, Edit, FixRecord, Flag, Mark

FixerFunc = Callable[[str], list[Edit]]
SETTLE_ROUNDS = 30
"""How often the settling fixers are re-run on the final text at most."""


@dataclass(frozen=True)
class Fixer:
    """A named fixer: a pure function ``text -> list[Edit]`` and a one-line description."""

    name: str
    description: str
    func: FixerFunc
    settle: str = ""
    """``repeat``: re-run on the final text until it changes nothing; ``follow``: re-run after a
    ``repeat`` fixer changed something (together they make cleaning idempotent)."""
    printed: bool = False
    """Whether ``func`` takes a second argument: the printed width decoded HTML entities lost, per
    text position (see :func:`printed_growth`), as hard-wrap measures need the width as printed."""

    def __call__(self, text: str) -> list[Edit]:
        """Propose the edits of this fixer on ``text``."""
        return self.func(text)


@dataclass
class _State:
    text: str
    offsets: list[int]
    raw: str
    fixes: list[FixRecord]
    flags: list[Flag]
    raw_marks: list[tuple[str, int, int, int]]
    entity_fixes: list[FixRecord] = field(default_factory=list)
    """The fixes of ``fixes[:scanned]`` that decoded an entity and changed the length (see printed_growth)."""
    scanned: int = 0


ENTITY_FIXER = "html_entities"


def printed_growth(state: _State) -> dict[int, int]:
    """Per position of ``state.text``: how many characters wider the text was as printed there, where
    an HTML entity was decoded (``&ldquo;`` → ``“`` is 6; a wrap-cut ``&ld`` / ``quo;`` counts per line)."""
    growth: dict[int, int] = {}
    offsets, text = state.offsets, state.text
    for fix in _entity_fixes(state):
        i = bisect_left(offsets, fix.raw_start)
        if i >= len(offsets) or offsets[i] != fix.raw_start or text[i:i + len(fix.after)] != fix.after:
            continue  # changed since by another fixer
        pos = i
        for before, after in zip(fix.before.split("\n"), fix.after.split("\n")):
            if len(before) != len(after):
                growth[pos] = growth.get(pos, 0) + len(before) - len(after)
            pos += len(after) + 1
    return growth


def _entity_fixes(state: _State) -> list[FixRecord]:
    """The fixes that decoded an HTML entity and changed the length, in the order they were made (while
    fixers run, fixes are only added: the ones added since the last call are looked at)."""
    added = state.fixes[state.scanned:]
    state.entity_fixes.extend(f for f in added if f.fixer == ENTITY_FIXER and len(f.before) != len(f.after))
    state.scanned = len(state.fixes)
    return state.entity_fixes


def _propose(state: _State, fixer: Fixer) -> list[Edit]:
    if fixer.printed:
        return fixer.func(state.text, printed_growth(state))  # type: ignore[call-arg]
    return fixer.func(state.text)


def _raw_span(offsets: list[int], start: int, end: int, raw_len: int) -> tuple[int, int]:
    if start < len(offsets):
        raw_start = offsets[start]
    else:
        raw_start = offsets[-1] + 1 if offsets else raw_len
    raw_start = min(raw_start, raw_len)
    raw_end = offsets[end - 1] + 1 if end > start else raw_start
    return raw_start, max(raw_start, raw_end)


_ANNOTATIONS = ("flag:", "mark:")
_START, _END = attrgetter("start"), attrgetter("end")
_RAW_START, _RAW_END = attrgetter("raw_start"), attrgetter("raw_end")


def _sort_by_span(items: list, start: Callable, end: Callable) -> None:
    """Sort ``items`` by (start, end) in place, stably: by end, then by start (two sorts on int keys are
    about twice as quick as one on (start, end) tuples, and give the same order)."""
    items.sort(key=end)
    items.sort(key=start)


_EDIT_FIELDS = attrgetter("start", "end", "replacement", "note")
_MARK_ORDER = attrgetter("start", "end", "kind")


def _annotation(note: str, name: str) -> tuple[bool, str, str | int]:
    """What an annotation note says: whether it is a flag, its kind, and its why (a flag's) or level (a mark's)."""
    kind, _, rest = note.partition(":")[2].partition(":")
    if note.startswith("flag:"):
        return True, kind, rest or name
    return False, kind, int(rest or 0)


def _annotate(state: _State, name: str, edits: Sequence[Edit]) -> None:
    """Add the flags and marks among ``edits`` (edits that leave their span as it is) to ``state``."""
    text, offsets, raw_len, raw = state.text, state.offsets, len(state.raw), state.raw
    notes: dict[str, tuple[bool, str, str | int]] = {}  # (a fixer uses few notes: each is read once)
    for start, end, rep, note in map(_EDIT_FIELDS, edits):
        if note[:5] in _ANNOTATIONS and rep == text[start:end]:
            if end > start:  # the common case of _raw_span (as in apply_fixer)
                raw_start, raw_end = offsets[start], offsets[end - 1] + 1
            else:
                raw_start, raw_end = _raw_span(offsets, start, end, raw_len)
            annotation = notes.get(note)
            if annotation is None:
                annotation = notes[note] = _annotation(note, name)
            is_flag, kind, detail = annotation
            if is_flag:
                state.flags.append(Flag(kind, raw_start, raw_end, raw[raw_start:raw_end], detail))  # type: ignore[arg-type]
            else:
                state.raw_marks.append((kind, raw_start, raw_end, detail))  # type: ignore[arg-type]


def apply_fixer(state: _State, name: str, edits: Sequence[Edit]) -> None:
    """Apply one fixer's edits to ``state`` (non-overlapping edits; overlapping ones are dropped)."""
    if not edits:
        return
    text = state.text
    changes = [edit for edit in edits if edit.replacement != text[edit.start:edit.end]]
    if len(changes) < len(edits):
        _annotate(state, name, edits)
    if not changes:
        return
    _sort_by_span(changes, _START, _END)
    if all(len(e.replacement) == e.end - e.start for e in changes):
        _apply_same_length(state, name, changes)
        return
    if len(changes) <= IN_PLACE_MAX:
        _apply_in_place(state, name, changes)
        return
    offsets, raw_len = state.offsets, len(state.raw)
    pieces: list[str] = []
    new_offsets: list[int] = []
    append_piece, extend_offsets, record = pieces.append, new_offsets.extend, state.fixes.append
    pos = 0
    for start, end, rep, note in map(_EDIT_FIELDS, changes):
        if start < pos:
            continue  # overlaps an earlier edit of the same fixer
        append_piece(text[pos:start])
        extend_offsets(offsets[pos:start])
        if end > start:  # the common case of _raw_span (offsets rise and stay below len(raw): no clamping)
            raw_start, raw_end = offsets[start], offsets[end - 1] + 1
        else:
            raw_start, raw_end = _raw_span(offsets, start, end, raw_len)
        if rep:
            if len(rep) == end - start:
                extend_offsets(offsets[start:end])
            else:
                anchor = raw_start if raw_start < raw_len else max(raw_len - 1, 0)
                extend_offsets([anchor] * len(rep))
            append_piece(rep)
        record(FixRecord(name, raw_start, raw_end, text[start:end], rep, note))
        pos = end
    append_piece(text[pos:])
    extend_offsets(offsets[pos:])
    state.text = "".join(pieces)
    state.offsets = new_offsets


IN_PLACE_MAX = 64
"""Up to this many edits change the offset map in place: moving its tail once per edit is quicker
than copying the whole map (which touches every entry)."""


def _apply_in_place(state: _State, name: str, changes: list[Edit]) -> None:
    """Few edits (sorted): the offset map changes in place, from the last edit back, as
    :func:`apply_fixer` would rebuild it."""
    text, offsets, raw_len = state.text, state.offsets, len(state.raw)
    pieces: list[str] = []
    resized: list[tuple[int, int, list[int]]] = []  # applied edits that change the length, new offsets
    append_piece, record = pieces.append, state.fixes.append
    pos = 0
    for start, end, rep, note in map(_EDIT_FIELDS, changes):
        if start < pos:
            continue  # overlaps an earlier edit of the same fixer
        append_piece(text[pos:start])
        if end > start:
            raw_start, raw_end = offsets[start], offsets[end - 1] + 1
        else:
            raw_start, raw_end = _raw_span(offsets, start, end, raw_len)
        if len(rep) != end - start:
            anchor = raw_start if raw_start < raw_len else max(raw_len - 1, 0)
            resized.append((start, end, [anchor] * len(rep)))
        append_piece(rep)
        record(FixRecord(name, raw_start, raw_end, text[start:end], rep, note))
        pos = end
    append_piece(text[pos:])
    for start, end, new_offsets in reversed(resized):
        offsets[start:end] = new_offsets
    state.text = "".join(pieces)


def _apply_same_length(state: _State, name: str, changes: list[Edit]) -> None:
    """Character-for-character replacements: the offset map does not change."""
    text, offsets = state.text, state.offsets
    pieces: list[str] = []
    append, record = pieces.append, state.fixes.append
    pos = 0
    for start, end, rep, note in map(_EDIT_FIELDS, changes):
        if start < pos:
            continue
        append(text[pos:start])
        append(rep)
        # same length, so start < end <= len(offsets): the raw span is direct
        record(FixRecord(name, offsets[start], offsets[end - 1] + 1, text[start:end], rep, note))
        pos = end
    pieces.append(text[pos:])
    state.text = "".join(pieces)


def _clean_span(state: _State, raw_start: int, raw_end: int) -> tuple[int, int] | None:
    """The clean span of a raw span, without the spaces at its edges (None when nothing is left)."""
    offsets, text = state.offsets, state.text
    start = bisect_left(offsets, raw_start)
    end = bisect_left(offsets, raw_end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _clean_marks(state: _State) -> list[Mark]:
    marks: list[Mark] = []
    spans: dict[tuple[int, int], tuple[int, int] | None] = {}  # (fixers run again mark the same spans again)
    for kind, raw_start, raw_end, level in state.raw_marks:
        raw_span = raw_start, raw_end
        if raw_span in spans:
            span = spans[raw_span]
        else:
            span = spans[raw_span] = _clean_span(state, raw_start, raw_end)
        if span is not None:
            marks.append(Mark(kind, span[0], span[1], level))
    marks.sort(key=_MARK_ORDER)
    unique: list[Mark] = []
    for mark in marks:
        if not unique or unique[-1] != mark:
            unique.append(mark)
    return unique


_Unchanged = dict[Fixer, tuple[str, int, list[tuple[str, int, int, int]], list[Flag]]]
"""Per fixer: the text of its last run that changed nothing, the number of fixes then, and the
marks and flags that run added."""


def _run(state: _State, fixer: Fixer, unchanged: _Unchanged) -> None:
    """Run one fixer and apply its edits; a fixer that changed nothing is not run again on the same
    state (same text, no fix since): its marks and flags are added again, exactly as a re-run would."""
    count = len(state.fixes)
    last = unchanged.get(fixer)
    if last is not None and last[1] == count and last[0] == state.text:
        state.raw_marks.extend(last[2])
        state.flags.extend(last[3])
        return
    marks, flags = len(state.raw_marks), len(state.flags)
    apply_fixer(state, fixer.name, _propose(state, fixer))
    if len(state.fixes) == count:  # no change: a pure fixer would propose the same edits again
        unchanged[fixer] = (state.text, count, state.raw_marks[marks:], state.flags[flags:])


def run_fixers(raw: str, fixers: Sequence[Fixer]) -> CleanText:
    """Run ``fixers`` in order over ``raw`` and return the composed :class:`CleanText`."""
    state = _State(raw, list(range(len(raw))), raw, [], [], [])
    unchanged: _Unchanged = {}
    for fixer in fixers:
        if not state.text:
            break
        apply_fixer(state, fixer.name, _propose(state, fixer))
    repeat = [f for f in fixers if f.settle == "repeat"]
    follow = [f for f in fixers if f.settle == "follow"]
    for _ in range(SETTLE_ROUNDS):
        before = len(state.fixes)
        for fixer in repeat:
            for _ in range(SETTLE_ROUNDS):  # e.g. joins that make further joins evident
                count = len(state.fixes)
                _run(state, fixer, unchanged)
                if len(state.fixes) == count:
                    break
        if len(state.fixes) == before:
            break
        for fixer in follow:
            _run(state, fixer, unchanged)
    _sort_by_span(state.fixes, _RAW_START, _RAW_END)
    _sort_by_span(state.flags, _RAW_START, _RAW_END)
    return CleanText(state.text, state.offsets, raw, state.fixes, _clean_marks(state), state.flags)
