#!/usr/bin/env bash
# Runs refbench (nats.go) and meshcheck side by side against ONE nats-server, ROUNDS times, and
# prints each figure and the meshcheck/refbench ratio. A development benchmark, not a test: the
# machine it runs on sets the figures, so it alternates the two programs round by round and ends
# with the medians over the rounds and the load average (uptime) seen before each round.
#
#   scripts/compare-refbench.sh [ROUNDS] [max|open|all]      (defaults: 3 rounds, max)
#
# max:  fan-out 1x4 and pub/sub 1x1 delivered msgs/s, closed-loop request-reply p50, and an
#       open-loop 20,000 req/s run; meshcheck once with each of MAX_CLIENTS ("jnats wire").
#       Env: MAX_MESSAGES (1000000 per pub/sub shape), CLOSED_REQUESTS (20000), and for the
#       open-loop run OPEN_WARMUP (3 s here) and OPEN_SECONDS (10 s).
# open: open-loop request-reply at each of RATES req/s (p50/p99 from each request's intended send
#       time on both sides; CPU per request of each process over the same stretch of its measured
#       phase) and a fan-out 1x4 at FANOUT_RATE msgs/s (end-to-end latency; refbench has no
#       fixed-rate pub/sub mode, so meshcheck's side only). meshcheck runs each of OPEN_CLIENTS,
#       and, when BASELINE_JAR names another build's meshcheck.jar, that build too, alternated.
#       Env: RATES (default "5000 20000 40000"), FANOUT_RATE (100000), OPEN_CLIENTS ("wire
#       jnats"), OPEN_WARMUP (2 s), OPEN_SECONDS (10 s), CPU_WINDOW (7 s, within the measured
#       phase).
#
# Needs: nats-server (PATH or /usr/sbin), Go + nats.go for refbench (shared/refbench/build.sh),
# harness/target/meshcheck.jar (mvn -B package -DskipTests), python3, bc, a Linux /proc.
# Env: REFBENCH=/path/to/refbench (built there when missing), REFBENCH_SRC=/path/to/shared/refbench,
# JAR=/path/to/meshcheck.jar.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-3}"
shapes="${2:-max}"
case "$shapes" in max | open | all) ;; *)
  echo "compare-refbench.sh: shapes must be max, open or all, was '$shapes'" >&2
  exit 2
  ;;
esac
jar="${JAR:-$root/harness/target/meshcheck.jar}"
refbench="${REFBENCH:-/tmp/refbench}"
server="$(command -v nats-server || echo /usr/sbin/nats-server)"
# refbench's source sits in shared/ beside the main checkout, also when this is a git worktree.
main_checkout="$(dirname "$(git -C "$root" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || echo "$root/.git")")"
refbench_src="${REFBENCH_SRC:-$main_checkout/../shared/refbench}"
[ -x "$refbench" ] || "$refbench_src/build.sh" "$refbench" >/dev/null
[ -f "$jar" ] || (cd "$root" && mvn -B -q package -DskipTests)

work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000)); mport=$((port + 1))
"$server" -a 127.0.0.1 -p "$port" -m "$mport" >"$work/server.log" 2>&1 &
server_pid=$!
# Keeps the script's own exit status (the killed server's wait reports 143, and set -e holds here too).
trap 'status=$?; kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true; rm -rf "$work"; exit $status' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$mport/healthz" >/dev/null && break; sleep 0.1; done
url="nats://127.0.0.1:$port"

