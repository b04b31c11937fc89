#!/usr/bin/env python3
"""Baseline: rank acceptability with vectorised numpy, as an analyst would
write it: Dirichlet weight samples, a matrix product for the totals, an
argsort per sample, and a histogram of ranks — in chunks of samples so that
the totals matrix stays bounded. Reads the dimension scores of a
`ecoscore score --format csv` table.
Usage: robustness.py SCORES_CSV SAMPLES [TOP_K_ONLY]
"""
import json
import sys

import numpy as np
import pandas as pd


def main():
    frame = pd.read_csv(sys.argv[1], encoding="utf-8-sig")
    dims = [c for c in frame.columns if c not in ("Rank", "Rank in role", "Id", "Company", "Size", "Sector", "Total",
                                                  "Grade", "Coverage", "Base", "Bonus", "Penalty")]
    scores = frame[dims].to_numpy(dtype=float)  # firms x dimensions; NaN where a dimension does not apply
    applies = ~np.isnan(scores)
    scores = np.nan_to_num(scores)
    samples = int(sys.argv[2])
    top_only = len(sys.argv) > 3
    n = scores.shape[0]
    rng = np.random.default_rng(1)
    alpha = np.full(len(dims), 50.0 / len(dims))
    counts = np.zeros((n, n), dtype=np.int64) if not top_only else None
    top = np.zeros(n, dtype=np.int64)
    chunk = 1000
    for start in range(0, samples, chunk):
        k = min(chunk, samples - start)
        weights = rng.dirichlet(alpha, size=k)          # k x d
        totals = (weights @ scores.T) / (weights @ applies.T)  # k x n, renormalized over applicable dimensions
        order = np.argsort(-totals, axis=1)             # k x n: firm at each rank
        if top_only:
            np.add.at(top, order[:, :5].ravel(), 1)
        else:
            ranks = np.empty_like(order)
            np.put_along_axis(ranks, order, np.arange(n)[None, :].repeat(k, axis=0), axis=1)
            counts += np.bincount((np.arange(n)[None, :] * n + ranks).ravel(), minlength=n * n).reshape(n, n)
    result = {"firms": n, "samples": samples}
    if top_only:
        result["top"] = (top / samples).tolist()
    else:
        result["acceptability"] = (counts / samples).tolist()[:3]
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
