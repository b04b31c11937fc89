#!/usr/bin/env python3
"""Writes a synthetic cohort for the benchmarks, the same for the same seed:
a rubric of 4 dimensions x 10 Likert indicators, N company files (~2.6 KB,
40 ratings each, three in five with evidence) in companies/, and the same
ratings as one ratings.csv.

Usage: generate.py OUT_DIR --firms N [--seed S]
"""
import argparse
import os
import random

DIMS = ["ecosystem", "entrepreneurship", "platform", "trust"]
PER_DIM = 10
SIZES = ["large", "medium", "small", "micro"]


def rubric_text():
    lines = [
        "rubric:",
        "  id: bench",
        '  version: "1"',
        "  title: {ko: 벤치마크 평가 기준, en: Benchmark rubric}",
        "  lang: en",
        "  scale: {kind: likert, min: 1, max: 5}",
        "  missing: {policy: renormalize, min_coverage: 0.5}",
        "  grades:",
        "    bands:",
        "      - {id: a, label: {ko: 가, en: A}, min: 80}",
        "      - {id: b, label: {ko: 나, en: B}, min: 60}",
        "      - {id: c, label: {ko: 다, en: C}, min: 0}",
        "dimensions:",
    ]
    for d in DIMS:
        lines += [f"  - id: {d}", f"    label: {{ko: {d}, en: {d}}}", "    roles: [large, sme]", "    indicators:"]
        for i in range(PER_DIM):
            lines.append(f"      - {{id: {d[:3]}-{i:02d}, label: {{ko: 지표 {i}, en: indicator {i}}}}}")
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--firms", type=int, required=True)
    p.add_argument("--seed", type=int, default=2016)
    a = p.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(os.path.join(a.out, "companies"), exist_ok=True)
    with open(os.path.join(a.out, "rubric.yaml"), "w", encoding="utf-8") as f:
        f.write(rubric_text())
    indicators = [f"{d[:3]}-{i:02d}" for d in DIMS for i in range(PER_DIM)]
    with open(os.path.join(a.out, "ratings.csv"), "w", encoding="utf-8", newline="") as csv:
        csv.write("id,name_ko,name_en,size,period," + ",".join(indicators) + "\r\n")
        for n in range(a.firms):
            fid = f"firm-{n:06d}"
            size = SIZES[rng.randrange(4)]
            skill = rng.uniform(1.5, 4.5)
            values = [min(5, max(1, round(rng.gauss(skill, 0.9)))) for _ in indicators]
            lines = [
                "company:",
                f"  id: {fid}",
                f'  name: {{ko: "가상기업 {n}", en: "Synthetic firm {n}"}}',
                f"  size: {size}",
                "evaluation:",
                "  rubric: bench@1",
                '  period: "2016"',
                "  ratings:",
            ]
            for ind, v in zip(indicators, values):
                if rng.random() < 0.6:
                    lines.append(f'    {ind}: {{value: {v}, evidence: "site visit on 2016-05-12; minutes and photos on file"}}')
                else:
                    lines.append(f"    {ind}: {v}")
            with open(os.path.join(a.out, "companies", fid + ".yaml"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            csv.write(f"{fid},가상기업 {n},Synthetic firm {n},{size},2016," + ",".join(map(str, values)) + "\r\n")


if __name__ == "__main__":
    main()
