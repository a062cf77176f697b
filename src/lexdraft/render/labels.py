"""UI strings of the redline and the comparative table in Russian, Kazakh and English.

The table's column headings follow the comparative table (сравнительная таблица) that accompanies every draft
law in Kazakhstan; everything a reviewer reads comes from here, so a view never mixes languages.
"""

from __future__ import annotations

from ..languages import iso2, iso3

UI_LANGS = ("ru", "kk", "en")


LABELS: dict[str, dict[str, str]] = {
    "ru": {
        "col_no": "№ п/п",
        "col_unit": "Структурный элемент",
        "col_old": "Действующая редакция",
        "col_new": "Предлагаемая редакция",
        "col_reason": "Обоснование",
        "absent": "Отсутствует",
        "delete": "Исключить",
        "title": "Сравнительная таблица",
        "view_table": "Сравнительная таблица",
        "view_inline": "С изменениями",
        "view_side": "Рядом",
        "view_clean": "Новая редакция",
        "summary": "Сводка",
        "old_version": "Действующая (прежняя) редакция",
        "new_version": "Предлагаемая редакция",
        "work": "Акт",
        "date": "Дата",
        "language": "Язык",
        "file": "Файл",
        "generated": "Сформировано",
        "by_kind": "Изменения по видам",
        "by_chapter": "Изменения по главам",
        "legend": "Условные обозначения",
        "legend_ins": "включённый текст",
        "legend_del": "исключённый текст",
        "inserted_sr": "включено: ",
        "deleted_sr": "исключено: ",
        "changes": "Изменения",
        "contents": "Содержание",
        "change_of": "изменение {k} из {n}",
        "no_change_selected": "Изменений: {n}",
        "rows_total": "Изменённых структурных элементов (строк таблицы): {n}",
        "containers_changed": "Изменённых глав, разделов, частей: {n}",
        "preamble_changed": "Преамбула изменена (её строки — первые в таблице)",
        "more": "показать текст без изменений",
        "prev": "Предыдущее",
        "next": "Следующее",
        "key_help": "Клавиши: n/j — следующее, p/k — предыдущее, 1–4 — вид, / — поиск",
        "filter_kind": "Вид изменения",
        "filter_chapter": "Глава",
        "all": "все",
        "changed_only": "Только изменённые",
        "search": "Поиск",
        "search_placeholder": "слово или фраза",
        "shown": "показано {k} из {n}",
        "no_changes": "Изменений нет.",
        "moved_from": "перемещено из: {where}",
        "formerly": "было: {where}",
        "moved_to_unit": "перемещено в: {where}",
        "moved_here": "{where} перемещено сюда из прежнего места",
        "moved_to": "прежнее место: {where} перемещено",
        "comparable": "Сопоставимые зарубежные нормы",
        "comments": "Замечания",
        "rationale": "Обоснование связи",
        "full_text": "полный текст",
        "provenance": "Происхождение текста",
        "old_col_short": "Было",
        "new_col_short": "Стало",
        "total": "всего",
        "version": "lexdraft",
        "without_chapter": "(вне глав)",
        "concordance_caveat": "Соответствие понятийное, не юридическая равнозначность.",
        "views": "Вид",
        "skip": "Перейти к изменениям",
        "bilingual": "Сверка с текстом на другом языке ({lang}): сравнено единиц — {n}, расхождений — {k}",
    },
    "kk": {
        "col_no": "Р/с №",
        "col_unit": "Құрылымдық элемент",
        "col_old": "Қолданыстағы редакция",
        "col_new": "Ұсынылып отырған редакция",
        "col_reason": "Негіздеме",
        "absent": "Жоқ",
        "delete": "Алып тасталсын",
        "title": "Салыстырма кесте",
        "view_table": "Салыстырма кесте",
        "view_inline": "Өзгерістерімен",
        "view_side": "Қатар",
        "view_clean": "Жаңа редакция",
        "summary": "Жиынтық",
        "old_version": "Қолданыстағы (бұрынғы) редакция",
        "new_version": "Ұсынылып отырған редакция",
        "work": "Акт",
        "date": "Күні",
        "language": "Тілі",
        "file": "Файл",
        "generated": "Жасалған уақыты",
        "by_kind": "Өзгерістер түрлері бойынша",
        "by_chapter": "Өзгерістер тараулар бойынша",
        "legend": "Шартты белгілер",
        "legend_ins": "енгізілген мәтін",
        "legend_del": "алып тасталған мәтін",
        "inserted_sr": "енгізілді: ",
        "deleted_sr": "алып тасталды: ",
        "changes": "Өзгерістер",
        "contents": "Мазмұны",
        "change_of": "өзгеріс {k} / {n}",
        "no_change_selected": "Өзгерістер: {n}",
        "rows_total": "Өзгерген құрылымдық элементтер (кесте жолдары): {n}",
        "containers_changed": "Өзгерген тараулар, бөлімдер: {n}",
        "preamble_changed": "Кіріспе өзгерген (оның жолдары кестеде бірінші)",
        "more": "өзгермеген мәтінді көрсету",
        "prev": "Алдыңғы",
        "next": "Келесі",
        "key_help": "Пернелер: n/j — келесі, p/k — алдыңғы, 1–4 — көрініс, / — іздеу",
        "filter_kind": "Өзгеріс түрі",
        "filter_chapter": "Тарау",
        "all": "барлығы",
        "changed_only": "Тек өзгергендері",
        "search": "Іздеу",
        "search_placeholder": "сөз немесе тіркес",
        "shown": "{n} ішінен {k} көрсетілді",
        "no_changes": "Өзгерістер жоқ.",
        "moved_from": "бұрынғы орны: {where}",
        "formerly": "бұрын: {where}",
        "moved_to_unit": "мұнда ауыстырылды: {where}",
        "moved_here": "{where} бұрынғы орнынан осында ауыстырылды",
        "moved_to": "бұрынғы орны: {where} ауыстырылды",
        "comparable": "Салыстырмалы шетелдік нормалар",
        "comments": "Ескертулер",
        "rationale": "Байланыс негіздемесі",
        "full_text": "толық мәтін",
        "provenance": "Мәтіннің шығу тегі",
        "old_col_short": "Бұрын",
        "new_col_short": "Қазір",
        "total": "барлығы",
        "version": "lexdraft",
        "without_chapter": "(тараудан тыс)",
        "concordance_caveat": "Сәйкестік ұғымдық, заңдық баламалылық емес.",
        "views": "Көрініс",
        "skip": "Өзгерістерге өту",
        "bilingual": "Екінші тілдегі мәтінмен салыстыру ({lang}): салыстырылған бірліктер — {n}, сәйкессіздіктер — {k}",
    },
    "en": {
        "col_no": "No.",
        "col_unit": "Structural unit",
        "col_old": "Current wording",
        "col_new": "Proposed wording",
        "col_reason": "Justification",
        "absent": "None",
        "delete": "Delete",
        "title": "Comparative table",
        "view_table": "Comparative table",
        "view_inline": "As amended",
        "view_side": "Side by side",
        "view_clean": "Clean text",
        "summary": "Summary",
        "old_version": "Current (old) version",
        "new_version": "Proposed (new) version",
        "work": "Work",
        "date": "Date",
        "language": "Language",
        "file": "File",
        "generated": "Generated",
        "by_kind": "Changes by kind",
        "by_chapter": "Changes by chapter",
        "legend": "Legend",
        "legend_ins": "inserted text",
        "legend_del": "deleted text",
        "inserted_sr": "inserted: ",
        "deleted_sr": "deleted: ",
        "changes": "Changes",
        "contents": "Contents",
        "change_of": "change {k} of {n}",
        "no_change_selected": "Changes: {n}",
        "rows_total": "Changed structural units (table rows): {n}",
        "containers_changed": "Changed chapters, parts and sections: {n}",
        "preamble_changed": "The preamble changed (its rows come first in the table)",
        "more": "show unchanged text",
        "prev": "Previous",
        "next": "Next",
        "key_help": "Keys: n/j next, p/k previous, 1–4 view, / search",
        "filter_kind": "Change kind",
        "filter_chapter": "Chapter",
        "all": "all",
        "changed_only": "Changed only",
        "search": "Search",
        "search_placeholder": "word or phrase",
        "shown": "{k} of {n} shown",
        "no_changes": "No changes.",
        "moved_from": "moved from {where}",
        "formerly": "formerly {where}",
        "moved_to_unit": "moved to {where}",
        "moved_here": "{where} moved here from its old place",
        "moved_to": "old place of {where}, now moved",
        "comparable": "Comparable foreign provisions",
        "comments": "Reviewer comments",
        "rationale": "Rationale",
        "full_text": "full text",
        "provenance": "Provenance",
        "old_col_short": "Old",
        "new_col_short": "New",
        "total": "total",
        "version": "lexdraft",
        "without_chapter": "(outside chapters)",
        "concordance_caveat": "Conceptual correspondence, not legal equivalence.",
        "views": "View",
        "skip": "Skip to the changes",
        "bilingual": "Check against the other language ({lang}): {n} units compared, {k} inconsistencies",
    },
}

