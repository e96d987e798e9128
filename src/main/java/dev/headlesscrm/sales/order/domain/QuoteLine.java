package dev.headlesscrm.sales.order.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A line of a quote. */
@Entity
@Table(name = "quote_lines")
public class QuoteLine extends PricedLine {}
