#!/usr/bin/env python3
"""Reference values for AlphaTrade.Risk, computed with numpy/scipy/pandas (Debian python3-numpy 1.24.2,
python3-scipy 1.10.1, python3-pandas 1.5.3). No scikit-learn: Ledoit-Wolf is re-implemented here from the paper's
formulas (Ledoit & Wolf 2004, scaled-identity target; the same estimator as sklearn.covariance.LedoitWolf).

Writes tests/AlphaTrade.Risk.Tests/Fixtures/risk_reference.json. Inputs are generated here from a fixed numpy seed
and stored in the file, so the C# tests read exactly the same inputs.
Run: /usr/bin/python3 scripts/risk-fixtures/gen_fixtures.py
"""
import json, math, os
import numpy as np
import pandas as pd
import scipy
from scipy import stats, optimize, integrate
from scipy.cluster import hierarchy
from scipy.spatial.distance import squareform

SEED = 20261125
rs = np.random.RandomState(SEED)
T, N = 750, 8
symbols = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH"]
sectors = ["Tech", "Tech", "Tech", "Energy", "Energy", "Health", "Health", "Health"]
# Factor model with fat tails and skew: market + sector factors + idiosyncratic Student-t noise.
mkt = 0.010 * rs.standard_t(5, T) / math.sqrt(5 / 3) + 0.0004
skew_shock = -0.02 * (rs.rand(T) < 0.02)           # rare crashes: negative skew
# A fixed draw order (the stored fixture's; iterating a set would depend on PYTHONHASHSEED).
sec_f = {s: 0.006 * rs.standard_normal(T) for s in ("Energy", "Tech", "Health")}
betas = np.array([1.2, 1.1, 1.3, 0.9, 0.8, 0.6, 0.7, 0.5])
idio = np.array([0.012, 0.010, 0.015, 0.011, 0.009, 0.008, 0.010, 0.007])
drift = np.array([0.0006, 0.0003, 0.0008, 0.0002, 0.0001, 0.0004, 0.0003, 0.0002])
R = np.empty((T, N))
for j in range(N):
    R[:, j] = drift[j] + betas[j] * (mkt + skew_shock) + sec_f[sectors[j]] + idio[j] * rs.standard_t(6, T) / math.sqrt(1.5)

out = {"source": f"numpy {np.__version__}, scipy {scipy.__version__}, pandas {pd.__version__}", "seed": SEED,
       "symbols": symbols, "sectors": sectors, "returns": R.tolist()}

# ---------------- covariance ----------------
S = np.cov(R, rowvar=False, ddof=1)
out["sample_cov"] = S.tolist()
out["correlation"] = np.corrcoef(R, rowvar=False).tolist()
lam = 0.94
ew = pd.DataFrame(R).ewm(alpha=1 - lam, adjust=True).cov(bias=True)
out["ewma_lambda"] = lam
out["ewma_cov"] = ew.loc[T - 1].values.tolist()

def ledoit_wolf(X):
    """Ledoit & Wolf (2004), 'A well-conditioned estimator for large-dimensional covariance matrices', section 3.3,
    written from the paper: S = X'X/n of the centred data, m = <S, I>, d2 = ||S - mI||^2, b2bar = (1/n^2) sum_k
    ||x_k x_k' - S||^2, b2 = min(b2bar, d2), shrinkage b2/d2; <A,B> = tr(AB')/p and ||A||^2 = <A,A>."""
    n, p = X.shape
    Xc = X - X.mean(axis=0)
    Sn = Xc.T @ Xc / n
    norm2 = lambda A: np.sum(A * A) / p
    m = np.trace(Sn) / p
    d2 = norm2(Sn - m * np.eye(p))
    b2bar = sum(norm2(np.outer(x, x) - Sn) for x in Xc) / n ** 2
    b2 = min(b2bar, d2)
    s = b2 / d2
    return s, (1 - s) * Sn + s * m * np.eye(p)

lw_s, lw_cov = ledoit_wolf(R)
out["ledoit_wolf"] = {"shrinkage": lw_s, "cov": lw_cov.tolist()}

# ---------------- VaR / CVaR ----------------
def cf_z(z, s, k):
    return z + (z * z - 1) * s / 6 + (z ** 3 - 3 * z) * k / 24 - (2 * z ** 3 - 5 * z) * s * s / 36

