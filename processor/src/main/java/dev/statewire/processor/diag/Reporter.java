package dev.statewire.processor.diag;

import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/**
 * Reports messages from the {@link Message} catalogue on their {@link Site}, honouring
 * {@code @SuppressWarnings("statewire:<tag>")} for warnings, and remembers whether an error was
 * reported. The same message on the same site is reported once (wiring on a record that occurs
 * several times in a tree is checked once per occurrence).
 */
public final class Reporter {
  private final Messager messager;
  private final Set<String> reported = new HashSet<>();
  private int errors;

  /** A reporter that prints through {@code messager}. */
  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports {@code message} with {@code args} on {@code site}. */
  public void report(Site site, Message message, Object... args) {
    if (message.kind() != Diagnostic.Kind.ERROR && site.suppressed().contains(message.tag())) {
      return;
    }
    String text = message.format(args);
    if (!reported.add(System.identityHashCode(site.element()) + "|" + site.value() + "|" + text)) {
      return;
    }
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errors++;
    }
    if (site.value() != null) {
      messager.printMessage(message.kind(), text, site.element(), site.mirror(), site.value());
    } else if (site.mirror() != null) {
      messager.printMessage(message.kind(), text, site.element(), site.mirror());
    } else {
      messager.printMessage(message.kind(), text, site.element());
    }
  }

  /** Number of errors reported so far. */
  public int errorCount() {
    return errors;
  }
}