# Change-kind badges (the ChangeSet's KINDS).
KIND_LABELS: dict[str, dict[str, str]] = {
    "ru": {
        "unchanged": "без изменений", "amended": "изменено", "reworded": "новая редакция", "inserted": "новое",
        "repealed": "исключено", "moved": "перемещено", "renumbered": "перенумеровано", "split": "разделено",
        "merged": "объединено",
    },
    "kk": {
        "unchanged": "өзгеріссіз", "amended": "өзгертілді", "reworded": "жаңа редакция", "inserted": "жаңа",
        "repealed": "алып тасталды", "moved": "ауыстырылды", "renumbered": "нөмірі өзгерді", "split": "бөлінді",
        "merged": "біріктірілді",
    },
    "en": {
        "unchanged": "unchanged", "amended": "amended", "reworded": "reworded", "inserted": "new",
        "repealed": "repealed", "moved": "moved", "renumbered": "renumbered", "split": "split", "merged": "merged",
    },
}

# Concordance labels (Full / Partial / Complementary / Gap), shown with the foreign provision.
CONCORDANCE_LABELS: dict[str, dict[str, str]] = {
    "ru": {"full": "полное", "partial": "частичное", "complementary": "дополняющее", "gap": "пробел"},
    "kk": {"full": "толық", "partial": "ішінара", "complementary": "толықтырушы", "gap": "олқылық"},
    "en": {"full": "Full", "partial": "Partial", "complementary": "Complementary", "gap": "Gap"},
}

LANGUAGE_NAMES = {
    "ru": {"rus": "русский", "kaz": "казахский", "eng": "английский"},
    "kk": {"rus": "орыс тілі", "kaz": "қазақ тілі", "eng": "ағылшын тілі"},
    "en": {"rus": "Russian", "kaz": "Kazakh", "eng": "English"},
}


def ui_lang_for(frbr_language: str) -> str:
    """The UI language for a document's FRBR language: Russian and Kazakh as such, English for the rest."""
    code = iso2(frbr_language)
    return code if code in ("ru", "kk") else "en"


def labels(lang: str) -> dict[str, str]:
    return LABELS[lang]


def kind_label(kind: str, lang: str) -> str:
    return KIND_LABELS[lang].get(kind, kind)


def concordance_label(label: str, lang: str) -> str:
    return CONCORDANCE_LABELS[lang].get(label.lower(), label)


def language_name(code: str, lang: str) -> str:
    """A language code as a reader's word ("rus" -> "русский"); unknown codes as written."""
    key = iso3(code)
    return LANGUAGE_NAMES[lang].get(key, code)
