#!/usr/bin/env python3
"""Reference values for AlphaTrade.Features, computed independently with numpy/scipy/pandas/statsmodels
(Debian python3: numpy 1.24, scipy 1.10, pandas 1.5, statsmodels 0.13).

Writes tests/AlphaTrade.Features.Tests/Fixtures/features_reference.json. Bars are generated here from a fixed
numpy seed and stored in the file, so the C# tests read exactly the same inputs. Each reference is written from the
published definition (paper or textbook, cited below), not from the C# code:
  * Kyle's lambda: statsmodels RollingOLS of r on sign(r)*close*volume/1e6 (Lopez de Prado, AFML 2018, 19.3.1).
  * Amihud (2002), Roll (1984) via pandas rolling mean / rolling cov.
  * Corwin & Schultz (2012), eqs. (14), (18), overnight adjustment of section II.B, negatives set to zero.
  * Realised variance, bipower variation (Barndorff-Nielsen & Shephard 2004), semivariance, realised skewness.
  * Bulk volume classification and VPIN (Easley, Lopez de Prado & O'Hara 2012) with scipy.stats.norm.cdf.
  * Labels: forward returns, dead-zone sign, triple barrier (AFML 3.4, first touch on closes).
  * Cross-sectional ranks: scipy.stats.rankdata (average ties); z-scores: scipy.stats.zscore (ddof 0).
  * Benchmark and leave-one-out sector correlation/beta: pandas rolling corr / cov / var.
  * HMM: forward filter and log-likelihood from statsmodels MarkovRegression (Hamilton filter), Viterbi (Rabiner
    1989 eq. 105) and one Baum-Welch step with Rabiner's scaled (not log-space) forward-backward in numpy.
  * Mutual information of discretised variables: H(X) + H(Y) - H(X,Y) with scipy.stats.entropy.
Run: /usr/bin/python3 scripts/features-fixtures/gen_fixtures.py
"""
import json, math, os
import numpy as np
import pandas as pd
import scipy
import statsmodels
from scipy.stats import norm, rankdata, zscore, entropy
from statsmodels.regression.rolling import RollingOLS
from statsmodels.tsa.regime_switching.markov_regression import MarkovRegression
import statsmodels.api as sm

rs = np.random.RandomState(20260514)
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "AlphaTrade.Features.Tests", "Fixtures", "features_reference.json")

# ---- bars: 20 NYSE sessions of April 2024 (no holiday), 26 fifteen-minute bars each --------------------------------
days = pd.bdate_range("2024-04-01", "2024-04-26")
assert len(days) == 20
starts = []
for d in days:
    for k in range(26):
        starts.append(pd.Timestamp(d.year, d.month, d.day, 9, 30) + pd.Timedelta(minutes=15 * k))
