package dev.headlesscrm.platform.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The response shapes every resource uses: ETag on reads and writes, Location on create. */
public final class RestResponses {

  private RestResponses() {}

  /** 200 with the ETag, or 304 when If-None-Match already names this version. */
  public static Response read(Versioned view, String ifNoneMatch) {
    if (ETags.matchesNone(ifNoneMatch, view.version())) {
      return Response.notModified(etag(view)).build();
    }
    return Response.ok(view).tag(etag(view)).build();
  }

  public static Response updated(Versioned view) {
    return Response.ok(view).tag(etag(view)).build();
  }

  /** 202: the work asked for goes on in the background; the record says how far it has got. */
  public static Response accepted(Versioned view) {
    return Response.accepted(view).tag(etag(view)).build();
  }

  public static Response created(UriInfo uri, Versioned view) {
    return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
        .entity(view)
        .tag(etag(view))
        .build();
  }

  public static Response createdAt(java.net.URI location, Versioned view) {
    return Response.created(location).entity(view).tag(etag(view)).build();
  }

  public static Response noContent() {
    return Response.noContent().build();
  }

  private static EntityTag etag(Versioned view) {
    return new EntityTag(String.valueOf(view.version()), true);
  }

  /** Header names resources read, in one place. */
  public static final String IF_MATCH = HttpHeaders.IF_MATCH;

  public static final String IF_NONE_MATCH = HttpHeaders.IF_NONE_MATCH;
}
