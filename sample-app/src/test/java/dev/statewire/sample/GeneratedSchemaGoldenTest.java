package dev.statewire.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The schema generated for the sample app's {@link OrderTicket} is the reviewed golden file: it
 * carries its sync and flip groups prebuilt, so the runtime builds no group when the schema or a
 * store is created. The golden file is {@code src/test/resources/golden/OrderTicketSchema.java.txt}
 * (a {@code .txt} so that it is not compiled); after a deliberate change to the generated code,
 * copy {@code target/generated-sources/annotations/dev/statewire/sample/OrderTicketSchema.java}
 * over it and review the difference.
 */
class GeneratedSchemaGoldenTest {

  @Test
  void generatedSchemaIsTheGoldenFile() throws IOException {
    Path generated = Path.of("target/generated-sources/annotations/dev/statewire/sample/OrderTicketSchema.java");
    Path golden = Path.of("src/test/resources/golden/OrderTicketSchema.java.txt");
    assertEquals(Files.readString(golden), Files.readString(generated), "generated " + generated + " vs " + golden);
  }

  @Test
  void schemaHoldsTheGroupsOfItsWiring() {
    var schema = OrderTicketSchema.SCHEMA;
    assertArrayEquals(new String[] {"billing shipping"}, rows(schema, schema.syncGroups()));
    assertArrayEquals(new String[] {"isSell isBuy", "lines.*.parked lines.*.selected"}, rows(schema, schema.flipGroups()));
  }

  private static String[] rows(dev.statewire.runtime.Schema schema, int[][] groups) {
    String[] out = new String[groups.length];
    for (int g = 0; g < groups.length; g++) {
      StringBuilder sb = new StringBuilder();
      for (int m : groups[g]) {
        sb.append(sb.length() == 0 ? "" : " ").append(schema.path(m));
      }
      out[g] = sb.toString();
    }
    return out;
  }
}
