#!/bin/bash
# Issue 13: jar before the split (final2 = 7177933) vs jar now (evt), one benchmark at a time, before then after.
# Issue 15: JavaFxPeerBench with the bound column, and ObserverCountBench, jar now.
OPTS="-f 2 -wi 3 -i 5 -w 1s -r 1s -prof gc"
D=/tmp/final; mkdir -p $D
run() { flock /tmp/jmh.lock java -jar benchmarks-$1.jar "$2" $3 $OPTS -rf json -rff $D/$4-$1.json > $D/$4-$1.log 2>&1; }
echo "$(date +%T) start; nproc $(nproc)"
for b in noopBatch batch1OneSyncPeer batch4SyncFlipListener shadow1000OneBatch shadow1000OneBatchIgnored; do
  echo "$(date +%T) PipelineBench.$b"; for j in final2 evt; do run $j "PipelineBench.$b\$" "" "P-$b"; done
done
for b in statewireStreet statewireFlip statewireQuantity statewire100; do
  echo "$(date +%T) JavaFxPeerBench.$b"; for j in final2 evt; do run $j "JavaFxPeerBench.$b\$" "" "J-$b"; done
done
for s in S03 S04 S06 S07 S09 S12 S13 S14 S16; do
  echo "$(date +%T) E $s"; for j in final2 evt; do run $j "EcommerceReferenceBench" "-p scenario=$s" "E-$s"; done
done
echo "$(date +%T) issue 15"
run evt "JavaFxPeerBench" "" "X-javafx"
run evt "ObserverCountBench" "" "X-observers"
echo "$(date +%T) done"
