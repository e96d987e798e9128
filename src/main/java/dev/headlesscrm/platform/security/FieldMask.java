package dev.headlesscrm.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fields one caller may not see, per resource, as an immutable snapshot that the outputs apply:
 * JSON responses (while a mask is {@linkplain #current() current}, the serializer leaves hidden
 * properties out), stored JSON (history, events: {@link #strip}) and GraphQL (hidden components
 * become null: {@link #nullify}).
 */
public final class FieldMask {

  public static final FieldMask NONE = new FieldMask(Map.of(), Map.of());

  private static final ThreadLocal<FieldMask> CURRENT = new ThreadLocal<>();

  private final Map<String, Set<String>> hidden;
  private final Map<Class<?>, String> resources;

  FieldMask(Map<String, Set<String>> hidden, Map<Class<?>, String> resources) {
    this.hidden = Map.copyOf(hidden);
    this.resources = Map.copyOf(resources);
  }

  /** The mask serializers apply on this thread now, or null. */
  public static FieldMask current() {
    return CURRENT.get();
  }

  /** Runs output work with this mask applied to the JSON it serializes. */
  public <X extends Exception> void applyTo(Work<X> work) throws X {
    FieldMask previous = CURRENT.get();
    CURRENT.set(this);
    try {
      work.run();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** Output work that may throw. */
  @FunctionalInterface
  public interface Work<X extends Exception> {
    void run() throws X;
  }

  public boolean isEmpty() {
    return hidden.isEmpty();
  }

  public Set<String> hidden(String resource) {
    return hidden.getOrDefault(resource, Set.of());
  }

  /** Whether a property of a view class is hidden. */
  public boolean hides(Class<?> view, String property) {
    String resource = resources.get(view);
    return resource != null && hidden(resource).contains(property);
  }

  /** Removes hidden fields (and changes of them, {@code finance.taxId} under finance) in place. */
  public JsonNode strip(String resource, JsonNode node) {
    Set<String> fields = hidden(resource);
    if (fields.isEmpty() || !(node instanceof ObjectNode object)) {
      return node;
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      if (hiddenPath(fields, names.next())) {
        names.remove();
      }
    }
    return object;
  }

  /** The keys of a change map that this caller may see. */
  public <T> Map<String, T> visibleChanges(String resource, Map<String, T> changes) {
    Set<String> fields = hidden(resource);
    if (fields.isEmpty() || changes == null) {
      return changes;
    }
    Map<String, T> out = new java.util.LinkedHashMap<>();
    changes.forEach(
        (k, v) -> {
          if (!hiddenPath(fields, k)) {
            out.put(k, v);
          }
        });
    return out;
  }

  private static boolean hiddenPath(Set<String> fields, String path) {
    int dot = path.indexOf('.');
    return fields.contains(dot < 0 ? path : path.substring(0, dot));
  }

  /**
   * GraphQL results: a view record is copied with its hidden components set to null; lists and
   * records holding views are walked.
   */
  @SuppressWarnings("unchecked")
  public <T> T nullify(T value) {
    if (value == null || (isEmpty() && !withholds(value))) {
      return value;
    }
    if (value instanceof List<?> list) {
      return (T) list.stream().map(this::nullify).toList();
    }
    if (value instanceof Maskable maskable) {
      return (T) maskable.masked(this);
    }
    Shape shape = Shape.of(value.getClass());
    if (shape == null) {
      return value;
    }
    String resource = resources.get(value.getClass());
    Set<String> fields = resource == null ? Set.of() : hidden(resource);
    if (value instanceof WithheldFields w && !w.hiddenFields().isEmpty()) {
      fields = new java.util.HashSet<>(fields);
      fields.addAll(w.hiddenFields());
    }
    Object[] args = new Object[shape.names.length];
    boolean changed = false;
    for (int i = 0; i < args.length; i++) {
      Object v = shape.read(i, value);
      Object masked;
      if (fields.contains(shape.names[i]) && !shape.primitive[i]) {
        masked = null;
      } else {
        masked = shape.nested[i] ? nullify(v) : v;
      }
      changed |= masked != v;
      args[i] = masked;
    }
    return changed ? (T) shape.construct(args) : value;
  }

  /** Whether the value is, or is a list holding, a record that withholds fields of its own. */
  private static boolean withholds(Object value) {
    if (value instanceof WithheldFields w) {
      return !w.hiddenFields().isEmpty();
    }
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (withholds(item)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What {@link #nullify} needs of one of our record types, found by reflection once per type:
   * {@code Class.getRecordComponents} builds its answer anew on every call, and a GraphQL page of
   * 50 records with their relations asked it thousands of times per request.
   */
  private static final class Shape {
    private static final Map<Class<?>, java.util.Optional<Shape>> SHAPES =
        new ConcurrentHashMap<>();

    final String[] names;
    final boolean[] primitive;
    final boolean[] nested; // may hold views: walked
    private final java.lang.invoke.MethodHandle[] accessors;
    private final java.lang.invoke.MethodHandle constructor;

    private Shape(Class<?> type) throws ReflectiveOperationException {
      RecordComponent[] components = type.getRecordComponents();
      names = new String[components.length];
      primitive = new boolean[components.length];
      nested = new boolean[components.length];
      accessors = new java.lang.invoke.MethodHandle[components.length];
      Class<?>[] types = new Class<?>[components.length];
      java.lang.invoke.MethodHandles.Lookup lookup = java.lang.invoke.MethodHandles.lookup();
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        names[i] = c.getName();
        types[i] = c.getType();
        primitive[i] = c.getType().isPrimitive();
        nested[i] = mayHoldViews(c.getType());
        java.lang.reflect.Method accessor = c.getAccessor();
        accessor.setAccessible(true);
        accessors[i] = lookup.unreflect(accessor);
      }
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      constructor = lookup.unreflectConstructor(canonical);
    }

    /** The shape of one of our records; null for anything else (left as it is). */
    static Shape of(Class<?> type) {
      return SHAPES
          .computeIfAbsent(
              type,
              t -> {
                if (!t.isRecord() || !t.getName().startsWith("dev.headlesscrm.")) {
                  return java.util.Optional.empty();
                }
                try {
                  return java.util.Optional.of(new Shape(t));
                } catch (ReflectiveOperationException e) {
                  throw new IllegalStateException("Cannot copy " + t, e);
                }
              })
          .orElse(null);
    }

    private static boolean mayHoldViews(Class<?> type) {
      return !(type.isPrimitive()
          || type.isEnum()
          || type == String.class
          || Number.class.isAssignableFrom(type)
          || type == Boolean.class
          || type == java.util.UUID.class
          || java.time.temporal.Temporal.class.isAssignableFrom(type)
          || JsonNode.class.isAssignableFrom(type));
    }

    Object read(int i, Object record) {
      try {
        return accessors[i].invoke(record);
      } catch (Throwable e) {
        throw new IllegalStateException("Cannot read " + names[i], e);
      }
    }

    Object construct(Object[] args) {
      try {
        return constructor.invokeWithArguments(args);
      } catch (Throwable e) {
        throw new IllegalStateException("Cannot copy a view", e);
      }
    }
  }

  /** A GraphQL result type that holds views in a form {@link #nullify} cannot rebuild. */
  public interface Maskable {
    Object masked(FieldMask mask);
  }
}
