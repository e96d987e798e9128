package dev.headlesscrm.platform.records;

import dev.headlesscrm.platform.persistence.HasCustomFields;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The mapping between an entity and the records clients read and write, by name, so a resource
 * writes no field-by-field code: a view or input record is read from the entity's same-named
 * properties, and an input's components are written onto them. Checked when built — a view
 * component with no source, or an input component whose property has another type, stops the start
 * naming it — and fast after that (method handles resolved once).
 *
 * <p>Properties are read and written through the accessors Quarkus generates on entities (so
 * Hibernate's dirty tracking sees every change), or the public field where there are none (plain
 * unit tests). {@code custom} maps to the entity's custom field values as text. Lists are copied; a
 * list or record of another record type is mapped element by element with the same rules.
 */
public final class RecordMapper {

  private static final MethodHandles.Lookup LOOKUP = MethodHandles.publicLookup();

  /** Component names the platform writes itself: identity, version, audit and ownership. */
  static final Set<String> MANAGED =
      Set.of(
          "id",
          "version",
          "createdAt",
          "createdBy",
          "updatedAt",
          "updatedBy",
          "deletedAt",
          "ownerId",
          "ownerDepartmentId",
          "externalId",
          "custom");

  private RecordMapper() {}

  /**
   * Reads records of type {@code target} from {@code source} objects: each component from its
   * function in {@code derived}, else from the same-named property.
   */
  public static <S, R extends Record> Function<S, R> reader(
      Class<S> source, Class<R> target, Map<String, ? extends Function<? super S, ?>> derived) {
    RecordComponent[] components = target.getRecordComponents();
    if (components == null) {
      throw new IllegalArgumentException(target.getName() + " is not a record");
    }
    List<Function<Object, Object>> parts = new ArrayList<>();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      types[i] = component.getType();
      @SuppressWarnings("unchecked")
      Function<Object, Object> own = (Function<Object, Object>) derived.get(component.getName());
      parts.add(own != null ? own : property(source, target, component));
    }
    MethodHandle spread;
    try {
      spread =
          LOOKUP
              .findConstructor(target, MethodType.methodType(void.class, types))
              .asSpreader(Object[].class, types.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(target.getName() + " has no public canonical constructor", e);
    }
    MethodHandle constructor = spread;
    return value -> {
      if (value == null) {
        return null;
      }
      Object[] args = new Object[parts.size()];
      for (int i = 0; i < args.length; i++) {
        args[i] = primitiveDefault(types[i], parts.get(i).apply(value));
      }
      try {
        return target.cast((Object) constructor.invokeExact(args));
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    };
  }

  /**
   * Writes an input's components onto the entity's same-named properties, except those the platform
   * manages ({@link #MANAGED}, written by the record machinery) and those the resource writes
   * itself ({@code own}). A component without a property is the resource's to handle.
   */
  public static <I extends Record, E> BiConsumer<I, E> writer(
      Class<I> input, Class<E> entity, Set<String> own) {
    List<BiConsumer<Object, Object>> steps = new ArrayList<>();
    for (RecordComponent component : input.getRecordComponents()) {
      String name = component.getName();
      if (MANAGED.contains(name) || own.contains(name)) {
        continue;
      }
      Setter setter = setter(entity, name);
      if (setter == null) {
        continue;
      }
      if (!boxed(setter.type).isAssignableFrom(boxed(component.getType()))) {
        throw new IllegalStateException(
            input.getSimpleName()
                + "."
                + name
                + " is a "
                + component.getType().getSimpleName()
                + " but "
                + entity.getSimpleName()
                + "."
                + name
                + " a "
                + setter.type.getSimpleName()
                + ": write it in the resource's rules and name it as its own");
      }
      MethodHandle accessor = unreflect(component.getAccessor());
      steps.add(
          (in, target) -> {
            Object value = invoke(accessor, in);
            if (value instanceof Collection<?> items) {
              value = new ArrayList<>(items);
            } else if (value instanceof Map<?, ?> map) {
              value = new LinkedHashMap<>(map);
            }
            setter.set(target, primitiveDefault(setter.type, value));
          });
    }
    return (in, target) -> steps.forEach(step -> step.accept(in, target));
  }

  /** A new entity, by its public no-argument constructor. */
  public static <E> java.util.function.Supplier<E> constructor(Class<E> type) {
    MethodHandle handle;
    try {
      handle = LOOKUP.findConstructor(type, MethodType.methodType(void.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type.getName() + " has no public no-argument constructor", e);
    }
    return () -> {
      try {
        return type.cast(handle.invoke());
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    };
  }

  /** Writes a text property, or null when the type has no such property. */
  public static <E> BiConsumer<E, String> stringSetter(Class<E> type, String name) {
    Setter setter = setter(type, name);
    return setter == null || setter.type != String.class ? null : setter::set;
  }

  /** Reads the named property of {@code type}'s objects; fails at once when there is none. */
  public static Function<Object, Object> propertyReader(Class<?> type, String name) {
    Getter getter = getter(type, name);
    if (getter == null) {
      throw new IllegalStateException(type.getSimpleName() + " has no property '" + name + "'");
    }
    return getter::get;
  }

  // --- properties ------------------------------------------------------------------------

  private static Function<Object, Object> property(
      Class<?> source, Class<?> target, RecordComponent component) {
    String name = component.getName();
    if (name.equals("custom") && HasCustomFields.class.isAssignableFrom(source)) {
      return value -> text(((HasCustomFields) value).customFieldValues());
    }
    Getter getter = getter(source, name);
    if (getter == null) {
      throw new IllegalStateException(
          target.getSimpleName()
              + "."
              + name
              + " has no source: "
              + source.getSimpleName()
              + " has no property '"
              + name
              + "'; derive it in the resource's definition");
    }
    Function<Object, Object> convert = converter(getter.type, component.getGenericType());
    return value -> convert.apply(getter.get(value));
  }

  /** How a property's value becomes the component's: copied lists, nested records mapped. */
  private static Function<Object, Object> converter(Class<?> from, Type to) {
    Class<?> raw = raw(to);
    if (List.class.isAssignableFrom(raw)) {
      Class<?> element = element(to);
      Function<Object, Object> each =
          element != null && element.isRecord() ? nested(element) : item -> item;
      return value ->
          value == null
              ? List.of()
              : Collections.unmodifiableList(
                  new ArrayList<>(((Collection<?>) value).stream().map(each).toList()));
    }
    if (raw.isRecord() && !raw.isAssignableFrom(from)) {
      return nested(raw);
    }
    if (!boxed(raw).isAssignableFrom(boxed(from))) {
      throw new IllegalStateException(
          "a " + from.getSimpleName() + " property cannot be read as " + raw.getSimpleName());
    }
    return value -> value;
  }

  private static Function<Object, Object> nested(Class<?> record) {
    Map<Class<?>, Function<Object, ?>> readers = new java.util.concurrent.ConcurrentHashMap<>();
    return value ->
        value == null || record.isInstance(value)
            ? value
            : readers
                .computeIfAbsent(value.getClass(), type -> nestedReader(type, record))
                .apply(value);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Function<Object, ?> nestedReader(Class<?> source, Class<?> record) {
    return (Function<Object, ?>) reader((Class) source, (Class) record, Map.of());
  }

  private static Map<String, String> text(Map<String, Object> stored) {
    Map<String, String> out = new LinkedHashMap<>();
    if (stored != null) {
      stored.forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
    }
    return out;
  }

  /** A property read; its handle adapted once to (Object)Object, so each call is exact. */
  private record Getter(Class<?> type, MethodHandle handle) {
    Getter {
      handle = handle.asType(MethodType.methodType(Object.class, Object.class));
    }

    Object get(Object target) {
      try {
        return (Object) handle.invokeExact(target);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A property write; its handle adapted once to (Object,Object)void. */
  private record Setter(Class<?> type, MethodHandle handle) {
    Setter {
      handle = handle.asType(MethodType.methodType(void.class, Object.class, Object.class));
    }

    void set(Object target, Object value) {
      try {
        handle.invokeExact(target, value);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** getX / isX / x() / the public field x, in that order. */
  private static Getter getter(Class<?> type, String name) {
    String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (String candidate : List.of("get" + suffix, "is" + suffix, name)) {
      Method method = method(type, candidate);
      if (method != null
          && method.getParameterCount() == 0
          && method.getReturnType() != void.class) {
        return new Getter(method.getReturnType(), unreflect(method));
      }
    }
    Field field = field(type, name);
    if (field == null) {
      return null;
    }
    try {
      return new Getter(field.getType(), LOOKUP.unreflectGetter(field));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Setter setter(Class<?> type, String name) {
    Field field = field(type, name);
    Class<?> propertyType = field != null ? field.getType() : null;
    String setName = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (Method method : type.getMethods()) {
      if (method.getName().equals(setName)
          && method.getParameterCount() == 1
          && (propertyType == null || method.getParameterTypes()[0] == propertyType)) {
        return new Setter(method.getParameterTypes()[0], unreflect(method));
      }
    }
    if (field == null || Modifier.isFinal(field.getModifiers())) {
      return null;
    }
    try {
      return new Setter(field.getType(), LOOKUP.unreflectSetter(field));
    } catch (IllegalAccessException e) {
      return null;
    }
  }

  private static Method method(Class<?> type, String name) {
    try {
      Method method = type.getMethod(name);
      return Modifier.isStatic(method.getModifiers()) ? null : method;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** A public instance field, or (for the setter's type check) any field of the hierarchy. */
  private static Field field(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        if (Modifier.isStatic(field.getModifiers())) {
          return null;
        }
        return Modifier.isPublic(field.getModifiers()) ? field : null;
      } catch (NoSuchFieldException e) {
        // look further up
      }
    }
    return null;
  }

  private static MethodHandle unreflect(Method method) {
    try {
      return LOOKUP.unreflect(method);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(method + " is not accessible", e);
    }
  }

  private static Object invoke(MethodHandle handle, Object target) {
    try {
      return handle.invoke(target);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object primitiveDefault(Class<?> type, Object value) {
    if (value != null || !type.isPrimitive()) {
      return value;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == double.class) {
      return 0d;
    }
    throw new IllegalStateException("no default for " + type);
  }

  private static Class<?> boxed(Class<?> type) {
    return MethodType.methodType(type).wrap().returnType();
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    return (Class<?>) ((ParameterizedType) type).getRawType();
  }

  private static Class<?> element(Type type) {
    if (type instanceof ParameterizedType p
        && p.getActualTypeArguments().length == 1
        && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    return null;
  }
}
