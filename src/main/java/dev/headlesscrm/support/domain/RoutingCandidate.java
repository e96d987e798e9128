package dev.headlesscrm.support.domain;

import java.util.List;
import java.util.UUID;

/**
 * One agent as routing weighed them: whether they could take the request, and if not why; their
 * skill level for it, their open load and capacity, and their place among the eligible (1 won).
 */
public record RoutingCandidate(
    UUID employeeId,
    boolean eligible,
    List<String> refusedBecause,
    int skillLevel,
    int load,
    int capacity,
    Integer place) {}
