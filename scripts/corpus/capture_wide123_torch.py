"""Round 123, PyTorch: a training script written here (an MLP on a seeded synthetic dataset) run with a sane and a
diverging learning rate and with a bad label put in, autograd anomaly detection catching a NaN in backward, shape
mismatches, torch.profiler tables, torchinfo summaries, and TensorBoard event files read by `tensorboard --inspect`.
(`--warmup` has a bug put in: its factor never stops at 1.0, so the learning rate grows until the loss is nan.)
The extractors are this round's (NEEDLES.md, "Round 123"). Run through capture_wide123.py."""

from __future__ import annotations

import re
from pathlib import Path

from capture_more import any_of, groups, kind, mask, run, write_tree
from capture_wide77 import _errors, _exits, _num, _warnings
from capture_wide123 import cap

TORCH_ENV = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "PYTHONWARNINGS": "default"}

# ------------------------------------------------------------------ extractors (NEEDLES.md, round 123)

EPOCH = re.compile(r"^epoch\s+(\d+)", re.I)  # not the indented `[epoch N batch k]` lines
LOSS = re.compile(r"\bloss[ =:]+(nan|inf|-?[\d.]+(?:e[-+]?\d+)?)", re.I)
ACC = re.compile(r"\bacc(?:uracy)?[ =:]+(nan|[\d.]+)", re.I)


def _first_last_min_max(rows, key, up=False):
    vals = [(_num(v), ln) for v, ln in rows]
    vals = [(v, ln) for v, ln in vals if v is not None and v == v and v not in (float("inf"), float("-inf"))]
    if not vals:
        return []
    best = (max if up else min)(vals, key=lambda r: r[0])
    return [best[1]]


@kind("torch-train-log", "log")
def n_torch_train(lines):
    """Round 123: the first and last epoch lines, the first with a nan/inf loss, the lowest-loss and highest-accuracy epoch lines, Warning/ERROR/skip lines, the lines after the loop; rule 1 on tracebacks."""
    ep = [i for i, ln in enumerate(lines) if EPOCH.match(ln)]
    out = []
    if ep:
        out += [lines[ep[0]], lines[ep[-1]]]
        bad = [lines[i] for i in ep if (m := LOSS.search(lines[i])) and m.group(1).lower() in ("nan", "inf")]
        out += bad[:1]
        out += _first_last_min_max([(m.group(1), lines[i]) for i in ep if (m := LOSS.search(lines[i]))], "loss")
        out += _first_last_min_max([(m.group(1), lines[i]) for i in ep if (m := ACC.search(lines[i]))], "acc", up=True)
        tail = [ln for ln in lines[ep[-1] + 1:] if ln.strip() and not ln.startswith((" ", "Traceback"))
                and not re.match(r"^[\w.]+(Error|Exception|Warning):", ln)]
        out += tail[:4]
    out += [ln for ln in lines if re.search(r"Warning|ERROR|\bskip", ln) and not EPOCH.match(ln)
            and not ln.startswith(" ")]
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


@kind("torch-anomaly-traceback", "log")
def n_torch_anomaly(lines):
    """Round 123: the `Error detected in XBackward0` line, the script's innermost `File` line of the forward-call traceback, rule 1 on the final traceback."""
    out = [ln for ln in lines if "Error detected in" in ln]
    for i, ln in enumerate(lines):
        if "Traceback of forward call that caused the error" in ln:
            files = []
            for k in range(i + 1, len(lines)):
                if re.match(r'^\s+File ".+", line \d+', lines[k]):
                    files.append(lines[k])
                elif lines[k].startswith("Traceback") or (lines[k] and not lines[k][0].isspace()):
                    break
            own = [f for f in files if "site-packages" not in f]
            if own:
                out.append(own[-1])
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


