"""Draws Liftwell's app icons (a white barbell on the accent blue) as PNGs, with the standard library only.

Run `python -m liftwell.web.pwa.icons` to write them to static/liftwell/pwa/; the PNGs are committed, so
this runs only when the design changes. The maskable icon keeps the barbell inside the central 80 % circle
that Android may crop to.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

BLUE = (11, 92, 173)
WHITE = (255, 255, 255)
Box = tuple[float, float, float, float]  # left, top, right, bottom as fractions of the side

# The barbell, drawn in a unit square: a bar, two big plates and two small ones on each side.
BARBELL: list[Box] = [
    (0.08, 0.47, 0.92, 0.53),  # bar
    (0.20, 0.28, 0.28, 0.72),  # big plates
    (0.72, 0.28, 0.80, 0.72),
    (0.29, 0.35, 0.34, 0.65),  # small plates
    (0.66, 0.35, 0.71, 0.65),
]


def draw(size: int, *, scale: float = 1.0) -> list[bytearray]:
    """Rows of RGB pixels: the barbell scaled by `scale` around the centre."""
    rows = [bytearray(bytes(BLUE) * size) for _ in range(size)]
    for left, top, right, bottom in BARBELL:
        x0, x1 = (round(size * (0.5 + (v - 0.5) * scale)) for v in (left, right))
        y0, y1 = (round(size * (0.5 + (v - 0.5) * scale)) for v in (top, bottom))
        for y in range(y0, y1):
            rows[y][x0 * 3 : x1 * 3] = bytes(WHITE) * (x1 - x0)
    return rows


def png(rows: list[bytearray]) -> bytes:
    height, width = len(rows), len(rows[0]) // 3

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(row) for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    folder = Path(__file__).resolve().parent.parent / "static" / "liftwell" / "pwa"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "icon-192.png").write_bytes(png(draw(192)))
    (folder / "icon-512.png").write_bytes(png(draw(512)))
    (folder / "icon-maskable-512.png").write_bytes(png(draw(512, scale=0.7)))
    (folder / "apple-touch-icon.png").write_bytes(png(draw(180)))


if __name__ == "__main__":
    main()
