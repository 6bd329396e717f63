#!/usr/bin/env bash
# Throughput of the hot path a client hits most: GET /v2/apps with a token (auth, permission-aware
# listing, pagination, JSON), against a bare Jersey+Grizzly endpoint on the same machine and JVM.
# Usage: bench/app-list.sh [seconds] [connections]. Loopback only; bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-6}
CONNECTIONS=${2:-16}
APPS=${APPS:-25}

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -f app-server/target/drydock-server.jar ] && [ -d app-server/target/test-classes/dev/drydock/server/bench ] \
  || mvn -B -q package -DskipTests -pl app-server -am

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "not up: $1" >&2; exit 1; }
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}

warm() { # url [token]: let the JIT settle
  local hdr=()
  [ -n "${2:-}" ] && hdr=(-H "Authorization: token $2")
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-20}s" "${hdr[@]}" "$1" >/dev/null
}
rps() { # url [token]
  local hdr=()
  [ -n "${2:-}" ] && hdr=(-H "Authorization: token $2")
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" "${hdr[@]}" "$1" | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non-2xx: " $0 > "/dev/stderr"}'
}

PORT=$(free_port)
java $JAVA_OPTS -jar app-server/target/drydock-server.jar --port "$PORT" --storage memory >/tmp/drydock-bench-server.log 2>&1 &
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
BARE_PORT=$(free_port)
java $JAVA_OPTS -cp app-server/target/test-classes:app-server/target/drydock-server.jar \
  dev.drydock.server.bench.BareEndpoint "$BARE_PORT" >/tmp/drydock-bench-bare.log 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$BARE_PORT/bare"
BARE="http://127.0.0.1:$BARE_PORT/bare"

# This machine's throughput drifts by tens of percent from minute to minute, so the two are
# measured in alternating rounds (both JVMs stay up; the idle one costs nothing) and the
# medians compared.
warm "$API/v2/apps" "$TOKEN"; warm "$BARE"
d=(); b=()
for _ in $(seq "${ROUNDS:-5}"); do
  d+=("$(rps "$API/v2/apps" "$TOKEN")")
  b+=("$(rps "$BARE")")
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
drydock=$(median "${d[@]}"); bare=$(median "${b[@]}")
echo "rounds, GET /v2/apps: ${d[*]}"
echo "rounds, bare:         ${b[*]}"
echo "GET /v2/apps ($APPS apps, token auth): $drydock req/s (median)"
echo "bare Jersey+Grizzly endpoint:           $bare req/s (median)"
awk -v d="$drydock" -v b="$bare" 'BEGIN { printf "ratio: %.0f%% of the bare endpoint (goal: at least 60%%)\n", 100*d/b }'
