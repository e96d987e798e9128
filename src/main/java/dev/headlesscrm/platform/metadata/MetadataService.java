package dev.headlesscrm.platform.metadata;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Lang;
import dev.headlesscrm.platform.query.Field;
import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.Relation;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.records.References;
import dev.headlesscrm.platform.security.AccessPolicy;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.security.FieldAccess;
import dev.headlesscrm.platform.security.FieldPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Describes resources from what they declare: the view record gives the fields, the input record
 * which are writable and their validation, the spec filtering, sorting, relations, dictionaries,
 * labels and sensitivity; the caller's function and field permissions say what they may see and
 * write.
 */
@ApplicationScoped
public class MetadataService {

  private static final Set<String> SYSTEM =
      Set.of("id", "version", "createdAt", "createdBy", "updatedAt", "updatedBy", "deletedAt");

  @Inject ResourceRegistry registry;
  @Inject References references;
  @Inject AccessPolicy access;
  @Inject FieldPolicy fieldPolicy;
  @Inject Instance<DictionaryOptions> dictionaries;
  @Inject dev.headlesscrm.platform.customfields.CustomFieldCatalogue customFields;

  @Inject @jakarta.enterprise.inject.Any
  Instance<dev.headlesscrm.platform.records.ReadOnlyRecordResource<?>> routes;

  private volatile Map<String, String> paths;

  private String path(String resource) {
    if (paths == null) {
      Map<String, String> found = new java.util.HashMap<>();
      routes.forEach(r -> found.putIfAbsent(r.route().resource(), r.route().path()));
      paths = found;
    }
    return paths.get(resource);
  }

  /** The resources this caller may read, by name. */
  @Transactional
  public List<ResourceMetadata> resources(Lang lang) {
    return registry.all().stream()
        .map(ResourceSpec::name)
        .sorted()
        .filter(name -> references.serviceOf(name).isPresent())
        .filter(name -> access.allowed(name, Action.READ))
        .map(name -> describe(name, lang))
        .toList();
  }

  /** One resource; 404 when unknown, 403 without its read permission. */
  @Transactional
  public ResourceMetadata resource(String name, Lang lang) {
    if (!registry.has(name) || references.serviceOf(name).isEmpty()) {
      throw CrmException.notFound("resource", name);
    }
    access.require(name, Action.READ);
    return describe(name, lang);
  }

  private ResourceMetadata describe(String name, Lang lang) {
    ResourceSpec spec = registry.get(name);
    RecordService<?, ?, ?> service = references.serviceOf(name).orElseThrow();
    Class<?> view = spec.view();
    Class<?> input = service.inputType();
    List<FieldMetadata> fields = new ArrayList<>();
    if (view != null && view.isRecord()) {
      for (RecordComponent c : view.getRecordComponents()) {
        FieldMetadata field = topLevel(spec, c, component(input, c.getName()), lang);
        if (spec.customFieldsColumn() != null && c.getName().equals("custom")) {
          field = withCustomFields(spec, field, lang);
        }
        fields.add(field);
      }
    }
    return new ResourceMetadata(
        name,
        path(name),
        service.ownedRecords(),
        spec.softDelete(),
        spec.search() != null,
        spec.customFieldsColumn() != null,
        service.externalIds(),
        customFields.extend(spec).sortableFields(),
        List.copyOf(spec.relations().keySet()),
        fields);
  }

