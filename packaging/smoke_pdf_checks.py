"""smoke_test.py's PDF checks: the frozen app embeds the bundled fonts, and encrypts a
password-protected PDF with the pikepdf inside the bundle."""

from __future__ import annotations

from pathlib import Path

from smoke_bundle import Bundle, CheckFailed, bundled_json

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "Symbola-subset.ttf")


def check_fonts(bundle: Bundle, db: Path) -> None:
    fonts = bundle.internal / "resources" / "fonts"
    missing = [name for name in FONT_FILES if not (fonts / name).is_file()]
    if missing:
        raise CheckFailed(f"fonts missing from the bundle: {missing}")
    if not any("LICENSE" in p.name.upper() or "LICENCE" in p.name.upper() for p in fonts.iterdir()):
        raise CheckFailed("the DejaVu licence is not shipped beside the fonts")
    pdf = bundle.work / "report.pdf"
    bundle.run(
        [
            "export-pdf",
            "--db",
            str(db),
            *_sample_school(bundle),
            "--audience",
            "full",
            "--out",
            str(pdf),
        ]
    )
    embedded = embedded_fonts(pdf)
    if not any("DejaVu" in name for name in embedded):
        raise CheckFailed(f"the frozen app's PDF does not embed DejaVu: {sorted(embedded)}")
    print(f"    the frozen app's PDF embeds {', '.join(sorted(embedded))}")


def _sample_school(bundle: Bundle) -> list[str]:
    sample = bundled_json(bundle, "sample", "sample-school.json")
    assert isinstance(sample, dict)
    return ["--school", str(sample["school"]["urn"])]


def check_password_pdf(bundle: Bundle, db: Path) -> None:
    """A password-protected PDF: ReportLab writes it, then pikepdf (qpdf) encrypts it."""
    import pikepdf

    password = "Compass smoke test ŵ"
    password_file = bundle.work / "password.txt"
    password_file.write_text(password + "\n", encoding="utf-8")
    pdf = bundle.work / "governors.pdf"
    bundle.run(
        [
            "export-pdf",
            "--db",
            str(db),
            *_sample_school(bundle),
            "--audience",
            "governors",
            "--password-file",
            str(password_file),
            "--out",
            str(pdf),
        ]
    )
    try:
        pikepdf.open(pdf).close()
    except pikepdf.PasswordError:
        pass
    else:
        raise CheckFailed("the PDF opened without its password")
    with pikepdf.open(pdf, password=password) as opened:
        info = opened.encryption
        if info.bits != 256:
            raise CheckFailed(f"expected AES-256 encryption, got {info.bits} bits (R={info.R})")
        print(
            f"    {len(opened.pages)} pages, AES-{info.bits} (R={info.R}); opens with the password"
        )


def embedded_fonts(pdf: Path) -> set[str]:
    """Names of the fonts with embedded font programs, on any page of the PDF."""
    from pypdf import PdfReader

    names: set[str] = set()
    for page in PdfReader(pdf).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for ref in fonts.get_object().values() if fonts else []:
            font = ref.get_object()
            descriptors = [font.get("/FontDescriptor")]
            descriptors += [
                d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])
            ]
            for descriptor in filter(None, descriptors):
                descriptor = descriptor.get_object()
                if any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.add(str(font.get("/BaseFont")))
    return names
