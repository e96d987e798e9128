package dev.headlesscrm.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Cursor;
import dev.headlesscrm.platform.api.ETags;
import dev.headlesscrm.platform.api.Lang;
import dev.headlesscrm.platform.api.PageRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure rules of the platform API: ETags, cursors, page sizes, languages. */
class ETagsTest {

  @Test
  void ifMatchIsParsedWeaklyAndStrictly() {
    assertEquals(3L, ETags.expectedVersion("W/\"3\""));
    assertEquals(3L, ETags.expectedVersion("\"3\""));
    assertEquals(ETags.ANY, ETags.expectedVersion("*"));
    assertNull(ETags.expectedVersion(null));
    assertEquals(Long.MIN_VALUE, ETags.expectedVersion("\"abc\""), "a foreign tag never matches");
  }

  @Test
  void ifNoneMatchMatchesAnyListedVersion() {
    assertTrue(ETags.matchesNone("W/\"1\", W/\"2\"", 2));
    assertTrue(ETags.matchesNone("*", 9));
    assertFalse(ETags.matchesNone("W/\"1\"", 2));
    assertFalse(ETags.matchesNone(null, 2));
  }

  @Test
  void cursorsRoundTripAndRejectForgeries() {
    List<String> values = List.of("0193a000-0000-7000-8000-000000000001", "华东");
    assertEquals(values, Cursor.decode(Cursor.encode(values)));
    assertThrows(CrmException.class, () -> Cursor.decode("!!!"));
    assertThrows(CrmException.class, () -> Cursor.decode("aGVsbG8"));
  }

  @Test
  void pageSizeIsBounded() {
    assertEquals(50, PageRequest.of(null, null).limit());
    assertEquals(500, PageRequest.of(500, null).limit());
    assertThrows(CrmException.class, () -> PageRequest.of(0, null));
    assertThrows(CrmException.class, () -> PageRequest.of(501, null));
  }

  @Test
  void languageFollowsTheFirstSupportedRange() {
    assertEquals(Lang.ZH, Lang.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8"));
    assertEquals(Lang.EN, Lang.fromAcceptLanguage("en-US,zh;q=0.5"));
    assertEquals(Lang.ZH, Lang.fromAcceptLanguage("fr;q=0.9,zh-Hans;q=0.8"));
    assertEquals(Lang.EN, Lang.fromAcceptLanguage(null));
    assertEquals(Lang.EN, Lang.fromAcceptLanguage(";;;"));
  }
}
