#!/usr/bin/env bash
# Throughput of the server on each storage: in memory, H2 (the default) and PostgreSQL, with the bare
# Jersey+Grizzly endpoint (BareEndpoint) as the yardstick for reads. Five scenarios:
#   1 list     GET /v2/apps as a user owning exactly 10 apps (not the admin, who sees every app)
#   2 detail   GET /v2/apps/<id>
#   3 whoami   GET /v2/auth/whoami
#   4 cfg-one  POST /v2/apps/<id>/config/ on ONE app from 8 connections (wrk -t8 -c8), each request a new value;
#              the apps have a build, so each change is a release that is deployed
#   5 cfg-own  the same with one app per connection (wrk -t8 -c8, thread n writes to its own app n)
# Reads use wrk -t2 -c$CONNECTIONS. Every server is warmed up (reads and config changes), then all are
# measured in alternating rounds (all JVMs stay up) and the medians compared, because throughput on
# these shared 2-core machines drifts by tens of percent from minute to minute.
#
# Usage: bench/stores.sh                      (about 10 minutes with the defaults)
# Environment: WARMUP=20 (per server before measuring: WARMUP s on the list, WARMUP/2 s each on detail and
#   whoami, WARMUP s on config changes to one app and WARMUP/2 s with one app per connection),
#   ROUNDS=3, SECONDS=6 (per measured run), CONNECTIONS=16 (reads), JAVA_OPTS="-Xms512m -Xmx512m",
#   DRYDOCK_DATABASE_POOL_SIZE (passed on to the servers if set).
# PostgreSQL 15 from Debian (/usr/lib/postgresql/15/bin) runs a throwaway cluster in a temp dir on a free
# loopback port, with its durability defaults (fsync, synchronous_commit on). Loopback only; every step
# bounded in time; servers and the cluster are stopped and temp dirs removed on exit. Raw wrk output and
# server logs go to /tmp/drydock-bench-stores-logs/. Exit status 3 when a measured run had errors
# (non-2xx responses or socket errors), which the summary shows.
set -euo pipefail
PER_RUN=$(printenv SECONDS || true) # bash's own $SECONDS counts time; read the caller's value from the environment
PER_RUN=${PER_RUN:-6}
SECONDS=0
cd "$(dirname "$0")/.."
BENCH=$PWD/bench
WARMUP=${WARMUP:-20}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
WRITE_CONNECTIONS=8
LIST_APPS=10
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
LOGDIR=/tmp/drydock-bench-stores-logs
for v in PER_RUN WARMUP ROUNDS CONNECTIONS; do
  [[ ${!v} =~ ^[1-9][0-9]*$ ]] || { echo "$v must be a positive whole number, not '${!v}'" >&2; exit 2; }
done

log() { printf '[%4ds] %s\n' "$SECONDS" "$*"; }
die() { log "FAILED: $*" >&2; exit 1; }

