package dev.statewire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a value type as the root of a statewire state store. The annotation processor generates, in
 * the type's package, {@code XPaths} (path IDs and typed {@code Path} handles), {@code XSchema}
 * (the static tables the runtime needs) and {@code XStore} (a typed store over the value tree).
 *
 * <p>Every record reachable from the root through its components is a node of the state tree; its
 * components are child paths. {@code Map<String, R>} and {@code List<R>} components are dynamic
 * containers whose entries come and go at run time. Any other type is a leaf.
 *
 * <pre>{@code
 * @State
 * public record Checkout(Address shipping, @Sync("shipping") Address billing, boolean isBuy) {}
 * CheckoutStore store = CheckoutStore.create(initial);  // then store.shipping().setZip("8000")
 * }</pre>
 *
 * <p><b>Abstract value types.</b> Instead of a record, the type may be an interface or abstract
 * class whose state is given by abstract accessor methods (no parameters, a return value), in
 * declaration order, inherited ones first. The processor then also generates {@code XValue}, an
 * immutable implementation with a constructor taking the accessors' values and record-like {@code
 * equals}, {@code hashCode} and {@code toString}; the store builds its values with it. Wiring
 * annotations go on the accessors. An interface or abstract class nested in a state tree is a node
 * only if it carries {@code @State} too (which also gives it its own {@code XValue} and store);
 * otherwise it is an opaque leaf, like any other type.
 *
 * <pre>{@code
 * @State public interface Ticket { boolean isBuy(); @Flip("isBuy") boolean isSell(); Leg leg(); }
 * @State public interface Leg { String city(); }
 * TicketStore store = TicketStore.create(new TicketValue(true, false, new LegValue("Brno")));
 * }</pre>
 *
 * <p>The processor reports as compile errors: a class with mutable fields or a concrete class, a
 * generic type, an interface or abstract class without accessors or with abstract methods that are
 * not accessors, and a value type that contains itself. Retained in class files (not at run time)
 * so that an abstract value type from a library is still recognised as a node.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface State {}
