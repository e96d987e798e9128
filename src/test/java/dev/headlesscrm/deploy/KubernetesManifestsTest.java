package dev.headlesscrm.deploy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Static checks of the kustomize manifests under {@code k8s/}, since no cluster (nor kubectl or
 * kustomize) is at hand. The base is "built" by reading the resources its kustomization lists; the
 * prod overlay by a deliberately small simulation of {@code kustomize build}: resources, {@code
 * images:}, strategic-merge {@code patches:} and {@code namespace:}.
 */
class KubernetesManifestsTest {

  private static final Path K8S = Path.of("k8s");
  private static final Path BASE = K8S.resolve("base");
  private static final Path PROD = K8S.resolve("overlays/prod");
  private static final String API = "crm-api";

  /**
   * Secrets that CloudNativePG creates for a Cluster's application owner: {@code <cluster>-app}.
   */
  private static final Set<String> CNPG_APP_SECRETS = Set.of("crm-db-app", "crm-keycloak-db-app");

  /** Secrets created by hand or by cert-manager; each must be documented in k8s/README.md. */
  private static final Set<String> OUT_OF_BAND_SECRETS =
      Set.of("crm-keycloak-clients", "crm-api-tls", "crm-auth-tls");

  private static final Set<String> REALM_CLIENTS = Set.of("crm-api", "crm-web", "crm-integration");
  private static final Set<String> REALM_ROLES =
      Set.of(
          "crm-admin",
          "sales-manager",
          "sales-rep",
          "marketing",
          "service-manager",
          "service-agent",
          "analyst",
          "integration");

  /** Keycloak import placeholders: {@code ${NAME}} or {@code ${NAME:default}}, upper case. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final JsonMapper JSON = new JsonMapper();

  // ---------------------------------------------------------------- files and kustomizations

  @Test
  void everyManifestParsesAndIsAKubernetesObject() {
    List<Path> files = manifestFiles();
    assertFalse(files.isEmpty(), "no manifests found under " + K8S.toAbsolutePath());
    for (Path file : files) {
      List<JsonNode> docs =
          assertDoesNotThrow(() -> read(file), () -> file + " does not parse as YAML/JSON");
      assertFalse(docs.isEmpty(), file + " holds no document");
      for (JsonNode doc : docs) {
        for (String field : List.of("/apiVersion", "/kind", "/metadata/name")) {
          assertFalse(
              doc.at(field).asText().isBlank(), file + ": a document lacks " + field.substring(1));
        }
      }
    }
  }

  @Test
  void kustomizationsReferenceExistingPathsOnly() {
    for (Path kustomization : kustomizationFiles()) {
      JsonNode k = readOne(kustomization);
      assertEquals("Kustomization", k.path("kind").asText(), kustomization + ": kind");
      assertTrue(k.path("commonLabels").isMissingNode(), kustomization + ": use labels:");
      assertTrue(k.path("patchesStrategicMerge").isMissingNode(), kustomization + ": use patches:");
      Path dir = kustomization.getParent();
      for (Path resource : resourcePaths(dir)) {
        assertTrue(
            Files.isRegularFile(resource) || isKustomizationDir(resource),
            kustomization + ": resource " + resource + " is neither a file nor a kustomization");
      }
      for (JsonNode patch : k.path("patches")) {
        assertTrue(
            patch.has("path") || patch.has("patch"), kustomization + ": patch without path/patch");
      }
      for (Path patch : patchPaths(dir)) {
        assertTrue(Files.isRegularFile(patch), kustomization + ": patch " + patch + " missing");
      }
    }
  }

  @Test
  void everyManifestIsReferencedByAKustomization() {
    Set<Path> referenced = new HashSet<>();
    for (Path kustomization : kustomizationFiles()) {
      Path dir = kustomization.getParent();
      referenced.addAll(resourcePaths(dir));
      referenced.addAll(patchPaths(dir));
    }
    List<Path> orphans =
        manifestFiles().stream().map(Path::normalize).filter(f -> !referenced.contains(f)).toList();
    assertTrue(orphans.isEmpty(), "manifests no kustomization lists: " + orphans);
  }

  // ---------------------------------------------------------------- crm-api

  @Test
  void apiDeploymentHasReplicasImageAndResources() {
    JsonNode deployment = find(base(), "Deployment", API);
    assertTrue(deployment.at("/spec/replicas").asInt() >= 2, "crm-api replicas must be >= 2");
    JsonNode container = apiContainer(base());
    assertFalse(container.path("image").asText().isBlank(), "crm-api container has no image");
    JsonNode resources = container.path("resources");
    assertFalse(resources.at("/requests/cpu").asText().isBlank(), "crm-api: no cpu request");
    assertFalse(resources.at("/requests/memory").asText().isBlank(), "crm-api: no memory request");
    assertFalse(resources.at("/limits/memory").asText().isBlank(), "crm-api: no memory limit");
  }

  /**
   * The JVM fits its container: heap (MaxRAMPercentage of the limit) plus the capped native areas
   * (class metadata, compiled code, direct buffers) stay within 85 % of the memory limit, leaving
   * the rest for thread stacks, the collector and the JVM itself.
   */
  @Test
  void apiJvmFitsItsMemoryLimit() {
    JsonNode container = apiContainer(base());
    String limit = container.at("/resources/limits/memory").asText();
    assertTrue(limit.endsWith("Mi"), "memory limit in Mi: " + limit);
    double limitMiB = Double.parseDouble(limit.substring(0, limit.length() - 2));
    assertTrue(limitMiB <= 512, "crm-api is sized for 512 MiB, limit " + limit);
    String options = null;
    for (JsonNode configMap : ofKind(base(), "ConfigMap")) {
      if (configMap.at("/data/JAVA_OPTS_APPEND").isTextual()) {
        options = configMap.at("/data/JAVA_OPTS_APPEND").asText();
      }
    }
    assertTrue(options != null, "JAVA_OPTS_APPEND sizes the JVM");
    double heap = limitMiB * jvmOption(options, "-XX:MaxRAMPercentage=") / 100;
    double metaspace = jvmOption(options, "-XX:MaxMetaspaceSize=");
    double codeCache = jvmOption(options, "-XX:ReservedCodeCacheSize=");
    double direct = jvmOption(options, "-XX:MaxDirectMemorySize=");
    double total = heap + metaspace + codeCache + direct;
    assertTrue(
        total <= 0.85 * limitMiB,
        "heap "
            + heap
            + " + metaspace "
            + metaspace
            + " + code cache "
            + codeCache
            + " + direct "
            + direct
            + " MiB = "
            + total
            + " MiB, over 85 % of "
            + limit);
  }

