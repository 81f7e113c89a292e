"""The model file: JSON and raw arrays in a zip, files of the earlier gzipped-JSON form still read,
and a clear error for anything that is not a model."""
from __future__ import annotations

import base64
import gzip
import json
import zipfile
from array import array

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrestore.casenet import decode_array, encode_array
from newsrestore.caseprior import CasePrior
from newsrestore.errors import NewsRestoreError
from newsrestore.logistic import HashedLogistic
from newsrestore.model import DEFAULT_MODEL, load_model
from newsrestore.modelfile import JSON_MEMBER, read, write

words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)


@settings(max_examples=40, deadline=None)
@given(weights=st.lists(st.integers(-32768, 32767), min_size=1, max_size=64),
       hashes=st.lists(st.integers(0, 2**32 - 1), max_size=20),
       matrix=st.lists(st.floats(-60000, 60000, width=16), min_size=6, max_size=6),
       table=st.dictionaries(words, st.lists(st.integers(-5, 5), max_size=3), max_size=10))
def test_arrays_and_tables_come_back_as_written(tmp_path_factory, weights, hashes, matrix, table):
    path = tmp_path_factory.mktemp("m") / "m.model.zip"
    net = np.array(matrix, dtype="<f2").reshape(2, 3)
    data = {"version": 13, "lexicon": table, "case": {"bits": 6, "weights": array("h", weights)},
            "prior": {"hashes": array("I", hashes), "codes": array("B", bytes(len(hashes)))},
            "net": {"weights": {"context": net}}, "none": None}
    write(data, path)
    back = read(path)
    assert back["lexicon"] == table and back["none"] is None and back["version"] == 13
    assert back["case"]["weights"] == array("h", weights)
    assert back["prior"]["hashes"] == array("I", hashes) and back["prior"]["codes"] == array("B", bytes(len(hashes)))
    assert back["net"]["weights"]["context"].dtype == np.dtype("<f2")
    assert np.array_equal(back["net"]["weights"]["context"], net)


def test_the_arrays_are_stored_raw_beside_the_json(tmp_path):
    """Why the format exists: the big tables are not base64 text inside the JSON."""
    path = tmp_path / "m.model.zip"
    write({"case": HashedLogistic(array("h", range(1024)), 10).to_json()}, path)
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("arrays/case.weights")
        assert info.compress_type == zipfile.ZIP_STORED and info.file_size == 2048
        assert len(z.read(JSON_MEMBER)) < 200
    assert not list(tmp_path.glob("*.tmp"))         # written through a temporary file, then renamed


def test_a_file_of_the_earlier_form_still_loads(tmp_path):
    """Version 13 files were gzipped JSON holding every array as base64 text; a user's own
    model trained then must still load, and give the same weights."""
    case = array("h", [3, -7, 250, 0])
    hashes, codes = array("I", [5, 9]), array("B", [1, 2])
    net = np.array([[0.5, -1.25], [3.0, 8.0]], dtype="<f2")
    legacy = {"case": {"bits": 2, "weights": base64.b64encode(case.tobytes()).decode()},
              "case_prior": {"hashes": base64.b64encode(hashes.tobytes()).decode(),
                             "codes": base64.b64encode(codes.tobytes()).decode()},
              "casenet": {"context": {"shape": [2, 2], "data": base64.b64encode(net.tobytes()).decode()}}}
    path = tmp_path / "old.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(legacy, f)
    data = read(path)
    assert HashedLogistic.from_json(data["case"]).weights == case
    prior = CasePrior.from_json(data["case_prior"])
    assert prior.hashes == hashes and prior.codes == codes.tobytes()
    assert np.array_equal(decode_array(data["casenet"]["context"]), net.astype(np.float32))
    assert np.array_equal(decode_array(encode_array(net.astype(np.float32))), net.astype(np.float32))


@pytest.mark.parametrize("content", [b"", b"not a model\n", b"PK\x03\x04 truncated zip", b"\x1f\x8b\x08 broken gzip"])
def test_what_is_not_a_model_file_gets_a_clear_error(tmp_path, content):
    path = tmp_path / "bad.model.zip"
    path.write_bytes(content)
    with pytest.raises(NewsRestoreError, match="cannot read the model file"):
        load_model(path)


def test_a_zip_without_the_model_in_it_gets_a_clear_error(tmp_path):
    path = tmp_path / "other.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(NewsRestoreError, match="cannot read the model file"):
        load_model(path)


def test_the_bundled_model_holds_its_tables_as_arrays():
    model = load_model(DEFAULT_MODEL)
    assert isinstance(model.case.weights, array) and len(model.case.weights) == 1 << model.case.bits
    assert model.casenet is None or model.casenet.context.dtype == np.float32