def var_all(x, c):
    a = 1 - c
    mu, sd = x.mean(), x.std(ddof=1)
    q = np.percentile(x, 100 * a)  # linear interpolation (numpy default)
    hist_var = -q
    hist_cvar = -x[x <= q].mean()
    z = stats.norm.ppf(a)
    g_var = -(mu + sd * z)
    g_cvar = -(mu - sd * stats.norm.pdf(z) / a)
    s = stats.skew(x)                # biased (population) moments
    k = stats.kurtosis(x)            # excess, biased
    cf_var = -(mu + sd * cf_z(z, s, k))
    # Expected shortfall of the Cornish-Fisher distribution: the average of its quantile function over the tail.
    val, _ = integrate.quad(lambda p: mu + sd * cf_z(stats.norm.ppf(p), s, k), 0, a, epsabs=1e-14, epsrel=1e-13, limit=200)
    cf_cvar = -val / a
    return {"confidence": c, "historical_var": hist_var, "historical_cvar": hist_cvar, "gaussian_var": g_var,
            "gaussian_cvar": g_cvar, "cf_var": cf_var, "cf_cvar": cf_cvar, "mean": mu, "std": sd, "skew": s, "kurt": k}

w = np.array([0.20, 0.10, 0.15, 0.10, 0.05, 0.20, 0.10, 0.10])
rp = R @ w
out["weights"] = w.tolist()
out["var_single"] = [var_all(R[:, 0], c) for c in (0.95, 0.99)]
out["var_portfolio"] = [var_all(rp, c) for c in (0.95, 0.99)]
comp = []
mu_v = R.mean(axis=0)
for c in (0.95, 0.99):
    z = stats.norm.ppf(c)
    sp = math.sqrt(w @ S @ w)
    marg = -mu_v + z * (S @ w) / sp
    # Historical component VaR: each position's loss in the interpolated quantile scenario.
    order = np.argsort(rp, kind="stable")
    h = (T - 1) * (1 - c)
    lo = int(math.floor(h)); f = h - lo
    scen = (1 - f) * R[order[lo]] + f * R[order[min(lo + 1, T - 1)]]
    hcomp = -w * scen
    tail = rp <= np.percentile(rp, 100 * (1 - c))
    hes = -w * R[tail].mean(axis=0)
    comp.append({"confidence": c, "gaussian_marginal": marg.tolist(), "gaussian_component": (w * marg).tolist(),
                 "historical_component": hcomp.tolist(), "historical_cvar_component": hes.tolist()})
out["var_components"] = comp

# ---------------- optimisation ----------------
AF = 252.0
mu = R.mean(axis=0) * AF
C = S * AF
out["annualization"] = AF
out["opt_mu"] = mu.tolist()
out["opt_cov"] = C.tolist()

def slsqp(fun, x0, cons, bounds):
    r = optimize.minimize(fun, x0, method="SLSQP", bounds=bounds, constraints=cons,
                          options={"ftol": 1e-16, "maxiter": 5000})
    assert r.success, r.message
    return r.x

n = N
eq = {"type": "eq", "fun": lambda x: np.sum(x[:n]) - 1}
lo_bounds = [(0.0, 1.0)] * n
x0 = np.full(n, 1.0 / n)
opt = {}
opt["min_variance"] = slsqp(lambda x: x @ C @ x, x0, [eq], lo_bounds)
bounds2 = [(0.02, 0.25)] * n
sec_caps = {"Tech": 0.30, "Energy": 0.30, "Health": 0.50}
sec_cons = [{"type": "ineq", "fun": (lambda x, s=s: sec_caps[s] - sum(x[j] for j in range(n) if sectors[j] == s))} for s in sec_caps]
opt["min_variance_bounded_sectors"] = slsqp(lambda x: x @ C @ x, x0, [eq] + sec_cons, bounds2)
rf = 0.02
opt["max_sharpe"] = slsqp(lambda x: -(x @ mu - rf) / math.sqrt(x @ C @ x), x0, [eq], lo_bounds)
delta = 3.0
opt["mean_variance_risk_aversion"] = slsqp(lambda x: 0.5 * delta * x @ C @ x - x @ mu, x0, [eq], lo_bounds)
target = 0.9 * mu.max() + 0.1 * np.median(mu)
target = float(np.quantile(mu, 0.7))
opt["mean_variance_target_return"] = slsqp(lambda x: x @ C @ x, x0, [eq, {"type": "ineq", "fun": lambda x: x @ mu - target}], lo_bounds)
sig = np.sqrt(np.diag(C))
opt["max_diversification"] = slsqp(lambda x: -(x @ sig) / math.sqrt(x @ C @ x), x0, [eq], lo_bounds)
# Equal risk contribution: minimise the squared spread of the risk contributions (Maillard, Roncalli, Teiletche 2010).
def erc_obj(x):
    rc = x * (C @ x)
    return 1e6 * np.sum((rc[:, None] - rc[None, :]) ** 2)
opt["risk_parity"] = slsqp(erc_obj, x0, [eq], [(1e-6, 1.0)] * n)
# Turnover: sum |w - w0| <= 0.3, lifted with u >= |w - w0|.
w0 = np.array([0.30, 0.20, 0.0, 0.0, 0.10, 0.10, 0.20, 0.10])
TO = 0.30
def lift(fun):
    return lambda z: fun(z[:n])
cons_to = [eq,
           {"type": "ineq", "fun": lambda z: z[n:] - (z[:n] - w0)},
           {"type": "ineq", "fun": lambda z: z[n:] + (z[:n] - w0)},
           {"type": "ineq", "fun": lambda z: TO - np.sum(z[n:])}]
