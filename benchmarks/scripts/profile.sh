#!/usr/bin/env bash
# Profiles the benchmarks that explain the missed goals (docs/PERFORMANCE.md, "Where the time
# goes"): JFR CPU samples and allocation samples per benchmark, summarised by jfr-top.py into
# benchmarks/results/profiles/<name>.txt. Needs the shaded jar (package) and a JDK with `jfr`.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=${JAR:-benchmarks/target/benchmarks.jar}
# the engine the jar was built from; pass ENGINE=... when the jar comes from another checkout
engine=${ENGINE:-$(git rev-parse --short HEAD)$(git diff --quiet -- runtime/src/main || echo ' + uncommitted runtime changes')}
out=benchmarks/results/profiles
tmp=$(mktemp -d)
mkdir -p "$out"

profile() { # name, then JMH arguments
  local name=$1; shift
  java -jar "$jar" "$@" -f 1 -wi 3 -i 5 -w 1s -r 2s \
    -jvmArgsAppend "-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -XX:StartFlightRecording=filename=$tmp/$name.jfr,settings=profile" \
    > "$tmp/$name.log" 2>&1
  {
    echo "# $name: java -jar $jar $* -f 1 -wi 3 -i 5 -w 1s -r 2s (JFR, settings=profile)"
    echo "# engine: $engine; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    grep -E '^(Benchmark|[A-Za-z]+Bench\.)' "$tmp/$name.log" | grep -v ':' || true
    echo
    echo "## CPU samples"
    python3 benchmarks/scripts/jfr-top.py "$tmp/$name.jfr" 20 | grep -v -E 'java.util.concurrent|org.openjdk.jmh.runner|jdk.internal.reflect|java.lang.reflect|java.lang.Thread.run'
    echo
    echo "## Allocation samples"
    python3 benchmarks/scripts/jfr-top.py --alloc "$tmp/$name.jfr" 15
  } > "$out/$name.txt"
  echo "wrote $out/$name.txt"
}

if [ $# -gt 0 ]; then # only the named profiles
  for name in "$@"; do grep -q "^run $name " "$0" || { echo "no profile $name"; exit 1; }; done
  only=" $* "
fi
run() { [ -z "${only:-}" ] || [[ "$only" == *" $1 "* ]] && profile "$@" || true; }

run ecommerce-S11-reference EcommerceReferenceBench -p scenario=S11
run ecommerce-S16-reference EcommerceReferenceBench -p scenario=S16
run noopBatch 'PipelineBench.noopBatch$'
run batch1OneSyncPeer 'PipelineBench.batch1OneSyncPeer$'
run batch4SyncFlipListener 'PipelineBench.batch4SyncFlipListener$'
run shadow1000OneBatch 'PipelineBench.shadow1000OneBatch$'
run javafx-statewire100 'JavaFxPeerBench.statewire100$'
rm -rf "$tmp"
