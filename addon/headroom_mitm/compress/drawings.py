"""Pictures drawn in box-drawing characters (a quantum circuit's wires and gates, a diagram tool's
boxes and arrows, a sequence diagram's lifelines): what the model asked to see, which a cut
middle breaks (principle 4). A table drawn with the same characters is no picture: its borders
are strokes alone and its rows mostly text between them, where a picture's lines mix strokes with
the labels on them."""

from __future__ import annotations

# Box drawing (U+2500-U+257F: two UTF-8 leads) and the marks circuits put on their wires, counted
# in C on each line's UTF-8 bytes.
_BOX_LEADS = (b"\xe2\x94", b"\xe2\x95")
_MARKS = tuple(c.encode() for c in "«»■●○")
_PROBES = "─│═━"  # a picture has these, whatever else it draws: counted in C before any line is read
_DRAWN = 0.6  # of a line's characters, for a line drawn
_MIN_LINES, _SAMPLE = 10, 200  # non-blank lines: at least, and looked at
_WIDEST = 400  # characters of a line looked at: no picture is wider
_DRAWN_LINES, _MIXED_LINES = 0.55, 0.15  # of the lines: drawn ones, and drawn ones with labels


def looks_like_drawing(text: str) -> bool:
    probes = sum(map(text.count, _PROBES))
    # None (most texts): no spaces counted, for a text of spaces alone has no line to look at either.
    if not probes or probes < 0.2 * (len(text) - text.count(" ")):
        return False
    lines = [x for x in text.split("\n", 4 * _SAMPLE)[: 4 * _SAMPLE] if x.strip()][:_SAMPLE]
    if len(lines) < _MIN_LINES:
        return False
    drawn = mixed = 0
    for x in lines:
        x = x[:_WIDEST]
        ink = len(x) - x.count(" ")
        raw = x.encode("utf-8", "surrogatepass")
        strokes = sum(map(raw.count, _BOX_LEADS)) + sum(map(raw.count, _MARKS))
        if strokes >= _DRAWN * ink:
            drawn += 1
            mixed += strokes < ink
    return drawn >= _DRAWN_LINES * len(lines) and mixed >= _MIXED_LINES * len(lines)
