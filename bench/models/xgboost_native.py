#!/usr/bin/python3
"""Native baseline of the XGBoost training benchmark: Debian's python3-xgboost 1.7.4 (the same libxgboost0) training
on exactly the matrix of bench/AlphaTrade.Benchmarks/Models/ModelMatrix.cs with the parameters of
ModelTrainingBenchmarks.XGBoost_AlphaTrade. Times DMatrix construction + 20 rounds, like the C# benchmark; prints
the best and mean of 3 runs.
Usage:
  dotnet run -c Release --project bench/AlphaTrade.Benchmarks -- export-model-matrix /tmp/model_matrix.f32
  /usr/bin/python3 bench/models/xgboost_native.py /tmp/model_matrix.f32"""
import os
import sys
import time
import numpy as np
import xgboost as xgb

rows, features = 620_000, 200
raw = np.fromfile(sys.argv[1], dtype=np.float32)
x = raw[: rows * features].reshape(rows, features)
y = raw[rows * features:]
threads = os.cpu_count()
params = {"objective": "binary:logistic", "eval_metric": "logloss", "eta": 0.1, "max_depth": 6, "subsample": 1.0,
          "colsample_bytree": 1.0, "lambda": 1.0, "alpha": 0.0, "min_child_weight": 1.0, "max_bin": 256,
          "tree_method": "hist", "seed": 42, "verbosity": 0, "nthread": threads}
times = []
for _ in range(3):
    t0 = time.perf_counter()
    d = xgb.DMatrix(x, label=y, nthread=threads)
    xgb.train(params, d, num_boost_round=20)
    times.append(time.perf_counter() - t0)
print(f"python3-xgboost {xgb.__version__}, {threads} threads: best {min(times):.2f} s, mean {sum(times) / len(times):.2f} s")
