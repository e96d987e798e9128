package dev.headlesscrm.platform.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: the sort values of the last row of a page, base64url-encoded. Values are
 * joined by a unit separator, which cannot occur in the values we page by.
 */
public final class Cursor {

  private static final String SEPARATOR = "\u001f";
  private static final String PREFIX = "v1" + SEPARATOR;

  private Cursor() {}

  public static String encode(List<String> values) {
    String raw = PREFIX + String.join(SEPARATOR, values);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  public static List<String> decode(String cursor) {
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw bad();
    }
    if (!raw.startsWith(PREFIX)) {
      throw bad();
    }
    return new ArrayList<>(List.of(raw.substring(PREFIX.length()).split(SEPARATOR, -1)));
  }

  private static CrmException bad() {
    return CrmException.malformed(
        Text.of(
            "The cursor is not one this API issued; start again without it.",
            "cursor 无效，请不带 cursor 重新开始分页。"));
  }
}
