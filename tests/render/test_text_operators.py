"""Re-writing WeasyPrint's text operators for one line without moving a glyph."""

from prasan.documents.render.textops import Glyph, emit, parse


class Span:
    def __init__(self, text):
        self.text = text


def glyphs(*ids, widths=None):
    widths = widths or {glyph: 500 for glyph in ids}
    return [Glyph(None, glyph, 4, widths[glyph] != 0, 1, widths) for glyph in ids]


def test_operators_that_do_not_match_pangos_glyphs_are_left_alone():
    items = [b"1 0 0 -1 10 20 Tm", b"/F 12 Tf", b"[<0001>0<0002>] TJ"]

    assert parse(items, glyphs(1, 3)) is None
    assert parse(items, glyphs(1)) is None
    assert parse(items, glyphs(1, 2, 3)) is None


def test_the_pen_is_followed_through_numbers_and_widths():
    line = glyphs(1, 2, 3, widths={1: 500, 2: 0, 3: 400})
    parse([b"1 0 0 -1 10 20 Tm", b"[<0001>-20<0002>20<0003>] TJ"], line)

    assert [(glyph.origin, glyph.end) for glyph in line] == [(0, 500), (520, 520), (500, 900)]


def test_a_span_is_split_out_and_marked_with_its_text():
    line = glyphs(1, 2, 3, 4)
    events = parse([b"/F 12 Tf", b"[<0001>0<00020003>5<0004>] TJ"], line)
    line[1].span = line[2].span = Span("น้ำ")

    assert emit(events) == [
        b"/F 12 Tf",
        b"[<0001>] TJ",
        b"/Span <</ActualText <FEFF0e190e490e33>>> BDC",
        b"[0<00020003>] TJ",
        b"EMC",
        b"[5<0004>] TJ",
    ]


def test_without_spans_the_operators_come_back_byte_for_byte():
    items = [b"1 0 0 -1 10 20 Tm", b"/F 12 Tf", b"[<0001>0<>10.25<0002>-10] TJ", b"-1 Ts",
             b"[143<0003>] TJ", b"0 Ts", b"[<>-143<0004>0] TJ"]

    assert emit(parse(items, glyphs(1, 2, 3, 4))) == items


def test_a_split_never_leaves_an_adjustment_at_the_end_of_an_array():
    # pdfium ignores a number ending a TJ array: the rest of the line would be drawn shifted.
    line = glyphs(1, 2, 3, widths={1: 500, 2: 0, 3: 500})
    items = [b"[<0001>0<>10.25<0002>-10<0003>0] TJ"]
    events = parse(items, line)
    line[0].span = line[1].span = Span("ที")

    assert emit(events) == [
        b"/Span <</ActualText <FEFF0e170e35>>> BDC",
        b"[<0001>0<>10.25<0002>] TJ",
        b"EMC",
        b"[-10<0003>0] TJ",
    ]


def test_a_raised_mark_keeps_its_own_text_object_and_numbers():
    line = glyphs(1, 2, 3, widths={1: 500, 2: 0, 3: 500})
    items = [b"[<0001>-8] TJ", b"-1 Ts", b"[143<0002>] TJ", b"0 Ts", b"[<>-143<0003>] TJ"]
    events = parse(items, line)
    line[0].span = Span("ป่")
    line[1].span = Span("\0")

    assert emit(events) == [
        b"/Span <</ActualText <FEFF0e1b0e48>>> BDC",
        b"[<0001>-8] TJ",
        b"-1 Ts",
        b"EMC",
        b"/Span <</ActualText <FEFF0000>>> BDC",
        b"[143<0002>] TJ",
        b"0 Ts",
        b"EMC",
        b"[<>-143<0003>] TJ",
    ]
    assert [glyph.raised for glyph in line] == [False, True, False]