idx = pd.DatetimeIndex(starts).tz_localize("America/New_York").tz_convert("UTC")
unix_ms = (idx.asi8 // 1_000_000).tolist()
n = len(idx)
first = np.array([k == 0 for d in days for k in range(26)])

def make_bars(seed_shift, level, beta, market):
    r = np.random.RandomState(1000 + seed_shift)
    own = 0.004 * r.standard_t(5, size=n) / math.sqrt(5 / 3)
    ret = beta * market + own + np.where(first, 0.01 * r.standard_normal(n), 0)
    close = level * np.exp(np.cumsum(ret))
    prev = np.concatenate([[level], close[:-1]])
    gap = np.where(first, np.exp(0.6 * (np.log(close / prev))), 1.0)
    open_ = np.round(prev * gap, 2)
    close = np.round(close, 2)
    hi = np.round(np.maximum(open_, close) * (1 + np.abs(0.002 * r.standard_normal(n))), 2)
    lo = np.round(np.minimum(open_, close) * (1 - np.abs(0.002 * r.standard_normal(n))), 2)
    ushape = 1 + 1.5 * np.exp(-np.arange(26) / 3.0) + 1.5 * np.exp(-(25 - np.arange(26)) / 3.0)
    vol = np.round(200_000 * np.tile(ushape, 20) * np.exp(0.3 * r.standard_normal(n)) * (1 + 40 * np.abs(ret)))
    return dict(open=open_.tolist(), high=hi.tolist(), low=lo.tolist(), close=close.tolist(), volume=vol.tolist())

market = 0.003 * rs.standard_normal(n)
symbols = {"AAA": ("Tech", 100.0, 1.2), "BBB": ("Tech", 50.0, 0.9), "CCC": ("Energy", 80.0, 0.7), "DDD": ("Energy", 30.0, 1.0)}
bars = {s: make_bars(i, lvl, b, market) for i, (s, (_, lvl, b)) in enumerate(symbols.items())}
bench = make_bars(99, 400.0, 1.0, market)

out = {"source": f"numpy {np.__version__}, scipy {scipy.__version__}, pandas {pd.__version__}, statsmodels {statsmodels.__version__}",
       "seed": 20260514, "time_unix_ms": unix_ms, "sectors": {s: v[0] for s, v in symbols.items()}, "bars": bars, "benchmark": bench}

def nan_list(a):
    return [None if (x is None or (isinstance(x, float) and math.isnan(x))) else float(x) for x in np.asarray(a, dtype=float)]

# ---- per-symbol microstructure on AAA -------------------------------------------------------------------------
b = {k: np.array(v, dtype=float) for k, v in bars["AAA"].items()}
c, o, h, l, v = b["close"], b["open"], b["high"], b["low"], b["volume"]
r = np.concatenate([[np.nan], np.log(c[1:] / c[:-1])])
ref = {}

# Kyle's lambda: RollingOLS slope times rolling mean |x|.
x = np.sign(r) * c * v / 1e6
for w in (26, 60):
    y = pd.Series(r[1:]); X = sm.add_constant(pd.Series(x[1:], name="x"))
    params = RollingOLS(y, X, window=w).fit().params["x"].to_numpy()
    absmean = pd.Series(np.abs(x[1:])).rolling(w).mean().to_numpy()
    ref[f"kyle_lambda_{w}"] = nan_list(np.concatenate([[np.nan], params * absmean]))

# Amihud: ln mean(|r| / dollar volume).
for w in (26, 60):
    ill = pd.Series(np.abs(r) / (c * v)).rolling(w).mean().to_numpy()
    ref[f"amihud_{w}"] = nan_list(np.log(ill))

# Roll: 2 sqrt(-cov(r_t, r_t-1)), basis points.
for w in (26, 60):
    cov = pd.Series(r).rolling(w).cov(pd.Series(r).shift(1)).to_numpy()
    ref[f"roll_spread_{w}"] = nan_list(np.where(np.isnan(cov), np.nan, np.where(cov < 0, 2 * np.sqrt(np.abs(cov)), 0.0) * 1e4))

# Corwin-Schultz two-bar estimates with the overnight (gap) adjustment, negatives to zero, rolling mean, bps.
def cs_two(h0, l0, h1, l1, pc):
    if l1 > pc:
        h1, l1 = h1 - (l1 - pc), pc
    elif h1 < pc:
        l1, h1 = l1 + (pc - h1), pc
    beta = math.log(h1 / l1) ** 2 + math.log(h0 / l0) ** 2
    gamma = math.log(max(h0, h1) / min(l0, l1)) ** 2
    k = 3 - 2 * math.sqrt(2)
    alpha = (math.sqrt(2 * beta) - math.sqrt(beta)) / k - math.sqrt(gamma / k)
    return 2 * (math.exp(alpha) - 1) / (1 + math.exp(alpha))
s2 = np.full(n, np.nan)
for t in range(1, n):
    s2[t] = max(cs_two(h[t - 1], l[t - 1], h[t], l[t], c[t - 1]), 0.0)
for w in (26, 60):
    ref[f"corwin_schultz_{w}"] = nan_list(pd.Series(s2).rolling(w).mean().to_numpy() * 1e4)

# Realised variance family (26 bars per day).
for w in (26, 60):
    r2 = pd.Series(r ** 2)
    rv = r2.rolling(w).sum().to_numpy()
    bp = pd.Series(np.abs(r) * np.abs(np.concatenate([[np.nan], r[:-1]])))
    bp_sum = bp.rolling(w, min_periods=1).sum().to_numpy(); bp_cnt = bp.rolling(w, min_periods=1).count().to_numpy()
    bv = math.pi / 2 * bp_sum * w / np.maximum(bp_cnt, 1)
    jump = np.where(bp_cnt >= w - 1, np.maximum(rv - bv, 0) / rv, np.nan)
    down = pd.Series(np.where(np.isnan(r), np.nan, np.where(r < 0, r ** 2, 0.0))).rolling(w).sum().to_numpy() / rv
    skew = math.sqrt(w) * pd.Series(r ** 3).rolling(w).sum().to_numpy() / rv ** 1.5
    ref[f"rv_{w}"] = nan_list(np.sqrt(rv * 26 / w))
    ref[f"rv_jump_share_{w}"] = nan_list(jump)
    ref[f"rv_down_share_{w}"] = nan_list(down)
    ref[f"rv_skew_{w}"] = nan_list(skew)

# Bulk volume classification: buy share = Phi(r_t / sd(r over the previous 20 bars, ddof 1)).
sig = pd.Series(r).rolling(20).std().shift(1).to_numpy()
share = norm.cdf(r / sig)
for w in (13, 26):
    signed = pd.Series(v * (2 * share - 1)).rolling(w).sum().to_numpy()
    vol_ok = pd.Series(np.where(np.isnan(share), np.nan, v)).rolling(w).sum().to_numpy()
    ref[f"bvc_imbalance_{w}"] = nan_list(signed / vol_ok)
    tick = pd.Series(np.where(np.isnan(r), np.nan, np.sign(r) * v)).rolling(w).sum().to_numpy()
    tvol = pd.Series(np.where(np.isnan(r), np.nan, v)).rolling(w).sum().to_numpy()
    ref[f"tick_imbalance_{w}"] = nan_list(tick / tvol)

# VPIN: bucket size = mean of the previous 3 sessions' volume / 10, set at each session start; buckets filled in
# order, a bar's volume split across buckets with its buy share; VPIN = sum|B-S| / sum V over the last 5 buckets.
bucket = math.nan; sessions = []; sess_vol = 0.0; fill_b = fill_s = 0.0; done = []; vp = []
for t in range(n):
    if first[t]:
        if t > 0:
            sessions.append(sess_vol)
        sess_vol = 0.0
        if len(sessions) >= 3:
            bucket = np.mean(sessions[-3:]) / 10
    sess_vol += v[t]
    if not math.isnan(bucket) and not math.isnan(share[t]) and v[t] > 0:
        total = v[t]; sb = share[t]
        while total > 0:
            room = bucket - (fill_b + fill_s)
            take = min(room, total)
            fill_b += take * sb; fill_s += take * (1 - sb); total -= take
            if fill_b + fill_s >= bucket * (1 - 1e-12):
                done.append((abs(fill_b - fill_s), fill_b + fill_s)); fill_b = fill_s = 0.0
    last = done[-5:]
    vp.append(sum(a for a, _ in last) / sum(b_ for _, b_ in last) if len(done) >= 5 else math.nan)
ref["vpin_5"] = nan_list(vp)
out["symbol_reference"] = ref

# ---- labels on AAA -----------------------------------------------------------------------------------------------
sd = pd.Series(r).rolling(40).std().to_numpy()
lab = {}
for hz in (1, 13):
    lab[f"y_fwd_ret_{hz}"] = nan_list(np.concatenate([np.log(c[hz:] / c[:-hz]), np.full(hz, np.nan)]))
fwd = np.concatenate([np.log(c[13:] / c[:-13]), np.full(13, np.nan)])
thr = 0.5 * sd * math.sqrt(13)
lab["y_fwd_sign_13"] = nan_list(np.where(np.isnan(fwd) | np.isnan(thr), np.nan, np.where(fwd > thr, 1, np.where(fwd < -thr, -1, 0))))
tb_label, tb_ret, tb_bars = [], [], []
for t in range(n):
    trg = sd[t] * math.sqrt(13)
    res = (math.nan, math.nan, math.nan)
    if not math.isnan(trg):
        for j in range(t + 1, min(t + 13, n - 1) + 1):
            rr = math.log(c[j] / c[t])
            if rr >= 1.5 * trg: res = (1, rr, j - t); break
            if rr <= -1.0 * trg: res = (-1, rr, j - t); break
            if j == t + 13: res = (0, rr, 13); break
    tb_label.append(res[0]); tb_ret.append(res[1]); tb_bars.append(res[2])
lab["y_tb13_label"] = nan_list(tb_label); lab["y_tb13_ret"] = nan_list(tb_ret); lab["y_tb13_bars"] = nan_list(tb_bars)
out["labels"] = lab

# ---- universe stage (all symbols share the grid) --------------------------------------------------------------------
syms = list(symbols)
closes = pd.DataFrame({s: np.array(bars[s]["close"]) for s in syms})
rets = np.log(closes / closes.shift(1))
bc = np.array(bench["close"]); rb = pd.Series(np.concatenate([[np.nan], np.log(bc[1:] / bc[:-1])]))
uni = {}
for s in syms:
    for w in (30,):
        uni[f"{s}.bench_corr_{w}"] = nan_list(rets[s].rolling(w).corr(rb).to_numpy())
        uni[f"{s}.bench_beta_{w}"] = nan_list((rets[s].rolling(w).cov(rb) / rb.rolling(w).var()).to_numpy())
    peers = [p for p in syms if p != s and symbols[p][0] == symbols[s][0]]
    loo = rets[peers].mean(axis=1)
    uni[f"{s}.sector_corr_30"] = nan_list(rets[s].rolling(30).corr(loo).to_numpy())
    uni[f"{s}.sector_beta_30"] = nan_list((rets[s].rolling(30).cov(loo) / loo.rolling(30).var()).to_numpy())
    members = [p for p in syms if symbols[p][0] == symbols[s][0]]
    level = rets[members].mean(axis=1).fillna(0).cumsum()
    uni[f"{s}.sector_mom_13"] = nan_list((level - level.shift(13)).to_numpy())
    logc = np.log(closes[s])
    uni[f"{s}.sector_rel_mom_13"] = nan_list(((logc - logc.shift(13)) - (level - level.shift(13))).to_numpy())
# cross-sectional rank/z of the 13-bar return
ret13 = np.log(closes / closes.shift(13))
rank = np.full(ret13.shape, np.nan); zs = np.full(ret13.shape, np.nan)
for t in range(n):
    row = ret13.iloc[t].to_numpy()
    if np.all(np.isfinite(row)):
        rank[t] = (rankdata(row) - 1) / (len(row) - 1)
        zs[t] = zscore(row, ddof=0)
for i, s in enumerate(syms):
    uni[f"{s}.cs_rank_ret_13"] = nan_list(rank[:, i]); uni[f"{s}.cs_z_ret_13"] = nan_list(zs[:, i])
# breadth: share above the 20-bar SMA; advance/decline mean over 5 steps
sma = closes.rolling(20).mean()
above = (closes > sma + 1e-12 * sma.abs()).where(sma.notna())  # strictly above by more than rounding
uni["breadth_above_ma_20"] = nan_list(above.mean(axis=1, skipna=True).where(sma.notna().any(axis=1)).to_numpy())
ad = ((rets > 0).sum(axis=1) - (rets < 0).sum(axis=1)) / rets.notna().sum(axis=1)
uni["breadth_ad_5"] = nan_list(ad.where(rets.notna().any(axis=1)).rolling(5).mean().to_numpy())
out["universe_reference"] = uni

# ---- HMM -------------------------------------------------------------------------------------------------------
# (a) Hamilton filter = forward algorithm, 2 states, univariate: statsmodels MarkovRegression at fixed parameters.
yy = np.concatenate([0.5 + 0.8 * rs.standard_normal(60), -1.0 + 1.6 * rs.standard_normal(40), 0.4 + 0.9 * rs.standard_normal(50)])
mr = MarkovRegression(yy, k_regimes=2, trend="c", switching_variance=True)
p = np.array([0.95, 0.08, 0.5, -1.0, 0.64, 2.56])
f = mr.filter(p)
out["hmm_filter"] = {"y": yy.tolist(), "transition": [[0.95, 0.05], [0.08, 0.92]], "means": [0.5, -1.0], "variances": [0.64, 2.56],
                     "initial": mr.initial_probabilities(p).tolist(), "llf": float(f.llf),
                     "filtered": f.filtered_marginal_probabilities.tolist()}

# (b) Viterbi and one Baum-Welch step, 3 states, 2-D diagonal Gaussian, scaled forward-backward (Rabiner 1989).
K, D, T = 3, 2, 120
A = np.array([[0.90, 0.07, 0.03], [0.10, 0.85, 0.05], [0.05, 0.10, 0.85]])
pi = np.array([0.5, 0.3, 0.2])
mu = np.array([[0.8, -0.5], [-1.2, 1.0], [0.0, 0.0]])
var = np.array([[0.5, 0.3], [1.5, 0.6], [0.8, 0.4]])
states = np.zeros(T, dtype=int); states[0] = 0
for t in range(1, T):
    states[t] = rs.choice(K, p=A[states[t - 1]])
obs = np.array([mu[s] + np.sqrt(var[s]) * rs.standard_normal(D) for s in states])
def emis(o):
    return np.array([np.prod(norm.pdf(o, mu_k, np.sqrt(v_k))) for mu_k, v_k in zip(mu, var)])
B = np.array([emis(o) for o in obs])
# Viterbi in the probability domain with per-step rescaling (ties impossible with continuous data).
delta = pi * B[0]; delta /= delta.sum(); psi = np.zeros((T, K), dtype=int)
for t in range(1, T):
    m = delta[:, None] * A
    psi[t] = m.argmax(axis=0); delta = m.max(axis=0) * B[t]; delta /= delta.sum()
path = np.zeros(T, dtype=int); path[-1] = delta.argmax()
for t in range(T - 1, 0, -1):
    path[t - 1] = psi[t, path[t]]
# scaled forward-backward
alpha = np.zeros((T, K)); scale = np.zeros(T)
alpha[0] = pi * B[0]; scale[0] = alpha[0].sum(); alpha[0] /= scale[0]
for t in range(1, T):
    alpha[t] = (alpha[t - 1] @ A) * B[t]; scale[t] = alpha[t].sum(); alpha[t] /= scale[t]
beta = np.ones((T, K))
for t in range(T - 2, -1, -1):
    beta[t] = (A @ (B[t + 1] * beta[t + 1])) / scale[t + 1]
gamma = alpha * beta
xi = np.zeros((K, K))
for t in range(T - 1):
    xi += (alpha[t][:, None] * A * (B[t + 1] * beta[t + 1])[None, :]) / scale[t + 1]
new_pi = gamma[0]
new_A = xi / gamma[:-1].sum(axis=0)[:, None]
new_mu = (gamma.T @ obs) / gamma.sum(axis=0)[:, None]
new_var = np.array([(gamma[:, k][:, None] * (obs - new_mu[k]) ** 2).sum(axis=0) / gamma[:, k].sum() for k in range(K)])
out["hmm_em"] = {"obs": obs.tolist(), "states": states.tolist(), "initial": pi.tolist(), "transition": A.tolist(), "means": mu.tolist(),
                 "variances": var.tolist(), "loglik": float(np.log(scale).sum()), "viterbi": path.tolist(),
                 "filtered": alpha.tolist(), "smoothed": gamma.tolist(),
                 "step": {"initial": new_pi.tolist(), "transition": new_A.tolist(), "means": new_mu.tolist(), "variances": new_var.tolist()}}

# ---- mutual information of discretised samples ------------------------------------------------------------------
xa = rs.randint(0, 5, size=400); ya = (xa + rs.randint(0, 3, size=400)) % 4
def H(*cols):
    _, counts = np.unique(np.stack(cols, axis=1), axis=0, return_counts=True)
    return entropy(counts / counts.sum())
out["mutual_information"] = {"x": xa.tolist(), "y": ya.tolist(), "mi": float(H(xa) + H(ya) - H(xa, ya))}

with open(OUT, "w") as fh:
    json.dump(out, fh, allow_nan=False)
print("wrote", OUT)