  /** The value of one JVM option, in MiB for sizes ({@code 128m}) or as written for percentages. */
  private static double jvmOption(String options, String prefix) {
    for (String option : options.split("\\s+")) {
      if (option.startsWith(prefix)) {
        String value = option.substring(prefix.length()).toLowerCase(java.util.Locale.ROOT);
        if (value.endsWith("m")) {
          return Double.parseDouble(value.substring(0, value.length() - 1));
        }
        if (value.endsWith("g")) {
          return 1024 * Double.parseDouble(value.substring(0, value.length() - 1));
        }
        return Double.parseDouble(value);
      }
    }
    throw new AssertionError("JAVA_OPTS_APPEND sets no " + prefix + ": " + options);
  }

  @Test
  void apiDeploymentIsHardened() {
    JsonNode pod = podSpec(find(base(), "Deployment", API));
    JsonNode container = apiContainer(base());
    JsonNode securityContext = container.path("securityContext");
    assertTrue(
        pod.at("/securityContext/runAsNonRoot").asBoolean()
            || securityContext.path("runAsNonRoot").asBoolean(),
        "crm-api must run as non-root");
    assertTrue(
        securityContext.path("readOnlyRootFilesystem").asBoolean(),
        "crm-api needs readOnlyRootFilesystem: true");
    assertEquals(
        "false",
        securityContext.path("allowPrivilegeEscalation").asText(),
        "crm-api needs allowPrivilegeEscalation: false");
    assertTrue(
        texts(securityContext.at("/capabilities/drop")).contains("ALL"),
        "crm-api must drop ALL capabilities");
    assertEquals(
        "false",
        pod.path("automountServiceAccountToken").asText(),
        "crm-api does not need a service account token");
    String tmpVolume =
        stream(container.path("volumeMounts"))
            .filter(m -> m.path("mountPath").asText().equals("/tmp"))
            .map(m -> m.path("name").asText())
            .findFirst()
            .orElseGet(() -> fail("read-only root FS: crm-api needs a writable /tmp mount"));
    assertTrue(
        stream(pod.path("volumes"))
            .anyMatch(v -> v.path("name").asText().equals(tmpVolume) && v.has("emptyDir")),
        "/tmp of crm-api must be an emptyDir");
  }

