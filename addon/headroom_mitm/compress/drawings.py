"""Pictures drawn in box-drawing characters (a quantum circuit's wires and gates, a diagram tool's
boxes and arrows, a sequence diagram's lifelines): what the model asked to see, which a cut
middle breaks (principle 4). A table drawn with the same characters is no picture: its borders
are strokes alone and its rows mostly text between them, where a picture's lines mix strokes with
the labels on them."""

from __future__ import annotations

_STROKES = frozenset("─│┌┐└┘├┤┬┴┼═║╔╗╚╝╠╣╦╩╬╒╕╘╛╞╡╪╓╖╙╜╟╢╥╨╫━┃┏┓┗┛┣┫┳┻╋«»■●○╭╮╯╰▶◀▲▼")
_PROBES = "─│═━"  # a picture has these, whatever else it draws: counted in C before any line is read
_DRAWN = 0.6  # of a line's characters, for a line drawn
_MIN_LINES = 10
_DRAWN_LINES, _MIXED_LINES = 0.55, 0.15  # of the non-blank lines: drawn ones, and drawn ones with labels


def looks_like_drawing(text: str) -> bool:
    if sum(map(text.count, _PROBES)) < 0.2 * (len(text) - text.count(" ")):
        return False
    lines = [x for x in text.split("\n") if x.strip()]
    if len(lines) < _MIN_LINES:
        return False
    drawn = mixed = 0
    for x in lines:
        ink = len(x) - x.count(" ")
        strokes = sum(1 for c in x if c in _STROKES)
        if strokes >= _DRAWN * ink:
            drawn += 1
            mixed += strokes < ink
    return drawn >= _DRAWN_LINES * len(lines) and mixed >= _MIXED_LINES * len(lines)
