"""Input cut into lines by other splitters: one article or one paragraph a line, or `on jan. 6`
kept in one line.  Restoring must find the sentences, and not bend the text to keep lines that
our splitter never made; every input token still comes back."""
from __future__ import annotations

import re

import pytest

from newsrestore import flatten, restore
from newsrestore.flatten import flatten_article
from newsrestore.parse import parse
from newsrestore.sentences import cut_elsewhere, line_breaks


def _breaks(line: str) -> list[str]:
    words = line.split()
    return [words[i] for i in line_breaks(words)]


def test_sentence_ends_inside_a_line():
    # lines of real dev articles (Reuters-21578, FNC-1, BBC, WMT, Reuters ag_news) as Moses left them
    assert _breaks("the report was published . in keeping with a pivot , it said ! then it fell") == ["in", "then"]
    assert _breaks("in hawthorne , calif . , and charged") == []        # an abbreviation Moses split off
    assert _breaks("marco rubio , r-fla . , using one") == []
    assert _breaks("what does it mean ? , said crabb .") == []
    assert _breaks("parliament and special advisers ? he said .") == []    # a question, then its speaker
    assert _breaks("why should we wait ? she asked") == []
    assert _breaks("reverence for the laws . . . become") == []          # a spelled-out ellipsis
    assert _breaks("/ www.investor.reuters.com / fullquote.aspx ? ticker = cl.n") == []
    assert _breaks("came to 6,800 forints . ) the rest") == ["the"]       # after the closing bracket
    assert _breaks("the vote was close . `` we won") == ["``"]            # PTB: before the opening mark
    assert _breaks("mr . smith went to washington") == []                # the lower profile splits `mr.`
    assert _breaks('he said no . " the plan is dead') == []              # a straight quote: either way
    assert _breaks("`` yes ! '' she shouted .") == []                   # after `!` and a mark, the speaker


def test_running_text_quotes_say_which_way_they_face():
    # the lower profile keeps straight quotes, glued to the words they enclose (real ISOT lines)
    doc = parse('former democratic president barack obama. "the good economy is really the only positive." '
                'it was uncertain when the bill would be signed. the dow jones industrial average .dji rose.',
                profile="lower", lines="paragraph")
    starts = [s.words[:2] for s in doc.sentences]
    assert starts == [["former", "democratic"], ['"', "the"], ["it", "was"], ["the", "dow"]]
    art = restore('he added: "we are making america great again." "we have essentially repealed obamacare," '
                  'trump said.', profile="lower", lines="paragraph", quotes="straight")
    assert len(art.document.sentences) == 2
    # an exclamation, its closing mark, then the speaker with a verb the speech verbs do not list
    shouted = restore('"yes!" she shouted. he left.', profile="lower", lines="paragraph", quotes="straight")
    assert shouted.body == '"Yes!" she shouted. He left.'

    assert art.text.endswith('\n"We have essentially repealed Obamacare," Trump said.\n')


def test_lines_our_splitter_did_not_cut(reuters_example):
    lines = [line.split() for line in reuters_example["flat"].splitlines()]
    assert not cut_elsewhere(lines)                    # ours: `on jan.` ends a line, `6 and 7` opens the next
    at = next(i for i, words in enumerate(lines) if words[-1] == "jan.")
    assert cut_elsewhere(lines[:at] + [lines[at] + lines[at + 1]] + lines[at + 2:])
    assert not cut_elsewhere([["water", "cooled", "to", "16", "..", "18", "degrees"]])   # Moses split `16..18`


def test_a_line_our_splitter_would_cut_keeps_its_spacing(reuters_example):
    """Where another splitter kept `on jan. 6 and 7` in one line, ours breaks before the digit
    whatever restoring writes; the line must still get its commas and apostrophes attached
    (it fell back to a space between every token) and keep its confidence."""
    lines = reuters_example["flat"].splitlines()
    at = next(i for i, line in enumerate(lines) if line.endswith(" on jan."))
    lines[at:at + 2] = [lines[at] + " " + lines[at + 1]]
    flat = "\n".join(lines)
    art = restore(flat)
    assert "Republican leaders on Jan. 6 and 7, the White House said." in art.body
    assert not art.document.meta.get("unverified_sentences")
    assert flatten(art.text, "stripped").split() == flat.split()


