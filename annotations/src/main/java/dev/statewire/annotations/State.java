package dev.statewire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as the root of a statewire state store. The annotation processor generates, in
 * the record's package, {@code XPaths} (path IDs and typed {@code Path} handles), {@code XSchema}
 * (the static tables the runtime needs) and {@code XStore} (a typed store over the record tree).
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
 * <p>Only records are supported; the processor reports any other type, a generic record and a
 * record that contains itself as compile errors. The annotation is not retained in class files.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface State {}
