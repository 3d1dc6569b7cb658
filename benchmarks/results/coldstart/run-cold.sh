#!/bin/sh
# before/after side by side, interleaved: A B A B
echo "nproc $(nproc)"
for round in 1 2; do
  for v in before after; do
    echo "== $v round $round start $(date -u +%T) loadavg $(cat /proc/loadavg)"
    java -jar /tmp/imm-$v-benchmarks.jar ColdStartBench -f 10 -wi 3 -i 10 -rf json -rff /tmp/imm-res/coldstart-$v-$round.json 2>&1 | grep -E "^(Benchmark|ColdStart)"
  done
done
for v in before after; do
  echo "== $v SchemaBuildBench start $(date -u +%T) loadavg $(cat /proc/loadavg)"
  java -jar /tmp/imm-$v-benchmarks.jar SchemaBuildBench -rf json -rff /tmp/imm-res/schemabuild-$v.json 2>&1 | grep -E "^(Benchmark|SchemaBuild)"
done
echo "== end $(date -u +%T) loadavg $(cat /proc/loadavg)"
