#!/bin/bash
# Issue 16: the scaling rows that the final run (one fork each) showed slower, again with three
# forks, before then after, same jars as run.sh.
OPTS="-f 3 -wi 3 -i 4 -w 1s -r 1s -prof gc"
D=${D:-/tmp/fc3}
run() { flock /tmp/jmh.lock java -jar $D/benchmarks-$1.jar "$2" $3 -rf json -rff $D/R-$4-$1.json > $D/R-$4-$1.log 2>&1; }
for spec in "ObserverCountBench|-p observers=0,1" "ListenerCountBench|-p listeners=10" \
    "BatchSizeBench|-p changes=1" "SyncGroupBench|-p members=10000"; do
  b=${spec%%|*}; p=${spec#*|}
  echo "$(date +%T) $b $p"; for j in before after; do run $j "scaling.$b" "$p $OPTS" "$b"; done
done
echo "$(date +%T) done"
