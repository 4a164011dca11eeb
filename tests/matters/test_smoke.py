def test_it_numbers_matters_per_office_and_year(make_matter):
    first = make_matter()
    second = make_matter()
    assert second.seq == first.seq + 1
    assert first.number.startswith("สร ")