# The same workload on both sides: one subject per shape, given to refbench too (the subject's
# length alone moved refbench by 5-10%: 2.2-2.4M/s on "refbench", 2.0-2.1M/s on a 21-character
# subject). meshcheck gets the 1 s warm-up of its shipped max-rate scenario, so that the JIT has
# compiled its loops before the measured phase, which is the same million messages refbench sends.
scenario() { # name subject kind extra...
  local file="$work/$1.yaml"
  printf 'name: %s\ntopology: single\nworkload:\n  kind: %s\n  subject: %s\n' "$1" "$3" "$2" >"$file"
  shift 3
  for line in "$@"; do printf '  %s\n' "$line" >>"$file"; done
  echo "$file"
}
cd "$root" # meshcheck finds topologies under scenarios/
max_messages="${MAX_MESSAGES:-1000000}"
closed_requests="${CLOSED_REQUESTS:-20000}"
max_clients="${MAX_CLIENTS:-jnats wire}"
for client in $max_clients; do
  scenario "fanout-1x4-$client" bench.fanout fan-out 'publishers: 1' 'subscribers: 4' 'rate: max' "messages: $max_messages" 'payload: 128B' 'warmup: 1s' 'duration: 120s' "client: $client" >/dev/null
  scenario "pubsub-1x1-$client" bench.pubsub fan-out 'publishers: 1' 'subscribers: 1' 'rate: max' "messages: $max_messages" 'payload: 128B' 'warmup: 1s' 'duration: 120s' "client: $client" >/dev/null
  scenario "reqrep-closed-$client" bench.reqrep request-reply 'service: { members: 1 }' 'clients: 1' 'rate: max' "messages: $closed_requests" 'payload: 128B' 'warmup: 1s' 'duration: 120s' "client: $client" >/dev/null
  scenario "reqrep-20k-$client" bench.reqrep request-reply 'service: { members: 1 }' 'clients: 1' 'rate: 20000/s' 'payload: 128B' "warmup: ${OPEN_WARMUP:-3}s" "duration: ${OPEN_SECONDS:-10}s" "client: $client" >/dev/null
done

meshcheck() { # scenario-file out-dir -> prints nothing, leaves summary.json
  java -Xmx512m -jar "$jar" run "$1" --url "$url" --monitor-url "http://127.0.0.1:$mport" --out "$2" >"$2.log" 2>&1 || true
}
field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); w=d['workloads'][0]; print(eval(sys.argv[2]))" "$1" "$2"; }
ref() { "$refbench" -url "$url" "$@" | tr ' ' '\n' | sed -n 's/^\(.*\)=\(.*\)$/\1 \2/p'; }
refval() { awk -v k="$1" '$1==k {print $2}'; }

max_rate_rounds() {
  figures="$work/figures.tsv" # figure <tab> refbench <tab> meshcheck, one line per round
  printf '%-6s %-34s %14s %14s %8s\n' round figure refbench meshcheck ratio
  for r in $(seq "$rounds"); do
    echo "round $r: load average $(uptime | sed 's/.*load average: //')"
    for shape in "fanout-1x4:bench.fanout:-subs 4" "pubsub-1x1:bench.pubsub:-subs 1"; do
      IFS=: read -r name subject subs <<<"$shape"
      # shellcheck disable=SC2086
      refv="$(ref -mode pubsub -subject "$subject" -pubs 1 $subs -n "$max_messages" -size 128 | refval delivered_msgs_per_sec)"
      for client in $max_clients; do
        meshcheck "$work/$name-$client.yaml" "$work/$name-$client-$r"
        summary="$work/$name-$client-$r/summary.json"
        mcv="$(field "$summary" "w['delivered_per_sec']")"
        heap="$(field "$summary" "d['environment']['peak_heap_used_bytes']//1048576")"
        printf '%-6s %-34s %14.0f %14.0f %8.2f   (meshcheck peak heap <= %s MiB, lost %s)\n' "$r" "$name $client delivered msgs/s" \
          "$refv" "$mcv" "$(echo "$mcv / $refv" | bc -l)" "$heap" "$(field "$summary" "w['lost']")"
        printf '%s\t%s\t%s\n' "$name $client delivered msgs/s" "$refv" "$mcv" >>"$figures"
      done
    done
    refp50="$(ref -mode reqrep -subject bench.reqrep -n "$closed_requests" -size 128 | refval p50_us)"
    for client in $max_clients; do
      meshcheck "$work/reqrep-closed-$client.yaml" "$work/reqrep-$client-$r"
      mcp50="$(field "$work/reqrep-$client-$r/summary.json" "w['latency_us']['p50']")"
      printf '%-6s %-34s %14.1f %14.1f %8.2f   (errors %s)\n' "$r" "req-reply closed $client p50 us" "$refp50" "$mcp50" \
        "$(echo "$mcp50 / $refp50" | bc -l)" "$(field "$work/reqrep-$client-$r/summary.json" "w['errors']")"
      printf '%s\t%s\t%s\n' "req-reply closed $client p50 us" "$refp50" "$mcp50" >>"$figures"
    done
    for client in $max_clients; do
      summary="$work/open20k-$client-$r/summary.json"
      meshcheck "$work/reqrep-20k-$client.yaml" "$work/open20k-$client-$r"
      printf '%-6s %-34s %14s %14s   status=%s send-delay p99=%s us latency p99=%s us\n' "$r" "open loop 20000 req/s $client" "-" \
        "$(field "$summary" "w['achieved_rate_per_sec']")" "$(field "$summary" "d['status']")" \
        "$(field "$summary" "w['send_delay_us']['p99']")" "$(field "$summary" "w['latency_us']['p99']")"
    done
  done
  echo "after: load average $(uptime | sed 's/.*load average: //')"
  echo
  echo "medians over $rounds rounds (ratio of medians; in brackets the median of the per-round ratios):"
  python3 - "$figures" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, ref, mc = line.rstrip("\n").split("\t")
    rows.setdefault(name, []).append((float(ref), float(mc)))
for name, values in rows.items():
    ref = statistics.median(v[0] for v in values)
    mc = statistics.median(v[1] for v in values)
    paired = statistics.median(v[1] / v[0] for v in values)
    print(f"{name:34s} refbench {ref:10.0f}  meshcheck {mc:10.0f}  ratio {mc / ref:5.2f} ({paired:4.2f})")
PY
}

