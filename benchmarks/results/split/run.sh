#!/bin/bash
# Record of the side-by-side run of issue 13 (docs/PERFORMANCE.md). Jars: bench-final2 = 7177933 (before the split), bench-after = cc59fed (after), bench-c957567 = c957567 (before issue 12).
# Issue 13 side by side, one benchmark at a time, jar before (7177933) then jar after, so that both
# see the same background load; plus issue 12's before (c957567) for four e-commerce triggers.
OPTS="-f 2 -wi 3 -i 5 -w 1s -r 1s -prof gc"
mkdir -p /tmp/sbs13b
run() { # jar bench extra tag
  flock /tmp/jmh.lock java -jar /tmp/bench-$1.jar "$2" $3 $OPTS -rf json -rff /tmp/sbs13b/$4-$1.json > /tmp/sbs13b/$4-$1.log 2>&1
}
for b in batch1NoWiring batch1OneSyncPeer batch1OneSyncPeerIgnored batch4NoWiring batch4SyncFlip batch4SyncFlipIgnored batch4SyncFlipListener noopBatch shadow1000OneBatch shadow1000OneBatchIgnored shadow1000SingleWrites; do
  echo "$(date +%T) PipelineBench.$b"
  for j in final2 after; do run $j "PipelineBench.$b\$" "" "P-$b"; done
done
for b in statewire100 statewireFlip statewireQuantity statewireStreet; do
  echo "$(date +%T) JavaFxPeerBench.$b"
  for j in final2 after; do run $j "JavaFxPeerBench.$b\$" "" "J-$b"; done
done
for s in S01 S02 S03 S04 S05 S06 S07 S08 S09 S10 S11 S12 S13 S14 S15 S16; do
  echo "$(date +%T) EcommerceReferenceBench $s"
  js="final2 after"
  case $s in S01|S03|S11|S14) js="c957567 final2 after";; esac
  for j in $js; do run $j "EcommerceReferenceBench" "-p scenario=$s" "E-$s"; done
done
echo "$(date +%T) done"
