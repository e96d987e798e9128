package dev.headlesscrm.sales.performance.domain;

import java.math.BigDecimal;

/** One step of a tiered rate: from this period total on, this rate. */
public record CommissionTier(BigDecimal from, BigDecimal rate) {}
