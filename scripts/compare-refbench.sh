#!/usr/bin/env bash
# Runs refbench (nats.go) and meshcheck side by side against ONE nats-server, ROUNDS times, and
# prints each figure and the meshcheck/refbench ratio; every shape runs meshcheck on both clients
# (`client: jnats` and `client: wire`). Ends with the medians over the rounds and the load
# average (uptime) seen before each round. A benchmark, not a test: quote the medians.
#
#   scripts/compare-refbench.sh [ROUNDS]        (default 3)
#
# Needs: nats-server (PATH or /usr/sbin), Go + nats.go for refbench (shared/refbench/build.sh),
# harness/target/meshcheck.jar (mvn -B package -DskipTests). Env: REFBENCH=/path/to/refbench.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-3}"
jar="$root/harness/target/meshcheck.jar"
refbench="${REFBENCH:-/tmp/refbench}"
server="$(command -v nats-server || echo /usr/sbin/nats-server)"
[ -x "$refbench" ] || "$root/../shared/refbench/build.sh" "$refbench" >/dev/null
[ -f "$jar" ] || (cd "$root" && mvn -B -q package -DskipTests)

work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000)); mport=$((port + 1))
"$server" -a 127.0.0.1 -p "$port" -m "$mport" >"$work/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT
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
for client in jnats wire; do
  scenario "fanout-1x4-$client" bench.fanout fan-out 'publishers: 1' 'subscribers: 4' 'rate: max' 'messages: 1000000' 'payload: 128B' 'warmup: 1s' 'duration: 120s' "client: $client" >/dev/null
  scenario "pubsub-1x1-$client" bench.pubsub fan-out 'publishers: 1' 'subscribers: 1' 'rate: max' 'messages: 1000000' 'payload: 128B' 'warmup: 1s' 'duration: 120s' "client: $client" >/dev/null
  scenario "reqrep-closed-$client" bench.reqrep request-reply 'service: { members: 1 }' 'clients: 1' 'rate: max' 'messages: 20000' 'payload: 128B' 'warmup: 1s' 'duration: 120s' "client: $client" >/dev/null
  scenario "reqrep-20k-$client" bench.reqrep request-reply 'service: { members: 1 }' 'clients: 1' 'rate: 20000/s' 'payload: 128B' 'warmup: 3s' 'duration: 10s' "client: $client" >/dev/null
done

meshcheck() { # scenario-file out-dir -> prints nothing, leaves summary.json
  java -Xmx512m -jar "$jar" run "$1" --url "$url" --monitor-url "http://127.0.0.1:$mport" --out "$2" >"$2.log" 2>&1 || true
}
field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); w=d['workloads'][0]; print(eval(sys.argv[2]))" "$1" "$2"; }
ref() { "$refbench" -url "$url" "$@" | tr ' ' '\n' | sed -n 's/^\(.*\)=\(.*\)$/\1 \2/p'; }
refval() { awk -v k="$1" '$1==k {print $2}'; }

figures="$work/figures.tsv" # figure <tab> refbench <tab> meshcheck, one line per round
printf '%-6s %-34s %14s %14s %8s\n' round figure refbench meshcheck ratio
for r in $(seq "$rounds"); do
  echo "round $r: load average $(uptime | sed 's/.*load average: //')"
  for shape in "fanout-1x4:bench.fanout:-subs 4" "pubsub-1x1:bench.pubsub:-subs 1"; do
    IFS=: read -r name subject subs <<<"$shape"
    # shellcheck disable=SC2086
    refv="$(ref -mode pubsub -subject "$subject" -pubs 1 $subs -n 1000000 -size 128 | refval delivered_msgs_per_sec)"
    for client in jnats wire; do
      meshcheck "$work/$name-$client.yaml" "$work/$name-$client-$r"
      summary="$work/$name-$client-$r/summary.json"
      mcv="$(field "$summary" "w['delivered_per_sec']")"
      heap="$(field "$summary" "d['environment'].get('heap_peak_used_bytes',0)//1048576")"
      printf '%-6s %-34s %14.0f %14.0f %8.2f   (meshcheck peak heap <= %s MiB, lost %s)\n' "$r" "$name $client delivered msgs/s" \
        "$refv" "$mcv" "$(echo "$mcv / $refv" | bc -l)" "$heap" "$(field "$summary" "w['lost']")"
      printf '%s\t%s\t%s\n' "$name $client delivered msgs/s" "$refv" "$mcv" >>"$figures"
    done
  done
  refp50="$(ref -mode reqrep -subject bench.reqrep -n 20000 -size 128 | refval p50_us)"
  for client in jnats wire; do
    meshcheck "$work/reqrep-closed-$client.yaml" "$work/reqrep-$client-$r"
    mcp50="$(field "$work/reqrep-$client-$r/summary.json" "w['latency_us']['p50']")"
    printf '%-6s %-34s %14.1f %14.1f %8.2f   (errors %s)\n' "$r" "req-reply closed $client p50 us" "$refp50" "$mcp50" \
      "$(echo "$mcp50 / $refp50" | bc -l)" "$(field "$work/reqrep-$client-$r/summary.json" "w['errors']")"
    printf '%s\t%s\t%s\n' "req-reply closed $client p50 us" "$refp50" "$mcp50" >>"$figures"
  done
  for client in jnats wire; do
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
