package dev.headlesscrm.platform.records;

import dev.headlesscrm.platform.query.ResourceSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What a {@link RecordService} needs to know about its resource besides its rules: the list spec,
 * the entity and input types, and the mappings between entity, view and input. {@link #of} derives
 * the mappings by name ({@link RecordMapper}); a resource names only the components that are not a
 * same-named property.
 *
 * @param copy writes an input's plain fields onto the entity (the rest is the resource's rules)
 */
public record RecordDefinition<E, V, I>(
    ResourceSpec spec,
    Class<E> entityClass,
    Class<I> inputClass,
    Supplier<E> newEntity,
    Function<E, V> view,
    Function<E, I> input,
    BiConsumer<E, String> externalId,
    BiConsumer<I, E> copy) {

  /** Mappings written by hand: the resource copies its fields itself. */
  public RecordDefinition(
      ResourceSpec spec,
      Class<E> entityClass,
      Class<I> inputClass,
      Supplier<E> newEntity,
      Function<E, V> view,
      Function<E, I> input,
      BiConsumer<E, String> externalId) {
    this(spec, entityClass, inputClass, newEntity, view, input, externalId, (in, entity) -> {});
  }

  /** A definition whose mappings are derived by name from the three types. */
  public static <E, V extends Record, I extends Record> Builder<E, V, I> of(
      ResourceSpec spec, Class<E> entity, Class<V> view, Class<I> input) {
    return new Builder<>(spec, entity, view, input);
  }

  /**
   * A resource clients read but never write (its records are computed, e.g. commissions): the view
   * is derived by name like {@link #of}'s, with the components named in {@code computed} computed.
   */
  public static <E, V extends Record> RecordDefinition<E, V, Void> readOnly(
      ResourceSpec spec,
      Class<E> entity,
      Class<V> view,
      Map<String, Function<? super E, ?>> computed) {
    return new RecordDefinition<>(
        spec,
        entity,
        Void.class,
        RecordMapper.constructor(entity),
        RecordMapper.reader(entity, view, computed),
        e -> null,
        null);
  }

  /** The components that are not a same-named property of the entity, and those written by hand. */
  public static final class Builder<E, V extends Record, I extends Record> {
    private final ResourceSpec spec;
    private final Class<E> entity;
    private final Class<V> viewType;
    private final Class<I> inputType;
    private final Map<String, Function<? super E, ?>> view = new HashMap<>();
    private final Map<String, Function<? super E, ?>> input = new HashMap<>();
    private final Set<String> own = new HashSet<>();

    private Builder(ResourceSpec spec, Class<E> entity, Class<V> viewType, Class<I> inputType) {
      this.spec = spec;
      this.entity = entity;
      this.viewType = viewType;
      this.inputType = inputType;
    }

    /** A view component computed from the entity. */
    public Builder<E, V, I> view(String component, Function<? super E, ?> value) {
      view.put(component, value);
      return this;
    }

    /**
     * An input component (the current state a merge patch starts from) computed from the entity.
     */
    public Builder<E, V, I> input(String component, Function<? super E, ?> value) {
      input.put(component, value);
      return this;
    }

    /** A view and input component computed alike from the entity. */
    public Builder<E, V, I> derived(String component, Function<? super E, ?> value) {
      return view(component, value).input(component, value);
    }

    /**
     * View components that are the same-named amount properties rounded half up to {@code scale}
     * decimal places (a setting, read on every view, so that a change shows at once).
     */
    public Builder<E, V, I> rounded(IntSupplier scale, String... components) {
      for (String component : components) {
        Function<Object, Object> read = RecordMapper.propertyReader(entity, component);
        view.put(
            component,
            e ->
                read.apply(e) instanceof BigDecimal amount
                    ? amount.setScale(scale.getAsInt(), RoundingMode.HALF_UP)
                    : null);
      }
      return this;
    }

    /** Input components the resource's rules write themselves (never copied by name). */
    public Builder<E, V, I> own(String... components) {
      own.addAll(Set.of(components));
      return this;
    }

    public RecordDefinition<E, V, I> build() {
      return new RecordDefinition<>(
          spec,
          entity,
          inputType,
          RecordMapper.constructor(entity),
          RecordMapper.reader(entity, viewType, view),
          RecordMapper.reader(entity, inputType, input),
          RecordMapper.stringSetter(entity, "externalId"),
          RecordMapper.writer(inputType, entity, own));
    }
  }
}