@kind("torch-shape-error", "log")
def n_torch_shape(lines):
    """Round 123: rule 1 on the traceback (the error line naming the shapes, innermost and the script's outermost File lines), every printed shape line."""
    out = _errors(lines)
    out += [ln for ln in lines if re.search(r"shape|torch\.Size", ln) and not ln.startswith(" ")
            and not re.match(r"^[\w.]+(Error|Exception):", ln)]
    return out + _warnings(lines) + _exits(lines)


def _prof_cols(header: str, dashes: str):
    """The column spans of a profiler table from its dashed rule."""
    spans, pos = [], 0
    for part in dashes.split(" "):
        if part:
            spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    names = [header[a:b].strip() for a, b in spans]
    return names, spans


def _pnum(s: str):
    m = re.match(r"^(-?[\d.]+)\s*(%|us|ms|s|b|kb|mb|gb)?$", s.strip(), re.I)
    if not m:
        return None
    v = float(m.group(1))
    unit = (m.group(2) or "").lower()
    return v * {"ms": 1e3, "s": 1e6, "kb": 1e3, "mb": 1e6, "gb": 1e9}.get(unit, 1.0)


@kind("torch-profiler-table", "table")
def n_torch_profiler(lines):
    """Round 123: the column header, the `Self CPU time total` line, every row with Self CPU % >= 10, the rows of the largest `# of Calls` and `CPU total`."""
    out = [ln for ln in lines if ln.startswith("Self CPU time total")]
    for i, ln in enumerate(lines):
        if "Self CPU %" not in ln or i == 0:
            continue
        dashes = lines[i - 1] if set(lines[i - 1].strip()) <= {"-", " "} and lines[i - 1].strip() else None
        if dashes is None:
            continue
        out.append(ln)
        names, spans = _prof_cols(ln, dashes)
        rows = []
        for r in lines[i + 2:]:
            if not r.strip() or set(r.strip()) <= {"-", " "}:
                break
            rows.append((r, {n: r[a:b].strip() for n, (a, b) in zip(names, spans)}))
        for r, d in rows:
            v = _pnum(d.get("Self CPU %", ""))
            if v is not None and v >= 10:
                out.append(r)
        for col in ("# of Calls", "CPU total"):
            vals = [(_pnum(d.get(col, "")), r) for r, d in rows]
            vals = [(v, r) for v, r in vals if v is not None]
            if vals:
                hi = max(v for v, _ in vals)
                out.append(any_of([r for v, r in vals if v == hi]))
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


@kind("torchinfo-summary", "table")
def n_torchinfo(lines):
    """Round 123: the column header, the Total/Trainable/Non-trainable params, Total mult-adds and Estimated Total Size lines, the layer row with the most parameters."""
    out = [ln for ln in lines if re.match(r"^(Layer \(type|Total params|Trainable params|Non-trainable params|"
                                          r"Total mult-adds|Estimated Total Size)", ln)]
    rows = []
    for ln in lines:
        if re.match(r"^[│├└ ]*[─]*\s*\w[\w.]*(?: \([\w.]+\))?:\s*\d", ln) or re.match(r"^[│├└ ─]*\w+ \(\w+\)", ln):
            m = re.search(r"\s([\d,]+|--)\s*$", ln)
            if m and m.group(1) != "--":
                rows.append((int(m.group(1).replace(",", "")), ln))
    if rows:
        hi = max(v for v, _ in rows)
        out.append(any_of([ln for v, ln in rows if v == hi]))
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


