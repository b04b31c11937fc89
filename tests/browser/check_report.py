#!/usr/bin/env python3
"""The HTML report renders in a real browser.

Scores the shipped 2016 evaluation, renders report.html with headless
Chromium (Debian's chromium, fonts-noto-cjk) to PDF and PNG, and checks:
- the PDF's text (pdftotext) holds every dimension label in Korean and every
  firm's Korean name;
- the first page is not blank (its grey levels, via pdftoppm);
- the screenshot was written.
Usage: check_report.py ECOSCORE REPO_ROOT
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def chromium(profile, *args):
    subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args], check=True,
                   capture_output=True, timeout=180)


def main() -> int:
    binary, root = sys.argv[1:3]
    for tool in ("chromium", "pdftotext", "pdftoppm"):
        if not shutil.which(tool):
            print(f"{tool} is missing: scripts/test.sh installs chromium, fonts-noto-cjk and poppler-utils")
            return 1
    work = tempfile.mkdtemp(prefix="ecoscore-browser-")
    try:
        run = os.path.join(work, "run")
        subprocess.run([binary, "score", "-q", "--rubric", "rubrics/winwin-ecosystem-2016.yaml", "--out", run,
                        "companies/2016"], cwd=root, check=True, capture_output=True)
        page = "file://" + os.path.join(run, "report.html")
        pdf = os.path.join(work, "report.pdf")
        png = os.path.join(work, "report.png")
        chromium(os.path.join(work, "p1"), "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page)
        chromium(os.path.join(work, "p2"), "--window-size=1200,1600", f"--screenshot={png}", page)
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True).stdout.decode()
        flat = re.sub(r"\s+", "", text)
        with open(os.path.join(run, "scores.json"), encoding="utf-8") as f:
            scores = json.load(f)
        expected = ["대기업의기업생태계사고", "중소기업의기업가정신과글로벌화", "플랫폼관리", "상호신뢰구축"]
        expected += [c["name"]["ko"] for c in scores["companies"]]
        missing = [e for e in expected if e not in flat]
        problems = [f"not in the PDF text: {m}" for m in missing]
        # The first page at low resolution, in grey: a blank page is all white.
        subprocess.run(["pdftoppm", "-r", "30", "-gray", "-f", "1", "-l", "1", pdf, os.path.join(work, "first")], check=True)
        pgm = next(p for p in os.listdir(work) if p.startswith("first") and p.endswith(".pgm"))
        with open(os.path.join(work, pgm), "rb") as f:
            data = f.read()
        header = data.split(b"\n", 3)
        pixels = header[3]
        dark = sum(1 for b in pixels if b < 200)
        if dark < len(pixels) // 200:
            problems.append(f"the first page looks blank ({dark} dark pixels of {len(pixels)})")
        if not os.path.exists(png) or os.path.getsize(png) < 10000:
            problems.append("no screenshot")
        for p in problems:
            print(p)
        pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        count = re.search(r"Pages:\s+(\d+)", pages)
        print(f"report.html: {count.group(1) if count else '?'} PDF pages, {len(expected)} labels and names found"
              if not problems else "browser check FAILED")
        return 1 if problems else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
