#!/bin/sh
echo "nproc $(nproc)"
for round in 3 4; do
  for v in before after; do
    echo "== $v round $round start $(date -u +%T) loadavg $(cat /proc/loadavg) other-maven $(ps aux | grep -c '[p]lexus-classworlds')"
    java -jar /tmp/imm-$v-benchmarks.jar SchemaBuildBench -f 4 -wi 5 -i 5 -rf json -rff /tmp/imm-res/schemabuild-$v-$round.json 2>&1 | grep -E "^(Benchmark|SchemaBuild)"
    java -jar /tmp/imm-$v-benchmarks.jar ColdStartBench -f 10 -wi 3 -i 10 -rf json -rff /tmp/imm-res/coldstart-$v-$round.json 2>&1 | grep -E "^(Benchmark|ColdStart)"
  done
done
echo "== end $(date -u +%T) loadavg $(cat /proc/loadavg) other-maven $(ps aux | grep -c '[p]lexus-classworlds')"
