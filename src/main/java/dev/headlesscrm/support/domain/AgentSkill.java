package dev.headlesscrm.support.domain;

import java.util.UUID;

/**
 * A skill of an agent: a service category (dictionary {@code service-category}) or a product, at a
 * level from 1 (can help) to 5 (expert).
 */
public record AgentSkill(String category, UUID productId, int level) {}
