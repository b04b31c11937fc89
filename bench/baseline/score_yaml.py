#!/usr/bin/env python3
"""Baseline: what an analyst would script today for a folder of company
files — PyYAML's C loader and numpy. Loads every file, normalizes the Likert
ratings to 0..100, averages each dimension's indicators and the dimensions,
ranks (competition ranking) and prints JSON like `ecoscore score --format json`
(id, total, rank, dimension scores).
Usage: score_yaml.py RUBRIC COMPANIES_DIR
"""
import json
import os
import sys

import numpy as np
import yaml


def main():
    rubric = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.CSafeLoader)
    dims = [(d["id"], [i["id"] for i in d["indicators"]]) for d in rubric["dimensions"]]
    columns = [i for _, inds in dims for i in inds]
    col = {c: k for k, c in enumerate(columns)}
    folder = sys.argv[2]
    names = sorted(n for n in os.listdir(folder) if n.endswith(".yaml"))
    ids = []
    values = np.full((len(names), len(columns)), np.nan)
    for r, name in enumerate(names):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            doc = yaml.load(f, Loader=yaml.CSafeLoader)
        ids.append(doc["company"]["id"])
        for ind, v in doc["evaluation"]["ratings"].items():
            values[r, col[ind]] = v["value"] if isinstance(v, dict) else v
    normalized = (values - 1.0) / 4.0 * 100.0
    dim_scores = np.stack([np.nanmean(normalized[:, [col[i] for i in inds]], axis=1) for _, inds in dims], axis=1)
    totals = dim_scores.mean(axis=1)
    order = np.argsort(-totals, kind="stable")
    ranks = np.empty(len(ids), dtype=int)
    ranks[order] = np.arange(1, len(ids) + 1)
    out = [{"id": ids[k], "total": float(totals[k]), "rank": int(ranks[k]),
            "dimensions": [{"id": dims[j][0], "score": float(dim_scores[k, j])} for j in range(len(dims))]}
           for k in range(len(ids))]
    json.dump({"companies": out}, sys.stdout)


if __name__ == "__main__":
    main()
