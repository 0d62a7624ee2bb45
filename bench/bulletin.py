"""Bulletin benchmarks (figures printed, nothing asserted).

1. Rendering a 4-page issue (the seed, No. 44) to PDF in process with WeasyPrint, as a ratio to LibreOffice
   (`soffice --headless --convert-to pdf`) converting the DOCX of the same issue, measured in the same run.
2. Importing bulletins: texts parsed per second, and PDFs (pdftotext + parse) per second.

Run: .venv/bin/python bench/bulletin.py [--runs N]
"""

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

from _setup import ROOT, p50, p95, setup, timings


def seed_view():
    from jiceng.bulletin.importing import parse_upload
    from jiceng.bulletin.render import IssueView, ItemView
    from jiceng.core.documents import format_date

    parsed = parse_upload((ROOT / "jiceng/bulletin/demo/seed_44.txt").read_bytes(), "seed.txt")
    items = tuple(ItemView(headline=i.headline, paragraphs=tuple(p for p in i.body.split("\n") if p),
                           source=i.source or "", is_lead=index == 0 and not i.source)
                  for index, i in enumerate(parsed.items))
    return IssueView(series=parsed.series, number_text=f"第 {parsed.number} 期", office=parsed.office,
                     date_text=format_date(parsed.date), items=items,
                     distribution=(("报", "市委办公厅"), ("发", "各街道（镇），区直各单位")), copies=120,
                     filename="bench")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    setup()
    from jiceng.bulletin import render
    from jiceng.bulletin.importer import extract_pdf_text, parse_text

    view = seed_view()
    pdf = render.render_pdf(view)  # warm-up: fonts registered once per process
    pages = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    page_count = next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:"))
    weasy = timings(lambda: render.render_pdf(view), args.runs)
    docx_times = timings(lambda: render.render_docx(view), args.runs)
    print(f"issue: {len(view.items)} items, {page_count} A4 pages")
    print(f"WeasyPrint PDF   p50 {p50(weasy) * 1000:7.1f} ms   p95 {p95(weasy) * 1000:7.1f} ms  ({args.runs} runs)")
    print(f"python-docx DOCX p50 {p50(docx_times) * 1000:7.1f} ms")

    soffice = shutil.which("soffice")
    if soffice:
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "issue.docx"
            source.write_bytes(render.render_docx(view))
            profile = Path(tmp) / "profile"

            def convert():
                subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                                "pdf", "--outdir", tmp, str(source)], check=True, capture_output=True, timeout=120)

            convert()  # the first start creates the profile
            office = timings(convert, max(3, args.runs // 3))
        print(f"LibreOffice DOCX→PDF p50 {p50(office) * 1000:7.1f} ms ({len(office)} runs)")
        print(f"ratio WeasyPrint / LibreOffice (p50): {p50(weasy) / p50(office):.2f}")
    else:
        print("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui for the ratio")

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "jiceng/bulletin/tests/data").glob("*.txt"))]
    texts.append((ROOT / "jiceng/bulletin/demo/seed_44.txt").read_text(encoding="utf-8"))
    rounds = 20
    parse_times = timings(lambda: [parse_text(t) for t in texts], rounds)
    print(f"import from text: {len(texts) * rounds / sum(parse_times):8.1f} bulletins/s "
          f"({len(texts)} bulletins × {rounds})")
    pdf_times = timings(lambda: parse_text(extract_pdf_text(pdf)), args.runs)
    print(f"import from PDF (pdftotext + parse): {1 / p50(pdf_times):6.1f} bulletins/s, "
          f"p50 {p50(pdf_times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
