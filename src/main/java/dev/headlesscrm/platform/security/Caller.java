package dev.headlesscrm.platform.security;

import java.util.List;

/**
 * Who sent the request, as the token says: a person (authorization code or password grant) or an
 * integration's service account (client credentials).
 */
public record Caller(
    String subject,
    String username,
    String name,
    String email,
    String clientId,
    boolean serviceAccount,
    List<String> roles) {}