z0 = np.concatenate([w0, np.zeros(n)])
zt = slsqp(lift(lambda x: x @ C @ x), z0, cons_to, lo_bounds + [(0.0, 2.0)] * n)
opt["min_variance_turnover"] = zt[:n]
out["optimization"] = {"risk_free": rf, "risk_aversion": delta, "target_return": target, "bounds": [0.02, 0.25],
                       "sector_caps": sec_caps, "current_weights": w0.tolist(), "turnover": TO,
                       "weights": {k: np.asarray(v).tolist() for k, v in opt.items()}}

# ---------------- HRP ----------------
corr = np.corrcoef(R, rowvar=False)
dist = np.sqrt(np.clip(0.5 * (1 - corr), 0, None))
np.fill_diagonal(dist, 0)
Z = hierarchy.linkage(squareform(dist, checks=False), method="single")
order = hierarchy.leaves_list(Z).tolist()
covS = S
w_h = pd.Series(1.0, index=order)
clusters = [order]
def cvar_cluster(items):
    sub = covS[np.ix_(items, items)]
    ivp = 1 / np.diag(sub); ivp /= ivp.sum()
    return ivp @ sub @ ivp
while clusters:
    clusters = [c[j:k] for c in clusters for j, k in ((0, len(c) // 2), (len(c) // 2, len(c))) if len(c) > 1]
    for i in range(0, len(clusters), 2):
        c0, c1 = clusters[i], clusters[i + 1]
        v0, v1 = cvar_cluster(c0), cvar_cluster(c1)
        a = 1 - v0 / (v0 + v1)
        w_h[c0] *= a
        w_h[c1] *= 1 - a
hrp = np.array([w_h[i] for i in range(N)])
out["hrp"] = {"linkage": Z.tolist(), "order": order, "weights": hrp.tolist()}

# ---------------- Black-Litterman ----------------
w_mkt = np.array([0.25, 0.15, 0.10, 0.12, 0.08, 0.12, 0.10, 0.08])
tau = 0.05
dbl = 2.5
Pi = dbl * C @ w_mkt
P = np.zeros((2, N)); P[0, 0] = 1.0; P[1, 3] = 1.0; P[1, 5] = -1.0
Q = np.array([0.15, 0.03])
conf = np.array([0.6, 0.3])
def bl(omega):
    M = tau * P @ C @ P.T + omega
    mu_bl = Pi + tau * C @ P.T @ np.linalg.solve(M, Q - P @ Pi)
    cov_bl = C + tau * C - tau * C @ P.T @ np.linalg.solve(M, P @ C * tau)
    wbl = np.linalg.solve(dbl * C, mu_bl)
    return mu_bl, cov_bl, wbl
omega_he = np.diag(np.diag(tau * P @ C @ P.T))
omega_id = np.diag([(1 - c) / c * tau * (P[k] @ C @ P[k]) for k, c in enumerate(conf)])
res_bl = {}
for name, om in (("he_litterman", omega_he), ("idzorek", omega_id)):
    m, cv, wb = bl(om)
    # Long-only, fully invested weights on the posterior: max  w'mu_BL - (delta/2) w'Cw  with SLSQP.
    wlo = slsqp(lambda x, m=m: 0.5 * dbl * x @ C @ x - x @ m, x0, [eq], lo_bounds)
    res_bl[name] = {"omega": np.diag(om).tolist(), "posterior_returns": m.tolist(), "posterior_cov": cv.tolist(), "weights": wb.tolist(),
                    "long_only_weights": wlo.tolist()}
# Full confidence: the posterior must reproduce the view exactly.
m1, _, _ = bl(np.zeros((2, 2)))
res_bl["full_confidence"] = {"posterior_returns": m1.tolist()}
out["black_litterman"] = {"market_weights": w_mkt.tolist(), "tau": tau, "risk_aversion": dbl, "prior": Pi.tolist(),
                          "P": P.tolist(), "Q": Q.tolist(), "confidence": conf.tolist(), **res_bl}

# ---------------- sizing ----------------
trades = (rs.standard_t(4, 120) * 150 + 40).round(2)
trades[5] = -900.0
neg_big = -trades.min()
def neg_log_twr(f):
    hpr = 1 + f * (trades / neg_big)
    return -np.sum(np.log(hpr))
r = optimize.minimize_scalar(neg_log_twr, bounds=(1e-9, 1 - 1e-9), method="bounded", options={"xatol": 1e-12})
out["optimal_f"] = {"trades": trades.tolist(), "f": r.x, "twr": float(np.exp(-r.fun)), "biggest_loss": neg_big}

path = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "AlphaTrade.Risk.Tests", "Fixtures", "risk_reference.json")
with open(path, "w") as fh:
    json.dump(out, fh, indent=1)
print("wrote", os.path.normpath(path))
