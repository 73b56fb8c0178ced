#!/usr/bin/python3
"""Reference values for AlphaTrade.Models tests, computed by independent libraries (Debian 12 packages):
python3-xgboost 1.7.4 (the same libxgboost0 the C# code calls, through its own Python wrapper),
python3-sklearn 1.2.1 (roc_auc_score, log_loss, accuracy_score, precision_score, recall_score),
python3-scipy 1.10.1 (spearmanr), python3-onnx 1.12 (builds the tiny tree-ensemble ONNX model).
Run from this folder: /usr/bin/python3 generate_fixtures.py  (rewrites xgboost_reference.json, metrics_reference.json, tree_classifier.onnx)."""
import json
import numpy as np
import xgboost as xgb
from scipy.stats import spearmanr
from sklearn.metrics import roc_auc_score, log_loss, accuracy_score, precision_score, recall_score
import onnx
from onnx import helper, TensorProto


def dataset(seed, rows, features):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, features)).astype(np.float32)
    signal = 0.8 * x[:, 0] - 0.5 * x[:, 1] + 0.3 * x[:, 2] * x[:, 3]
    y_reg = (signal + rng.normal(scale=1.0, size=rows)).astype(np.float32)
    y_cls = (y_reg > 0).astype(np.float32)
    return x, y_cls, y_reg


def xgb_case(x, y, objective, metric):
    params = {"objective": objective, "eval_metric": metric, "eta": 0.1, "max_depth": 3, "subsample": 1.0,
              "colsample_bytree": 1.0, "lambda": 1.0, "alpha": 0.0, "min_child_weight": 1.0, "max_bin": 256,
              "tree_method": "hist", "seed": 7, "verbosity": 0, "nthread": 1}
    dtrain = xgb.DMatrix(x[:300], label=y[:300])
    dvalid = xgb.DMatrix(x[300:], label=y[300:])
    bst = xgb.train(params, dtrain, num_boost_round=60, evals=[(dvalid, "valid")], early_stopping_rounds=5, verbose_eval=False)
    pred = bst.predict(dvalid, iteration_range=(0, bst.best_iteration + 1))
    return {"best_iteration": int(bst.best_iteration), "predictions": [float(v) for v in pred],
            "ubj_hex": bytes(bst.save_raw("ubj")).hex()}


x, y_cls, y_reg = dataset(11, 400, 6)
ref = {
    "source": "python3-xgboost 1.7.4 xgb.train(params, num_boost_round=60, early_stopping_rounds=5, evals=[valid]); "
              "train rows 0..299, valid rows 300..399; predictions on valid with iteration_range=(0, best_iteration+1)",
    "params": {"learning_rate": 0.1, "max_depth": 3, "n_estimators": 60, "early_stopping_rounds": 5, "seed": 7, "threads": 1},
    "features": 6,
    "x": [float(v) for v in x.ravel()],
    "y_classification": [float(v) for v in y_cls],
    "y_regression": [float(v) for v in y_reg],
    "classification": xgb_case(x, y_cls, "binary:logistic", "logloss"),
    "regression": xgb_case(x, y_reg, "reg:squarederror", "rmse"),
}
with open("xgboost_reference.json", "w") as f:
    json.dump(ref, f)

# Metrics: probabilities with ties, labels, per-period Spearman across 8 symbols.
rng = np.random.default_rng(5)
n = 240
labels = (rng.random(n) < 0.45).astype(float)
probs = np.round(np.clip(0.45 + 0.2 * (labels - 0.45) + rng.normal(scale=0.2, size=n), 0.0, 1.0), 2)
times = np.repeat(np.arange(30), 8)
pred = np.round(rng.normal(size=n), 1)  # rounded: ties exercise average ranks
outcome = 0.3 * pred + rng.normal(size=n)
per_period = []
for t in range(30):
    m = times == t
    per_period.append(float(spearmanr(pred[m], outcome[m]).correlation))
yhat = (probs >= 0.5).astype(float)
metrics = {
    "source": "scikit-learn 1.2.1 roc_auc_score, log_loss(eps=1e-15), accuracy_score, precision_score/recall_score(pos_label=0/1, zero_division=0) at threshold 0.5; scipy 1.10.1 spearmanr per period",
    "labels": labels.tolist(), "probabilities": probs.tolist(),
    "auc": float(roc_auc_score(labels, probs)), "log_loss": float(log_loss(labels, probs, eps=1e-15)),
    "accuracy": float(accuracy_score(labels, yhat)),
    "precision": [float(precision_score(labels, yhat, pos_label=c, zero_division=0)) for c in (0, 1)],
    "recall": [float(recall_score(labels, yhat, pos_label=c, zero_division=0)) for c in (0, 1)],
    "times": times.tolist(), "predictions": pred.tolist(), "outcomes": outcome.tolist(),
    "rank_ic_per_period": per_period,
    "rank_ic_mean": float(np.mean(per_period)), "rank_ic_std": float(np.std(per_period, ddof=1)),
}
with open("metrics_reference.json", "w") as f:
    json.dump(metrics, f)

# A tiny CatBoost-style export: ai.onnx.ml TreeEnsembleClassifier, 2 features, 2 trees of depth 1, outputs
# "label" and "probabilities" (as CatBoost's save_model(format="onnx") names them).
# Tree 0: x0 <= 0.5 ? leaf -0.4 : leaf 0.6 ; Tree 1: x1 <= -1 ? leaf 0.3 : leaf -0.2 (class-1 weights, LOGISTIC transform).
nodes = dict(
    nodes_treeids=[0, 0, 0, 1, 1, 1], nodes_nodeids=[0, 1, 2, 0, 1, 2], nodes_featureids=[0, 0, 0, 1, 1, 1],
    nodes_values=[0.5, 0.0, 0.0, -1.0, 0.0, 0.0], nodes_modes=["BRANCH_LEQ", "LEAF", "LEAF", "BRANCH_LEQ", "LEAF", "LEAF"],
    nodes_truenodeids=[1, 0, 0, 1, 0, 0], nodes_falsenodeids=[2, 0, 0, 2, 0, 0],
    class_treeids=[0, 0, 1, 1], class_nodeids=[1, 2, 1, 2], class_ids=[1, 1, 1, 1], class_weights=[-0.4, 0.6, 0.3, -0.2],
    classlabels_int64s=[0, 1], post_transform="LOGISTIC")
node = helper.make_node("TreeEnsembleClassifier", ["features"], ["label", "probabilities"], domain="ai.onnx.ml", **nodes)
graph = helper.make_graph([node], "tiny_trees",
                          [helper.make_tensor_value_info("features", TensorProto.FLOAT, [None, 2])],
                          [helper.make_tensor_value_info("label", TensorProto.INT64, [None]),
                           helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [None, 2])])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 1)])
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, "tree_classifier.onnx")
