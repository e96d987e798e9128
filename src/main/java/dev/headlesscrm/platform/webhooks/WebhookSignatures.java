package dev.headlesscrm.platform.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: a secret is {@code whsec_} and the base64 of 24 to 64 random bytes; a
 * signature is {@code v1,} and the base64 of the HMAC-SHA256 of {@code id.timestamp.body} keyed
 * with the secret's bytes.
 */
public final class WebhookSignatures {

  public static final String PREFIX = "whsec_";

  private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/]{32,88}={0,2}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignatures() {}

  /** A fresh secret of 32 random bytes. */
  public static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** Whether a client-chosen secret has the Standard Webhooks form and 24 to 64 bytes. */
  public static boolean valid(String secret) {
    if (secret == null || !SECRET.matcher(secret).matches()) {
      return false;
    }
    try {
      int bytes = key(secret).length;
      return bytes >= 24 && bytes <= 64;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The {@code v1,...} signature of one message. */
  public static String sign(String secret, String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
      byte[] digest =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static byte[] key(String secret) {
    return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
  }
}