  private FieldMetadata topLevel(
      ResourceSpec spec, RecordComponent read, Optional<RecordComponent> write, Lang lang) {
    String name = read.getName();
    Field field = spec.field(name);
    Relation relation =
        spec.relations().values().stream()
            .filter(r -> field != null && r.column().equals(field.column()))
            .findFirst()
            .orElse(null);
    FieldAccess callerAccess = fieldPolicy.access(spec.name(), name);
    boolean readOnly = SYSTEM.contains(name) || write.isEmpty();
    String dictionary = spec.dictionaries().get(name);
    String label =
        lang == Lang.ZH && spec.labels().containsKey(name) ? spec.labels().get(name) : human(name);
    Shape shape = shape(read.getGenericType(), write.map(RecordComponent::getGenericType), lang);
    return new FieldMetadata(
        name,
        field != null && field.type() == FieldType.INSTANT ? "datetime" : shape.type(),
        label,
        write.map(MetadataService::required).orElse(false),
        readOnly,
        write.map(MetadataService::maxLength).orElse(null),
        write.map(w -> annotation(w, Pattern.class).map(Pattern::regexp).orElse(null)).orElse(null),
        write.map(MetadataService::minimum).orElse(null),
        write.map(MetadataService::maximum).orElse(null),
        write.flatMap(w -> annotation(w, Email.class)).map(e -> "email").orElse(null),
        dictionary,
        dictionary != null ? options(dictionary) : shape.options(),
        field != null && field.filterable(),
        field != null && field.sortable(),
        relation == null ? null : relation.target(),
        relation == null ? null : relation.name(),
        spec.sensitive().contains(name) || spec.derived().containsKey(name),
        callerAccess.readable(),
        !readOnly && callerAccess == FieldAccess.WRITE,
        shape.items(),
        shape.fields());
  }

  /** The custom object with one nested field per active custom field, in form order. */
  private FieldMetadata withCustomFields(ResourceSpec spec, FieldMetadata custom, Lang lang) {
    List<FieldMetadata> nested = new ArrayList<>();
    for (dev.headlesscrm.platform.customfields.CustomField f : customFields.active(spec.name())) {
      String label =
          lang == Lang.ZH || f.labelEn() == null || f.labelEn().isBlank()
              ? f.labelZh()
              : f.labelEn();
      nested.add(
          new FieldMetadata(
              f.key(),
              f.type().metadataType(),
              label,
              f.required(),
              false,
              f.type().textual() ? f.effectiveMaxLength() : null,
              f.pattern() == null ? null : f.pattern().pattern(),
              f.minimum(),
              f.maximum(),
              f.type() == dev.headlesscrm.platform.customfields.CustomFieldType.MONEY
                  ? "money"
                  : null,
              f.dictionary(),
              f.dictionary() == null ? null : options(f.dictionary()),
              true,
              f.type().sortable(),
              f.referenceResource(),
              null,
              false,
              custom.visible(),
              custom.writable(),
              f.type() == dev.headlesscrm.platform.customfields.CustomFieldType.MULTI_SELECT
                  ? "enum"
                  : null,
              null));
    }
    return new FieldMetadata(
        custom.name(),
        custom.type(),
        custom.label(),
        custom.required(),
        custom.readOnly(),
        custom.maxLength(),
        custom.pattern(),
        custom.minimum(),
        custom.maximum(),
        custom.format(),
        custom.dictionary(),
        custom.options(),
        custom.filterable(),
        custom.sortable(),
        custom.relation(),
        custom.relationName(),
        custom.sensitive(),
        custom.visible(),
        custom.writable(),
        custom.items(),
        nested);
  }

  /** What a type looks like to a client, with nested fields for records and lists of them. */
  private record Shape(
      String type, String items, List<FieldMetadata.Option> options, List<FieldMetadata> fields) {}

