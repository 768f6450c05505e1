"""Reads back the QR codes the guide prints, without trusting the library that made them.

`decode_svg(svg)` turns segno's inline SVG into the grid of modules and decodes it the way a
phone camera would after locating the code: read the format information, remove the mask,
read the codewords in the standard zigzag order, undo the block interleaving and parse the
data segments. It does not correct errors (a freshly generated code has none), and it
supports the model 2 codes of versions 1 to 10, which covers addresses up to about 200
characters. The placement rules and tables follow ISO/IEC 18004 (as laid out in Project
Nayuki's reference implementation); tests/test_clinicians.py checks this decoder against
codes of known text before trusting it.
"""
from __future__ import annotations

import re

# Error-correction codewords per block, and number of blocks, for versions 1..10.
ECC_PER_BLOCK = {
    "L": (7, 10, 15, 20, 26, 18, 20, 24, 30, 18),
    "M": (10, 16, 26, 18, 24, 16, 18, 22, 22, 26),
    "Q": (13, 22, 18, 26, 18, 24, 18, 22, 20, 24),
    "H": (17, 28, 22, 16, 22, 28, 26, 26, 24, 28),
}
BLOCKS = {
    "L": (1, 1, 1, 1, 1, 2, 2, 2, 2, 4),
    "M": (1, 1, 1, 2, 2, 4, 4, 4, 5, 5),
    "Q": (1, 1, 2, 2, 4, 4, 6, 6, 8, 8),
    "H": (1, 1, 2, 4, 4, 4, 5, 6, 8, 8),
}
FORMAT_LEVEL = {1: "L", 0: "M", 3: "Q", 2: "H"}  # the two format bits -> level
ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
MASKS = (
    lambda r, c: (r + c) % 2 == 0,
    lambda r, c: r % 2 == 0,
    lambda r, c: c % 3 == 0,
    lambda r, c: (r + c) % 3 == 0,
    lambda r, c: (r // 2 + c // 3) % 2 == 0,
    lambda r, c: (r * c) % 2 + (r * c) % 3 == 0,
    lambda r, c: ((r * c) % 2 + (r * c) % 3) % 2 == 0,
    lambda r, c: ((r + c) % 2 + (r * c) % 3) % 2 == 0,
)


class QRError(ValueError):
    pass


def matrix_from_svg(svg: str) -> list[list[bool]]:
    """The dark modules of a segno SVG: a path of horizontal runs ("M4 4.5h7m6 0h3 ...")."""
    paths = []
    for tag in re.findall(r"<path\b[^>]*>", svg):  # attributes in any order
        attributes = dict(re.findall(r'([\w:-]+)="([^"]*)"', tag))
        if "stroke" in attributes and "d" in attributes:
            paths.append(attributes["d"])
    if len(paths) != 1:
        raise QRError(f"expected one stroked path in the SVG, found {len(paths)}")
    cells, x, y = set(), 0.0, 0.0
    for command, args in re.findall(r"([MmHh])([^MmHh]*)", paths[0]):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", args)]
        if command in "Mm":
            dx, dy = numbers
            x, y = (dx, dy) if command == "M" else (x + dx, y + dy)
        else:
            length = numbers[0]
            start = x if command == "h" else None
            if command == "H":
                start, length = x, numbers[0] - x
            cells.update((int(y), int(start) + i) for i in range(int(length)))
            x = start + length
    if not cells:
        raise QRError("the SVG draws no modules")
    top, left = min(r for r, _ in cells), min(c for _, c in cells)
    size = max(max(r for r, _ in cells) - top, max(c for _, c in cells) - left) + 1
    return [[(top + r, left + c) in cells for c in range(size)] for r in range(size)]


def format_bits(level_bits: int, mask: int) -> int:
    data = level_bits << 3 | mask
    rem = data
    for _ in range(10):
        rem = (rem << 1) ^ ((rem >> 9) * 0x537)
    return (data << 10 | rem) ^ 0x5412


def alignment_positions(version: int) -> list[int]:
    if version == 1:
        return []
    count = version // 7 + 2
    step = (version * 8 + count * 3 + 5) // (count * 4 - 4) * 2
    size = version * 4 + 17
    return sorted([size - 7 - i * step for i in range(count - 1)] + [6])


def function_modules(version: int) -> list[list[bool]]:
    """Which modules are patterns or format information, not data."""
    size = version * 4 + 17
    grid = [[False] * size for _ in range(size)]

    def mark(r0, c0, rows, cols):
        for r in range(max(r0, 0), min(r0 + rows, size)):
            for c in range(max(c0, 0), min(c0 + cols, size)):
                grid[r][c] = True

    for r0, c0 in ((0, 0), (0, size - 8), (size - 8, 0)):
        mark(r0, c0, 8, 8)  # finder pattern and its separator
    mark(6, 0, 1, size)  # timing patterns
    mark(0, 6, size, 1)
    mark(8, 0, 1, 9)  # format information (and the dark module)
    mark(0, 8, 9, 1)
    mark(8, size - 8, 1, 8)
    mark(size - 8, 8, 8, 1)
    positions = alignment_positions(version)
    for r in positions:
        for c in positions:
            if (r == 6 and c == 6) or (r == 6 and c == positions[-1]) or (r == positions[-1] and c == 6):
                continue  # would overlap a finder pattern
            mark(r - 2, c - 2, 5, 5)
    if version >= 7:
        mark(0, size - 11, 6, 3)
        mark(size - 11, 0, 3, 6)
    return grid


def raw_data_modules(version: int) -> int:
    result = (16 * version + 128) * version + 64
    if version >= 2:
        count = version // 7 + 2
        result -= (25 * count - 10) * count - 55
        if version >= 7:
            result -= 36
    return result


def read_format(grid) -> tuple[str, int]:
    bits = 0
    places = [(i, 8) for i in range(6)] + [(7, 8), (8, 8), (8, 7)] + [(8, 14 - i) for i in range(9, 15)]
    for i, (r, c) in enumerate(places):
        bits |= grid[r][c] << i
    best = min(((bin(bits ^ format_bits(lv, m)).count("1"), lv, m) for lv in range(4) for m in range(8)))
    if best[0] > 3:
        raise QRError("the format information is unreadable")
    return FORMAT_LEVEL[best[1]], best[2]


def codewords(grid, version: int, mask: int) -> list[int]:
    size = len(grid)
    function = function_modules(version)
    bits = []
    right = size - 1
    while right >= 1:
        if right == 6:
            right = 5
        upward = ((right + 1) & 2) == 0
        for vert in range(size):
            r = size - 1 - vert if upward else vert
            for c in (right, right - 1):
                if not function[r][c]:
                    bits.append(grid[r][c] ^ MASKS[mask](r, c))
        right -= 2
    total = raw_data_modules(version) // 8
    return [int("".join("1" if b else "0" for b in bits[i * 8:i * 8 + 8]), 2) for i in range(total)]


def data_codewords(raw: list[int], version: int, level: str) -> list[int]:
    """Undo the interleaving of blocks and drop the error-correction codewords."""
    blocks, ecc = BLOCKS[level][version - 1], ECC_PER_BLOCK[level][version - 1]
    short = blocks - len(raw) % blocks
    short_len = len(raw) // blocks
    padded = [[None] * (short_len + 1) for _ in range(blocks)]
    stream = iter(raw)
    for i in range(short_len + 1):
        for j in range(blocks):
            if i == short_len - ecc and j < short:
                continue  # short blocks have one data codeword fewer
            padded[j][i] = next(stream)
    data = []
    for j, block in enumerate(padded):
        length = short_len - ecc + (0 if j < short else 1)
        data.extend(block[:length])
    return data


def parse_segments(data: list[int], version: int) -> str:
    bits = "".join(f"{byte:08b}" for byte in data)
    pos, out = 0, []

    def take(n):
        nonlocal pos
        value = int(bits[pos:pos + n], 2) if n else 0
        pos += n
        return value

    big = version >= 10
    while pos + 4 <= len(bits):
        mode = take(4)
        if mode == 0:
            break
        if mode == 0b0100:
            count = take(16 if big else 8)
            out.append(bytes(take(8) for _ in range(count)).decode("utf-8"))
        elif mode == 0b0010:
            count = take(11 if big else 9)
            for _ in range(count // 2):
                value = take(11)
                out.append(ALPHANUMERIC[value // 45] + ALPHANUMERIC[value % 45])
            if count % 2:
                out.append(ALPHANUMERIC[take(6)])
        elif mode == 0b0001:
            count = take(12 if big else 10)
            while count >= 3:
                out.append(f"{take(10):03d}")
                count -= 3
            if count == 2:
                out.append(f"{take(7):02d}")
            elif count == 1:
                out.append(str(take(4)))
        elif mode == 0b0111:
            take(8)  # ECI designator (UTF-8 is what this guide uses anyway)
        else:
            raise QRError(f"unsupported segment mode {mode:04b}")
    return "".join(out)


def decode_matrix(grid) -> str:
    size = len(grid)
    version, rest = divmod(size - 17, 4)
    if rest or not 1 <= version <= 10:
        raise QRError(f"a {size}x{size} grid is not a QR code of version 1 to 10")
    level, mask = read_format(grid)
    return parse_segments(data_codewords(codewords(grid, version, mask), version, level), version)


def decode_svg(svg: str) -> str:
    return decode_matrix(matrix_from_svg(svg))