  @Test
  void apiProbesHitQuarkusHealthEndpointsOnTheDeclaredPort() {
    JsonNode container = apiContainer(base());
    Map<String, String> expected =
        Map.of(
            "startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready");
    expected.forEach(
        (probe, path) -> {
          JsonNode httpGet = container.path(probe).path("httpGet");
          assertEquals(path, httpGet.path("path").asText(), "crm-api " + probe + " path");
          assertTrue(
              isContainerPort(container, httpGet.path("port")),
              "crm-api " + probe + " port " + httpGet.path("port") + " is no container port");
        });
  }

  @Test
  void apiShutsDownGracefully() {
    JsonNode pod = podSpec(find(base(), "Deployment", API));
    JsonNode preStop = apiContainer(base()).at("/lifecycle/preStop");
    assertFalse(preStop.isMissingNode(), "crm-api needs a preStop hook (endpoint propagation)");
    long shutdown = seconds(envVar(base(), "QUARKUS_SHUTDOWN_TIMEOUT"));
    long grace = pod.path("terminationGracePeriodSeconds").asLong(30);
    assertTrue(
        grace > preStopSeconds(preStop) + shutdown,
        "terminationGracePeriodSeconds ("
            + grace
            + ") must exceed preStop sleep ("
            + preStopSeconds(preStop)
            + ") + QUARKUS_SHUTDOWN_TIMEOUT ("
            + shutdown
            + ")");
  }

  @Test
  void serviceAndPdbSelectTheApiPods() {
    List<JsonNode> base = base();
    JsonNode deployment = find(base, "Deployment", API);
    JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
    assertSubset(deployment.at("/spec/selector/matchLabels"), podLabels, "Deployment selector");

    JsonNode service = find(base, "Service", API);
    assertSubset(service.at("/spec/selector"), podLabels, "Service selector");
    for (JsonNode port : service.at("/spec/ports")) {
      assertTrue(
          isContainerPort(apiContainer(base), port.path("targetPort")),
          "Service targetPort " + port.path("targetPort") + " names no container port");
    }

    JsonNode pdb = find(base, "PodDisruptionBudget", API);
    assertSubset(pdb.at("/spec/selector/matchLabels"), podLabels, "PDB selector");
  }

  @Test
  void hpaScalesTheApiDeployment() {
    JsonNode hpa = find(base(), "HorizontalPodAutoscaler", API);
    assertEquals("Deployment", hpa.at("/spec/scaleTargetRef/kind").asText(), "HPA target kind");
    assertEquals(API, hpa.at("/spec/scaleTargetRef/name").asText(), "HPA target name");
    assertTrue(hpa.at("/spec/minReplicas").asInt() >= 2, "HPA minReplicas must be >= 2");
    assertTrue(
        hpa.at("/spec/maxReplicas").asInt() >= hpa.at("/spec/minReplicas").asInt(),
        "HPA maxReplicas < minReplicas");
    boolean scalesOnCpu =
        stream(hpa.at("/spec/metrics"))
            .anyMatch(m -> m.at("/resource/name").asText().equals("cpu"));
    assertTrue(
        !scalesOnCpu || !apiContainer(base()).at("/resources/requests/cpu").isMissingNode(),
        "HPA on cpu utilization needs a cpu request on crm-api");
  }

  // ---------------------------------------------------------------- wiring

