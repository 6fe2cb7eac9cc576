"""Sign-in burst against a running server: N parallel sign-in POSTs with a wrong password
for one account from one address, while a probe asks /healthz and a public page every 100 ms.

Usage: python3 signin-burst.py BASE_URL SERVER_PID [N=500]
Prints the server's resident memory (idle and peak), the answers by status, how many
passwords were actually verified (422 = wrong password checked) and the probe latencies.
"""

import sys
import threading
import time
import urllib.error
import urllib.request

BASE, PID = sys.argv[1], int(sys.argv[2])
N = int(sys.argv[3]) if len(sys.argv) > 3 else 500
MEMBER = "leipzig@demo.beteiligungsnetz.de"


def rss_mib() -> float:
    with open(f"/proc/{PID}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def sign_in(barrier: threading.Barrier, results: list, index: int) -> None:
    body = f"email={MEMBER}&password=falsch-{index}".encode()
    request = urllib.request.Request(
        f"{BASE}/api/account/sign-in",
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
            "Origin": BASE,
            "Sec-Fetch-Site": "same-origin",
        },
    )
    barrier.wait()
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            results[index] = answer.status
    except urllib.error.HTTPError as error:
        results[index] = error.code
    except Exception as error:  # connection refused, timeout
        results[index] = type(error).__name__


def probe(stop: threading.Event, latencies: dict) -> None:
    while not stop.is_set():
        for path in ("/healthz", "/impressum"):
            started = time.monotonic()
            try:
                urllib.request.urlopen(f"{BASE}{path}", timeout=10).read()
                latencies.setdefault(path, []).append(time.monotonic() - started)
            except Exception:
                latencies.setdefault(path, []).append(float("inf"))
        time.sleep(0.1)


def main() -> None:
    idle = rss_mib()
    results: list = [None] * N
    barrier = threading.Barrier(N)
    threads = [threading.Thread(target=sign_in, args=(barrier, results, i)) for i in range(N)]
    stop = threading.Event()
    latencies: dict = {}
    prober = threading.Thread(target=probe, args=(stop, latencies))
    peak = idle
    started = time.monotonic()
    for thread in threads:
        thread.start()
    prober.start()
    while any(thread.is_alive() for thread in threads):
        peak = max(peak, rss_mib())
        time.sleep(0.02)
    elapsed = time.monotonic() - started
    stop.set()
    prober.join()
    counts: dict = {}
    for status in results:
        counts[status] = counts.get(status, 0) + 1
    print(f"parallel sign-ins: {N}, done in {elapsed:.1f} s")
    print(f"resident memory: idle {idle:.0f} MiB, peak {peak:.0f} MiB, +{peak - idle:.0f} MiB")
    print(f"answers: {dict(sorted(counts.items(), key=str))}")
    print(f"passwords verified (422): {counts.get(422, 0)}")
    for path, values in latencies.items():
        values.sort()
        worst = values[-1]
        p95 = values[int(len(values) * 0.95) - 1] if len(values) > 1 else worst
        print(f"probe {path}: {len(values)} requests, p95 {p95 * 1000:.0f} ms, max {worst * 1000:.0f} ms")


if __name__ == "__main__":
    main()