def test_one_article_a_line(reuters_example):
    flat = reuters_example["flat"]
    one_line = " ".join(flat.split())
    art = restore(one_line)
    # every line our splitter ended at a full stop; not those it cut after `u.s.` or `jan.` (on a
    # capital or a number, which lower case does not show) nor the one ending `is . ...`
    assert len(art.document.sentences) == sum(line.endswith(" .") for line in flat.splitlines())
    body = " ".join(art.body.split())                    # the paragraphs are the model's
    assert "urged budget restraint in 2018. In keeping with a sharp pivot" in body
    assert "“Now, Democrats are saying that’s not enough" in body
    assert " . " not in body and "2018 ." not in body
    # our splitter cut the original after `U.S.` before a capital, so no sentence the case model
    # learned from holds `U.S. Congress`; in a line another splitter cut, the word after an
    # abbreviation is cased without it
    assert "in the U.S. Congress, who voted" in body and "U.S. Representative Mark Meadows" in body
    assert "the biggest U.S. tax overhaul" in body
    assert flatten(art.text, "stripped").split() == one_line.split()


def test_one_paragraph_a_line(bbc_example):
    original = bbc_example["original"]
    flat = flatten_article(original, "stripped", has_title=True)
    text = flat.to_text("paragraph")
    paragraphs = [p for p in original.split("\n\n")[1:] if p.strip()]
    assert len(text.split("\n")) == 2 + len(flat.paragraph_starts) == 2 + len(paragraphs)
    assert len(parse(text).sentences) == len(flat.sentences)
    art = restore(text)
    assert len(art.paragraphs) == len(paragraphs)                  # each line a paragraph, as given
    for restored, gold in zip(art.paragraphs, paragraphs):
        assert restored[:40] == gold[:40].replace("\u00a3", "")
    assert flatten(art.text, "stripped", has_title=True).split() == text.split()


def test_flatten_command_writes_each_layout(tmp_path, bbc_example):
    from click.testing import CliRunner
    from newsrestore.cli import cli
    src = tmp_path / "bbc.txt"
    src.write_text(bbc_example["original"])
    out = {layout: CliRunner().invoke(cli, ["flatten", str(src), "--layout", layout]).output.split("\n")
           for layout in ("sentence", "paragraph", "article")}
    title, sentences = out["sentence"][:2], [x for x in out["sentence"][2:] if x]
    assert all(lines[:2] == title for lines in out.values())
    assert len([x for x in out["article"][2:] if x]) == 1
    assert " ".join(out["article"][2:]).split() == " ".join(sentences).split()
    assert 1 < len([x for x in out["paragraph"][2:] if x]) < len(sentences)


def test_eval_scores_every_layout_alike(dev_articles):
    """The same dev articles given a sentence, a paragraph or an article a line: the sentences
    are found again, so case accuracy stays within a point (without them it fell by about one
    word in twenty-five, every sentence start)."""
    from newsrestore.evaluation.metrics import summarize
    from newsrestore.evaluation.runner import evaluate, newsrestore_restorer
    news = [a for a in dev_articles if not a.tokenized]
    run = newsrestore_restorer()
    scores = {layout: summarize(evaluate(news, run, layout=layout).total)
              for layout in ("sentence", "paragraph", "article")}
    for layout in ("paragraph", "article"):
        assert scores[layout]["words_kept"] == 1.0
        assert scores[layout]["case_acc"] >= scores["sentence"]["case_acc"] - 0.01, (layout, scores)


def test_sentence_lines_are_kept_as_they_came(bbc_example, dev_articles):
    for art in dev_articles:
        if art.tokenized:
            continue
        flat = flatten(art.text, "stripped", title=art.title)
        doc = parse(flat)
        assert doc.meta["own_lines"], (art.corpus, art.id)
        assert len(doc.sentences) == len([ln for ln in flat.split("\n")[2 if art.title else 0:] if ln]), art.id


