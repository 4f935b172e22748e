#!/usr/bin/python3
"""scikit-learn's SelectKBest(mutual_info_classif with discrete_features=True, k=50) on the recipe of
FeatureSelectionBenchmarks (SelectionData.Discrete): 1000 uniform features, feature j with 4 + j % 5 levels, over 10^4 rows,
a 4-class target that is (x3 + x500) % 4 in half the rows and uniform noise in the rest. It ranks by I(X;Y) alone (MIM):
scikit-learn has no mRMR or JMI (#8889), so this is only the speed reference the issue names."""
import sys, time, numpy as np
from functools import partial
from sklearn.feature_selection import SelectKBest, mutual_info_classif
f = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
rng = np.random.default_rng(20261201)
x = np.column_stack([rng.integers(0, 4 + j % 5, n) for j in range(f)])
y = np.where(rng.random(n) < 0.5, (x[:, 3] + x[:, 500 % f]) % 4, rng.integers(0, 4, n))
score = partial(mutual_info_classif, discrete_features=True, random_state=0)
ts = []
for _ in range(3):
    t0 = time.perf_counter(); chosen = SelectKBest(score, k=50).fit(x, y).get_support(indices=True); ts.append(time.perf_counter() - t0)
print(f"sklearn SelectKBest(mutual_info_classif, discrete, k=50) {f} features x {n} rows: median {sorted(ts)[1] * 1e3:.0f} ms; "
      f"chose 3: {3 in chosen}, 500: {(500 % f) in chosen}")
