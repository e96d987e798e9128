package dev.headlesscrm.platform.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which webhook targets are refused when private targets are not allowed (production). */
class TargetGuardTest {

  private final TargetGuard production = new TargetGuard(false);
  private final TargetGuard tests = new TargetGuard(true);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/hooks",
        "http://127.8.9.10:8080/hooks",
        "http://localhost/hooks",
        "http://10.1.2.3/hooks",
        "http://172.16.0.1/hooks",
        "http://192.168.1.1/hooks",
        "http://169.254.169.254/latest/meta-data",
        "http://100.64.0.1/hooks",
        "http://0.0.0.0/hooks",
        "http://[::1]/hooks",
        "http://[fd00::1]/hooks",
        "http://[fe80::1]/hooks",
        "http://[::ffff:10.0.0.1]/hooks",
        "http://224.0.0.1/hooks"
      })
  void internalTargetsAreRefusedInProduction(String url) {
    Optional<String> why = production.refused(url);
    assertTrue(why.isPresent(), url);
    assertTrue(why.get().contains("internal address"), why.get());
    assertEquals(Optional.empty(), tests.refused(url), "allowed by configuration");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://93.184.215.14/hooks", "http://8.8.8.8:8080/x?y=1"})
  void publicTargetsAreAccepted(String url) {
    assertEquals(Optional.empty(), production.refused(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://example.com/x",
        "https://user:secret@example.com/x",
        "example.com/x",
        "https:///x",
        "https://example.com/x#frag",
        "not a url"
      })
  void malformedUrlsAreRefusedEverywhere(String url) {
    assertTrue(production.refused(url).isPresent(), url);
    assertTrue(tests.refused(url).isPresent(), url);
  }
}
