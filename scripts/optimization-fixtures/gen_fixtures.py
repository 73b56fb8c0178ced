#!/usr/bin/env python3
"""Reference values for AlphaTrade.Optimization, computed independently with numpy/scipy/pandas.

Writes tests/AlphaTrade.Optimization.Tests/Fixtures/optimization_reference.json. Every input series is generated here
from a fixed numpy seed and stored in the file, so the C# tests read exactly the same inputs. The formulas are
re-implemented here from the papers, not ported from the C# code:
  - Phi and Phi^-1: scipy.special.ndtr / ndtri; erfc: scipy.special.erfc; 50-digit mpmath values of Phi and erfc.
  - Return metrics: numpy/pandas/scipy.stats (Sharpe mean/std(ddof=1)*sqrt(P); Sortino with downside deviation
    sqrt(mean(min(r,0)^2)); drawdown from pandas cummax of the equity curve with an initial 1; skew/kurtosis from
    scipy.stats with bias=True, kurtosis fisher=False).
  - Expected maximum Sharpe ratio, PSR, DSR: Bailey & Lopez de Prado (2014), with scipy.stats.norm.
  - CSCV/PBO: Bailey, Borwein, Lopez de Prado & Zhu (2015/2017): itertools.combinations over np.array_split blocks,
    Sharpe recomputed from the raw rows of every split, scipy.stats.rankdata(method='average').
Run: /usr/bin/python3 scripts/optimization-fixtures/gen_fixtures.py   (Debian python3-numpy/scipy/pandas)
"""
import itertools
import json
import math
import os

import mpmath
import numpy as np
import pandas as pd
import scipy
from scipy import special, stats

EULER = float(np.euler_gamma)
rs = np.random.RandomState(20261125)
out = {"source": f"numpy {np.__version__}, scipy {scipy.__version__}, pandas {pd.__version__}", "seed": 20261125}

# --- standard normal -------------------------------------------------------------------------------------------
xs = [-38.0, -37.5, -30.0, -20.0, -10.0, -8.0, -5.0, -3.0, -2.0, -1.5, -1.0, -0.70710678, -0.5, -0.1, -1e-8, 0.0,
      1e-8, 0.1, 0.5, 0.70710678, 1.0, 1.5, 2.0, 3.0, 5.0, 8.0, 10.0]
ps = [1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-10, 1e-5, 1e-3, 0.01, 0.02, 0.02425, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4,
      0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97575, 0.975, 0.99, 0.999, 1 - 1e-10]
zs = [0.0, 1e-10, 0.01, 0.1, 0.25, 0.49, 0.5, 0.51, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 10.0, 15.0, 20.0, 26.0, -0.3, -1.0, -3.0]
out["normal"] = {
    "cdf": [[x, float(special.ndtr(x))] for x in xs],
    "ppf": [[p, float(special.ndtri(p))] for p in ps],
    "erfc": [[z, float(special.erfc(z))] for z in zs],
}
# 50-digit values (python3-mpmath) for the tails, where scipy's double evaluation itself is off by ~1e-14.
mpmath.mp.dps = 50
out["normal"]["cdf_exact"] = [[x, float(mpmath.ncdf(x))] for x in xs]
out["normal"]["erfc_exact"] = [[z, float(mpmath.erfc(z))] for z in zs]

# --- return metrics ----------------------------------------------------------------------------------------------
PPY = 252 * 26


def metrics(r, ppy):
    r = np.asarray(r, dtype=float)
    mean, sd = r.mean(), r.std(ddof=1)
    downside = np.sqrt(np.mean(np.minimum(r, 0.0) ** 2))
    equity = pd.Series(np.concatenate([[1.0], np.cumprod(1 + r)]))
    dd = 1 - equity / equity.cummax()
    total = float(np.prod(1 + r) - 1)
    cagr = float((1 + total) ** (ppy / len(r)) - 1)
    mdd = float(dd.max())
    gains, losses = r[r > 0].sum(), -r[r < 0].sum()
    return {
        "sharpe": float(mean / sd * np.sqrt(ppy)),
        "sortino": float(mean / downside * np.sqrt(ppy)),
        "total_return": total,
        "cagr": cagr,
        "max_drawdown": mdd,
        "calmar": cagr / mdd,
        "profit_factor": float(gains / losses),
        "volatility": float(sd * np.sqrt(ppy)),
        "skewness": float(stats.skew(r, bias=True)),
        "kurtosis": float(stats.kurtosis(r, fisher=False, bias=True)),
        "sharpe_per_period": float(mean / sd),
    }


series = {
    "normal": rs.normal(0.0004, 0.004, 700),
    "fat": 0.003 * rs.standard_t(3, 900) + 0.0002,
    "trend_crash": np.concatenate([rs.normal(0.002, 0.01, 150), rs.normal(-0.01, 0.02, 40), rs.normal(0.001, 0.01, 200)]),
}
out["metrics"] = [{"name": k, "periods_per_year": PPY, "returns": v.tolist(), **metrics(v, PPY)} for k, v in series.items()]
out["metrics"].append({"name": "daily", "periods_per_year": 252, "returns": series["normal"][:300].tolist(),
                       **metrics(series["normal"][:300], 252)})


# --- deflated Sharpe ratio ---------------------------------------------------------------------------------------
def expected_max(n, v):
    # Phi^-1(1 - q) as norm.isf(q): forming 1 - q in floating point would lose ~10 digits for q = 1e-6.
    return math.sqrt(v) * ((1 - EULER) * stats.norm.isf(1 / n) + EULER * stats.norm.isf(1 / (n * math.e)))


