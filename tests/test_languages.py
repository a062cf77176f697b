"""One mapping of language codes for every command (files say rus/kaz/eng, people type ru/kk/en)."""

from lexdraft.languages import iso2, iso3, same


def test_codes_map_both_ways_and_unknown_codes_pass_through():
    assert iso3("RU") == "rus" and iso3("kz") == "kaz" and iso3("eng") == "eng"
    assert iso2("kaz") == "kk" and iso2("rus") == "ru" and iso2("swa") == "swa"
    assert same("ru", "rus") and not same("ru", "kaz")
