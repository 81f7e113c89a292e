"""The command line on real files, including every kind of bad input."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from newsrestore.cli import cli


def run(*args, stdin: bytes | None = None):
    """Run the installed entry point in a subprocess: exit codes and stderr exactly as a user sees them."""
    return subprocess.run([sys.executable, "-m", "newsrestore", *args], input=stdin, capture_output=True, timeout=300)


def test_example_restores_the_bundled_article():
    res = run("restore", "--example")
    assert res.returncode == 0, res.stderr
    out = res.stdout.decode()
    assert out.startswith("date 2017-12-31 Reuters, WASHINGTON\n\nThe head of a conservative Republican faction")


def test_single_file_every_format(tmp_path, bbc_example):
    src = tmp_path / "bbc.flat.txt"
    src.write_text(bbc_example["flat"])
    for fmt, check in (("text", "Yukos unit buyer faces loan claim\n\n"), ("markdown", "# Yukos unit buyer"),
                       ("html", "<!DOCTYPE html>"), ("json", '"title": "Yukos unit buyer faces loan claim"')):
        out = tmp_path / f"out.{fmt}"
        res = run("restore", str(src), "-f", fmt, "-o", str(out))
        assert res.returncode == 0, res.stderr
        assert check in out.read_text()
    data = json.loads((tmp_path / "out.json").read_text())
    first = data["paragraphs"][0]["sentences"][0]["tokens"][0]
    assert first.pop("confidence") >= 0.99
    assert first == {"input": "the", "output": "The", "stage": "truecase", "reason": "sentence start"}


def test_stdin_and_options(reuters_example):
    res = run("restore", "-", "--date", "2017-12-31", "--quotes", "straight", stdin=reuters_example["flat"].encode())
    assert res.returncode == 0
    assert "people's money,\" he said." in res.stdout.decode()


def test_isot_csv_layout_batch_with_a_malformed_row(tmp_path, reuters_example):
    path = tmp_path / "isot.csv"
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["title", "text", "subject", "date"])
        w.writerow(["as u.s. budget fight looms", reuters_example["flat"], "politicsNews", "December 31, 2017 "])
        w.writerow(["only", "three", "fields"])                    # wrong field count
        w.writerow(["empty text", "", "politicsNews", "January 1, 2018"])
        w.writerow(["second", "china s foreign ministry said so .", "worldnews", "November 15, 2017 "])
    out = tmp_path / "out.jsonl"
    res = run("restore", str(path), "-o", str(out), "-j", "2")
    assert res.returncode == 1                                     # some records failed, the rest were written
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["date"] for r in rows] == ["2017-12-31", "2017-11-15"]
    # (Reuters itself writes `China's Foreign Ministry` and `China's foreign ministry`: only the apostrophe is asserted)
    assert rows[0]["title"] == "As U.S. budget fight looms" and rows[1]["paragraphs"][0]["text"].startswith("China’s ")
    errors = [json.loads(line) for line in (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()]
    assert len(errors) == 2 and "3 fields" in errors[0]["error"] and "empty" in errors[1]["error"]
    assert b"2 record(s) failed" in res.stderr and b"Traceback" not in res.stderr


def test_jsonl_with_renamed_columns_and_bad_lines(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"key": "a1", "body": "the u.s. said so ."}\n{not json}\n[1, 2]\n'
                    '{"key": "a2", "body": "myanmar s army left ."}\n')
    res = run("restore", str(path), "--id-column", "key", "--text-column", "body")
    assert res.returncode == 1
    rows = [json.loads(line) for line in res.stdout.decode().splitlines()]
    assert [r["id"] for r in rows] == ["a1", "a2"] and rows[1]["text"].startswith("Myanmar’s ")
    assert b"malformed JSON" in res.stderr and b"not a JSON object" in res.stderr


def test_folder_to_folder_of_html(tmp_path, bbc_example, reuters_example):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(bbc_example["flat"])
    (src / "b.txt").write_text(reuters_example["flat"])
    (src / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    res = run("restore", str(src), "-f", "html", "-o", str(tmp_path / "out"))
    assert res.returncode == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.html", "b.html"]
    assert b"binary" in res.stderr


def test_parquet_input(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq
    pq.write_table(pa.table({"id": ["x"], "text": ["myanmar s army said so ."]}), tmp_path / "t.parquet")
    res = run("restore", str(tmp_path / "t.parquet"))
    assert res.returncode == 0 and json.loads(res.stdout)["text"].startswith("Myanmar’s ")


@pytest.mark.parametrize("content, message", [
    (b"", b"empty"), (b"\x00\x01\x02binary", b"binary"), ("caf\u00e9 s".encode("latin-1"), b"not valid UTF-8"),
    (b"a " * 5_000_001, b"characters long"),
    ("myanmar s army said so .\n".encode("utf-16-le"), b"UTF-16LE text without a byte-order mark"),
    (b"\xff\xfe binary \x00\x01", b"not Latin-script text (a binary file?)"),
], ids=["empty", "binary", "latin-1", "10MB-line", "utf-16-no-bom", "bom-then-binary"])
def test_bad_single_inputs(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    res = run("restore", str(path))
    assert res.returncode == 2
    assert message in res.stderr and b"Traceback" not in res.stderr
    assert res.stderr.count(b"\n") == 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be-bom", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_read(tmp_path, encoding):
    """Windows tools save UTF-16 (Notepad's "Unicode") or UTF-32 with a byte-order mark: read as
    text, not refused as binary for its NUL bytes."""
    text = "myanmar s army said so .\n"
    data = ("\ufeff" + text).encode("utf-16-be") if encoding == "utf-16-be-bom" else text.encode(encoding)
    (tmp_path / "in.txt").write_bytes(data)
    res = run("restore", str(tmp_path / "in.txt"))
    assert res.returncode == 0, res.stderr
    assert res.stdout.decode().strip() == "Myanmar’s army said so."


def test_usage_errors_are_one_line():
    for args in (["restore", "--nope"], ["restore", "x.txt", "--profile", "bad"], ["frobnicate"]):
        res = run(*args)
        assert res.returncode == 2 and b"Traceback" not in res.stderr
    res = run("restore", "missing-file.txt")
    assert res.returncode == 2 and b"no such file" in res.stderr


def test_flatten_command_round_trips_restore(tmp_path, bbc_example):
    src = tmp_path / "bbc.txt"
    src.write_text(bbc_example["original"])
    flat = run("flatten", str(src))
    assert flat.returncode == 0 and flat.stdout.decode() == bbc_example["flat"].rstrip("\n") + "\n"
    (tmp_path / "flat.txt").write_bytes(flat.stdout)
    restored = run("restore", str(tmp_path / "flat.txt"))
    again = run("flatten", "-", stdin=restored.stdout)
    assert again.stdout == flat.stdout


def test_version_and_help():
    from click.testing import CliRunner
    res = CliRunner().invoke(cli, ["--version"])
    assert res.exit_code == 0 and "newsrestore, version" in res.output
    res = CliRunner().invoke(cli, ["restore", "--help"])
    assert "--profile" in res.output and "--jobs" in res.output


def test_train_on_a_users_own_corpus(tmp_path, examples_dir, reuters_example):
    """`newsrestore train` on cased articles in a table (here 200 Reuters train articles, as a user
    would bring their outlet's text), then `restore --model` with what it wrote."""
    from importlib.util import find_spec
    from itertools import islice

    from newsrestore import corpora
    data = examples_dir.parent / "data"
    if not data.exists():
        pytest.skip("the shared corpora are not here")
    arts = islice((a for a in corpora.iter_corpus("isot_true", data) if corpora.split_of(a) == "train"), 200)
    src = tmp_path / "mine.jsonl"
    src.write_text("".join(json.dumps({"text": a.text}) + "\n" for a in arts) + "{not json}\n")
    model = tmp_path / "mine.model.zip"
    res = run("train", str(src), "-o", str(model), "-j", "1")
    assert res.returncode == 0, res.stderr
    assert b"skipped" in res.stderr and b"from 200 articles" in res.stderr
    # training says what it goes without: the case prior's table comes with the `train` extra only
    assert (b"without spacy-lookups-data" in res.stderr) == (find_spec("spacy_lookups_data") is None)
    flat = tmp_path / "flat.txt"
    flat.write_text(reuters_example["flat"])
    res = run("restore", str(flat), "--model", str(model))
    assert res.returncode == 0, res.stderr
    assert "The head of a conservative Republican faction in the U.S. Congress" in res.stdout.decode()


def test_every_option_the_readme_shows_exists():
    """The README's usage lines are what users copy: each option they show must be one the
    command takes (`diff -f` once failed with `No such option`)."""
    import re
    import shlex
    from pathlib import Path

    import click

    root = Path(__file__).resolve().parents[1]
    readmes = [root / "README.md", root / "src" / "newsrestore" / "models" / "README.md"]
    blocks = [b for r in readmes for b in re.findall(r"^```[a-z]*\n(.*?)^```", r.read_text(), flags=re.S | re.M)]
    commands = [c.strip() for b in blocks for ln in b.splitlines() for c in ln.split("  #")[0].split("&&")]
    lines = [c for c in commands if c.startswith("newsrestore ")]
    assert len(lines) >= 12
    ctx = click.Context(cli)
    for line in lines:
        name, *args = shlex.split(line)[1:]
        command = cli.get_command(ctx, name)
        assert command is not None, line
        known = {o for p in command.params for o in (*p.opts, *p.secondary_opts)}
        shown = {re.sub(r"=.*", "", a) for a in args if a.startswith("-") and a != "-"}
        assert shown <= known, f"{line}: {sorted(shown - known)}"


def test_outputs_are_written_with_the_users_umask(tmp_path, bbc_example):
    """Outputs are written atomically through a temporary file, which must not leave them
    readable by their owner alone."""
    import os
    import stat

    src = tmp_path / "bbc.flat.txt"
    src.write_text(bbc_example["flat"])
    out = tmp_path / "out.txt"
    assert run("restore", str(src), "-o", str(out)).returncode == 0
    mode = stat.S_IMODE(out.stat().st_mode)
    mask = os.umask(0)
    os.umask(mask)
    assert mode == 0o666 & ~mask


def test_outputs_keep_the_mode_of_the_file_they_replace_and_write_through_links(tmp_path, bbc_example):
    import os
    import stat

    src = tmp_path / "bbc.flat.txt"
    src.write_text(bbc_example["flat"])
    private = tmp_path / "private.txt"
    private.write_text("old")
    private.chmod(0o600)
    assert run("restore", str(src), "-o", str(private)).returncode == 0
    assert stat.S_IMODE(private.stat().st_mode) == 0o600 and "Yukos" in private.read_text()
    target, link = tmp_path / "target.txt", tmp_path / "link.txt"
    target.write_text("old")
    link.symlink_to(target)
    assert run("restore", str(src), "-o", str(link)).returncode == 0
    assert link.is_symlink() and "Yukos" in target.read_text()
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    proc = subprocess.Popen([sys.executable, "-c", f"import sys; sys.stdout.write(open({str(fifo)!r}).read())"],
                            stdout=subprocess.PIPE)
    assert run("restore", str(src), "-o", str(fifo)).returncode == 0
    assert "Yukos" in proc.communicate(timeout=60)[0].decode()
    assert stat.S_ISFIFO(fifo.stat().st_mode)
