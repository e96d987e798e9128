package dev.headlesscrm.platform.idempotency;

import java.util.Map;

/** A first answer as it is replayed: status, the headers that matter and the exact body bytes. */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {}
