#!/usr/bin/python3
"""numpy counting N values into the 10 quantile bins of a 10^5-value reference (HistogramCountBenchmarks):
np.histogram over explicit edges (sort-based for non-uniform edges), and np.searchsorted + np.bincount with the
values clipped into the range, the way PSI code usually does it."""
import sys, time, numpy as np
n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
rng = np.random.default_rng(20261201)
edges = np.quantile(rng.standard_normal(100_000), np.linspace(0, 1, 11))
x = 1.1 * rng.standard_normal(n) + 0.2
def histogram():
    return np.histogram(np.clip(x, edges[0], edges[-1]), bins=edges)[0]
def searchsorted():
    i = np.searchsorted(edges[1:-1], x, side="right")
    return np.bincount(i, minlength=10)
for name, f in (("np.histogram(clip(x), edges)", histogram), ("np.searchsorted + np.bincount", searchsorted)):
    f(); ts = []
    for _ in range(7):
        t0 = time.perf_counter(); c = f(); ts.append((time.perf_counter() - t0) * 1e3)
    print(f"numpy {name} n={n}: total {int(c.sum())} median {sorted(ts)[3]:.1f} ms")
