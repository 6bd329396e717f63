#!/usr/bin/env bash
# Throughput of the hot path a client hits most: GET /v2/apps with a token (auth, permission-aware
# listing, pagination, JSON), against a bare Jersey+Grizzly endpoint on the same machine and JVM.
# Usage: bench/app-list.sh [seconds] [connections]. Loopback only; bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-10}
CONNECTIONS=${2:-32}
APPS=${APPS:-25}

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -f app-server/target/drydock-server.jar ] && [ -d app-server/target/test-classes/dev/drydock/server/bench ] \
  || mvn -B -q package -DskipTests -pl app-server -am

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "not up: $1" >&2; exit 1; }
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}

rps() { # url [token]
  local hdr=()
  [ -n "${2:-}" ] && hdr=(-H "Authorization: token $2")
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-10}s" "${hdr[@]}" "$1" >/dev/null   # warm-up: let the JIT settle
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" "${hdr[@]}" "$1" | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non-2xx: " $0 > "/dev/stderr"}'
}

PORT=$(free_port)
java $JAVA_OPTS -jar app-server/target/drydock-server.jar --port "$PORT" >/tmp/drydock-bench-server.log 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$PORT/healthz"
API="http://127.0.0.1:$PORT"
curl -fs -XPOST "$API/v2/auth/register/" -H 'Content-Type: application/json' \
  -d '{"username":"bench","password":"bench-password"}' >/dev/null
TOKEN=$(curl -fs -XPOST "$API/v2/auth/login/" -H 'Content-Type: application/json' \
  -d '{"username":"bench","password":"bench-password"}' | sed -E 's/.*"token":"([0-9a-f]+)".*/\1/')
for i in $(seq "$APPS"); do
  curl -fs -XPOST "$API/v2/apps/" -H "Authorization: token $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"id\":\"bench-app-$i\"}" >/dev/null
done
drydock=$(rps "$API/v2/apps" "$TOKEN")
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true

BARE_PORT=$(free_port)
java $JAVA_OPTS -cp app-server/target/test-classes:app-server/target/drydock-server.jar \
  dev.drydock.server.bench.BareEndpoint "$BARE_PORT" >/tmp/drydock-bench-bare.log 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$BARE_PORT/bare"
bare=$(rps "http://127.0.0.1:$BARE_PORT/bare")

echo "GET /v2/apps ($APPS apps, token auth): $drydock req/s"
echo "bare Jersey+Grizzly endpoint:           $bare req/s"
awk -v d="$drydock" -v b="$bare" 'BEGIN { printf "ratio: %.0f%% of the bare endpoint (goal: at least 60%%)\n", 100*d/b }'
