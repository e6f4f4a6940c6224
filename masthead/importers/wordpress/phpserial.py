"""A decoder for PHP's ``serialize()`` format, as WordPress stores post
and term meta (``a:1:{s:4:"size";i:300;}``).

Only values: strings, integers, floats, booleans, null and arrays
(as dicts, or lists when their keys are 0, 1, 2 …). An object
(``O:8:"stdClass":…``) becomes the dict of its properties; no class is
ever created, unlike PHP's own ``unserialize``. String lengths count
bytes of UTF-8, as PHP writes them.

>>> loads('a:2:{i:0;s:5:"été";i:1;b:1;}')
['été', True]
"""

import re

# Nested arrays deeper than this are refused: a file may not exhaust the stack.
MAX_DEPTH = 64
_SERIALIZED = re.compile(r"(?:[aO]:\d+:|s:\d+:\"|[idb]:[-+0-9.EeINFAN]+;|N;)")


class SerializedError(ValueError):
    pass


def looks_serialized(text: str) -> bool:
    """True when ``text`` starts like a PHP-serialized value."""
    return bool(_SERIALIZED.match(text.strip()))


def loads(text: str):
    """The value ``text`` holds; SerializedError when it is not one value
    in PHP's format."""
    data = text.strip().encode()
    value, end = _value(data, 0, 0)
    if end != len(data):
        raise SerializedError(f"trailing data at byte {end}")
    return value


def _expect(data: bytes, pos: int, token: bytes) -> int:
    if data[pos : pos + len(token)] != token:
        raise SerializedError(f"expected {token!r} at byte {pos}")
    return pos + len(token)


def _until(data: bytes, pos: int, stop: bytes) -> tuple[bytes, int]:
    end = data.find(stop, pos)
    if end < 0:
        raise SerializedError(f"unterminated value at byte {pos}")
    return data[pos:end], end + len(stop)


def _int(raw: bytes, pos: int) -> int:
    try:
        return int(raw)
    except ValueError:
        raise SerializedError(f"not an integer at byte {pos}") from None


def _value(data: bytes, pos: int, depth: int):
    if depth > MAX_DEPTH:
        raise SerializedError("nested too deeply")
    kind = data[pos : pos + 1]
    if kind == b"N":
        return None, _expect(data, pos + 1, b";")
    pos = _expect(data, pos + 1, b":")
    if kind == b"b":
        raw, end = _until(data, pos, b";")
        if raw not in (b"0", b"1"):
            raise SerializedError(f"not a boolean at byte {pos}")
        return raw == b"1", end
    if kind == b"i":
        raw, end = _until(data, pos, b";")
        return _int(raw, pos), end
    if kind == b"d":
        raw, end = _until(data, pos, b";")
        try:
            return float(raw), end
        except ValueError:
            raise SerializedError(f"not a number at byte {pos}") from None
    if kind == b"s":
        return _string(data, pos)
    if kind == b"a":
        return _array(data, pos, depth)
    if kind == b"O":
        raw, pos = _until(data, pos, b":")  # the class name's length
        _name, pos = _string_body(data, pos, _int(raw, pos))
        pos = _expect(data, pos, b":")
        return _array(data, pos, depth)
    raise SerializedError(f"unknown type at byte {pos - 1}")


def _string(data: bytes, pos: int) -> tuple[str, int]:
    raw, pos = _until(data, pos, b":")
    text, pos = _string_body(data, pos, _int(raw, pos))
    return text, _expect(data, pos, b";")


def _string_body(data: bytes, pos: int, length: int) -> tuple[str, int]:
    pos = _expect(data, pos, b'"')
    end = pos + length
    if length < 0 or data[end : end + 1] != b'"':
        raise SerializedError(f"string length at byte {pos}")
    try:
        text = data[pos:end].decode()
    except UnicodeDecodeError:
        raise SerializedError(f"string length at byte {pos}") from None
    return text, end + 1


def _array(data: bytes, pos: int, depth: int):
    raw, pos = _until(data, pos, b":")
    count = _int(raw, pos)
    pos = _expect(data, pos, b"{")
    result: dict = {}
    for _ in range(count):
        if data[pos : pos + 1] not in (b"i", b"s"):
            raise SerializedError(f"array key at byte {pos}")
        key, pos = _value(data, pos, depth + 1)
        result[key], pos = _value(data, pos, depth + 1)
    pos = _expect(data, pos, b"}")
    if list(result) == list(range(len(result))):
        return list(result.values()), pos
    return result, pos
