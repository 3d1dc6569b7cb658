#!/bin/bash
# Issue 16, side by side: jar "before" (a2c2d9b, the start of the issue) and jar "after" (the
# commit named in docs/PERFORMANCE.md), one benchmark at a time, before then after, in one run.
# Expects benchmarks-before.jar and benchmarks-after.jar in $D. Benchmarks that the before jar
# does not have run on the after jar only (files N-*).
# three forks where the goals are judged (this VM's forks differ more than its iterations)
GOAL_OPTS="-f 3 -wi 3 -i 4 -w 1s -r 1s -prof gc"
OPTS="-f 2 -wi 3 -i 4 -w 1s -r 1s -prof gc"
SCALING_OPTS="-f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc"
D=${D:-/tmp/fc3}
run() { flock /tmp/jmh.lock java -jar $D/benchmarks-$1.jar "$2" $3 -rf json -rff $D/$4-$1.json > $D/$4-$1.log 2>&1; }
echo "$(date +%T) start; nproc $(nproc)"
for b in statewireStreet statewireFlip statewireQuantity statewire100 boundStreet boundFlip boundQuantity bound100 \
    javafxStreet javafxFlip javafxQuantity javafx100; do
  echo "$(date +%T) JavaFxPeerBench.$b"; for j in before after; do run $j "JavaFxPeerBench.$b\$" "$GOAL_OPTS" "J-$b"; done
done
# new in "after": the ignored-result edits, the no-op batch of one, and the floor (HandWrittenForm)
for b in statewireStreetIgnored statewireFlipIgnored statewireQuantityIgnored statewireNoop \
    floorStreet floorFlip floorQuantity floor100 floorNoop; do
  echo "$(date +%T) JavaFxPeerBench.$b"; run after "JavaFxPeerBench.$b\$" "$GOAL_OPTS" "N-$b"
done
for s in S01 S02 S03 S04 S05 S06 S07 S08 S09 S10 S11 S12 S13 S14 S15 S16; do
  echo "$(date +%T) E $s"; for j in before after; do run $j "EcommerceReferenceBench" "-p scenario=$s $GOAL_OPTS" "E-$s"; done
done
for b in noopBatch batch1NoWiring batch1OneSyncPeer batch1OneSyncPeerIgnored batch4NoWiring batch4SyncFlip \
    batch4SyncFlipIgnored batch4SyncFlipListener shadow1000OneBatch shadow1000OneBatchIgnored shadow1000SingleWrites; do
  echo "$(date +%T) PipelineBench.$b"; for j in before after; do run $j "PipelineBench.$b\$" "$OPTS" "P-$b"; done
done
for b in BatchSizeBench ListenerCountBench ObserverCountBench StateSizeBench SyncGroupBench CreationBench \
    ManyStoresThroughputBench ClearMapBench; do
  echo "$(date +%T) $b"; for j in before after; do run $j "scaling.$b" "$SCALING_OPTS" "S-$b"; done
done
for m in Footprint ManyStores; do
  for j in before after; do
    java -cp $D/benchmarks-$j.jar dev.statewire.benchmarks.memory.$m > $D/M-$m-$j.txt 2>&1
  done
done
echo "$(date +%T) done"
