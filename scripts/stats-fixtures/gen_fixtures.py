#!/usr/bin/env python3
"""Reference values for AlphaTrade.Statistics, computed with statsmodels/numpy (Debian python3-statsmodels 0.13.5).

Writes tests/AlphaTrade.Statistics.Tests/Fixtures/statsmodels_reference.json. Series are generated here from a
fixed numpy seed and stored in the file, so the C# tests read exactly the same inputs.
Run: /usr/bin/python3 scripts/stats-fixtures/gen_fixtures.py
"""
import json, os, math
import numpy as np
import statsmodels
import statsmodels.api as sm
from statsmodels.tsa.stattools import adfuller, coint
from statsmodels.tsa.vector_ar.vecm import coint_johansen

rs = np.random.RandomState(20261124)
n = 600
rw = np.cumsum(rs.standard_normal(n)) + 50
ar = np.zeros(n)
for t in range(1, n):
    ar[t] = 0.9 * ar[t - 1] + rs.standard_normal()
trend = 0.05 * np.arange(n) + 2 * rs.standard_normal(n)
x = np.cumsum(rs.standard_normal(n)) + 100
ou = np.zeros(n)
for t in range(1, n):
    ou[t] = 0.85 * ou[t - 1] + 0.8 * rs.standard_normal()
y = 1.5 * x + 3 + ou
z = np.cumsum(rs.standard_normal(n)) + 80
w = 0.5 * x - 0.8 * z + np.cumsum(0.3 * rs.standard_normal(n)) * 0 + ou * 0.7 + 10
X3 = np.column_stack([x, z, w])

out = {"source": f"statsmodels {statsmodels.__version__}, numpy {np.__version__}", "seed": 20261124,
       "series": {"rw": rw.tolist(), "ar": ar.tolist(), "trend": trend.tolist(), "x": x.tolist(), "y": y.tolist(),
                  "z": z.tolist(), "w": w.tolist()}}

# OLS: y ~ const + x + z
Xo = sm.add_constant(np.column_stack([x, z]))
r = sm.OLS(y, Xo).fit()
out["ols"] = {"params": r.params.tolist(), "bse": r.bse.tolist(), "tvalues": r.tvalues.tolist(),
              "rsquared": r.rsquared, "rsquared_adj": r.rsquared_adj, "ssr": r.ssr, "llf": r.llf, "aic": r.aic,
              "bic": r.bic, "nobs": int(r.nobs)}

adf = []
for name in ["rw", "ar", "trend", "y"]:
    s = out["series"][name]
    for reg in ["n", "c", "ct"]:
        for autolag, maxlag in [("AIC", None), ("BIC", None), (None, 2), ("AIC", 4)]:
            res = adfuller(np.asarray(s), maxlag=maxlag, regression=reg, autolag=autolag)
            adf.append({"series": name, "regression": reg, "autolag": autolag, "maxlag": maxlag,
                        "stat": res[0], "pvalue": res[1], "usedlag": int(res[2]), "nobs": int(res[3]),
                        "crit": [res[4]["1%"], res[4]["5%"], res[4]["10%"]]})
out["adf"] = adf

co = []
for yname, xname in [("y", "x"), ("rw", "x"), ("z", "x")]:
    for trend_kind in ["c", "ct"]:
        res = coint(np.asarray(out["series"][yname]), np.asarray(out["series"][xname]), trend=trend_kind)
        ols = sm.OLS(np.asarray(out["series"][yname]), sm.add_constant(np.asarray(out["series"][xname]))).fit()
        co.append({"y": yname, "x": xname, "trend": trend_kind, "stat": res[0], "pvalue": res[1],
                   "crit": list(res[2]), "hedge": ols.params[1], "intercept": ols.params[0]})
out["coint"] = co

jo = []
for det in [-1, 0, 1]:
    for k in [1, 2]:
        res = coint_johansen(X3, det, k)
        jo.append({"det_order": det, "k_ar_diff": k, "eig": res.eig.tolist(), "trace": res.lr1.tolist(),
                   "maxeig": res.lr2.tolist(), "cvt": res.cvt.tolist(), "cvm": res.cvm.tolist()})
out["johansen"] = jo

# OU half-life: ds_t = a + b s_{t-1} + e ; half-life = -ln 2 / ln(1 + b)
spread = y - out["coint"][0]["hedge"] * x - out["coint"][0]["intercept"]
ds = np.diff(spread)
A = np.column_stack([np.ones(n - 1), spread[:-1]])
a_, b_ = np.linalg.lstsq(A, ds, rcond=None)[0]
out["half_life"] = {"spread": spread.tolist(), "b": b_, "half_life": -math.log(2) / math.log(1 + b_)}

# Hurst exponent by the scaling of lagged-difference standard deviations: std(x[t+tau]-x[t]) ~ tau^H.
def hurst(s, max_lag=20):
    lags = np.arange(2, max_lag + 1)
    sd = [np.std(s[l:] - s[:-l]) for l in lags]
    return np.polyfit(np.log(lags), np.log(sd), 1)[0]
out["hurst"] = {"rw": hurst(rw), "ar": hurst(ar), "max_lag": 20}

# Kalman regression y_t = beta_t x_t + alpha_t + e_t, state a random walk (Chan 2013, ch. 3 formulation).
def kalman(xs, ys, delta=1e-4, ve=1e-3):
    Vw = delta / (1 - delta) * np.eye(2)
    P = np.zeros((2, 2)); R = None; th = np.zeros(2)
    betas, alphas, errs, qs = [], [], [], []
    for t in range(len(xs)):
        F = np.array([xs[t], 1.0])
        R = P + Vw if t > 0 else np.zeros((2, 2))
        yhat = F @ th
        Q = F @ R @ F + ve
        e = ys[t] - yhat
        K = R @ F / Q
        th = th + K * e
        P = R - np.outer(K, F) @ R
        betas.append(th[0]); alphas.append(th[1]); errs.append(e); qs.append(Q)
    return betas, alphas, errs, qs
b, al, e, q = kalman(x[:300], y[:300])
out["kalman"] = {"delta": 1e-4, "ve": 1e-3, "n": 300, "beta": b, "alpha": al, "error": e, "q": q}

path = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "AlphaTrade.Statistics.Tests", "Fixtures", "statsmodels_reference.json")
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
print("wrote", os.path.normpath(path))