# Open loop: both sides follow the same schedule (start + i/rate) and measure each reply from the
# request's intended send time, so a late send counts as latency. Both processes host the service
# member(s) and the client, so their CPU compares whole for whole; it is read from /proc over the
# same CPU_WINDOW seconds inside each one's measured phase (no JVM start-up, no JIT warm-up).
rates="${RATES:-5000 20000 40000}"
fanout_rate="${FANOUT_RATE:-100000}"
open_clients="${OPEN_CLIENTS:-wire jnats}"
open_warmup="${OPEN_WARMUP:-2}"
open_seconds="${OPEN_SECONDS:-10}"
cpu_window="${CPU_WINDOW:-7}"
clock_ticks="$(getconf CLK_TCK)"
variants=""
for client in $open_clients; do variants="$variants $client"; done
if [ -n "${BASELINE_JAR:-}" ]; then
  for client in $open_clients; do variants="$variants baseline-$client"; done
fi
open_scenarios() {
  for client in $open_clients; do
    for rate in $rates; do
      scenario "open-$rate-$client" bench.reqrep request-reply 'service: { members: 1 }' 'clients: 1' "rate: $rate/s" 'payload: 128B' \
        "warmup: ${open_warmup}s" "duration: ${open_seconds}s" "client: $client" >/dev/null
    done
    scenario "fanout-open-$client" bench.fanout fan-out 'publishers: 1' 'subscribers: 4' "rate: $fanout_rate/s" 'payload: 128B' \
      "warmup: ${open_warmup}s" "duration: ${open_seconds}s" "client: $client" >/dev/null
  done
}
cpu_seconds() { # pid -> user+system seconds so far
  awk -v hz="$clock_ticks" '{printf "%.2f\n", ($14 + $15) / hz}' "/proc/$1/stat" 2>/dev/null || echo 0
}
# Reads the process's CPU time over CPU_WINDOW seconds once `ready` (a command) succeeds; prints
# "<cpu seconds> <wall seconds>" to the file $2 and waits for the process.
cpu_over_window() { # pid out-file ready-command...
  local pid="$1" out="$2"
  shift 2
  for _ in $(seq 600); do "$@" && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  local c0 t0 c1 t1
  c0="$(cpu_seconds "$pid")"; t0="$(date +%s.%N)"
  sleep "$cpu_window"
  c1="$(cpu_seconds "$pid")"; t1="$(date +%s.%N)"
  if kill -0 "$pid" 2>/dev/null; then
    echo "$(echo "$c1 - $c0" | bc -l) $(echo "$t1 - $t0" | bc -l)" >"$out"
  else
    echo "nan nan" >"$out" # it ended inside the window: no steady-state figure
  fi
  wait "$pid" || true
}
us_per_message() { # cpu-file rate -> CPU µs per message
  awk -v rate="$2" '$1 == "nan" {print "nan"; next} {printf "%.1f", $1 / ($2 * rate) * 1e6}' "$1"
}
measuring() { grep -q 'measure  \[' "$1" 2>/dev/null; }
elapsed_since() { awk -v t0="$1" -v t1="$(date +%s.%N)" 'BEGIN {exit !(t1 - t0 >= '"$open_warmup"' + 1)}'; }
open_refbench() { # round rate
  local out="$work/ref-$2-$1.txt" cpu="$work/ref-$2-$1.cpu" started
  started="$(date +%s.%N)"
  "$refbench" -url "$url" -mode reqrep-open -subject bench.reqrep -rate "$2" -warmup "$open_warmup" \
    -seconds "$open_seconds" -members 1 -size 128 >"$out" 2>&1 &
  cpu_over_window $! "$cpu" elapsed_since "$started"
  local p50 p99
  p50="$(tr ' ' '\n' <"$out" | sed -n 's/^p50_us=//p')"; p99="$(tr ' ' '\n' <"$out" | sed -n 's/^p99_us=//p')"
  open_row "$1" "reqrep-open $2/s" refbench "${p50:-nan}" "${p99:-nan}" "$(us_per_message "$cpu" "$2")" "$(head -c 60 "$out" | tr '\n' ' ')"
}
open_meshcheck() { # round shape-name rate variant
  local client="${4#baseline-}" use_jar="$jar"
  [ "$client" = "$4" ] || use_jar="$BASELINE_JAR"
  local dir="$work/$2-$4-$1" cpu="$work/$2-$4-$1.cpu"
  java -Xmx512m -jar "$use_jar" run "$work/$2-$client.yaml" --url "$url" --monitor-url "http://127.0.0.1:$mport" \
    --out "$dir" >"$dir.log" 2>&1 &
  cpu_over_window $! "$cpu" measuring "$dir.log"
  local summary="$dir/summary.json"
  if [ ! -f "$summary" ]; then
    open_row "$1" "$(label "$2" "$3")" "$4" nan nan nan "no summary.json: $(tail -c 200 "$dir.log" | tr '\n' ' ')"
    return
  fi
  open_row "$1" "$(label "$2" "$3")" "$4" "$(field "$summary" "w['latency_us']['p50']")" "$(field "$summary" "w['latency_us']['p99']")" \
    "$(us_per_message "$cpu" "$3")" "status=$(field "$summary" "d['status']") send-delay p99=$(field "$summary" "w['send_delay_us']['p99']") us"
}
label() { case "$1" in fanout-open) echo "fan-out 1x4 $2/s" ;; *) echo "reqrep-open $2/s" ;; esac; }
open_rows="$work/open.tsv" # shape <tab> side <tab> p50 <tab> p99 <tab> cpu µs/msg, one line per round
open_row() { # round shape side p50 p99 cpu note
  printf '%-6s %-24s %-16s %10s %10s %10s   %s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7"
  printf '%s\t%s\t%s\t%s\t%s\n' "$2" "$3" "$4" "$5" "$6" >>"$open_rows"
}
open_loop_rounds() {
  open_scenarios
  printf '%-6s %-24s %-16s %10s %10s %10s\n' round shape side "p50 us" "p99 us" "cpu us/msg"
  for r in $(seq "$rounds"); do
    echo "round $r: load average $(uptime | sed 's/.*load average: //')"
    for rate in $rates; do
      open_refbench "$r" "$rate"
      for variant in $variants; do open_meshcheck "$r" "open-$rate" "$rate" "$variant"; done
    done
    for variant in $variants; do open_meshcheck "$r" fanout-open "$fanout_rate" "$variant"; done
  done
  echo "after: load average $(uptime | sed 's/.*load average: //')"
  echo
  echo "medians over $rounds rounds; ratios are meshcheck / refbench of the medians (cpu us per request or published message):"
  python3 - "$open_rows" <<'PY'
import math, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    shape, side, *values = line.rstrip("\n").split("\t")
    rows.setdefault(shape, {}).setdefault(side, []).append([float(v) for v in values])
def medians(samples):
    return [statistics.median(s[i] for s in samples if not math.isnan(s[i])) if any(not math.isnan(s[i]) for s in samples) else math.nan for i in range(3)]
for shape, sides in rows.items():
    ref = medians(sides["refbench"]) if "refbench" in sides else None
    for side, samples in sides.items():
        p50, p99, cpu = medians(samples)
        line = f"{shape:24s} {side:16s} p50 {p50:9.1f}  p99 {p99:9.1f}  cpu {cpu:6.1f}"
        if ref and side != "refbench":
            ratio = lambda a, b: f"{a / b:5.2f}" if b > 0 else "  n/a"
            line += f"   ratio p50 {ratio(p50, ref[0])}  p99 {ratio(p99, ref[1])}  cpu {ratio(cpu, ref[2])}"
        print(line)
PY
}

case "$shapes" in
  max) max_rate_rounds ;;
  open) open_loop_rounds ;;
  all) max_rate_rounds && echo && open_loop_rounds ;;
esac
