package dev.headlesscrm.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed contracts pass the tools integrators run on them: Spectral's {@code oas} ruleset
 * reports no error on openapi/openapi.yaml, and graphql-js builds and validates
 * graphql-schema/schema.graphql. The tools come from npm at the versions in
 * src/test/contract-tools/package.json, installed once under target/. (openapi-generator runs in
 * the Maven build itself; see GeneratedClientScenarioTest.)
 */
class ContractToolsTest {

  private static final Path TOOLS = Path.of("target/contract-tools");
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void install() throws Exception {
    Files.createDirectories(TOOLS);
    for (String file : List.of("package.json", ".spectral.yaml", "build-schema.js")) {
      Files.copy(
          Path.of("src/test/contract-tools", file),
          TOOLS.resolve(file),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.exists(TOOLS.resolve("node_modules/.bin/spectral"))
        || !Files.exists(TOOLS.resolve("node_modules/graphql"))) {
      Result npm = run(600, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
      assertEquals(0, npm.exit, "npm install failed:\n" + npm.output);
    }
  }

  @Test
  void spectralReportsNoErrorOnTheOpenApiDocument() throws Exception {
    Result lint =
        run(
            300,
            "node_modules/.bin/spectral",
            "lint",
            Path.of("openapi/openapi.yaml").toAbsolutePath().toString(),
            "--ruleset",
            ".spectral.yaml",
            "--format",
            "json",
            "--quiet");
    JsonNode findings = JSON.readTree(lint.output.substring(Math.max(0, lint.output.indexOf('['))));
    List<String> errors = new ArrayList<>();
    for (JsonNode f : findings) {
      // Errors and warnings (missing descriptions, examples that do not fit their schema); hints
      // and information are left to taste.
      if (f.path("severity").asInt() <= 1) {
        errors.add(
            f.path("code").asText() + " at " + f.path("path") + ": " + f.path("message").asText());
      }
    }
    assertEquals(List.of(), errors, "Spectral oas errors and warnings");
  }

  @Test
  void graphqlJsBuildsAndValidatesTheSdl() throws Exception {
    Result build =
        run(
            120,
            "node",
            "build-schema.js",
            Path.of("graphql-schema/schema.graphql").toAbsolutePath().toString());
    assertEquals(0, build.exit, "graphql-js refused the SDL:\n" + build.output);
    JsonNode counts = JSON.readTree(build.output.substring(build.output.indexOf('{')));
    assertTrue(counts.path("queries").asInt() > 50, build.output);
    assertTrue(counts.path("mutations").asInt() > 100, build.output);
  }

  private record Result(int exit, String output) {}

  private static Result run(int seconds, String... command)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(TOOLS.toFile()).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s");
    }
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