  @Test
  void apiContainerReceivesDatasourceAndOidcSettings() {
    Map<String, String> env = effectiveEnv(base());
    for (String name :
        List.of(
            "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_OIDC_AUTH_SERVER_URL",
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD")) {
      assertTrue(env.containsKey(name), name + " does not reach the crm-api container");
    }
    for (JsonNode configMap : ofKind(base(), "ConfigMap")) {
      configMap
          .path("data")
          .properties()
          .forEach(
              e ->
                  assertTrue(
                      e.getValue().isTextual(),
                      "ConfigMap " + name(configMap) + "/" + e.getKey() + " must be a string"));
    }
    for (JsonNode var : apiContainer(base()).path("env")) {
      assertTrue(
          var.has("valueFrom") || var.path("value").isTextual(),
          "env " + var.path("name").asText() + " must be a string");
    }
  }

  @Test
  void configMapAndSecretReferencesResolve() {
    List<JsonNode> all = new ArrayList<>(base());
    all.addAll(prod());
    Set<String> configMaps =
        ofKind(all, "ConfigMap").stream()
            .map(KubernetesManifestsTest::name)
            .collect(Collectors.toSet());
    for (String ref : refs(all, Set.of("configMapRef", "configMapKeyRef", "configMap"), Set.of())) {
      assertTrue(configMaps.contains(ref), "ConfigMap " + ref + " is referenced, never defined");
    }

    Set<String> clusters = names(all, "Cluster");
    String readme = readString(K8S.resolve("README.md"));
    Set<String> secrets =
        refs(
            all,
            Set.of("secretKeyRef", "secretRef", "usernameSecret", "passwordSecret", "secret"),
            Set.of("secretName", "tlsSecret"));
    for (String secret : secrets) {
      if (CNPG_APP_SECRETS.contains(secret)) {
        assertTrue(
            clusters.contains(secret.substring(0, secret.length() - "-app".length())),
            "Secret " + secret + " is CNPG's <cluster>-app, but no such Cluster: " + clusters);
      } else {
        assertTrue(
            OUT_OF_BAND_SECRETS.contains(secret),
            "Secret " + secret + " is neither operator-created nor a known out-of-band secret");
        assertTrue(readme.contains(secret), "k8s/README.md must document Secret " + secret);
      }
    }
    for (JsonNode secret : ofKind(all, "Secret")) {
      assertTrue(
          secret.path("data").isMissingNode() && secret.path("stringData").isMissingNode(),
          "Secret " + name(secret) + " carries values; secrets are created out of band");
    }
  }

  @Test
  void databasesPointAtTheirCnpgClusters() {
    List<JsonNode> base = base();
    Matcher url = jdbcUrl(base);
    JsonNode crmDb = clusterBehindRwHost(base, url.group(1));
    assertEquals(
        crmDb.at("/spec/bootstrap/initdb/database").asText(),
        url.group(2),
        "JDBC URL database vs Cluster " + name(crmDb));
    assertTrue(
        texts(crmDb.at("/spec/bootstrap/initdb/postInitApplicationSQL")).stream()
            .anyMatch(sql -> sql.toLowerCase().contains("create extension if not exists pg_trgm")),
        "Cluster " + name(crmDb) + " must create pg_trgm in the application database");
    for (JsonNode var : apiContainer(base).path("env")) {
      String secret = var.at("/valueFrom/secretKeyRef/name").asText();
      if (var.path("name").asText().startsWith("QUARKUS_DATASOURCE_")) {
        assertEquals(name(crmDb) + "-app", secret, var.path("name").asText() + " secret");
      }
    }

    JsonNode db = find(base, "Keycloak", keycloakName(base)).at("/spec/db");
    assertEquals("postgres", db.path("vendor").asText(), "Keycloak db vendor");
    JsonNode keycloakDb = clusterBehindRwHost(base, db.path("host").asText());
    assertEquals(
        keycloakDb.at("/spec/bootstrap/initdb/database").asText(),
        db.path("database").asText(),
        "Keycloak database vs Cluster " + name(keycloakDb));
    for (String field : List.of("usernameSecret", "passwordSecret")) {
      assertEquals(
          name(keycloakDb) + "-app", db.at("/" + field + "/name").asText(), "Keycloak " + field);
    }
  }

  @Test
  void apiConnectionPoolsFitTheDatabase() {
    List<JsonNode> prod = prod();
    JsonNode cluster = clusterBehindRwHost(prod, jdbcUrl(prod).group(1));
    int maxConnections = cluster.at("/spec/postgresql/parameters/max_connections").asInt(100);
    int maxReplicas = find(prod, "HorizontalPodAutoscaler", API).at("/spec/maxReplicas").asInt();
    JsonNode surge = find(prod, "Deployment", API).at("/spec/strategy/rollingUpdate/maxSurge");
    int pods = maxReplicas + surgePods(surge, maxReplicas);
    int pool = poolMaxSize(prod);
    int reserved = 10; // superuser_reserved_connections, replication, CNPG, humans
    assertTrue(
        pods * pool <= maxConnections - reserved,
        pods
            + " crm-api pods x pool "
            + pool
            + " exceed max_connections "
            + maxConnections
            + " of Cluster "
            + name(cluster)
            + " (minus "
            + reserved
            + " reserved)");
  }

  // ---------------------------------------------------------------- Keycloak realm

  @Test
  void realmImportTargetsTheKeycloakAndTheCrmRealm() {
    JsonNode realmImport = realmImport();
    assertEquals(
        keycloakName(base()),
        realmImport.at("/spec/keycloakCRName").asText(),
        "KeycloakRealmImport keycloakCRName must name the Keycloak CR");
    assertEquals("crm", realmImport.at("/spec/realm/realm").asText(), "realm name");
  }

  @Test
  void realmDeclaresTheCrmClientsAndRoles() {
    JsonNode realm = realmImport().at("/spec/realm");
    Set<String> missingClients = new TreeSet<>(REALM_CLIENTS);
    realm.path("clients").forEach(c -> missingClients.remove(c.path("clientId").asText()));
    assertTrue(missingClients.isEmpty(), "realm crm lacks clients " + missingClients);
    Set<String> missingRoles = new TreeSet<>(REALM_ROLES);
    realm.at("/roles/realm").forEach(r -> missingRoles.remove(r.path("name").asText()));
    assertTrue(missingRoles.isEmpty(), "realm crm lacks realm roles " + missingRoles);
  }

  @Test
  void realmShipsNoCredentials() {
    JsonNode realm = realmImport().at("/spec/realm");
    for (JsonNode user : realm.path("users")) {
      assertTrue(
          user.path("credentials").isEmpty(),
          "user " + user.path("username").asText() + " has credentials: test users must not ship");
    }
    for (JsonNode client : realm.path("clients")) {
      JsonNode secret = client.path("secret");
      assertTrue(
          secret.isMissingNode() || PLACEHOLDER.matcher(secret.asText()).matches(),
          "client "
              + client.path("clientId").asText()
              + " has a literal secret; use a placeholder");
    }
  }

  @Test
  void realmPlaceholdersAreDeclared() {
    JsonNode realmImport = realmImport();
    Matcher m = PLACEHOLDER.matcher(realmImport.path("spec").path("realm").toString());
    Set<String> undeclared = new TreeSet<>();
    while (m.find()) {
      if (m.group(2) == null && !realmImport.at("/spec/placeholders").has(m.group(1))) {
        undeclared.add(m.group(1));
      }
    }
    assertTrue(undeclared.isEmpty(), "placeholders missing from spec.placeholders: " + undeclared);
    realmImport
        .at("/spec/placeholders")
        .properties()
        .forEach(
            p ->
                assertFalse(
                    p.getValue().at("/secret/name").asText().isBlank(),
                    "placeholder " + p.getKey() + " must come from a Secret"));
  }

  // ---------------------------------------------------------------- prod overlay

  @Test
  void prodOverlayRendersProductionReady() {
    List<JsonNode> prod = prod();
    assertTrue(find(prod, "Deployment", API).at("/spec/replicas").asInt() >= 2, "prod replicas");
    assertTrue(
        find(prod, "HorizontalPodAutoscaler", API).at("/spec/minReplicas").asInt() >= 2,
        "prod HPA minReplicas");
    String image = apiContainer(prod).path("image").asText();
    String tag = tagOf(image);
    assertFalse(tag.isEmpty() || tag.equals("latest"), "prod image must pin a tag: " + image);

    String namespace = readOne(PROD.resolve("kustomization.yaml")).path("namespace").asText();
    assertFalse(namespace.isBlank(), "prod overlay sets no namespace");
    assertTrue(names(prod, "Namespace").contains(namespace), "prod declares no Namespace");
    for (JsonNode doc : base()) {
      assertTrue(
          doc.at("/metadata/namespace").isMissingNode(),
          name(doc) + " hardcodes a namespace; leave it to the overlay");
    }

    String oidc = envVar(prod, "QUARKUS_OIDC_AUTH_SERVER_URL");
    assertTrue(oidc.startsWith("https://"), "prod OIDC server must use https: " + oidc);
    String keycloakHost =
        find(prod, "Keycloak", keycloakName(prod)).at("/spec/hostname/hostname").asText();
    assertTrue(
        oidc.startsWith(keycloakHost.replaceAll("/$", "") + "/realms/"),
        "OIDC URL " + oidc + " is not served by the Keycloak hostname " + keycloakHost);
  }

  @Test
  void prodIngressesRouteToExistingServices() {
    List<JsonNode> prod = prod();
    Map<String, JsonNode> services = new HashMap<>();
    ofKind(prod, "Service").forEach(s -> services.put(name(s), s));
    // The Keycloak operator creates <keycloak>-service with ports http (8080) / https (8443).
    String keycloakService = keycloakName(prod) + "-service";
    String keycloakHost =
        URI.create(
                find(prod, "Keycloak", keycloakName(prod)).at("/spec/hostname/hostname").asText())
            .getHost();
    assertTrue(
        ofKind(prod, "Ingress").stream()
            .flatMap(i -> stream(i.at("/spec/rules")))
            .anyMatch(r -> r.path("host").asText().equals(keycloakHost)),
        "no Ingress serves the Keycloak hostname " + keycloakHost);
    for (JsonNode ingress : ofKind(prod, "Ingress")) {
      for (JsonNode backend : ingress.findValues("service")) {
        String service = backend.path("name").asText();
        String port = backend.at("/port/name").asText(backend.at("/port/number").asText());
        if (service.equals(keycloakService)) {
          assertTrue(Set.of("http", "https").contains(port), "Keycloak service port " + port);
        } else {
          assertTrue(
              services.containsKey(service), name(ingress) + " routes to unknown " + service);
          assertTrue(
              stream(services.get(service).at("/spec/ports"))
                  .anyMatch(
                      p ->
                          p.path("name").asText().equals(port)
                              || p.path("port").asText().equals(port)),
              name(ingress) + ": Service " + service + " has no port " + port);
        }
      }
    }
  }

  // ================================================================ helpers: reading

  private static List<Path> manifestFiles() {
    return yamlAndJsonFiles().stream().filter(f -> !isKustomizationFile(f)).toList();
  }

  private static List<Path> kustomizationFiles() {
    return yamlAndJsonFiles().stream()
        .filter(KubernetesManifestsTest::isKustomizationFile)
        .toList();
  }

  private static List<Path> yamlAndJsonFiles() {
    try (Stream<Path> files = Files.walk(K8S)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.toString().matches(".*\\.(ya?ml|json)$"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isKustomizationFile(Path file) {
    return file.getFileName().toString().matches("(?i)kustomization\\.ya?ml");
  }

  private static boolean isKustomizationDir(Path dir) {
    return Files.isRegularFile(dir.resolve("kustomization.yaml"))
        || Files.isRegularFile(dir.resolve("kustomization.yml"));
  }

  private static List<JsonNode> read(Path file) throws IOException {
    if (file.toString().endsWith(".json")) {
      return List.of(JSON.readTree(file.toFile()));
    }
    try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
      return values.readAll().stream()
          .filter(d -> d != null && !d.isMissingNode() && !d.isNull())
          .toList();
    }
  }

  private static JsonNode readOne(Path file) {
    try {
      List<JsonNode> docs = read(file);
      assertEquals(1, docs.size(), file + " should hold exactly one document");
      return docs.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode kustomization(Path dir) {
    Path yaml = dir.resolve("kustomization.yaml");
    return readOne(Files.exists(yaml) ? yaml : dir.resolve("kustomization.yml"));
  }

  private static List<Path> resourcePaths(Path dir) {
    return texts(kustomization(dir).path("resources")).stream()
        .map(r -> dir.resolve(r).normalize())
        .toList();
  }

  private static List<Path> patchPaths(Path dir) {
    return stream(kustomization(dir).path("patches"))
        .filter(p -> p.has("path"))
        .map(p -> dir.resolve(p.path("path").asText()).normalize())
        .toList();
  }

  // ================================================================ helpers: "kustomize build"

  private static List<JsonNode> base() {
    return build(BASE);
  }

  private static List<JsonNode> prod() {
    return build(PROD);
  }

  /** Resources (recursively), then images, strategic-merge patches and namespace. */
  private static List<JsonNode> build(Path dir) {
    JsonNode k = kustomization(dir);
    List<JsonNode> docs = new ArrayList<>();
    for (Path resource : resourcePaths(dir)) {
      if (Files.isDirectory(resource)) {
        docs.addAll(build(resource));
      } else {
        try {
          read(resource).forEach(d -> docs.add(d.deepCopy()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    for (JsonNode image : k.path("images")) {
      docs.forEach(d -> applyImage(d, image));
    }
    for (Path patchFile : patchPaths(dir)) {
      JsonNode patch = readOne(patchFile);
      String kind = patch.path("kind").asText();
      List<JsonNode> targets =
          ofKind(docs, kind).stream().filter(d -> name(d).equals(name(patch))).toList();
      assertEquals(
          1,
          targets.size(),
          patchFile + ": target " + kind + " " + name(patch) + " not in resources");
      merge((ObjectNode) targets.get(0), patch);
    }
    String namespace = k.path("namespace").asText();
    if (!namespace.isEmpty()) {
      docs.stream()
          .filter(d -> !d.path("kind").asText().equals("Namespace"))
          .forEach(d -> ((ObjectNode) d.path("metadata")).put("namespace", namespace));
    }
    return docs;
  }

  private static void applyImage(JsonNode doc, JsonNode image) {
    for (JsonNode container : doc.at("/spec/template/spec").path("containers")) {
      String current = container.path("image").asText();
      if (repositoryOf(current).equals(image.path("name").asText())) {
        String name = image.path("newName").asText(image.path("name").asText());
        String tag = image.path("newTag").asText(tagOf(current));
        ((ObjectNode) container).put("image", tag.isEmpty() ? name : name + ":" + tag);
      }
    }
  }

  /** Maps merge, lists of named maps (containers, env, ports...) merge by name, else replace. */
  private static void merge(ObjectNode target, JsonNode patch) {
    patch
        .properties()
        .forEach(
            field -> {
              JsonNode current = target.get(field.getKey());
              JsonNode value = field.getValue();
              if (value.isNull()) {
                target.remove(field.getKey());
              } else if (current instanceof ObjectNode object && value.isObject()) {
                merge(object, value);
              } else if (current instanceof ArrayNode list && isNamedList(value)) {
                for (JsonNode item : value) {
                  stream(list)
                      .filter(c -> c.path("name").equals(item.path("name")))
                      .findFirst()
                      .ifPresentOrElse(c -> merge((ObjectNode) c, item), () -> list.add(item));
                }
              } else {
                target.set(field.getKey(), value.deepCopy());
              }
            });
  }

  private static boolean isNamedList(JsonNode node) {
    return node.isArray() && stream(node).allMatch(i -> i.isObject() && i.has("name"));
  }

  // ================================================================ helpers: objects

  private static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
    return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
  }

  private static Set<String> names(List<JsonNode> docs, String kind) {
    return ofKind(docs, kind).stream()
        .map(KubernetesManifestsTest::name)
        .collect(Collectors.toSet());
  }

  private static JsonNode find(List<JsonNode> docs, String kind, String name) {
    List<JsonNode> matches = ofKind(docs, kind).stream().filter(d -> name(d).equals(name)).toList();
    assertEquals(1, matches.size(), "expected exactly one " + kind + " " + name);
    return matches.get(0);
  }

  private static String name(JsonNode doc) {
    return doc.at("/metadata/name").asText();
  }

  private static String keycloakName(List<JsonNode> docs) {
    List<JsonNode> keycloaks = ofKind(docs, "Keycloak");
    assertEquals(1, keycloaks.size(), "expected exactly one Keycloak CR");
    return name(keycloaks.get(0));
  }

  private static JsonNode realmImport() {
    List<JsonNode> imports = ofKind(base(), "KeycloakRealmImport");
    assertEquals(1, imports.size(), "expected exactly one KeycloakRealmImport in base");
    return imports.get(0);
  }

  private static JsonNode clusterBehindRwHost(List<JsonNode> docs, String host) {
    assertTrue(host.endsWith("-rw"), host + " is not a CNPG read-write service (<cluster>-rw)");
    String cluster = host.substring(0, host.length() - "-rw".length());
    assertTrue(names(docs, "Cluster").contains(cluster), "no CNPG Cluster behind host " + host);
    return find(docs, "Cluster", cluster);
  }

  private static JsonNode podSpec(JsonNode workload) {
    return workload.at("/spec/template/spec");
  }

  private static JsonNode apiContainer(List<JsonNode> docs) {
    return stream(podSpec(find(docs, "Deployment", API)).path("containers"))
        .filter(c -> c.path("name").asText().equals(API))
        .findFirst()
        .orElseGet(() -> fail("Deployment crm-api has no container named crm-api"));
  }

  /** Variables the crm-api container sees: envFrom ConfigMaps, then env (secret values masked). */
  private static Map<String, String> effectiveEnv(List<JsonNode> docs) {
    JsonNode container = apiContainer(docs);
    Map<String, String> env = new HashMap<>();
    for (JsonNode from : container.path("envFrom")) {
      if (from.has("configMapRef")) {
        JsonNode configMap = find(docs, "ConfigMap", from.at("/configMapRef/name").asText());
        configMap
            .path("data")
            .properties()
            .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
      }
    }
    for (JsonNode var : container.path("env")) {
      env.put(
          var.path("name").asText(),
          var.has("valueFrom")
              ? "<from " + var.path("valueFrom") + ">"
              : var.path("value").asText());
    }
    return env;
  }

  private static String envVar(List<JsonNode> docs, String name) {
    String value = effectiveEnv(docs).get(name);
    assertTrue(value != null, name + " is not set for the crm-api container");
    return value;
  }

  /** The JDBC URL the crm-api container gets; group 1 is the host, group 2 the database. */
  private static Matcher jdbcUrl(List<JsonNode> docs) {
    String jdbcUrl = envVar(docs, "QUARKUS_DATASOURCE_JDBC_URL");
    Matcher url =
        Pattern.compile("jdbc:postgresql://([^:/]+)(?::\\d+)?/([^?]+).*").matcher(jdbcUrl);
    assertTrue(url.matches(), "unexpected JDBC URL " + jdbcUrl);
    return url;
  }

  /** Agroal pool size: env override, else application.properties (%prod first), else 20. */
  private static int poolMaxSize(List<JsonNode> docs) {
    String fromEnv = effectiveEnv(docs).get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
    if (fromEnv != null) {
      return Integer.parseInt(fromEnv.trim());
    }
    Properties app = new Properties();
    Path file = Path.of("src/main/resources/application.properties");
    if (Files.exists(file)) {
      try (var reader = Files.newBufferedReader(file)) {
        app.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String key = "quarkus.datasource.jdbc.max-size";
    return Integer.parseInt(app.getProperty("%prod." + key, app.getProperty(key, "20")).trim());
  }

  private static boolean isContainerPort(JsonNode container, JsonNode port) {
    return stream(container.path("ports"))
        .anyMatch(
            p ->
                port.isTextual()
                    ? p.path("name").asText().equals(port.asText())
                    : p.path("containerPort").asInt() == port.asInt());
  }

  private static void assertSubset(JsonNode subset, JsonNode superset, String what) {
    assertFalse(subset.isEmpty(), what + " is empty");
    subset
        .properties()
        .forEach(
            e ->
                assertEquals(
                    e.getValue(),
                    superset.get(e.getKey()),
                    what + ": label " + e.getKey() + " not on the pod template"));
  }

  /**
   * Names referenced under the given keys anywhere in the documents: {@code objectKeys} hold an
   * object with a {@code name} (secretKeyRef, configMapRef...), {@code textKeys} the name itself.
   */
  private static Set<String> refs(
      List<JsonNode> docs, Set<String> objectKeys, Set<String> textKeys) {
    Set<String> found = new TreeSet<>();
    for (JsonNode doc : docs) {
      collectRefs(doc, objectKeys, textKeys, found);
    }
    return found;
  }

  private static void collectRefs(
      JsonNode node, Set<String> objectKeys, Set<String> textKeys, Set<String> found) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (objectKeys.contains(e.getKey()) && e.getValue().path("name").isTextual()) {
                  found.add(e.getValue().path("name").asText());
                } else if (textKeys.contains(e.getKey()) && e.getValue().isTextual()) {
                  found.add(e.getValue().asText());
                }
                collectRefs(e.getValue(), objectKeys, textKeys, found);
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, objectKeys, textKeys, found));
    }
  }

  // ================================================================ helpers: values

  private static Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private static List<String> texts(JsonNode array) {
    return stream(array).map(JsonNode::asText).toList();
  }

  /** The tag of an image reference, or "" if it has none. */
  private static String tagOf(String image) {
    String last = image.substring(image.lastIndexOf('/') + 1);
    return last.contains(":") ? last.substring(last.indexOf(':') + 1) : "";
  }

  private static String repositoryOf(String image) {
    String tag = tagOf(image);
    return tag.isEmpty() ? image : image.substring(0, image.length() - tag.length() - 1);
  }

  /** Quarkus duration: plain seconds, {@code 500ms}, or ISO-8601 with the "PT" left out. */
  private static long seconds(String value) {
    String v = value.trim();
    if (v.matches("\\d+")) {
      return Long.parseLong(v);
    }
    if (v.endsWith("ms")) {
      return Long.parseLong(v.substring(0, v.length() - 2)) / 1000;
    }
    return Duration.parse(v.toUpperCase().startsWith("P") ? v : "PT" + v).toSeconds();
  }

  /** Extra pods a rolling update may start: absolute maxSurge or a percentage (default 25 %). */
  private static int surgePods(JsonNode maxSurge, int replicas) {
    if (maxSurge.isInt()) {
      return maxSurge.asInt();
    }
    int percent = Integer.parseInt(maxSurge.asText("25%").replace("%", "").trim());
    return (int) Math.ceil(replicas * percent / 100.0);
  }

  /** Seconds a preStop hook sleeps: the {@code sleep} action or an exec'd {@code sleep N}. */
  private static long preStopSeconds(JsonNode preStop) {
    if (preStop.has("sleep")) {
      return preStop.at("/sleep/seconds").asLong();
    }
    Matcher sleep =
        Pattern.compile("sleep\\s+(\\d+)")
            .matcher(String.join(" ", texts(preStop.at("/exec/command"))));
    return sleep.find() ? Long.parseLong(sleep.group(1)) : 0;
  }
}