  private Shape shape(Type read, Optional<Type> write, Lang lang) {
    Class<?> raw = raw(read);
    if (Collection.class.isAssignableFrom(raw) && read instanceof ParameterizedType p) {
      Type element = p.getActualTypeArguments()[0];
      Optional<Type> writeElement =
          write
              .filter(ParameterizedType.class::isInstance)
              .map(w -> ((ParameterizedType) w).getActualTypeArguments()[0]);
      Shape inner = shape(element, writeElement, lang);
      return new Shape("array", inner.type(), inner.options(), inner.fields());
    }
    if (raw.isRecord()) {
      Class<?> writeRecord = write.map(MetadataService::raw).filter(Class::isRecord).orElse(null);
      List<FieldMetadata> nested = new ArrayList<>();
      for (RecordComponent c : raw.getRecordComponents()) {
        Optional<RecordComponent> w = component(writeRecord, c.getName());
        Shape s = shape(c.getGenericType(), w.map(RecordComponent::getGenericType), lang);
        nested.add(
            new FieldMetadata(
                c.getName(),
                s.type(),
                human(c.getName()),
                w.map(MetadataService::required).orElse(false),
                w.isEmpty(),
                w.map(MetadataService::maxLength).orElse(null),
                w.flatMap(x -> annotation(x, Pattern.class)).map(Pattern::regexp).orElse(null),
                w.map(MetadataService::minimum).orElse(null),
                w.map(MetadataService::maximum).orElse(null),
                w.flatMap(x -> annotation(x, Email.class)).map(e -> "email").orElse(null),
                null,
                s.options(),
                false,
                false,
                null,
                null,
                false,
                true,
                w.isPresent(),
                s.items(),
                s.fields()));
      }
      return new Shape("object", null, null, nested);
    }
    if (raw.isEnum()) {
      List<FieldMetadata.Option> constants =
          Arrays.stream(raw.getEnumConstants())
              .map(e -> ((Enum<?>) e).name())
              .map(n -> new FieldMetadata.Option(n, n, n, true))
              .toList();
      return new Shape("enum", null, constants, null);
    }
    return new Shape(scalar(raw), null, null, null);
  }

  private static String scalar(Class<?> raw) {
    if (raw == String.class) {
      return "string";
    }
    if (raw == UUID.class) {
      return "uuid";
    }
    if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
      return "decimal";
    }
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      return "integer";
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return "boolean";
    }
    if (raw == LocalDate.class) {
      return "date";
    }
    if (raw == Instant.class) {
      return "datetime";
    }
    return Map.class.isAssignableFrom(raw) ? "object" : "string";
  }

  private List<FieldMetadata.Option> options(String kind) {
    return dictionaries.isResolvable() ? dictionaries.get().options(kind) : List.of();
  }

  private static Optional<RecordComponent> component(Class<?> record, String name) {
    if (record == null || !record.isRecord()) {
      return Optional.empty();
    }
    return Arrays.stream(record.getRecordComponents())
        .filter(c -> c.getName().equals(name))
        .findFirst();
  }

  private static boolean required(RecordComponent c) {
    return annotation(c, NotNull.class).isPresent()
        || annotation(c, NotBlank.class).isPresent()
        || annotation(c, NotEmpty.class).isPresent();
  }

  private static Integer maxLength(RecordComponent c) {
    return annotation(c, Size.class)
        .filter(s -> s.max() != Integer.MAX_VALUE)
        .map(Size::max)
        .orElse(null);
  }

  private static BigDecimal minimum(RecordComponent c) {
    return annotation(c, Min.class)
        .map(m -> BigDecimal.valueOf(m.value()))
        .or(() -> annotation(c, DecimalMin.class).map(m -> new BigDecimal(m.value())))
        .orElse(null);
  }

  private static BigDecimal maximum(RecordComponent c) {
    return annotation(c, Max.class)
        .map(m -> BigDecimal.valueOf(m.value()))
        .or(() -> annotation(c, DecimalMax.class).map(m -> new BigDecimal(m.value())))
        .orElse(null);
  }

  /** Constraints sit on the record's canonical constructor parameter, field or accessor. */
  private static <A extends java.lang.annotation.Annotation> Optional<A> annotation(
      RecordComponent c, Class<A> type) {
    for (AnnotatedElement e : new AnnotatedElement[] {c, c.getAccessor(), field(c)}) {
      if (e != null && e.getAnnotation(type) != null) {
        return Optional.of(e.getAnnotation(type));
      }
    }
    return Optional.empty();
  }

  private static java.lang.reflect.Field field(RecordComponent c) {
    try {
      return c.getDeclaringRecord().getDeclaredField(c.getName());
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  /** {@code creditLimit} → {@code Credit limit}. */
  static String human(String name) {
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
