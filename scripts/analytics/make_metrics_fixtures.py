#!/usr/bin/env python3
"""Generates the reference fixtures of the analytics tests.

Writes seeded synthetic equity curves (CSV) and, for each, the expected metrics (JSON) computed independently with
numpy / scipy / pandas, following the empyrical / pyfolio definitions documented in docs/metrics.md.

Usage (Debian: apt-get install -y python3-numpy python3-scipy python3-pandas):
    /usr/bin/python3 scripts/analytics/make_metrics_fixtures.py tests/AlphaTrade.Analytics.Tests/Fixtures

The tests read the committed outputs; they never run Python.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
from scipy import stats

OUT = sys.argv[1] if len(sys.argv) > 1 else "tests/AlphaTrade.Analytics.Tests/Fixtures"


def intraday_index(sessions, start="2023-03-01"):
    """Bar-end instants (UTC) of 15-minute bars, 26 per weekday session, 14:45..21:00 UTC."""
    days = pd.bdate_range(start, periods=sessions)
    stamps = []
    for d in days:
        for k in range(26):
            stamps.append(d + pd.Timedelta(hours=14, minutes=45 + 15 * k))
    return pd.DatetimeIndex(stamps, tz="UTC")


def make_series(rng, n, scale, drift, beta, shock_at=None):
    b = stats.t.rvs(df=4, size=n, random_state=rng) * scale * 0.7
    noise = stats.t.rvs(df=3, size=n, random_state=rng) * scale * 0.6
    r = drift + beta * b + noise
    if shock_at is not None:
        # an engineered drawdown and recovery so the drawdown table has a clear deepest episode
        k, length, size = shock_at
        r[k:k + length] -= size / length
        r[k + length:k + 3 * length] += size / (2 * length)
    return r, b


def metrics(equity, bench, ppy, rf_annual=0.0):
    eq = np.asarray(equity, dtype=float)
    r = eq[1:] / eq[:-1] - 1.0
    n = len(r)
    rf = rf_annual / ppy
    out = {}
    out["periods"] = n
    out["total_return"] = eq[-1] / eq[0] - 1.0
    years = n / ppy
    out["cagr"] = (eq[-1] / eq[0]) ** (1.0 / years) - 1.0  # empyrical annual_return
    out["annual_volatility"] = np.std(r, ddof=1) * np.sqrt(ppy)  # empyrical annual_volatility
    out["sharpe"] = np.mean(r - rf) / np.std(r - rf, ddof=1) * np.sqrt(ppy)  # empyrical sharpe_ratio
    downside = np.sqrt(np.mean(np.minimum(r, 0.0) ** 2)) * np.sqrt(ppy)  # empyrical downside_risk
    out["downside_deviation"] = downside
    out["sortino"] = np.mean(r) * ppy / downside  # empyrical sortino_ratio, required_return 0
    cum = np.concatenate([[100.0], 100.0 * np.cumprod(1.0 + r)])
    peak = np.fmax.accumulate(cum)
    mdd = np.min((cum - peak) / peak)  # empyrical max_drawdown
    out["max_drawdown"] = mdd
    out["calmar"] = out["cagr"] / abs(mdd)  # empyrical calmar_ratio
    out["omega"] = np.sum(r[r > 0]) / -np.sum(r[r < 0])  # empyrical omega_ratio, threshold 0
    out["skew"] = float(stats.skew(r))  # biased g1
    out["excess_kurtosis"] = float(stats.kurtosis(r))  # Fisher (excess), biased
    cum_log = np.log1p(r).cumsum()
    out["stability"] = stats.linregress(np.arange(len(cum_log)), cum_log).rvalue ** 2  # empyrical stability_of_timeseries
    out["tail_ratio"] = abs(np.percentile(r, 95)) / abs(np.percentile(r, 5))  # empyrical tail_ratio
    out["var95"] = np.percentile(r, 5)  # empyrical value_at_risk(cutoff=0.05)
    out["var99"] = np.percentile(r, 1)

    def cvar(x, cutoff):  # empyrical conditional_value_at_risk
        k = int((len(x) - 1) * cutoff)
        return np.mean(np.partition(x, k)[: k + 1])

    out["cvar95"] = cvar(r, 0.05)
    out["cvar99"] = cvar(r, 0.01)
    out["per_period"] = summary(r)
    if bench is not None:
        bq = np.asarray(bench, dtype=float)
        b = bq[1:] / bq[:-1] - 1.0
        br = b - b.mean()
        beta = np.mean(br * (r - r.mean())) / np.mean(br ** 2)  # empyrical beta
        alpha_series = (r - rf) - beta * (b - rf)
        active = r - b
        out["benchmark"] = {
            "beta": beta,
            "alpha": (1.0 + np.mean(alpha_series)) ** ppy - 1.0,  # empyrical alpha (annualised)
            "correlation": float(np.corrcoef(r, b)[0, 1]),
            "tracking_error": np.std(active, ddof=1) * np.sqrt(ppy),
            "information_ratio": np.mean(active) / np.std(active, ddof=1) * np.sqrt(ppy),
            "benchmark_total_return": bq[-1] / bq[0] - 1.0,
            "benchmark_cagr": (bq[-1] / bq[0]) ** (1.0 / years) - 1.0,
            "benchmark_volatility": np.std(b, ddof=1) * np.sqrt(ppy),
            "benchmark_sharpe": np.mean(b - rf) / np.std(b, ddof=1) * np.sqrt(ppy),
            "benchmark_max_drawdown": float(np.min(bq / np.maximum.accumulate(bq) - 1.0)),
        }
    return out


def summary(x):
    x = np.asarray(x, dtype=float)
    return {
        "count": int(len(x)),
        "mean": float(np.mean(x)),
        "median": float(np.median(x)),
        "std": float(np.std(x, ddof=1)),
        "best": float(np.max(x)),
        "worst": float(np.min(x)),
        "positive_fraction": float(np.mean(x > 0)),
    }


def drawdowns(index, equity, top=5):
    """Episodes as contiguous runs of equity below its running maximum; deepest first."""
    eq = pd.Series(np.asarray(equity, dtype=float), index=index)
    under = eq / eq.cummax() - 1.0
    below = (under < 0).to_numpy()
    episodes = []
    i = 0
    n = len(eq)
    while i < n:
        if below[i]:
            j = i
            while j + 1 < n and below[j + 1]:
                j += 1
            peak = i - 1
            trough = i + int(np.argmin(eq.to_numpy()[i:j + 1]))
            recovery = j + 1 if j + 1 < n else None
            end = recovery if recovery is not None else n - 1
            episodes.append({
                "peak": index[peak].strftime("%Y-%m-%dT%H:%M:%SZ"),
                "trough": index[trough].strftime("%Y-%m-%dT%H:%M:%SZ"),
                "recovery": None if recovery is None else index[recovery].strftime("%Y-%m-%dT%H:%M:%SZ"),
                "depth": float(eq.iloc[trough] / eq.iloc[peak] - 1.0),
                "duration_periods": int(end - peak),
            })
            i = j + 1
        else:
            i += 1
    episodes.sort(key=lambda e: e["depth"])  # stable: earlier first on ties
    return episodes[:top], len(episodes)


def calendar(index, equity):
    r = pd.Series(np.asarray(equity[1:]) / np.asarray(equity[:-1]) - 1.0, index=index[1:])
    day = (1 + r).groupby(r.index.date).prod() - 1
    month = (1 + r).groupby([r.index.year, r.index.month]).prod() - 1
    year = (1 + r).groupby(r.index.year).prod() - 1
    return {
        "daily": summary(day.to_numpy()),
        "monthly": [{"year": int(y), "month": int(m), "return": float(v)} for (y, m), v in month.items()],
        "yearly": [{"year": int(y), "return": float(v)} for y, v in year.items()],
        "monthly_summary": summary(month.to_numpy()),
        "yearly_summary": summary(year.to_numpy()),
        "day_count": int(len(day)),
    }


def write_case(name, index, equity, bench, ppy, csv_columns, rf_variants=()):
    iso = index.strftime("%Y-%m-%dT%H:%M:%SZ") if csv_columns[0] != "date" else index.strftime("%Y-%m-%d")
    df = pd.DataFrame({csv_columns[0]: iso, csv_columns[1]: [f"{v:.6f}" for v in equity]})
    if bench is not None and len(csv_columns) > 2:
        df[csv_columns[2]] = [f"{v:.6f}" for v in bench]
    df.to_csv(os.path.join(OUT, name + ".csv"), index=False, lineterminator="\n")
    # expected values use the rounded numbers exactly as written in the CSV
    eq = np.array([float(f"{v:.6f}") for v in equity])
    bq = None if bench is None else np.array([float(f"{v:.6f}") for v in bench])
    exp = {"source": "scripts/analytics/make_metrics_fixtures.py (numpy %s, scipy %s, pandas %s)"
           % (np.__version__, __import__("scipy").__version__, pd.__version__),
           "periods_per_year": ppy}
    exp.update(metrics(eq, bq, ppy))
    for rf in rf_variants:
        m = metrics(eq, bq, ppy, rf)
        exp["rf_%g" % rf] = {"risk_free_rate": rf, "sharpe": m["sharpe"], "alpha": m["benchmark"]["alpha"] if bq is not None else None}
    top, count = drawdowns(index, eq)
    exp["top_drawdowns"] = top
    exp["drawdown_count"] = count
    exp["calendar"] = calendar(index, eq)
    with open(os.path.join(OUT, name + ".expected.json"), "w") as f:
        json.dump(exp, f, indent=2, sort_keys=False)
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20240604)

    # 1. Intraday: 80 sessions of 15-minute bars with a benchmark, periods per year 252 x 26 = 6552.
    idx = intraday_index(80)
    n = len(idx) - 1
    r, b = make_series(rng, n, 0.0012, 0.00004, 0.8, shock_at=(700, 60, 0.06))
    equity = 1_000_000 * np.concatenate([[1.0], np.cumprod(1 + r)])
    bench = 400 * np.concatenate([[1.0], np.cumprod(1 + b)])
    write_case("intraday_15min", idx, equity, bench, 6552.0, ["timestamp", "equity", "benchmark"], rf_variants=(0.02,))

    # 2. Daily: 700 weekdays (spans three calendar years), equity only, periods per year 252.
    didx = pd.DatetimeIndex(pd.bdate_range("2021-11-01", periods=700), tz="UTC")
    r2, b2 = make_series(rng, len(didx) - 1, 0.009, 0.0004, 0.5, shock_at=(300, 40, 0.15))
    equity2 = 250_000 * np.concatenate([[1.0], np.cumprod(1 + r2)])
    bench2 = 300 * np.concatenate([[1.0], np.cumprod(1 + b2)])
    write_case("daily", didx, equity2, bench2, 252.0, ["date", "value", "close"], rf_variants=(0.02,))


if __name__ == "__main__":
    main()
