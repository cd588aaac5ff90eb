#!/usr/bin/env bash
# Our `bench` and PyTorch 2.7.1 (through DJL, the peer harness in ../shared/bench/peers) back to back on the
# same workloads, each the median of 3 timed runs after warm-up, then the same again while `yes > /dev/null`
# keeps one core busy. Prints one table: workload, ours, PyTorch, ratio, own_cores of both, load average.
#   scripts/bench-vs-pytorch.sh [WORKLOAD ...]        (default: mlp cnn lstm bilstm)
# Env: PEERS (peer harness folder; default ../shared/bench/peers beside the repo), WORK (default
# /tmp/peerbench: DJL's build and natives), MNIST_DIR (IDX files; default ~/.nnlab/datasets/mnist), THREADS (2),
# SAMPLES (per timed run; default by workload), CONTENTION=0 to skip the contention part, WARMUP seconds (15).
# Needs target/classes (mvn -o compile) and Maven to build the DJL peer once.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEERS=${PEERS:-$ROOT/../shared/bench/peers}
WORK=${WORK:-/tmp/peerbench}
MNIST_DIR=${MNIST_DIR:-$HOME/.nnlab/datasets/mnist}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-15}
WORKLOADS=("$@")
[ ${#WORKLOADS[@]} -eq 0 ] && WORKLOADS=(mlp cnn lstm bilstm)
LOG=${LOG:-$WORK/logs/vs-pytorch-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$LOG"

samples() { [ -n "${SAMPLES:-}" ] && { echo "$SAMPLES"; return; }; case $1 in mlp) echo 60000 ;; cnn) echo 30720 ;; lstm) echo 10240 ;; *) echo 5120 ;; esac; }

if [ ! -f "$ROOT/cp.txt" ] || [ ! -d "$ROOT/target/classes" ]; then
  (cd "$ROOT" && mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile=cp.txt) || exit 1
fi
if [ ! -f "$WORK/djl/cp.txt" ]; then
  mkdir -p "$WORK/djl" && cp -r "$PEERS/djl/pom.xml" "$PEERS/djl/src" "$WORK/djl/" &&
    (cd "$WORK/djl" && mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=cp.txt) || exit 1
fi

ours() {   # workload samples -> log (the engine needs JDK 25: JAVA_HOME or the java on PATH)
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" --add-modules jdk.incubator.vector -cp "$ROOT/target/classes:$(cat "$ROOT/cp.txt")" org.nnlab.cli.Cli \
    bench --workload "$1" --samples "$2" --threads "$THREADS" --warmup-seconds "$WARMUP" 2>&1 | grep -v WARNING
}
torch() {  # workload samples -> log
  (cd "$WORK/djl" && OMP_NUM_THREADS=$THREADS PYTORCH_VERSION=2.7.1 PYTORCH_FLAVOR=cpu DJL_CACHE_DIR="$WORK/djl-cache" \
    "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$THREADS" -Dai.djl.pytorch.num_interop_threads=1 \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Ddata="$MNIST_DIR" -DquietCores=99 -DquietWaitSeconds=0 \
    -DwarmupSeconds="$WARMUP" -cp "target/classes:$(cat cp.txt)" peerbench.DjlBench "$1" "$2" 3) 2>&1
}
# median samples/s, spread and median own_cores from a log
ours_fig() { awk '/^RESULT engine=nnlab/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  printf "%.0f [%s] %s", v["samples_per_s"], v["spread"], v["own_cores"] }' "$1"; }
torch_fig() { awk 'function sort(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t } }
  /^RESULT peer=djl-pytorch/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  n++; r[n] = v["samples_per_s"] + 0; c[n] = v["own_cores"] + 0 }
  END { if (n == 0) { print "- [-] -"; exit } sort(r, n); sort(c, n); m = int((n + 1) / 2)
  printf "%.0f [%.0f-%.0f] %.2f", r[m], r[1], r[n], c[m] }' "$1"; }

run_all() {  # tag
  for w in "${WORKLOADS[@]}"; do
    n=$(samples "$w")
    load1=$(cut -d' ' -f1 /proc/loadavg)
    ours "$w" "$n" > "$LOG/$1-ours-$w.log"
    torch "$w" "$n" > "$LOG/$1-torch-$w.log"
    load2=$(cut -d' ' -f1 /proc/loadavg)
    read -r o os oc <<<"$(ours_fig "$LOG/$1-ours-$w.log")"
    read -r t ts tc <<<"$(torch_fig "$LOG/$1-torch-$w.log")"
    OURS["$1-$w"]=$o; TORCH["$1-$w"]=$t
    ratio=$(awk -v a="$o" -v b="$t" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
    # samples per CPU-second of each process: what a core gives when the machine is shared
    percpu=$(awk -v a="$o" -v ac="$oc" -v b="$t" -v bc="$tc" 'BEGIN { if (ac > 0 && bc > 0) printf "%.0f / %.0f", a / ac, b / bc; else print "-" }')
    printf "| %s | %s | %s %s | %s %s | %s | %s / %s | %s | %s-%s |\n" "$1" "$w" "$o" "$os" "$t" "$ts" "$ratio" "$oc" "$tc" \
      "$percpu" "$load1" "$load2" | tee -a "$LOG/table.md"
  done
}

echo "| run | workload | ours samples/s [spread] | PyTorch samples/s [spread] | ratio | own_cores ours / PyTorch | per CPU-second ours / PyTorch | load avg before-after |" | tee "$LOG/table.md"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |" | tee -a "$LOG/table.md"
declare -A OURS TORCH
run_all solo
if [ "${CONTENTION:-1}" != 0 ]; then
  yes > /dev/null &
  YES=$!
  trap 'kill $YES 2>/dev/null' EXIT
  run_all yes
  kill $YES
  echo
  echo "| workload | ours: with yes / solo | PyTorch: with yes / solo |" | tee -a "$LOG/table.md"
  echo "| --- | --- | --- |" | tee -a "$LOG/table.md"
  for w in "${WORKLOADS[@]}"; do
    awk -v w="$w" -v oy="${OURS[yes-$w]}" -v os="${OURS[solo-$w]}" -v ty="${TORCH[yes-$w]}" -v ts="${TORCH[solo-$w]}" \
      'BEGIN { printf "| %s | %.2f | %.2f |\n", w, (os > 0 ? oy / os : 0), (ts > 0 ? ty / ts : 0) }' | tee -a "$LOG/table.md"
  done
fi
echo "logs and table: $LOG"
