"""Finding Thai: substrings of unspaced text, Thai and Arabic digits alike, Latin in any case."""

from prasan.search.text import Query, highlight, index_text, snippet


def test_it_finds_a_word_in_the_middle_of_an_unspaced_thai_title(make_matter, users, find):
    make_matter(title="ขอข้อมูลจำนวนครูผู้ช่วยที่บรรจุในปีงบประมาณ")
    make_matter(title="ติดตามงบประมาณซ่อมแซมอาคารเรียน")

    assert find(users["coordinator"], "ครูผู้ช่วย")[0] == ["ขอข้อมูลจำนวนครูผู้ช่วยที่บรรจุในปีงบประมาณ"]
    assert find(users["coordinator"], "ผู้ช่วยที่บรร")[0] == ["ขอข้อมูลจำนวนครูผู้ช่วยที่บรรจุในปีงบประมาณ"]
    assert len(find(users["coordinator"], "งบประมาณ")[0]) == 2
    assert find(users["coordinator"], "ครูผู้ช่วยพิเศษ")[0] == []


def test_a_tone_mark_is_part_of_the_word(make_matter, users, find):
    make_matter(title="เรื่องเสือป่า")

    assert find(users["coordinator"], "เสือ")[0] == ["เรื่องเสือป่า"]
    assert find(users["coordinator"], "เสื้อ")[0] == []


def test_thai_and_arabic_digits_find_each_other(make_matter, make_entry, users, find):
    make_entry(1, doc_number="ศธ ๐๒๐๑.๑/๑๒๓", subject="ขอเชิญประชุม")
    make_matter(title="ตอบหนังสือที่ ศธ 0201.1/456 เรื่องทุนการศึกษา")
    registrar = users["registrar"]

    assert find(registrar, "0201.1/123")[0] == ["ศธ ๐๒๐๑.๑/๑๒๓ ขอเชิญประชุม"]
    assert find(registrar, "๐๒๐๑.๑/๑๒๓")[0] == ["ศธ ๐๒๐๑.๑/๑๒๓ ขอเชิญประชุม"]
    assert find(registrar, "๐๒๐๑.๑/๔๕๖")[0] == ["ตอบหนังสือที่ ศธ 0201.1/456 เรื่องทุนการศึกษา"]
    assert len(find(registrar, "๐๒๐๑.๑")[0]) == 2


def test_latin_letters_match_in_any_case(make_matter, users, find):
    make_matter(title="ผลสอบ O-NET ปีล่าสุด")

    assert find(users["coordinator"], "o-net")[0] == ["ผลสอบ O-NET ปีล่าสุด"]
    assert find(users["coordinator"], "O-Net")[0] == ["ผลสอบ O-NET ปีล่าสุด"]


def test_the_index_form_keeps_length_so_highlights_land_on_the_original():
    assert index_text("  ศธ ๐๒๐๑   O-NET\n") == "ศธ 0201 o-net"
    assert str(highlight("ที่ ศธ ๐๒๐๑.๑/๑๒๓", Query.parse("0201.1").terms)) == "ที่ ศธ <mark>๐๒๐๑.๑</mark>/๑๒๓"


def test_a_snippet_is_escaped_before_it_is_marked():
    html = str(snippet("<script>alert('ครู')</script> ครูผู้ช่วย & ผู้บริหาร", ["ครู"]))
    assert "<script>" not in html
    assert html == ("&lt;script&gt;alert(&#x27;<mark>ครู</mark>&#x27;)&lt;/script&gt; "
                    "<mark>ครู</mark>ผู้ช่วย &amp; ผู้บริหาร")


def test_a_snippet_of_a_long_text_starts_near_the_match_and_not_on_a_vowel_mark():
    text = "ก" * 300 + "ที่สุดของครูผู้ช่วย" + "ข" * 300
    html = str(snippet(text, ["ครูผู้ช่วย"]))
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>ครูผู้ช่วย</mark>" in html
    assert len(html) < 250
    assert not "ุ่้ิีึืั".count(html[1])
