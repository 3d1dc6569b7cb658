#!/bin/bash
# Issue 16: rows of a final run (one fork each for the scaling series) that looked slower, again
# with three forks, same jars as run.sh. Arguments: "Class|params" specs (default: the first
# session's list); ORDER="after before" runs the after jar first.
OPTS="-f 3 -wi 3 -i 4 -w 1s -r 1s -prof gc"
D=${D:-/tmp/fc3}
ORDER=${ORDER:-before after}
run() { flock /tmp/jmh.lock java -jar $D/benchmarks-$1.jar "$2" $3 -rf json -rff $D/R-$4-$1.json > $D/R-$4-$1.log 2>&1; }
specs=("$@")
if [ ${#specs[@]} -eq 0 ]; then
  specs=("scaling.ObserverCountBench|-p observers=0,1" "scaling.ListenerCountBench|-p listeners=10"
      "scaling.BatchSizeBench|-p changes=1" "scaling.SyncGroupBench|-p members=10000")
fi
for spec in "${specs[@]}"; do
  b=${spec%%|*}; p=${spec#*|}
  name=$(echo "${b##*.}$p" | tr -c 'A-Za-z0-9=,\n' '_')
  echo "$(date +%T) $b $p"; for j in $ORDER; do run $j "$b" "$p $OPTS" "$name"; done
done
echo "$(date +%T) done"
