package dev.headlesscrm.platform.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which webhook targets are refused when private targets are not allowed (production). */
class TargetGuardTest {

  private final TargetGuard production = new TargetGuard(false, true);
  private final TargetGuard tests = new TargetGuard(true, false);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hooks",
        "https://127.8.9.10:8080/hooks",
        "https://localhost/hooks",
        "https://10.1.2.3/hooks",
        "https://172.16.0.1/hooks",
        "https://192.168.1.1/hooks",
        "https://169.254.169.254/latest/meta-data",
        "https://100.64.0.1/hooks",
        "https://0.0.0.0/hooks",
        "https://[::1]/hooks",
        "https://[fd00::1]/hooks",
        "https://[fe80::1]/hooks",
        "https://[::ffff:10.0.0.1]/hooks",
        "https://224.0.0.1/hooks"
      })
  void internalTargetsAreRefusedInProduction(String url) {
    Optional<String> why = production.refused(url);
    assertTrue(why.isPresent(), url);
    assertTrue(why.get().contains("internal address"), why.get());
    assertEquals(Optional.empty(), tests.refused(url), "allowed by configuration");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://93.184.215.14/hooks", "HTTPS://8.8.8.8:8443/x?y=1"})
  void publicHttpsTargetsAreAccepted(String url) {
    assertEquals(Optional.empty(), production.refused(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://93.184.215.14/hooks", "http://8.8.8.8:8080/x?y=1"})
  void plainHttpIsRefusedInProductionAndAllowedWhereConfigured(String url) {
    Optional<String> why = production.refused(url);
    assertTrue(why.isPresent() && why.get().contains("https"), url);
    assertEquals(Optional.empty(), tests.refused(url));
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