def test_a_capital_after_an_abbreviation_keeps_the_tokens(shared_data):
    """An ISOT Fake article whose sentences run together (`2017i , ms. elizabeth`) is re-cut, so
    the constraint stage leaves it alone; but flattening would cut `Ms. Elizabeth` after the
    period and the PTB tokenizer then split it off (`ms .`): such a capital must go."""
    from newsrestore import corpora
    art = next(a for a in corpora.iter_corpus("isot_fake", shared_data) if a.id == "row81")
    flat = flatten(art.text, "ptb", title=art.title)
    restored = restore(flat, profile="ptb")
    assert restored.document.meta["own_lines"] is False
    assert flatten(restored.text, "ptb", has_title=restored.title is not None).split() == flat.split()


def test_the_caller_can_say_what_a_line_holds(reuters_example):
    """Two lines, the first holding two sentences: too few sentence ends inside lines to tell
    from the text that lines are paragraphs, so `lines="paragraph"` says it."""
    first, second, third = reuters_example["flat"].splitlines()[:3]
    assert first.endswith("u.s.")                          # our splitter's cut before `Congress`
    text = f"{first} {second} {third}\n{reuters_example['flat'].splitlines()[3]}"
    assert len(parse(text).sentences) == 2                 # auto: taken for sentences
    assert len(parse(text, lines="paragraph").sentences) == 3
    art = restore(text, lines="paragraph")
    assert "urged budget restraint in 2018. In keeping with" in " ".join(art.body.split())
    assert len(parse(" ".join(reuters_example["flat"].split()), lines="sentence").sentences) == 1
    from click.testing import CliRunner
    from newsrestore.cli import cli
    res = CliRunner().invoke(cli, ["restore", "-", "--lines", "paragraph"], input=text)
    assert res.exit_code == 0 and "in 2018. In keeping with" in " ".join(res.output.split())
    res = CliRunner().invoke(cli, ["restore", "-", "--lines", "lines"], input=text)
    assert res.exit_code == 2 and "--lines" in res.output


@pytest.mark.parametrize("profile", ["stripped", "ptb", "lower"])
def test_every_profile_a_paragraph_a_line(bbc_example, reuters_example, profile):
    for original in (bbc_example["original"], reuters_example["original"]):
        has_title = original is bbc_example["original"]
        text = flatten(original, profile, has_title=has_title, layout="paragraph")
        art = restore(text, profile=profile)
        assert flatten(art.text, profile, has_title=has_title).split() == text.split()
        assert not re.search(r"\w \. [A-Za-z]", art.body)              # every sentence end found


def test_blank_lines_still_say_where_paragraphs_start(bbc_example):
    """A title line, then paragraphs a line with blank lines between them: the blank lines are
    kept as the paragraph breaks."""
    flat = flatten_article(bbc_example["original"], "stripped", has_title=True)
    paragraphs = flat.lines("paragraph")
    art = restore(" ".join(flat.title) + "\n\n" + "\n\n".join(paragraphs))
    assert art.title == "Yukos unit buyer faces loan claim"
    assert len(art.paragraphs) == len(paragraphs) and len(art.document.sentences) == len(flat.sentences)


def test_a_word_after_a_leading_abbreviation_in_lines_cut_elsewhere(shared_data):
    """`WASHINGTON (Reuters) - U.S. President Donald Trump ...` given an article a line: our
    splitter would have cut after `U.S.`, so the case models learned nothing of `President`
    there; the word is cased as after an unknown word, also when the abbreviation opens the
    sentence once the dateline is taken off (it was written `U.S. president` before)."""
    import re
    from itertools import islice
    from newsrestore import corpora
    lead = re.compile(r"[A-Z ]+ \(Reuters\) - U\.S\. President [A-Z]")
    arts = list(islice((a for a in corpora.iter_corpus("isot_true", shared_data) if lead.match(a.text)), 5))
    assert len(arts) == 5
    for art in arts:
        flat = flatten(art.text, "stripped", layout="article")
        assert "u.s. president" in flat.splitlines()[0]
        restored = restore(flat, lines="article")
        assert restored.document.meta["own_lines"] is False
        assert "U.S. President" in restored.text, art.id
