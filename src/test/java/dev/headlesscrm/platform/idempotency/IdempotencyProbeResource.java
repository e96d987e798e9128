package dev.headlesscrm.platform.idempotency;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only endpoints that fail, answer slowly, answer without a body or run non-blocking, which no
 * real resource does on demand. Each counts its calls per name, so a test sees whether an endpoint
 * ran again or was replayed. Hidden from the contract.
 */
@Path("/api/test/idempotency")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IdempotencyProbeResource {

  static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

  static int count(String name) {
    return CALLS.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
  }

  static int calls(String name) {
    return CALLS.getOrDefault(name, new AtomicInteger()).get();
  }

  @POST
  @Path("echo/{name}")
  @Operation(hidden = true)
  public Map<String, Object> echo(@PathParam("name") String name, Map<String, Object> body) {
    return Map.of("call", count(name), "body", body);
  }

  @POST
  @Path("boom/{name}")
  @Operation(hidden = true)
  public Response boom(@PathParam("name") String name) {
    count(name);
    throw new IllegalStateException("probe failure");
  }

  /** Fails the first time it is called for a name, succeeds after. */
  @POST
  @Path("flaky/{name}")
  @Operation(hidden = true)
  public Response flaky(@PathParam("name") String name) {
    int call = count(name);
    if (call == 1) {
      throw new IllegalStateException("first call fails");
    }
    return Response.status(201).entity(Map.of("call", call)).build();
  }

  @POST
  @Path("slow/{name}")
  @Operation(hidden = true)
  public Map<String, Object> slow(@PathParam("name") String name) throws InterruptedException {
    int call = count(name);
    Thread.sleep(1500);
    return Map.of("call", call);
  }

  @POST
  @Path("void/{name}")
  @Operation(hidden = true)
  public Response empty(@PathParam("name") String name) {
    count(name);
    return Response.noContent().header("ETag", "W/\"" + calls(name) + "\"").build();
  }

  /** A non-blocking endpoint: its filters run on the event loop. */
  @POST
  @Path("reactive/{name}")
  @Operation(hidden = true)
  public Uni<Map<String, Object>> reactive(
      @PathParam("name") String name, Map<String, Object> body) {
    boolean eventLoop = io.vertx.core.Context.isOnEventLoopThread();
    return Uni.createFrom().item(Map.of("call", count(name), "body", body, "eventLoop", eventLoop));
  }
}
