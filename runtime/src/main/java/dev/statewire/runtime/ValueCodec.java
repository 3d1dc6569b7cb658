package dev.statewire.runtime;

/**
 * Splits record values into their components and builds them back, without reflection.
 * Generated schemas implement it with a {@code switch} over record path IDs calling the record's
 * accessors and canonical constructor.
 *
 * <p>{@code pathId} is always a static path ID of kind {@link PathKind#RECORD} (for an entry of a
 * dynamic container, the ID of the entry template, see {@link Schema}). Components are numbered
 * from 0 in declaration order; primitive components are passed boxed.
 */
public interface ValueCodec {

  /**
   * Returns component {@code ordinal} of {@code record}, a value of the record type at
   * {@code pathId}.
   */
  Object component(int pathId, Object record, int ordinal);

  /**
   * Builds the record for {@code pathId} from {@code components}, in declaration order. A
   * component that is absent is passed as {@code null}; the runtime never passes {@code null} for
   * a primitive component.
   */
  Object construct(int pathId, Object[] components);
}
