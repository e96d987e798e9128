package dev.headlesscrm.platform.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook targets are acceptable: absolute https URLs (http too when {@code
 * crm.webhooks.require-https} is off) without credentials whose host is not on a loopback,
 * link-local, private, shared (CGNAT), unspecified or multicast address, unless {@code
 * crm.webhooks.allow-private-targets} allows those. Checked when a subscription is saved and again
 * before every attempt (a name may resolve differently later).
 */
public final class TargetGuard {

  public static final int MAX_URL_LENGTH = 2048;

  private final boolean allowPrivate;
  private final boolean requireHttps;

  /**
   * @param allowPrivate whether internal addresses may be called (tests, on-premises receivers)
   * @param requireHttps whether plain http is refused (payloads carry customer data)
   */
  public TargetGuard(boolean allowPrivate, boolean requireHttps) {
    this.allowPrivate = allowPrivate;
    this.requireHttps = requireHttps;
  }

  /** Why the URL is not acceptable as written, or empty (its host is not looked up). */
  public static Optional<String> malformed(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("is required");
    }
    if (url.length() > MAX_URL_LENGTH) {
      return Optional.of("is longer than " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("must be an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.of("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry credentials");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("must not have a fragment");
    }
    return Optional.empty();
  }

  /**
   * Why the URL's host may not be called, or empty. A host that does not resolve now is not refused
   * here (delivery attempts fail until it does).
   */
  public Optional<String> refused(String url) {
    Optional<String> bad = malformed(url);
    if (bad.isPresent()) {
      return bad;
    }
    if (requireHttps && !url.regionMatches(true, 0, "https:", 0, 6)) {
      return Optional.of("must be an https URL (payloads carry customer data)");
    }
    if (allowPrivate) {
      return Optional.empty();
    }
    String host = URI.create(url).getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    for (InetAddress address : addresses) {
      if (internal(address)) {
        return Optional.of(
            "points at an internal address ("
                + address.getHostAddress()
                + "); loopback, link-local and private targets are not allowed");
      }
    }
    return Optional.empty();
  }

  static boolean internal(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 // "this network"
          || (first == 100 && second >= 64 && second < 128) // shared address space (CGNAT)
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || first >= 240; // reserved and broadcast
    }
    if (a instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return true; // unique local fc00::/7
      }
      boolean v4Mapped = true;
      for (int i = 0; i < 10; i++) {
        v4Mapped &= b[i] == 0;
      }
      if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }
}
