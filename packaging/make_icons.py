"""Rasterise resources/icons/partnership-compass.svg into PNGs, a Windows .ico and a macOS .icns.

The SVG is the single source; the generated files are committed so a build needs no extra step.
Rerun after editing the SVG:  .venv/bin/python packaging/make_icons.py

Qt renders the SVG (PySide6 is already a dependency); Pillow, which ReportLab and pikepdf
already pull in, packs the renders into .ico and .icns containers.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
NAME = "partnership-compass"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def to_pillow(image: QImage) -> Image.Image:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / f"{NAME}.svg"
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        print(f"{svg} is not a valid SVG", file=sys.stderr)
        return 1

    renders = {size: render(renderer, size) for size in sorted({*PNG_SIZES, *ICNS_SIZES})}
    for size in PNG_SIZES:
        out = ICONS / f"{NAME}-{size}.png"
        if not renders[size].save(str(out), "PNG"):
            print(f"could not write {out}", file=sys.stderr)
            return 1

    # Each size is drawn from the SVG, not scaled down from 256 px, so small sizes stay crisp.
    ico_images = [to_pillow(renders[s]) for s in ICO_SIZES]
    largest = ico_images[-1]
    largest.save(
        ICONS / f"{NAME}.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=ico_images[:-1],
    )
    icns_images = [to_pillow(renders[s]) for s in ICNS_SIZES]
    icns_images[-1].save(ICONS / f"{NAME}.icns", format="ICNS", append_images=icns_images[:-1])

    for path in sorted(ICONS.glob(f"{NAME}*")):
        print(f"{path.relative_to(ICONS.parent.parent)}  {path.stat().st_size:>8,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
