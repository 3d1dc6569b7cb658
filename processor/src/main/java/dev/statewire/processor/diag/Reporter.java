package dev.statewire.processor.diag;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.Diagnostic;

/**
 * Reports messages from the {@link Message} catalogue on their {@link Site}, honouring
 * {@code @SuppressWarnings("statewire:<tag>")} for warnings, and counts errors. The same message
 * on the same site is reported once (wiring on a record that occurs several times in a tree is
 * checked once per occurrence).
 *
 * <p>Under javac, positions come from the compiler tree API when the site has a locator (javac's
 * {@code Messager} cannot place a message on a record component or inside a {@code @Repeatable}
 * container); with any other compiler, or if the tree is not found, through {@code Messager}.
 */
public final class Reporter {
  private final Messager messager;
  private final Trees trees;
  private final Set<String> reported = new HashSet<>();
  private int errors;

  /** A reporter for {@code env}. */
  public Reporter(ProcessingEnvironment env) {
    this.messager = env.getMessager();
    Trees t;
    try {
      t = Trees.instance(env);
    } catch (RuntimeException | LinkageError e) {
      t = null;
    }
    this.trees = t;
  }

  /** Reports {@code message} with {@code args} on {@code site}. */
  public void report(Site site, Message message, Object... args) {
    if (message.kind() != Diagnostic.Kind.ERROR && site.suppressed().contains(message.tag())) {
      return;
    }
    String text = message.format(args);
    String key = System.identityHashCode(site.element()) + "|" + System.identityHashCode(site.value()) + "|"
        + site.locator() + "|" + text;
    if (!reported.add(key)) {
      return;
    }
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errors++;
    }
    if (site.locator() != null && printAtTree(message.kind(), text, site.locator())) {
      return;
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

  private boolean printAtTree(Diagnostic.Kind kind, String text, Site.Locator locator) {
    if (trees == null) {
      return false;
    }
    try {
      TreePath path = trees.getPath(locator.declaration());
      if (path == null) {
        return false;
      }
      Tree declaration = path.getLeaf();
      Tree target = declaration;
      if (locator.annotation() != null) {
        ModifiersTree modifiers =
            declaration instanceof ClassTree c ? c.getModifiers()
                : declaration instanceof VariableTree v ? v.getModifiers()
                : declaration instanceof MethodTree m ? m.getModifiers() : null;
        if (modifiers == null) {
          return false;
        }
        AnnotationTree annotation = find(modifiers.getAnnotations(), locator.annotation(), locator.occurrence());
        if (annotation == null) {
          return false;
        }
        target = annotation;
        if (locator.member() != null) {
          ExpressionTree value = member(annotation, locator.member());
          if (value != null) {
            target = value;
            if (value instanceof NewArrayTree array && array.getInitializers() != null
                && locator.index() < array.getInitializers().size()) {
              target = array.getInitializers().get(locator.index());
            }
          }
        }
      }
      trees.printMessage(kind, text, target, path.getCompilationUnit());
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static AnnotationTree find(List<? extends AnnotationTree> annotations, String simpleName, int occurrence) {
    int seen = 0;
    for (AnnotationTree a : annotations) {
      String name = a.getAnnotationType().toString();
      if (name.equals(simpleName) || name.endsWith("." + simpleName)) {
        if (seen++ == occurrence) {
          return a;
        }
      }
    }
    return null;
  }

  private static ExpressionTree member(AnnotationTree annotation, String member) {
    for (ExpressionTree arg : annotation.getArguments()) {
      if (arg instanceof AssignmentTree assign) {
        if (assign.getVariable() instanceof IdentifierTree id && id.getName().contentEquals(member)) {
          return assign.getExpression();
        }
      } else if (member.equals("value")) {
        return arg;
      }
    }
    return null;
  }
}
