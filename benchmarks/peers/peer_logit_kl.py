#!/usr/bin/python3
"""PyTorch's distillation KL, row by row: kl_div(log_softmax(student / T), log_softmax(teacher / T), log_target=True)
summed over the classes of each row, on a [10^4, 1000] float32 block of logits (LogitKullbackLeiblerRowsBenchmarks'
recipe: teacher uniform in (-4, 4), student within +-1 of it, T = 2), one thread."""
import sys, time, numpy as np, torch
import torch.nn.functional as F
rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
classes = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
torch.set_num_threads(1)
rng = np.random.default_rng(11)
teacher = torch.from_numpy((8 * (rng.random((rows, classes)) - 0.5)).astype(np.float32))
student = teacher + torch.from_numpy((2 * rng.random((rows, classes)) - 1).astype(np.float32))
def kl():
    lp = F.log_softmax(teacher / 2, dim=1); lq = F.log_softmax(student / 2, dim=1)
    return F.kl_div(lq, lp, log_target=True, reduction='none').sum(dim=1)
def dot():
    return torch.dot(teacher.view(-1), student.view(-1))
def median(f):
    f(); ts = []
    for _ in range(7):
        t0 = time.perf_counter(); v = f(); ts.append((time.perf_counter() - t0) * 1e3)
    return v, sorted(ts)[3]
v, t = median(kl); _, td = median(dot)
print(f"torch kl_div rows {rows}x{classes} float32: row 0 = {v[0].item():.6g}, median {t:.1f} ms (torch.dot same data {td:.1f} ms)")
