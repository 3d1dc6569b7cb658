#!/bin/sh
echo "nproc $(nproc)"
for round in 1 2; do
  for v in before after; do
    echo "== $v SchemaBuildBench round $round start $(date -u +%T) loadavg $(cat /proc/loadavg)"
    java -jar /tmp/imm-$v-benchmarks.jar SchemaBuildBench -f 4 -wi 5 -i 5 -rf json -rff /tmp/imm-res/schemabuild-$v-$round.json 2>&1 | grep -E "^(Benchmark|SchemaBuild)"
  done
done
echo "== end $(date -u +%T) loadavg $(cat /proc/loadavg)"
