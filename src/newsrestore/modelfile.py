"""The model file on disk: a zip of `model.json` and the model's large arrays as raw bytes.

The tables (lexicon, apostrophe pairs, quotation weights) are JSON, readable once
unzipped; the hashed weight tables and the case network are arrays of numbers (34 MB
of the 45), which JSON could only hold as base64 text.  Kept as base64 inside
gzipped JSON, loading spent a third of its time inflating and decoding them
(0.33 of 0.94 s); stored raw, uncompressed, in the zip they are copied out in
milliseconds.  Distribution loses nothing: git and wheels compress them anyway.

`model.json` lists the arrays under `"$arrays"`: where each goes (its path of keys),
its member and its type, an `array.array` typecode (`h`, `I`, `B`) or a numpy dtype
(`<f2`, with the matrix's shape); their places hold null.  Reading puts them back
by path, without walking the million table entries.  Files of the earlier form
(gzipped JSON, base64 arrays) are still read; the `from_json` readers take either.
"""
from __future__ import annotations

import gzip
import json
import os
import sys
import zipfile
from array import array
from pathlib import Path
from typing import Any

import numpy as np

JSON_MEMBER = "model.json"
INDEX = "$arrays"


def write(data: dict, path: Path) -> None:
    """Write atomically (a crash never leaves half a model): arrays found anywhere in `data`
    (`array.array` or `numpy.ndarray`) become raw members, the rest JSON."""
    path = Path(path)
    members: dict[str, bytes] = {}
    index: list[dict] = []

    def lift(obj: Any, where: list) -> Any:
        if isinstance(obj, dict):
            return {k: lift(v, where + [k]) for k, v in obj.items()}
        if isinstance(obj, list):
            return [lift(v, where + [i]) for i, v in enumerate(obj)]
        if isinstance(obj, (array, np.ndarray)):
            name = "arrays/" + ".".join(map(str, where))
            if isinstance(obj, array):
                members[name] = _little_endian(obj).tobytes()
                index.append({"path": where, "member": name, "type": obj.typecode})
            else:
                dtype = obj.dtype.newbyteorder("<") if obj.dtype.byteorder not in "<|" else obj.dtype
                members[name] = np.ascontiguousarray(obj, dtype=dtype).tobytes()
                index.append({"path": where, "member": name, "type": dtype.str, "shape": list(obj.shape)})
            return None
        return obj

    lifted = lift(data, [])
    lifted[INDEX] = index
    text = json.dumps(lifted, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with zipfile.ZipFile(tmp, "w") as z:
            z.writestr(JSON_MEMBER, text, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
            for name, raw in members.items():
                z.writestr(name, raw, compress_type=zipfile.ZIP_STORED)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def read(path: Path) -> dict:
    """The model's data, arrays in place; OSError, ValueError or zipfile.BadZipFile if the file
    is not a model."""
    path = Path(path)
    if not zipfile.is_zipfile(path):            # the earlier form: gzipped JSON, base64 arrays
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return _object(json.load(f))
    with zipfile.ZipFile(path) as z:
        data = _object(json.loads(z.read(JSON_MEMBER)))
        for entry in data.pop(INDEX, []):
            *parents, last = entry["path"]
            node = data
            for key in parents:
                node = node[key]
            node[last] = array_from_bytes(z.read(entry["member"]), entry["type"], entry.get("shape"))
    return data


def _object(data: Any) -> dict:
    if not isinstance(data, dict):
        raise ValueError("the model's JSON is not an object")
    return data


def array_from_bytes(raw: bytes, kind: str, shape: list[int] | None = None) -> array | np.ndarray:
    """An array from its little-endian bytes: an `array.array` for a one-letter typecode, else a
    numpy array of that dtype (in `shape`).  Also reads the base64 arrays of earlier files, once
    decoded (`logistic.array_from_file`, `casenet.decode_array`)."""
    if len(kind) == 1:                          # an array.array typecode
        out = array(kind)
        out.frombytes(raw)
        if sys.byteorder != "little":
            out.byteswap()
        return out
    return np.frombuffer(raw, dtype=np.dtype(kind)).reshape(shape if shape is not None else -1)


def _little_endian(data: array) -> array:
    if sys.byteorder == "little":
        return data
    out = array(data.typecode, data)
    out.byteswap()
    return out
