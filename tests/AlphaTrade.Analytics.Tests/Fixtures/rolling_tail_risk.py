# Reference values of RiskSectionTests.RollingTailRisk_MatchesNumpyQuantilesAndTailMeans.
# Run with Debian's python3 (numpy 1.24.2): /usr/bin/python3 rolling_tail_risk.py
import numpy as np

r = [0.004, -0.012, 0.007, -0.021, 0.015, 0.002, -0.008, 0.011, -0.017, 0.006, 0.009, -0.031, 0.013, -0.004, 0.005,
     -0.010, 0.018, -0.026, 0.001, 0.008, -0.014, 0.012, -0.006, 0.020, -0.009]
eq = 100 * np.cumprod(1 + np.array(r))
ret = eq / np.concatenate([[100], eq[:-1]]) - 1
W, M = 10, 5
out = []
for k in range(M, len(ret) + 1):
    w = np.sort(ret[max(0, k - W):k])
    n = len(w)
    t5 = int(np.floor((n - 1) * 0.05)) + 1
    t1 = int(np.floor((n - 1) * 0.01)) + 1
    out.append((np.quantile(w, 0.05), np.quantile(w, 0.01), w[:t5].mean(), w[:t1].mean()))
print(len(out))
for i in (0, 7, len(out) - 1):
    print(i, repr(out[i]))
