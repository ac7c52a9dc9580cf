#!/usr/bin/env python3
"""Train the field tagger's linear-chain CRF on references made by tools/synth.py.

usage: python3 tools/train_tagger.py SYNTH.jsonl [SYNTH2.jsonl ...] [-o refnorm/tagger/tagger.crfsuite]
       [--holdout 1000] [--iterations 150] [--c1 0.1] [--c2 0.01]

Only generated data goes in; the last --holdout references are kept out of training and scored
(token accuracy and per-label F1) so a change can be judged without any evaluation corpus.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from refnorm.tagger.features import sequence_features, tokenize

_WORD_FEATURES = ("w=", "pre=", "suf=")


def load(paths: list[str]) -> list[tuple[str, list[str]]]:
    rows: list[tuple[str, list[str]]] = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                rows.append((row["text"], row["labels"]))
    return rows


def main(argv: list[str] | None = None) -> int:
    import pycrfsuite  # type: ignore[import-untyped]

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="+")
    ap.add_argument("-o", "--out", default="refnorm/tagger/tagger.crfsuite")
    ap.add_argument("--holdout", type=int, default=1000)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--minfreq", type=float, default=2)
    ap.add_argument(
        "--dropout", type=float, default=0.0, help="share of tokens trained without word features"
    )
    ap.add_argument("--algorithm", default="lbfgs", choices=["lbfgs", "l2sgd", "ap", "pa", "arow"])
    args = ap.parse_args(argv)

    rows = load(args.data)
    held, train = rows[-args.holdout :], rows[: -args.holdout]
    trainer = pycrfsuite.Trainer(algorithm=args.algorithm, verbose=False)
    t0 = time.time()
    rng = random.Random(0)
    for text, labels in train:
        feats = sequence_features(text, tokenize(text))
        if args.dropout:  # hide some word identities so that shape and context must carry the label
            feats = [
                [f for f in fs if not f.startswith(_WORD_FEATURES)] if rng.random() < args.dropout else fs
                for fs in feats
            ]
        trainer.append(feats, labels)
    print(f"features for {len(train)} references in {time.time() - t0:.1f}s", file=sys.stderr)
    params: dict[str, object] = {
        "max_iterations": args.iterations,
        "feature.possible_transitions": True,
        "feature.minfreq": args.minfreq,
    }
    if args.algorithm == "lbfgs":
        params.update(c1=args.c1, c2=args.c2)
    elif args.algorithm == "l2sgd":
        params.update(c2=args.c2)
    trainer.set_params(params)
    t0 = time.time()
    trainer.train(args.out)
    print(
        f"trained in {time.time() - t0:.1f}s -> {args.out} ({Path(args.out).stat().st_size / 1e6:.2f} MB)",
        file=sys.stderr,
    )

    tagger = pycrfsuite.Tagger()
    tagger.open(args.out)
    gold_n: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    tp: Counter[str] = Counter()
    right = total = 0
    for text, labels in held:
        pred = tagger.tag(sequence_features(text, tokenize(text)))
        for g, p in zip(labels, pred, strict=True):
            total += 1
            right += g == p
            gold_n[g] += 1
            pred_n[p] += 1
            tp[g] += g == p
    print(f"held-out token accuracy {right / max(total, 1):.4f} on {len(held)} references")
    for label in sorted(gold_n, key=lambda k: -gold_n[k]):
        p = tp[label] / max(pred_n[label], 1)
        r = tp[label] / max(gold_n[label], 1)
        print(f"  {label:18s} n={gold_n[label]:6d} P={p:.3f} R={r:.3f} F1={2 * p * r / max(p + r, 1e-9):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
