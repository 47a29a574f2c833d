"""256 concurrent sign-ins for a fixed time: counts admitted (200/401) and shed (503) answers and reports the
latency percentiles of the admitted ones, which wrk cannot separate by status."""
import http.client, json, sys, threading, time

port, users, seconds, connections = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
# "obey": a client that waits Retry-After before trying again; "ignore": one that retries at once
obey = len(sys.argv) > 5 and sys.argv[5] == "obey"
lock = threading.Lock()
admitted, shed, other, retry_after_ok = [], 0, 0, True
deadline = time.monotonic() + seconds

def worker(n):
    global shed, other, retry_after_ok
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    i = n
    while time.monotonic() < deadline:
        body = json.dumps({"email": f"bench-{i % users}@example.com", "password": "correct horse battery staple"})
        i += connections
        start = time.monotonic()
        try:
            conn.request("POST", "/api/auth/sign-in", body, {"Content-Type": "application/json"})
            response = conn.getresponse()
            response.read()
        except Exception:
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            with lock:
                other += 1
            continue
        elapsed = time.monotonic() - start
        with lock:
            if response.status == 503:
                shed += 1
                retry_after = response.getheader("Retry-After")
                retry_after_ok = retry_after_ok and retry_after is not None
                if obey and retry_after:
                    time.sleep(min(float(retry_after), max(0.0, deadline - time.monotonic())))
            elif response.status in (200, 401):
                admitted.append(elapsed)
            else:
                other += 1

threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
for t in threads: t.start()
for t in threads: t.join()
admitted.sort()
def pct(p): return admitted[min(len(admitted) - 1, int(len(admitted) * p))] * 1000 if admitted else float("nan")
print(json.dumps({"admitted": len(admitted), "shed": shed, "other": other, "retry_after_on_503": retry_after_ok,
                  "admitted_per_s": round(len(admitted) / seconds, 1), "p50_ms": round(pct(0.50), 1), "p99_ms": round(pct(0.99), 1)}))
