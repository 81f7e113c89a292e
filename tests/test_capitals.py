"""Lines written all in capitals: RCV1's tables and section heads (`capitalsmodel.py`)."""
from itertools import islice

from newsrestore import corpora, restore
from newsrestore.capitalsmodel import in_capitals, line_features
from newsrestore.flatten import flatten
from newsrestore.model import load_model


def _lines(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


def test_standings_tables_come_back_in_capitals(shared_data):
    """CoNLL-2003 dev articles with baseball standings (`KANSAS CITY 59 73 .447 19`, `EASTERN
    DIVISION`, `W L PCT GB`): most of their lines in capitals come back so, and no line the
    source wrote in mixed case is put in capitals."""
    arts = list(islice((a for a in corpora.iter_corpus("conll2003", shared_data)
                        if corpora.split_of(a) == "dev" and "W L PCT GB" in a.text), 3))
    assert arts
    found = wanted = wrong = 0
    for art in arts:
        flat = flatten(art.text, "ptb", title=art.title)
        restored = restore(flat, profile="ptb")
        gold, ours = _lines(art.text), _lines(restored.body)
        assert len(gold) == len(ours), art.id
        for g, r in zip(gold[1:], ours[1:]):          # the first is the dateline line
            g_caps, r_caps = in_capitals(g.split()), in_capitals(r.split())
            wanted += g_caps
            found += g_caps and r_caps
            wrong += r_caps and not g_caps
    assert wanted >= 20 and found >= 0.8 * wanted and wrong == 0, (found, wanted, wrong)


def test_news_prose_gets_no_line_in_capitals(dev_articles):
    """Articles of other outlets, in prose: the model reads none of their lines as a table."""
    model = load_model()
    for art in dev_articles:
        if art.corpus == "conll2003":
            continue
        doc = restore(flatten(art.text, "stripped", title=art.title), model=model).document
        assert not any(t.stage == "capitals" for s in doc.sentences for t in s.tokens), art.id


def test_line_features_read_the_neighbours():
    """A row of numbers between two such rows reads otherwise than one between sentences."""
    table = [["boston", "66", "65", ".504", "9"], ["baltimore", "70", "62", ".530", "4"],
             ["cincinnati", "65", "67", ".492", "6"]]
    prose = [["shares", "rose", "."], ["boston", "66", "65", ".504", "9"], ["analysts", "said", "so", "."]]
    assert line_features(table)[1] != line_features(prose)[1]
    assert "pq3" in line_features(table)[1] and "pq0" in line_features(prose)[1]