def psr(sr, bench, t, skew, kurt):
    return float(stats.norm.cdf((sr - bench) * math.sqrt(t - 1) / math.sqrt(1 - skew * sr + (kurt - 1) / 4 * sr * sr)))


out["expected_max"] = [{"trials": n, "variance": v, "value": expected_max(n, v)}
                       for n, v in [(2, 1.0), (10, 1.0), (100, 0.5 / 250), (1000, 1e-4), (12870, 0.02), (1_000_000, 1.0)]]
out["psr"] = [{"sharpe": a, "benchmark": b, "observations": t, "skewness": s, "kurtosis": k, "value": psr(a, b, t, s, k)}
              for a, b, t, s, k in [(0.1, 0.0, 250, 0.0, 3.0), (0.05, 0.02, 1000, -0.5, 6.0), (0.02, 0.03, 13000, 0.3, 4.0),
                                    (0.15811388300841897, 0.11317, 1250, -3.0, 10.0), (0.01, 0.0, 26 * 252 * 2, -1.2, 25.0)]]

# The paper's numeric example (Bailey & Lopez de Prado 2014, section 5): N = 100 trials, annualised V = 1/2,
# best annualised SR = 2.5, T = 1250 daily observations (250 a year), skewness -3, kurtosis 10 -> SR* ~ 0.1132 a day,
# DSR ~ 0.9004.
v_daily = 0.5 / 250
sr_daily = 2.5 / math.sqrt(250)
e_max = expected_max(100, v_daily)
out["paper_example"] = {"trials": 100, "annual_variance": 0.5, "periods_per_year": 250, "annual_sharpe": 2.5,
                        "observations": 1250, "skewness": -3.0, "kurtosis": 10.0, "expected_max_daily": e_max,
                        "dsr": psr(sr_daily, e_max, 1250, -3.0, 10.0), "published_expected_max_daily": 0.1132,
                        "published_dsr": 0.9004}

# DSR from a set of trial return series: the chosen trial is the one with the highest Sharpe ratio.
trials = rs.normal(0.0, 0.01, size=(20, 400)) + rs.normal(0.0, 0.0006, size=(20, 1))
srs = trials.mean(axis=1) / trials.std(axis=1, ddof=1)
best = int(np.argmax(srs))
r = trials[best]
v = float(np.var(srs, ddof=1))
sk = float(stats.skew(r, bias=True))
ku = float(stats.kurtosis(r, fisher=False, bias=True))
em = expected_max(len(srs), v)
out["dsr_trials"] = {"returns": trials.tolist(), "periods_per_year": 252, "chosen": best, "sharpe": float(srs[best]),
                     "variance": v, "skewness": sk, "kurtosis": ku, "expected_max": em,
                     "psr": psr(float(srs[best]), 0.0, r.size, sk, ku), "dsr": psr(float(srs[best]), em, r.size, sk, ku)}


# --- CSCV / PBO --------------------------------------------------------------------------------------------------
def cscv(m, s, ppy=1.0):
    t, n = m.shape
    parts = np.array_split(np.arange(t), s)
    rows = []
    for combo in itertools.combinations(range(s), s // 2):
        is_idx = np.concatenate([parts[b] for b in combo])
        oos_idx = np.concatenate([parts[b] for b in range(s) if b not in combo])
        ism, oosm = m[is_idx], m[oos_idx]
        is_sr = ism.mean(axis=0) / ism.std(axis=0, ddof=1)
        oos_sr = oosm.mean(axis=0) / oosm.std(axis=0, ddof=1)
        star = int(np.argmax(is_sr))
        rank = stats.rankdata(oos_sr, method="average")[star]
        w = rank / (n + 1)
        rows.append({"chosen": star, "logit": float(np.log(w / (1 - w))), "is": float(is_sr[star] * math.sqrt(ppy)),
                     "oos": float(oos_sr[star] * math.sqrt(ppy))})
    lam = np.array([x["logit"] for x in rows])
    xs_ = np.array([x["is"] for x in rows])
    ys_ = np.array([x["oos"] for x in rows])
    slope, intercept = np.polyfit(xs_, ys_, 1)
    r2 = float(np.corrcoef(xs_, ys_)[0, 1] ** 2)
    return {"pbo": float(np.mean(lam <= 0)), "probability_of_loss": float(np.mean(ys_ < 0)), "slope": float(slope),
            "intercept": float(intercept), "r_squared": r2, "logit_mean": float(lam.mean()),
            "logit_median": float(np.median(lam)), "combinations": rows}


small = rs.normal(0.0002, 0.01, size=(203, 12)) + np.linspace(-0.001, 0.001, 12)[None, :] * rs.normal(1, 1, size=(203, 1))
out["cscv_small"] = {"blocks": 8, "periods_per_year": 252, "columns": small.T.tolist(), **cscv(small, 8, 252)}
medium = rs.normal(0.0, 0.01, size=(640, 25))
medium[:, 3] += 0.002
res = cscv(medium, 16)
out["cscv_medium"] = {"blocks": 16, "periods_per_year": 1, "columns": medium.T.tolist(), "pbo": res["pbo"],
                      "probability_of_loss": res["probability_of_loss"], "slope": res["slope"],
                      "intercept": res["intercept"], "r_squared": res["r_squared"], "logit_mean": res["logit_mean"],
                      "logit_median": res["logit_median"], "count": len(res["combinations"]),
                      "first": res["combinations"][:40], "last": res["combinations"][-40:]}

path = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "AlphaTrade.Optimization.Tests", "Fixtures",
                    "optimization_reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
    f.write("\n")
print("wrote", os.path.normpath(path), os.path.getsize(path), "bytes")
