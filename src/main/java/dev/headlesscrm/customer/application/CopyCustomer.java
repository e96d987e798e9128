package dev.headlesscrm.customer.application;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /customers/{id}/copy}: a new customer (new number) from an existing one. */
@Input("CopyCustomerInput")
@Schema(name = "CopyCustomer")
public record CopyCustomer(
    @Size(max = 200) @Schema(description = "The copy's name; the original's when omitted")
        String name,
    @Schema(description = "Copy the contacts too") Boolean includeContacts) {}
