package dev.headlesscrm.platform.records;

import dev.headlesscrm.platform.query.ResourceSpec;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a {@link RecordService} needs to know about its resource besides its rules: the list spec,
 * the entity and input types, and the mappings between entity, view and input.
 */
public record RecordDefinition<E, V, I>(
    ResourceSpec spec,
    Class<E> entityClass,
    Class<I> inputClass,
    Supplier<E> newEntity,
    Function<E, V> view,
    Function<E, I> input,
    BiConsumer<E, String> externalId) {}