@kind("tensorboard-inspect", "log")
def n_tb_inspect(lines):
    """Round 123: every event-file directory line, every tag line under scalars/histograms/tensor, every num_steps and max_step line, every outoforder_steps line not `[]`."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith(("These tags are in", "Event statistics for")):
            out.append(ln)
        if ln.startswith("Found event files in:"):
            for k in range(i + 1, len(lines)):
                if not lines[k].strip():
                    break
                out.append(lines[k])
    section = None
    for ln in lines:
        m = re.match(r"^(\w[\w:]*)\s*(-)?$", ln)
        if m:
            section = m.group(1) if not m.group(2) else None
            continue
        if section in ("scalars", "histograms", "tensor", "images", "audio") and re.match(r"^\s+\S+$", ln):
            out.append(ln)
        if re.match(r"^\s+(num_steps|max_step)\s", ln):
            out.append(ln)
        if re.match(r"^\s+outoforder_steps\s", ln) and not ln.rstrip().endswith("[]"):
            out.append(ln)
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


# ------------------------------------------------------------------ the project

TRAIN = r'''
import argparse, math, sys, warnings
import torch
from torch import nn

p = argparse.ArgumentParser()
p.add_argument("--epochs", type=int, default=50)
p.add_argument("--lr", type=float, default=0.05)
p.add_argument("--seed", type=int, default=123)
p.add_argument("--bad-label", action="store_true")
p.add_argument("--log-batches", action="store_true")
p.add_argument("--clip", type=float, default=0.0)
p.add_argument("--classes", type=int, default=10)
p.add_argument("--act", default="relu", choices=["relu", "none"])
p.add_argument("--warmup", type=int, default=0)
a = p.parse_args()
torch.manual_seed(a.seed)
torch.set_num_threads(1)

n, d, k = 768, 24, a.classes
w_true = torch.randn(d, k)
x = torch.randn(n, d)
y = (x @ w_true + 0.8 * torch.randn(n, k)).argmax(1)
if a.bad_label:
    y[417] = k  # a label one past the last class, put in by a broken export
xtr, ytr, xva, yva = x[:640], y[:640], x[640:], y[640:]

act = nn.ReLU if a.act == "relu" else nn.Identity  # "none": a linear net, nothing bounds its growth
model = nn.Sequential(nn.Linear(d, 64), act(), nn.Dropout(0.1), nn.Linear(64, 64), act(), nn.Linear(64, k))
opt = torch.optim.SGD(model.parameters(), lr=a.lr, momentum=0.9)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=max(1, a.epochs // 3), gamma=0.5)
if a.warmup:
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda e: (e + 1) / a.warmup)  # the warmup never stops at 1.0
lossf = nn.CrossEntropyLoss()
print(f"train {len(xtr)} val {len(xva)} features {d} classes {k} params {sum(p.numel() for p in model.parameters())}")
best = (math.inf, 0)
nonfinite = 0
for epoch in range(1, a.epochs + 1):
    model.train()
    perm = torch.randperm(len(xtr))
    tot, correct = 0.0, 0
    for b in range(0, len(xtr), 32):
        idx = perm[b:b + 32]
        opt.zero_grad()
        out = model(xtr[idx])
        loss = lossf(out, ytr[idx])
        loss.backward()
        if a.clip:
            gn = torch.nn.utils.clip_grad_norm_(model.parameters(), a.clip)
            if not torch.isfinite(gn):
                nonfinite += 1
                warnings.warn("non-finite grad norm: clip_grad_norm_ left the gradients as they were", RuntimeWarning)
        opt.step()
        tot += loss.item() * len(idx)
        correct += (out.argmax(1) == ytr[idx]).sum().item()
        if a.log_batches and (b // 32) % 4 == 0:
            print(f"  [epoch {epoch} batch {b // 32:>2}/20] loss {loss.item():.4f}")
    sched.step()
    model.eval()
    with torch.no_grad():
        vo = model(xva)
        vl = lossf(vo, yva).item()
        va = (vo.argmax(1) == yva).float().mean().item()
    if vl < best[0]:
        best = (vl, epoch)
    print(f"epoch {epoch:>3}/{a.epochs}  loss {tot / len(xtr):.4f}  acc {correct / len(xtr):.4f}  "
          f"val_loss {vl:.4f}  val_acc {va:.4f}  lr {sched.get_last_lr()[0]:.5f}")
print(f"best val_loss {best[0]:.4f} at epoch {best[1]}")
if nonfinite:
    print(f"{nonfinite} steps had a non-finite gradient norm")
if math.isnan(vl):
    print("ERROR: training diverged (val_loss is nan); checkpoint not saved", file=sys.stderr)
    sys.exit(2)
torch.save(model.state_dict(), "/tmp/hm-corpus-wide123/mlp.pt")
print("saved checkpoint to mlp.pt")
'''

ANOMALY_LOG = r'''
import torch
from torch import nn
torch.manual_seed(7)


class SafeLog(nn.Module):
    """log of the class probabilities, written without an epsilon"""
    def forward(self, p):
        return torch.log(p)


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 4)
        self.log = SafeLog()

    def forward(self, x):
        p = torch.softmax(self.fc(x) * 80.0, dim=1)  # a temperature that saturates the softmax
        return self.log(p)


def step(model, x, y):
    out = model(x)
    loss = -(out * y).sum(1).mean()
    print(f"loss {loss.item():.4f}")
    loss.backward()


model = Head()
x = torch.randn(16, 8) * 6
y = torch.nn.functional.one_hot(torch.randint(0, 4, (16,)), 4).float()
with torch.autograd.detect_anomaly():
    step(model, x, y)
'''

ANOMALY_NORM = r'''
import torch
from torch import nn
torch.manual_seed(11)


def layer_norm(x):
    mu = x.mean(-1, keepdim=True)
    sd = ((x - mu) ** 2).mean(-1, keepdim=True).sqrt()   # no epsilon: a constant row has sd 0
    return (x - mu) / sd


class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.proj = nn.Linear(d, d)

    def forward(self, x):
        return layer_norm(torch.relu(self.proj(x)))


torch.autograd.set_detect_anomaly(True)
net = nn.Sequential(Block(12), Block(12), nn.Linear(12, 1))
with torch.no_grad():
    net[0].proj.bias.fill_(-50.0)   # every unit dead: relu gives a constant (zero) row
x = torch.randn(32, 12)
for it in range(3):
    loss = net(x).pow(2).mean()
    print(f"iter {it} loss {loss.item()}")
    loss.backward()
'''

SHAPE_LINEAR = r'''
import torch
from torch import nn
torch.manual_seed(3)


class ConvNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(32 * 8 * 8, 128), nn.ReLU(), nn.Linear(128, 10))

    def forward(self, x):
        f = self.features(x)
        print("features shape:", tuple(f.shape))
        return self.classifier(f)


net = ConvNet()
for size in (32, 48):
    batch = torch.randn(4, 3, size, size)
    print(f"input shape: {tuple(batch.shape)}")
    out = net(batch)
    print("logits:", out.shape)
'''

SHAPE_LOSS = r'''
import torch
from torch import nn
torch.manual_seed(5)
seq = nn.LSTM(input_size=16, hidden_size=32, batch_first=True)
head = nn.Linear(32, 5)
x = torch.randn(8, 20, 16)
y = torch.randint(0, 5, (8, 20))
out, (h, c) = seq(x)
print("lstm out shape", out.shape, "h", h.shape)
logits = head(out)
print("logits shape", logits.shape, "targets shape", y.shape)
loss = nn.CrossEntropyLoss()(logits, y)   # the class dim must come second: (N, C, T)
print(loss)
'''

SHAPE_CAT = r'''
import torch
torch.manual_seed(9)
def collate(items):
    xs = [torch.tensor(it["tokens"]) for it in items]
    for i, t in enumerate(xs):
        print(f"item {i} tokens shape {tuple(t.shape)}")
    return torch.stack(xs)
items = [{"tokens": list(range(n))} for n in (12, 12, 12, 11, 12)]
batch = collate(items)
print(batch.shape)
'''

PROFILE = r'''
import torch
from torch import nn
from torch.profiler import profile, ProfilerActivity, record_function
torch.manual_seed(1)
torch.set_num_threads(1)
net = nn.Sequential(nn.Conv2d(3, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
                    nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.AdaptiveAvgPool2d(4),
                    nn.Flatten(), nn.Linear(64 * 16, 256), nn.ReLU(), nn.Dropout(0.2), nn.Linear(256, 10))
opt = torch.optim.Adam(net.parameters(), 1e-3)
x = torch.randn(16, 3, 32, 32)
y = torch.randint(0, 10, (16,))
import sys
group = len(sys.argv) > 1 and sys.argv[1] == "shapes"
with profile(activities=[ProfilerActivity.CPU], record_shapes=group, profile_memory=not group) as prof:
    for i in range(6):
        with record_function("train_step"):
            opt.zero_grad()
            loss = nn.functional.cross_entropy(net(x), y)
            loss.backward()
            opt.step()
if group:
    print(prof.key_averages(group_by_input_shape=True).table(sort_by="cpu_time_total", row_limit=30))
else:
    print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=45))
'''

SUMMARY = r'''
import sys
import torch
from torch import nn
from torchinfo import summary


class Residual(nn.Module):
    def __init__(self, c, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(c // stride, c, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(c)
        self.conv2 = nn.Conv2d(c, c, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(c)
        self.down = nn.Sequential(nn.Conv2d(c // stride, c, 1, stride, bias=False), nn.BatchNorm2d(c)) if stride > 1 else nn.Identity()

    def forward(self, x):
        return torch.relu(self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x))))) + self.down(x))


class TinyResNet(nn.Module):
    def __init__(self, classes=100):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 32, 3, 1, 1, bias=False), nn.BatchNorm2d(32), nn.ReLU())
        self.stage1 = nn.Sequential(Residual(32), Residual(32))
        self.stage2 = nn.Sequential(Residual(64, 2), Residual(64))
        self.stage3 = nn.Sequential(Residual(128, 2), Residual(128))
        self.stage4 = nn.Sequential(Residual(256, 2), Residual(256))
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(256, classes)
        for p in self.stem.parameters():
            p.requires_grad = False

    def forward(self, x):
        x = self.stage4(self.stage3(self.stage2(self.stage1(self.stem(x)))))
        return self.fc(torch.flatten(self.pool(x), 1))


if sys.argv[1:] == ["wide"]:
    summary(TinyResNet(), input_size=(8, 3, 32, 32), depth=4,
            col_names=("input_size", "output_size", "num_params", "kernel_size", "mult_adds", "trainable"))
else:
    summary(TinyResNet(), input_size=(1, 3, 64, 64), depth=3)
'''

TBWRITE = r'''
import math, random
from torch.utils.tensorboard import SummaryWriter
import torch
rnd = random.Random(123)
for run, lr in (("mlp-lr0.05", 0.05), ("mlp-lr0.5", 0.5), ("cnn-lr0.01", 0.01)):
    w = SummaryWriter(f"runs/{run}")
    for step in range(0, 400):
        loss = 2.3 * math.exp(-step * lr / 8) + rnd.uniform(0, 0.05)
        if lr == 0.5 and step > 260:
            loss = float("nan")
        w.add_scalar("train/loss", loss, step)
        w.add_scalar("train/lr", lr * 0.5 ** (step // 100), step)
        if step % 10 == 0:
            w.add_scalar("val/loss", loss * 1.1, step)
            w.add_scalar("val/acc", 1 - loss / 2.5, step)
        if step % 50 == 0:
            w.add_histogram("fc1/weight", torch.randn(256) * (1 + step / 400), step)
    w.close()
# a resumed run: the second writer starts again at step 120 in the same directory
for start, stop in ((0, 300), (120, 260)):
    w = SummaryWriter("runs/resnet-resume", filename_suffix=f".part{start}")
    for step in range(start, stop):
        w.add_scalar("train/loss", 1.5 / (1 + step / 50), step)
        w.add_scalar("train/grad_norm", rnd.uniform(0.5, 3.0), step)
    w.add_text("notes", f"resumed from step {start}", start)
    w.close()
'''


def torch_train(tmp: Path) -> None:
    root = tmp / "mlp"
    write_tree(root, {"train.py": TRAIN})
    e = TORCH_ENV
    cap("torch-train-300-epochs", "python train.py --epochs 300 --lr 0.02", root, n_torch_train, env=e, timeout=900)
    cap("torch-train-diverge-tail-80", "python train.py --epochs 150 --lr 0.01 --warmup 10 --act none 2>&1 | "
        "tail -n 80", root, n_torch_train, env=e)
    cap("torch-train-warmup-nan-300-exit", "python train.py --epochs 300 --lr 0.01 --warmup 10 --act none; "
        "echo EXIT=$?", root, n_torch_train, env=e, timeout=900)
    cap("torch-train-bad-label-exit", "python train.py --epochs 30 --bad-label; echo EXIT=$?", root, n_torch_train,
        env=e)
    cap("torch-train-log-batches", "python train.py --epochs 25 --lr 0.3 --log-batches", root, n_torch_train, env=e)
    cap("torch-train-clip-grep-v-warning", "python train.py --epochs 90 --lr 0.02 --warmup 6 --act none --clip 5 "
        "--classes 40 2>&1 | grep -v Warning", root, n_torch_train, env=e)
    cap("torch-train-clip-warnings", "python train.py --epochs 40 --lr 3.0 --clip 5 2>&1 | head -n 150", root,
        n_torch_train, env=e)


def torch_errors(tmp: Path) -> None:
    root = tmp / "errs"
    write_tree(root, {"anomaly_log.py": ANOMALY_LOG, "anomaly_norm.py": ANOMALY_NORM, "shape_linear.py": SHAPE_LINEAR,
                      "shape_loss.py": SHAPE_LOSS, "collate.py": SHAPE_CAT})
    e = TORCH_ENV
    cap("torch-anomaly-softmax-log", "python anomaly_log.py", root, n_torch_anomaly, env=e)
    cap("torch-anomaly-layernorm-exit", "python anomaly_norm.py 2>&1; echo EXIT=$?", root, n_torch_anomaly, env=e)
    cap("torch-shape-linear-flatten", "python shape_linear.py", root, n_torch_shape, env=e)
    cap("torch-shape-lstm-crossentropy", "python shape_loss.py; echo EXIT=$?", root, n_torch_shape, env=e)
    cap("torch-shape-stack-collate", "python collate.py 2>&1 | tail -n 30", root, n_torch_shape, env=e)


def torch_tables(tmp: Path) -> None:
    root = tmp / "prof"
    write_tree(root, {"profile_step.py": PROFILE, "summary.py": SUMMARY, "tb_write.py": TBWRITE})
    e = TORCH_ENV
    cap("torch-profiler-self-cpu", "python profile_step.py", root, n_torch_profiler, env=e)
    cap("torch-profiler-input-shapes", "python profile_step.py shapes 2>&1 | grep -v Warning", root,
        n_torch_profiler, env=e)
    cap("torchinfo-resnet-depth3", "python summary.py", root, n_torchinfo, env=e)
    cap("torchinfo-resnet-wide-cols", "python summary.py wide", root, n_torchinfo, env=e)
    run("python tb_write.py", cwd=root, env=e, timeout=600)
    cap("tensorboard-inspect-logdir", "tensorboard --inspect --logdir runs 2>&1 | grep -v -i warning", root,
        n_tb_inspect, env=e)
    cap("tensorboard-inspect-resume-tag", "tensorboard --inspect --logdir runs/resnet-resume --tag train/loss", root,
        n_tb_inspect, env=e)


STEPS = [torch_train, torch_errors, torch_tables]
