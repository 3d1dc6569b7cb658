package dev.statewire.benchmarks.coldstart;

import dev.statewire.annotations.Flip;
import dev.statewire.annotations.State;
import dev.statewire.annotations.Sync;
import java.util.Map;

/**
 * The state of the cold-start benchmark: 40 panes whose titles form one sync group and whose
 * widths form another (40 members each, declared as two chains of 39 pairs), each pane with
 * an {@code open}/{@code closed} flip pair (40 static flip groups), and a map of further panes
 * (one flip group per entry, from the entry template). 207 static paths.
 */
@State
@Sync({"p0.title", "p1.title", "p2.title", "p3.title", "p4.title", "p5.title", "p6.title", "p7.title", "p8.title", "p9.title", "p10.title", "p11.title", "p12.title", "p13.title", "p14.title", "p15.title", "p16.title", "p17.title", "p18.title", "p19.title", "p20.title", "p21.title", "p22.title", "p23.title", "p24.title", "p25.title", "p26.title", "p27.title", "p28.title", "p29.title", "p30.title", "p31.title", "p32.title", "p33.title", "p34.title", "p35.title", "p36.title", "p37.title", "p38.title", "p39.title"})
@Sync({"p0.width", "p1.width", "p2.width", "p3.width", "p4.width", "p5.width", "p6.width", "p7.width", "p8.width", "p9.width", "p10.width", "p11.width", "p12.width", "p13.width", "p14.width", "p15.width", "p16.width", "p17.width", "p18.width", "p19.width", "p20.width", "p21.width", "p22.width", "p23.width", "p24.width", "p25.width", "p26.width", "p27.width", "p28.width", "p29.width", "p30.width", "p31.width", "p32.width", "p33.width", "p34.width", "p35.width", "p36.width", "p37.width", "p38.width", "p39.width"})
public record Wall(
    Pane p0,
    Pane p1,
    Pane p2,
    Pane p3,
    Pane p4,
    Pane p5,
    Pane p6,
    Pane p7,
    Pane p8,
    Pane p9,
    Pane p10,
    Pane p11,
    Pane p12,
    Pane p13,
    Pane p14,
    Pane p15,
    Pane p16,
    Pane p17,
    Pane p18,
    Pane p19,
    Pane p20,
    Pane p21,
    Pane p22,
    Pane p23,
    Pane p24,
    Pane p25,
    Pane p26,
    Pane p27,
    Pane p28,
    Pane p29,
    Pane p30,
    Pane p31,
    Pane p32,
    Pane p33,
    Pane p34,
    Pane p35,
    Pane p36,
    Pane p37,
    Pane p38,
    Pane p39,
    Map<String, Pane> extra) {

  /** One pane: {@code closed} is always the opposite of {@code open}. */
  public record Pane(String title, boolean open, @Flip("open") boolean closed, int width) {}
}