# ---------------------------------------------------------------- tools and build
command -v wrk >/dev/null || { log "installing wrk"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -x "$PGBIN/postgres" ] || { log "installing postgresql-15"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null; }
[ -f app-server/target/drydock-server.jar ] && [ -d app-server/target/test-classes/dev/drydock/server/bench ] \
  || { log "building the server jar"; mvn -B -q package -DskipTests -pl app-server -am; }

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# ---------------------------------------------------------------- teardown
pids=()
WRK_PID=
PGROOT=
WORK=
cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  [ -n "$WRK_PID" ] && kill "$WRK_PID" 2>/dev/null && wait "$WRK_PID" 2>/dev/null
  if [ ${#pids[@]} -gt 0 ]; then
    kill "${pids[@]}" 2>/dev/null
    (sleep 15; kill -9 "${pids[@]}" 2>/dev/null) & local reaper=$!
    wait "${pids[@]}" 2>/dev/null
    kill "$reaper" 2>/dev/null; wait "$reaper" 2>/dev/null
  fi
  if [ -n "$PGROOT" ] && [ -f "$PGROOT/data/postmaster.pid" ]; then
    (cd "$PGROOT" && as_pg timeout 40 "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w -t 30 stop >/dev/null 2>&1)
    if [ -f "$PGROOT/data/postmaster.pid" ]; then
      local pm; pm=$(head -1 "$PGROOT/data/postmaster.pid")
      [ -n "$pm" ] && kill -9 "$pm" 2>/dev/null
    fi
  fi
  [ -n "$PGROOT" ] && [ -f "$PGROOT/log" ] && cp "$PGROOT/log" "$LOGDIR/postgres.log" 2>/dev/null
  [ -n "$PGROOT" ] && rm -rf "$PGROOT"
  [ -n "$WORK" ] && rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$LOGDIR"; mkdir -p "$LOGDIR"
WRKLOG=$LOGDIR/wrk.log
WORK=$(mktemp -d /tmp/drydock-bench-stores.XXXXXX)
# The servers run from copies, so a build replacing the jar during the run cannot pull it from under them.
JAR=$WORK/drydock-server.jar
cp app-server/target/drydock-server.jar "$JAR"
mkdir -p "$WORK/test-classes/dev/drydock/server"
cp -r app-server/target/test-classes/dev/drydock/server/bench "$WORK/test-classes/dev/drydock/server/"

runs_per_round=$((3 * 3 + 1 + 2 * 3))
half=$(((WARMUP + 1) / 2))
warm_per_server=$((2 * WARMUP + 3 * half))
estimate=$((3 * warm_per_server + WARMUP + ROUNDS * runs_per_round * (PER_RUN + 1) + 60))
log "stores benchmark: WARMUP=${WARMUP}s ROUNDS=$ROUNDS SECONDS=$PER_RUN CONNECTIONS=$CONNECTIONS (reads), $WRITE_CONNECTIONS (config changes); about $((estimate / 60)) min $((estimate % 60)) s; logs in $LOGDIR"

# ---------------------------------------------------------------- PostgreSQL
PGPORT=$(free_port)
PGROOT=$(mktemp -d /tmp/drydock-bench-pg.XXXXXX)
chmod 755 "$PGROOT"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGROOT"
log "PostgreSQL 15: initdb in $PGROOT, port $PGPORT"
(cd "$PGROOT" && as_pg "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  -E UTF8 --no-locale >"$LOGDIR/initdb.log" 2>&1) || die "initdb (see $LOGDIR/initdb.log)"
(cd "$PGROOT" && as_pg timeout 60 "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/log" -w -t 30 \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PGROOT -c max_connections=200" start \
  >/dev/null) || { cat "$PGROOT/log" >&2 2>/dev/null; die "pg_ctl start"; }
# The servers log in over TCP with a password (scram-sha-256), given only through the environment.
PG_USER=drydock
PG_PASSWORD=bench-password
(cd "$PGROOT" && echo "CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD'; CREATE DATABASE drydock OWNER $PG_USER;" \
  | as_pg timeout 30 "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGROOT" -p "$PGPORT" -U postgres -d postgres) \
  || die "creating the PostgreSQL role and database"
(cd "$PGROOT" && as_pg timeout 10 "$PGBIN/psql" -X -At -h "$PGROOT" -p "$PGPORT" -U postgres -d postgres \
  -c "select 'fsync=' || current_setting('fsync') || ' synchronous_commit=' || current_setting('synchronous_commit')") \
  | sed 's/^/         PostgreSQL settings: /'

# ---------------------------------------------------------------- servers
SERVERS=(memory h2 postgres)
declare -A URL LTOK WTOK
start_server() { # name args...
  local name=$1 port; shift
  port=$(free_port)
  URL[$name]="http://127.0.0.1:$port"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$JAR" --host 127.0.0.1 --port "$port" "$@" \
    >"$LOGDIR/server-$name.log" 2>&1 &
  pids+=($!)
}
log "starting the servers: memory, H2, PostgreSQL, bare endpoint"
start_server memory --storage memory
start_server h2 --data-dir "$WORK/h2"
DRYDOCK_DATABASE_USER=$PG_USER DRYDOCK_DATABASE_PASSWORD=$PG_PASSWORD \
  start_server postgres --database-url "jdbc:postgresql://127.0.0.1:$PGPORT/drydock"
BARE_PORT=$(free_port)
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$WORK/test-classes:$JAR" \
  dev.drydock.server.bench.BareEndpoint "$BARE_PORT" >"$LOGDIR/server-bare.log" 2>&1 &
pids+=($!)
BARE="http://127.0.0.1:$BARE_PORT/bare"

wait_up() { # url name
  for _ in $(seq 300); do curl -fs --max-time 2 "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done
  die "$2 not up after 60 s: $1 (see $LOGDIR/server-$2.log)"
}
# call METHOD URL EXPECTED_STATUS [token] [json body]: prints the body, fails loudly on another status
call() {
  local method=$1 url=$2 want=$3 token=${4:-} body=${5:-} out status
  local args=(-s --max-time 10 -X "$method" -w '\n%{http_code}')
  [ -n "$token" ] && args+=(-H "Authorization: token $token")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' -d "$body")
  out=$(curl "${args[@]}" "$url") || die "$method $url: curl failed"
  status=${out##*$'\n'}
  [ "$status" = "$want" ] || die "$method $url answered $status, expected $want: ${out%$'\n'*}"
  printf '%s' "${out%$'\n'*}"
}
login() { # api user: register and log in, print the token
  call POST "$1/v2/auth/register/" 201 "" "{\"username\":\"$2\",\"password\":\"bench-password\"}" >/dev/null
  call POST "$1/v2/auth/login/" 200 "" "{\"username\":\"$2\",\"password\":\"bench-password\"}" \
    | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
for s in "${SERVERS[@]}"; do
  wait_up "${URL[$s]}/healthz" "$s"
  api=${URL[$s]}
  # The first user registered is an admin who sees every app; the benchmark users come after it, so
  # "lister" sees exactly its own 10 apps, as an ordinary client does.
  login "$api" bench >/dev/null
  LTOK[$s]=$(login "$api" lister)
  WTOK[$s]=$(login "$api" writer)
  for i in $(seq "$LIST_APPS"); do call POST "$api/v2/apps/" 201 "${LTOK[$s]}" "{\"id\":\"bench-app-$i\"}" >/dev/null; done
  # writer: bench-cfg-0 (scenario 4), bench-cfg-1..8 (scenario 5); bench-warm-* the same for the warm-up.
  # Each has a build, so a config change is what clients meet: a new release, deployed to the (simulated)
  # scheduler in turn with the app's other deploys.
  for i in $(seq 0 "$WRITE_CONNECTIONS"); do
    for app in "bench-cfg-$i" "bench-warm-$i"; do
      call POST "$api/v2/apps/" 201 "${WTOK[$s]}" "{\"id\":\"$app\"}" >/dev/null
      call POST "$api/v2/apps/$app/builds/" 201 "${WTOK[$s]}" '{"image":"example/bench:1"}' >/dev/null
    done
  done
  # Each request of each scenario answers as expected before anything is measured.
  body=$(call GET "$api/v2/apps" 200 "${LTOK[$s]}")
  [[ $body == *"\"count\":$LIST_APPS,"* || $body == *"\"count\":$LIST_APPS}"* ]] \
    || die "$s: GET /v2/apps as lister does not count $LIST_APPS apps: $body"
  call GET "$api/v2/apps/bench-app-1" 200 "${LTOK[$s]}" >/dev/null
  body=$(call GET "$api/v2/auth/whoami" 200 "${LTOK[$s]}")
  [[ $body == *'"username":"lister"'* ]] || die "$s: whoami is not lister: $body"
  call POST "$api/v2/apps/bench-warm-0/config/" 201 "${WTOK[$s]}" '{"values":{"PREFLIGHT":"1"}}' >/dev/null
  call POST "$api/v2/apps/bench-warm-0/config/" 409 "${WTOK[$s]}" '{"values":{"PREFLIGHT":"1"}}' >/dev/null
  log "$s server up on ${URL[$s]}: users bench (admin), lister (10 apps), writer ($((2 * (WRITE_CONNECTIONS + 1))) apps)"
done
wait_up "$BARE" bare
call GET "$BARE" 200 >/dev/null

# ---------------------------------------------------------------- wrk runs
SCENARIOS=(list detail whoami cfg-one cfg-own)
declare -A TITLE=(
  [list]="1 GET /v2/apps ($LIST_APPS apps)"
  [detail]="2 GET /v2/apps/<id>"
  [whoami]="3 GET /v2/auth/whoami"
  [cfg-one]="4 config, 1 app, ${WRITE_CONNECTIONS} conns"
  [cfg-own]="5 config, 1 app per conn"
  [bare]="0 bare GET /bare (yardstick)"
)
RUN_NO=0
# run NAME SCENARIO SECONDS TAG: one wrk run; sets R_RPS R_N2XX R_SOCK R_REQS, appends the raw output to $WRKLOG
run() {
  local s=$1 scn=$2 d=$3 tag=$4 api out
  local args=(--timeout 2s -d"${d}s") extra=()
  RUN_NO=$((RUN_NO + 1))
  local nonce="$tag$RUN_NO"
  if [ "$s" = bare ]; then
    args+=(-t2 -c"$CONNECTIONS" "$BARE")
  else
    api=${URL[$s]}
    case $scn in
      list) args+=(-t2 -c"$CONNECTIONS" -H "Authorization: token ${LTOK[$s]}" "$api/v2/apps") ;;
      detail) args+=(-t2 -c"$CONNECTIONS" -H "Authorization: token ${LTOK[$s]}" "$api/v2/apps/bench-app-1") ;;
      whoami) args+=(-t2 -c"$CONNECTIONS" -H "Authorization: token ${LTOK[$s]}" "$api/v2/auth/whoami") ;;
      cfg-one | cfg-own)
        local prefix=bench-cfg
        [ "$tag" = w ] && prefix=bench-warm
        args+=(-t"$WRITE_CONNECTIONS" -c"$WRITE_CONNECTIONS" -H "Authorization: token ${WTOK[$s]}"
          -H 'Content-Type: application/json' -s "$BENCH/config-change.lua" "$api/")
        if [ "$scn" = cfg-one ]; then extra=(-- "$nonce" shared "$prefix-0"); else extra=(-- "$nonce" per-thread "$prefix-"); fi ;;
    esac
  fi
  # In the background and waited for, so that a signal ends the run at once (see cleanup).
  timeout $((d + 30)) wrk "${args[@]}" "${extra[@]}" >"$WORK/wrk.out" 2>&1 &
  WRK_PID=$!
  local rc=0
  wait "$WRK_PID" || rc=$?
  WRK_PID=
  out=$(<"$WORK/wrk.out")
  [ "$rc" = 0 ] || { echo "$out" >&2; die "wrk on $s/$scn exited with $rc"; }
  printf '== %s %s %s (%s)\n%s\n' "$s" "$scn" "$tag" "$nonce" "$out" >>"$WRKLOG"
  R_RPS=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  R_REQS=$(awk '/ requests in / {print $1}' <<<"$out")
  R_N2XX=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
  R_SOCK=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
  R_N2XX=${R_N2XX:-0}
  R_SOCK=${R_SOCK:-0}
  [ -n "$R_RPS" ] || { echo "$out" >&2; die "no Requests/sec from wrk on $s/$scn"; }
}
errs() { # non-2xx socket -> "" or " ERRORS: ..."
  [ "$1" = 0 ] && [ "$2" = 0 ] && return 0
  printf ' ERRORS: %s non-2xx, %s socket' "$1" "$2"
}

# Warm-up per server: WARMUP s on the list, half as long each on detail and whoami, WARMUP s of config
# changes on one app and half as long with one app per connection, on separate warm-up apps (the
# measured apps start with no config changes).
WARM_ERRORS=0
warm() { # server scenario seconds
  run "$1" "$2" "$3" w
  log "  warm-up $1 $2 ${3}s: $R_RPS req/s$(errs "$R_N2XX" "$R_SOCK")"
  WARM_ERRORS=$((WARM_ERRORS + R_N2XX + R_SOCK))
}
for s in "${SERVERS[@]}"; do
  log "warming up $s (${warm_per_server} s)"
  warm "$s" list "$WARMUP"
  warm "$s" detail "$half"
  warm "$s" whoami "$half"
  warm "$s" cfg-one "$WARMUP"
  warm "$s" cfg-own "$half"
done
log "warming up bare (${WARMUP} s)"
warm bare bare "$WARMUP"

# Measured rounds: within a round, each scenario runs on every server back to back (the server order
# rotates from round to round), so the servers are compared under the same machine conditions.
declare -A RPS N2XX SOCK REQS
record() { # server scenario
  local k="$1/$2"
  RPS[$k]="${RPS[$k]:-}${RPS[$k]:+ }$R_RPS"
  N2XX[$k]=$((${N2XX[$k]:-0} + R_N2XX))
  SOCK[$k]=$((${SOCK[$k]:-0} + R_SOCK))
  REQS[$k]=$((${REQS[$k]:-0} + R_REQS))
}
for r in $(seq "$ROUNDS"); do
  k=$(((r - 1) % ${#SERVERS[@]}))
  order=("${SERVERS[@]:k}" "${SERVERS[@]:0:k}")
  log "round $r/$ROUNDS (server order: ${order[*]})"
  for scn in list detail whoami bare cfg-one cfg-own; do
    line=""
    if [ "$scn" = bare ]; then
      run bare bare "$PER_RUN" "r$r"; record bare bare
      line=" bare $R_RPS$(errs "$R_N2XX" "$R_SOCK")"
    else
      for s in "${order[@]}"; do
        run "$s" "$scn" "$PER_RUN" "r$r"; record "$s" "$scn"
        line="$line $s $R_RPS$(errs "$R_N2XX" "$R_SOCK"),"
      done
    fi
    log "  $(printf '%-32s' "${TITLE[$scn]}") req/s:${line%,}"
  done
done

# ---------------------------------------------------------------- summary
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
declare -A MED
for k in "${!RPS[@]}"; do
  # shellcheck disable=SC2086
  MED[$k]=$(median ${RPS[$k]})
done
echo
echo "Per-round req/s (raw wrk output in $WRKLOG):"
for scn in "${SCENARIOS[@]}"; do
  for s in "${SERVERS[@]}"; do printf '  %-32s %-9s %s\n' "${TITLE[$scn]}" "$s" "${RPS[$s/$scn]}"; done
done
printf '  %-32s %-9s %s\n' "${TITLE[bare]}" bare "${RPS[bare/bare]}"
echo
echo "Median req/s over $ROUNDS rounds of ${PER_RUN} s; after each figure the errors of all its measured runs"
echo "(non-2xx responses/socket errors; reads: $CONNECTIONS connections, config changes: $WRITE_CONNECTIONS)"
printf '%-32s | %-18s | %-18s | %-18s | %-18s\n' scenario memory h2 postgres bare
printf '%s\n' "---------------------------------+--------------------+--------------------+--------------------+-------------------"
cell() { # key
  if [ -z "${MED[$1]:-}" ]; then printf '%-18s' "-"; return; fi
  local e="${N2XX[$1]}/${SOCK[$1]}"
  [ "$e" = 0/0 ] || e="$e !"
  printf '%8.0f %-9s' "${MED[$1]}" "$e"
}
TOTAL_ERRORS=0
for scn in bare "${SCENARIOS[@]}"; do
  row=$(printf '%-32s' "${TITLE[$scn]}")
  for s in "${SERVERS[@]}" bare; do
    if [ "$scn" = bare ] && [ "$s" = bare ] || { [ "$scn" != bare ] && [ "$s" != bare ]; }; then
      k="$s/$scn"
      row="$row | $(cell "$k")"
      TOTAL_ERRORS=$((TOTAL_ERRORS + ${N2XX[$k]:-0} + ${SOCK[$k]:-0}))
    else
      row="$row | $(printf '%-18s' "")"
    fi
  done
  echo "$row"
done
echo
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "-" }'; }
echo "Reads on the stores as % of the in-memory figure:"
for scn in list detail whoami; do
  printf '  %-32s h2 %5s   postgres %5s\n' "${TITLE[$scn]}" \
    "$(pct "${MED[h2/$scn]}" "${MED[memory/$scn]}")" "$(pct "${MED[postgres/$scn]}" "${MED[memory/$scn]}")"
done
printf '  %-32s memory %5s   h2 %5s   postgres %5s\n' "GET /v2/apps as % of bare" \
  "$(pct "${MED[memory/list]}" "${MED[bare/bare]}")" "$(pct "${MED[h2/list]}" "${MED[bare/bare]}")" \
  "$(pct "${MED[postgres/list]}" "${MED[bare/bare]}")"
echo "Config changes/s on one app from $WRITE_CONNECTIONS connections:"
target() { # server goal
  local k="$1/cfg-one" verdict
  verdict=$(awk -v v="${MED[$k]}" -v g="$2" 'BEGIN { print (v >= g) ? "met" : "NOT met" }')
  [ $((${N2XX[$k]} + ${SOCK[$k]})) -gt 0 ] && verdict="$verdict, but ${N2XX[$k]} non-2xx and ${SOCK[$k]} socket errors: figure not trustworthy"
  printf '  %-9s %6.0f/s   (target >= %s/s: %s)\n' "$1" "${MED[$k]}" "$2" "$verdict"
}
target h2 2000
target postgres 1000
printf '  %-9s %6.0f/s   (for reference; one app per connection: memory %.0f, h2 %.0f, postgres %.0f)\n' memory \
  "${MED[memory/cfg-one]}" "${MED[memory/cfg-own]}" "${MED[h2/cfg-own]}" "${MED[postgres/cfg-own]}"
echo
[ "$WARM_ERRORS" -gt 0 ] && echo "warm-up: $WARM_ERRORS errors (non-2xx or socket), see $WRKLOG"
if [ "$TOTAL_ERRORS" -gt 0 ]; then
  echo "ERRORS: $TOTAL_ERRORS non-2xx responses or socket errors in the measured runs (see the table and $WRKLOG)"
  log "done, with errors"
  exit 3
fi
echo "errors: none (every measured request answered 2xx, no socket errors)"
log "done"
