#!/usr/bin/env python3
"""Baseline: the same scoring from one ratings CSV with pandas.
Usage: score_csv.py RUBRIC RATINGS_CSV
"""
import json
import sys

import numpy as np
import pandas as pd
import yaml


def main():
    rubric = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.CSafeLoader)
    dims = [(d["id"], [i["id"] for i in d["indicators"]]) for d in rubric["dimensions"]]
    frame = pd.read_csv(sys.argv[2])
    normalized = (frame[[i for _, inds in dims for i in inds]] - 1.0) / 4.0 * 100.0
    dim_scores = pd.DataFrame({d: normalized[inds].mean(axis=1) for d, inds in dims})
    totals = dim_scores.mean(axis=1)
    ranks = totals.rank(ascending=False, method="min").astype(int)
    out = [{"id": fid, "total": float(t), "rank": int(r),
            "dimensions": [{"id": d, "score": float(dim_scores.at[k, d])} for d, _ in dims]}
           for k, (fid, t, r) in enumerate(zip(frame["id"], totals, ranks))]
    json.dump({"companies": out}, sys.stdout)


if __name__ == "__main__":
    main()
