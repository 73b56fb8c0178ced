#!/usr/bin/env python3
"""Reference values for the daily holdings-based Brinson-Fachler attribution (AlphaTrade.Analytics.Attribution).

Independent of the C# code: pandas groupby for the sector aggregation, numpy for the effects and Carino linking.
Seeded and deterministic. Writes brinson_daily.csv (inputs) and brinson_daily.expected.json (per period and totals).

  /usr/bin/python3 scripts/analytics/make_brinson_fixture.py tests/AlphaTrade.Analytics.Tests/Fixtures

Definitions (Brinson & Fachler 1985; Carino 1999):
  benchmark: equal-weighted universe, w_b(sector) = n_sector / N, r_b(sector) = mean of its symbols' returns
  portfolio: w_p(sector) = sum of net weights, r_p(sector) = sum(w r) / sum(w) (r_b when sum(w) == 0)
  cash: w_p = 1 - sum of weights, r = 0, w_b = 0
  allocation (w_p - w_b)(r_b - R_b), selection w_b (r_p - r_b), interaction (w_p - w_b)(r_p - r_b)
  Carino: k_t = ln((1+R_p,t)/(1+R_b,t)) / (R_p,t - R_b,t), K the same on compounded returns; linked = sum(effect_t k_t) / K
"""
import json
import sys

import numpy as np
import pandas as pd

out = sys.argv[1] if len(sys.argv) > 1 else "."
rng = np.random.default_rng(20261124)
symbols = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG"]
sectors = ["Tech", "Tech", "Energy", "Energy", "Energy", "Health", "Utilities"]
periods = 6
rows = []
for t in range(periods):
    # a long/short book: some symbols flat, some short, partly invested
    w = np.round(rng.uniform(-0.15, 0.35, len(symbols)), 4)
    w[rng.random(len(symbols)) < 0.3] = 0.0
    r = np.round(rng.normal(0.0005, 0.02, len(symbols)), 6)
    for s, sec, wi, ri in zip(symbols, sectors, w, r):
        rows.append({"period": t, "symbol": s, "sector": sec, "weight": float(wi), "ret": float(ri)})
df = pd.DataFrame(rows)
df.to_csv(f"{out}/brinson_daily.csv", index=False, float_format="%.6f")
df = pd.read_csv(f"{out}/brinson_daily.csv")  # exactly the numbers the test reads

result = {"sector_order": list(dict.fromkeys(sectors)) + ["Cash"], "periods": []}
Rp, Rb = [], []
eff = []  # per period: DataFrame of effects by segment
for t, g in df.groupby("period", sort=True):
    n = len(g)
    bench = g.groupby("sector", sort=False).agg(n=("ret", "size"), rb=("ret", "mean"))
    bench["wb"] = bench["n"] / n
    g = g.assign(wr=g["weight"] * g["ret"])
    port = g.groupby("sector", sort=False).agg(wp=("weight", "sum"), wr=("wr", "sum"))
    seg = bench.join(port)
    seg["rp"] = np.where(np.abs(seg["wp"]) > 1e-12, seg["wr"] / seg["wp"].where(np.abs(seg["wp"]) > 1e-12, 1.0), seg["rb"])
    cash = 1.0 - g["weight"].sum()
    seg.loc["Cash"] = {"n": 0, "rb": 0.0, "wb": 0.0, "wp": cash, "wr": 0.0, "rp": 0.0}
    rb_tot = float((seg["wb"] * seg["rb"]).sum())
    rp_tot = float((seg["wp"] * seg["rp"]).sum())
    seg["allocation"] = (seg["wp"] - seg["wb"]) * (seg["rb"] - rb_tot)
    seg["selection"] = seg["wb"] * (seg["rp"] - seg["rb"])
    seg["interaction"] = (seg["wp"] - seg["wb"]) * (seg["rp"] - seg["rb"])
    Rp.append(rp_tot)
    Rb.append(rb_tot)
    eff.append(seg)
    result["periods"].append({
        "portfolio_return": rp_tot, "benchmark_return": rb_tot,
        "allocation": float(seg["allocation"].sum()), "selection": float(seg["selection"].sum()),
        "interaction": float(seg["interaction"].sum()),
        "sectors": {k: {"wp": float(v["wp"]), "wb": float(v["wb"]), "rp": float(v["rp"]), "rb": float(v["rb"]),
                        "allocation": float(v["allocation"]), "selection": float(v["selection"]),
                        "interaction": float(v["interaction"])} for k, v in seg.iterrows()},
    })

Rp, Rb = np.array(Rp), np.array(Rb)
def carino(a, b):
    return 1.0 / (1.0 + a) if abs(a - b) < 1e-14 else (np.log1p(a) - np.log1p(b)) / (a - b)
cp, cb = float(np.prod(1 + Rp) - 1), float(np.prod(1 + Rb) - 1)
K = carino(cp, cb)
k = np.array([carino(a, b) for a, b in zip(Rp, Rb)]) / K
total = pd.concat([e[["allocation", "selection", "interaction"]] for e in eff]).groupby(level=0, sort=False).sum()
linked = pd.concat([e[["allocation", "selection", "interaction"]] * kt for e, kt in zip(eff, k)]).groupby(level=0, sort=False).sum()
result["summed"] = {"allocation": float(total["allocation"].sum()), "selection": float(total["selection"].sum()),
                    "interaction": float(total["interaction"].sum()), "active_return": float((Rp - Rb).sum()),
                    "sectors": {s: {c: float(total.loc[s, c]) for c in total.columns} for s in total.index}}
result["linked"] = {"allocation": float(linked["allocation"].sum()), "selection": float(linked["selection"].sum()),
                    "interaction": float(linked["interaction"].sum()),
                    "compounded_portfolio_return": cp, "compounded_benchmark_return": cb,
                    "sectors": {s: {c: float(linked.loc[s, c]) for c in linked.columns} for s in linked.index}}
with open(f"{out}/brinson_daily.expected.json", "w") as f:
    json.dump(result, f, indent=1, sort_keys=False)
    f.write("\n")
