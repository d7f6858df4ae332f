#!/usr/bin/env python3
"""The cross-language CSR line of BENCHMARKS.md: one RSA-2048/SHA-256 CSR
(testdata/csr/ok/rsa2048-sha256.pem) checked by

  * this crate: `lint_csr` with every check, and the bare aws-lc-rs verification of the same
    bytes, in process: the best time per call over 300 interleaved ~2 ms batches
    (`benches/profile.rs --time csr-lint-rsa2048 csr-verify-rsa2048-aws-lc`), a best-of
    figure like Python's timeit below; also the criterion medians of benches/csr_lint.rs
    (group csr/rsa2048-sha256) when present;
  * Python `cryptography`: `load_pem_x509_csr` + `is_signature_valid`, in process (timeit,
    best of 5 repeats);
  * OpenSSL: `openssl req -verify -noout -in csr.pem` cannot loop in one process, so it runs
    N times and the start-up of the same binary (N times `openssl version`) is subtracted;
    `openssl speed -seconds 2 rsa2048` gives OpenSSL's in-process bare RSA-2048 verification
    for comparison (no parsing).

    python3 benches/cross_language.py          # N=300 openssl runs by default

Prints one Markdown table; pip install cryptography if the import fails.
"""
import json
import os
import platform
import re
import subprocess
import sys
import time
import timeit

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CSR = os.path.join(ROOT, "testdata/csr/ok/rsa2048-sha256.pem")
N = int(os.environ.get("N", "300"))


def median_ns(group, function):
    path = os.path.join(ROOT, "target/criterion", group, function, "new/estimates.json")
    try:
        with open(path) as f:
            return json.load(f)["median"]["point_estimate"]
    except OSError:
        return float("nan")


def rust():
    built = subprocess.run(
        ["nice", "-n", "5", "cargo", "bench", "--bench", "profile", "--no-run",
         "--message-format=json"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    exe = [json.loads(l).get("executable") for l in built.splitlines() if '"executable"' in l]
    exe = [e for e in exe if e and "profile" in os.path.basename(e)][-1]
    out = subprocess.run(
        [exe, "--time", "csr-lint-rsa2048", "csr-verify-rsa2048-aws-lc"],
        check=True, capture_output=True, text=True,
    ).stdout
    best = {l.split()[0]: float(l.split()[1]) * 1000 for l in out.splitlines() if l.strip()}
    return (
        best["csr-lint-rsa2048"],
        best["csr-verify-rsa2048-aws-lc"],
        median_ns("csr_rsa2048-sha256", "lint"),
        median_ns("csr_rsa2048-sha256", "aws-lc-verify"),
    )


def python():
    import cryptography
    from cryptography import x509

    with open(CSR, "rb") as f:
        pem = f.read()
    assert x509.load_pem_x509_csr(pem).is_signature_valid

    def both():
        return x509.load_pem_x509_csr(pem).is_signature_valid

    loaded = x509.load_pem_x509_csr(pem)
    timer = timeit.Timer(both)
    n, _ = timer.autorange()
    best = min(timer.repeat(5, n)) / n
    # is_signature_valid on an already loaded request (cryptography may cache nothing here).
    t2 = timeit.Timer(lambda: loaded.is_signature_valid)
    n2, _ = t2.autorange()
    verify_only = min(t2.repeat(5, n2)) / n2
    return best * 1e9, verify_only * 1e9, cryptography.__version__


def per_process(argv, n):
    start = time.perf_counter()
    for _ in range(n):
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) / n


def openssl():
    version = subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout.strip()
    req = ["openssl", "req", "-verify", "-noout", "-in", CSR]
    ok = subprocess.run(req, capture_output=True, text=True)
    assert ok.returncode == 0 and "OK" in (ok.stdout + ok.stderr), ok
    per_process(req, 10)  # warm the page cache
    startup = min(per_process(["openssl", "version"], N) for _ in range(3))
    verify = min(per_process(req, N) for _ in range(3))
    speed = subprocess.run(
        ["openssl", "speed", "-seconds", "2", "rsa2048"], capture_output=True, text=True
    ).stdout
    m = re.search(r"^rsa\s+2048 bits\s+\S+s\s+(\S+)s", speed, re.M)
    bare = float(m.group(1)) * 1e9 if m else float("nan")
    return (verify - startup) * 1e9, verify * 1e9, startup * 1e9, bare, version


def us(ns):
    return f"{ns / 1000:.1f} µs"


lint, aws, lint_median, aws_median = rust()
py_both, py_verify, py_version = python()
ossl_net, ossl_total, ossl_start, ossl_bare, ossl_version = openssl()
load = os.getloadavg()
print(f"<!-- {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, "
      f"Python {platform.python_version()}, cryptography {py_version}, {ossl_version}, N={N} -->")
print("| RSA-2048/SHA-256 CSR, per CSR | time | vs this crate's full lint |")
print("|---|---|---|")
print(f"| sectigo-codec `lint_csr` (every check, aws-lc-rs verify), in process, best of batches | {us(lint)} | 1.00x |")
print(f"| aws-lc-rs bare `verify` of the same bytes (no parsing, no checks), in process, best of batches | {us(aws)} | {aws / lint:.2f}x |")
print(f"| (criterion medians of benches/csr_lint.rs, last run: lint {us(lint_median)}, aws-lc verify {us(aws_median)}) | | |")
print(f"| Python cryptography {py_version} `load_pem_x509_csr` + `is_signature_valid`, in process | {us(py_both)} | {py_both / lint:.2f}x |")
print(f"| Python cryptography {py_version} `is_signature_valid` alone (request already loaded) | {us(py_verify)} | {py_verify / lint:.2f}x |")
print(f"| `openssl req -verify -noout` ({ossl_version}), per process minus start-up | {us(ossl_net)} | {ossl_net / lint:.2f}x |")
print(f"| the same, whole process ({us(ossl_total)}) / `openssl version` start-up alone | {us(ossl_start)} | - |")
print(f"| `openssl speed rsa2048` bare verification, in process | {us(ossl_bare)} | {ossl_bare / lint:.2f}x |")
