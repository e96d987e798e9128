package dev.headlesscrm.verify.owasp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * API7-style leak check over every error the OWASP suite provokes: each probe hands its response
 * here, and the error bodies (4xx/5xx, and GraphQL answers carrying {@code errors}) must not show a
 * stack trace, a Java class name, SQL or a file path. Checked per test class after its probes.
 */
final class ErrorBodies {

  /** What an error body must never contain. */
  static final List<Pattern> LEAKS =
      List.of(
          Pattern.compile("\\bat [a-z]+(\\.[a-zA-Z_$0-9]+)+\\("),
          Pattern.compile("[A-Za-z]+(Exception|Error)\\b(?!\\s*\")"),
          Pattern.compile(
              "\\b(java|javax|jakarta|sun|org\\.hibernate|org\\.postgresql"
                  + "|io\\.quarkus|io\\.vertx|io\\.smallrye|graphql\\.execution|com\\.fasterxml"
                  + "|dev\\.headlesscrm)\\.[a-z]"),
          Pattern.compile(
              "\\bSELECT\\b[^\"]*\\bFROM\\b|\\bINSERT INTO\\b|\\bUPDATE \\w+ SET\\b"
                  + "|\\bDELETE FROM\\b"),
          Pattern.compile(
              "(?i)\\bviolates\\b|\\bconstraint\\b|SQLState|duplicate key value" + "|\\bERROR: "),
          Pattern.compile(
              "(/[\\w.-]+){2,}\\.(java|class|properties|jar|sql)\\b|/work/|/home/"
                  + "|/root/|/tmp/|[A-Z]:\\\\"));

  private static final List<String> BODIES = Collections.synchronizedList(new ArrayList<>());
  private static int total;

  private ErrorBodies() {}

  /** Keeps the body when the response is an error; returns the response for chaining. */
  static Response seen(String what, Response response) {
    String body = response.asString();
    if (response.statusCode() >= 400
        || (body != null && body.startsWith("{") && body.contains("\"errors\""))) {
      BODIES.add(what + " → " + response.statusCode() + ": " + body);
    }
    return response;
  }

  /** Asserts no collected body leaks, prints the count and forgets them. */
  static void verify(String who) {
    List<String> bodies;
    synchronized (BODIES) {
      bodies = new ArrayList<>(BODIES);
      BODIES.clear();
    }
    total += bodies.size();
    List<String> leaks = new ArrayList<>();
    for (String body : bodies) {
      String text = body.substring(body.indexOf(": ") + 2);
      for (Pattern leak : LEAKS) {
        if (leak.matcher(text).find()) {
          leaks.add(leak + " in " + (body.length() > 600 ? body.substring(0, 600) : body));
        }
      }
    }
    System.out.printf(
        "[OWASP API7] %s: %d error bodies checked for leaks (%d so far)%n",
        who, bodies.size(), total);
    assertTrue(leaks.isEmpty(), () -> leaks.size() + " leaks:\n" + String.join("\n", leaks));
  }
}
