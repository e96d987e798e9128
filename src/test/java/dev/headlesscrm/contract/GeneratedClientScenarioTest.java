package dev.headlesscrm.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crm.client.ApiClient;
import crm.client.ApiException;
import crm.client.ApiResponse;
import crm.client.api.CustomersApi;
import crm.client.model.Customer;
import crm.client.model.CustomerInput;
import crm.client.model.CustomerPatch;
import crm.client.model.ListCustomers200Response;
import crm.client.model.Problem;
import dev.headlesscrm.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An ERP sync written only against the committed contract: the Java client openapi-generator makes
 * from openapi/openapi.yaml in this build (pom.xml, generate-test-sources) drives the test service
 * with a real client-credentials token. If the contract stops describing what the service does —
 * the 201 with the record, the ETag, the typed problem — this fails to compile or to pass.
 */
@QuarkusTest
class GeneratedClientScenarioTest {

  @TestHTTPResource("/")
  URL base;

  private CustomersApi customers() {
    ApiClient client = new ApiClient();
    client.updateBaseUri(base.toString().replaceAll("/$", ""));
    String token = Tokens.integration();
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    return new CustomersApi(client);
  }

  @Test
  void anErpSyncCreatesUpsertsPagesAndSeesAStaleUpdateAsATypedProblem() throws Exception {
    CustomersApi api = customers();
    String run = UUID.randomUUID().toString().substring(0, 8);

    // Create with an Idempotency-Key: 201, Location and ETag; the retry replays the same record.
    String key = "erp-" + run;
    CustomerInput input = new CustomerInput().name("ERP 同步客户 " + run).city("上海");
    ApiResponse<Customer> created = api.createCustomerWithHttpInfo(input, key);
    assertEquals(201, created.getStatusCode());
    Customer customer = created.getData();
    assertNotNull(customer.getId());
    assertTrue(
        created
            .getHeaders()
            .get("location")
            .get(0)
            .endsWith("/api/v1/customers/" + customer.getId()),
        "Location: " + created.getHeaders().get("location"));
    assertEquals("W/\"" + customer.getVersion() + "\"", created.getHeaders().get("etag").get(0));
    ApiResponse<Customer> retried = api.createCustomerWithHttpInfo(input, key);
    assertEquals(customer.getId(), retried.getData().getId());
    assertEquals("true", retried.getHeaders().get("idempotency-replayed").get(0));

    // Upsert by the ERP's own key: created once, then updated in place.
    List<String> externalIds = new ArrayList<>();
    UUID first = null;
    for (int i = 0; i < 3; i++) {
      String externalId = "ERP-" + run + "-" + i;
      externalIds.add(externalId);
      ApiResponse<Customer> upserted =
          api.upsertCustomerWithHttpInfo(
              externalId, new CustomerInput().name("ERP 客户 " + run + " " + i), null);
      assertEquals(201, upserted.getStatusCode());
      if (i == 0) {
        first = upserted.getData().getId();
      }
    }
    ApiResponse<Customer> again =
        api.upsertCustomerWithHttpInfo(
            externalIds.get(0), new CustomerInput().name("ERP 客户 " + run + " 改"), null);
    assertEquals(200, again.getStatusCode());
    assertEquals(first, again.getData().getId());
    assertEquals("ERP 客户 " + run + " 改", again.getData().getName());

    // Page the list two at a time with the opaque cursor until it says there is no more.
    String filter = "externalId=in=(" + String.join(",", externalIds) + ")";
    Set<UUID> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      ListCustomers200Response page =
          api.listCustomers(null, cursor, null, null, filter, null, 2, null, "name");
      page.getData().forEach(c -> assertTrue(seen.add(c.getId()), "seen twice: " + c.getId()));
      cursor =
          Boolean.TRUE.equals(page.getPage().getHasMore()) ? page.getPage().getNextCursor() : null;
      pages++;
    } while (cursor != null);
    assertEquals(3, seen.size());
    assertEquals(2, pages);

    // A change with the version read earlier, after someone else changed it: 412, as a Problem.
    UUID id = first;
    Customer current = api.getCustomer(id, null);
    api.updateCustomer(
        id, new CustomerPatch().city("杭州"), "\"" + current.getVersion() + "\"", null);
    ApiException stale =
        assertThrows(
            ApiException.class,
            () ->
                api.updateCustomer(
                    id, new CustomerPatch().city("苏州"), "\"" + current.getVersion() + "\"", null));
    assertEquals(412, stale.getCode());
    Problem problem =
        new ApiClient().getObjectMapper().readValue(stale.getResponseBody(), Problem.class);
    assertEquals(412, problem.getStatus());
    assertTrue(
        problem.getType().toString().endsWith("precondition-failed"), "type: " + problem.getType());
    assertFalse(problem.getDetail() == null || problem.getDetail().isBlank());
    assertEquals("杭州", api.getCustomer(id, null).getCity());
  }
}
