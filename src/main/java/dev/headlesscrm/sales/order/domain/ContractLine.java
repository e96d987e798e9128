package dev.headlesscrm.sales.order.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A line of a contract. */
@Entity
@Table(name = "contract_lines")
public class ContractLine extends PricedLine {}
