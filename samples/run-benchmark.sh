#!/usr/bin/env bash
# The documented run of docs/orleans.md: for 1, 2 and 3 silos (separate processes on 127.0.0.1, Redis
# membership and storage), ingest a synthetic file through the sample client while it scores customers,
# and record each silo's resident memory before and after. Usage (from the repository root, after
# `dotnet build CustomerRetention.sln -c Release`):
#   samples/run-benchmark.sh [ROWS] [BATCH]        # defaults 1000000 rows, 50000 rows per batch
set -euo pipefail
cd "$(dirname "$0")/.."

rows="${1:-1000000}"
batch="${2:-50000}"
eval "$(.ci/start-redis)"
silo=samples/CustomerRetention.Orleans.Silo/bin/Release/net10.0/CustomerRetention.Orleans.Silo.dll
client=samples/CustomerRetention.Orleans.Client/bin/Release/net10.0/CustomerRetention.Orleans.Client.dll
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

rss_mib() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

dotnet "$client" generate "$work/synthetic.csv" --rows "$rows"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); redis $(redis-server --version | awk '{print $3}')"

for n in 1 2 3; do
  id="bench-$n-$(date +%s)"
  pids=()
  for i in $(seq 1 "$n"); do
    dotnet "$silo" --redis "$RETENTION_TEST_REDIS" --silo-port $((21000 + i)) --gateway-port $((22000 + i)) \
      --cluster-id "$id" --service-id "$id" > "$work/silo$i.log" 2>&1 &
    pids+=("$!")
  done
  for i in $(seq 1 "$n"); do
    until grep -q "silo ready" "$work/silo$i.log"; do sleep 0.2; done
  done
  before=(); for p in "${pids[@]}"; do before+=("$(rss_mib "$p")"); done
  echo "== $n silo(s)"
  dotnet "$client" bench "$work/synthetic.csv" --batch "$batch" --redis "$RETENTION_TEST_REDIS" --cluster-id "$id" --service-id "$id"
  after=(); for p in "${pids[@]}"; do after+=("$(rss_mib "$p")"); done
  echo "silo RSS MiB before: ${before[*]}; after: ${after[*]}"
  for p in "${pids[@]}"; do kill "$p"; wait "$p" 2>/dev/null || true; done
done
