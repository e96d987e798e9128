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
  private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

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
    if (value == null || isEmpty()) {
      return value;
    }
    if (value instanceof List<?> list) {
      return (T) list.stream().map(this::nullify).toList();
    }
    if (value instanceof Maskable maskable) {
      return (T) maskable.masked(this);
    }
    Class<?> type = value.getClass();
    if (!type.isRecord() || !type.getName().startsWith("dev.headlesscrm.")) {
      return value;
    }
    String resource = resources.get(type);
    Set<String> fields = resource == null ? Set.of() : hidden(resource);
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    boolean changed = false;
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      Object v = read(c, value);
      Object masked;
      if (fields.contains(c.getName()) && !c.getType().isPrimitive()) {
        masked = null;
      } else {
        masked = nullify(v);
      }
      changed |= masked != v;
      args[i] = masked;
    }
    return changed ? (T) construct(type, components, args) : value;
  }

  /** A GraphQL result type that holds views in a form {@link #nullify} cannot rebuild. */
  public interface Maskable {
    Object masked(FieldMask mask);
  }

  private static Object read(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read " + c.getName(), e);
    }
  }

  private static Object construct(Class<?> type, RecordComponent[] components, Object[] args) {
    Constructor<?> constructor =
        CONSTRUCTORS.computeIfAbsent(
            type,
            t -> {
              Class<?>[] types = new Class<?>[components.length];
              for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
              }
              try {
                Constructor<?> c = t.getDeclaredConstructor(types);
                c.setAccessible(true);
                return c;
              } catch (NoSuchMethodException e) {
                throw new IllegalStateException("No canonical constructor on " + t, e);
              }
            });
    try {
      return constructor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot copy " + type, e);
    }
  }
}
