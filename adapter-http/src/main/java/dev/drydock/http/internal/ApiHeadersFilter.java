package dev.drydock.http.internal;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Adds the platform version headers and the CORS headers (any origin) to every response Jersey
 * sends, errors and unknown routes included.
 */
@Provider
public final class ApiHeadersFilter implements ContainerResponseFilter {
    public static final String API_VERSION_HEADER = "DRYCC_API_VERSION";
    public static final String PLATFORM_VERSION_HEADER = "DRYCC_PLATFORM_VERSION";
    public static final String PLATFORM_VERSION = "2.3.0";
    /** The platform version without its patch level. */
    public static final String API_VERSION = "2.3";
    /** The headers every response carries, Jersey's or Grizzly's own (see {@link JsonErrorPages}). */
    public static final Map<String, String> EVERY_RESPONSE = Map.of(
            API_VERSION_HEADER, API_VERSION,
            PLATFORM_VERSION_HEADER, PLATFORM_VERSION,
            "Access-Control-Allow-Origin", "*",
            "Access-Control-Expose-Headers", API_VERSION_HEADER + ", " + PLATFORM_VERSION_HEADER);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        EVERY_RESPONSE.forEach(headers::putSingle);
        if (HttpMethod.OPTIONS.equals(request.getMethod())
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            headers.putSingle("Access-Control-Allow-Methods", "DELETE, GET, OPTIONS, PATCH, POST, PUT");
            headers.putSingle("Access-Control-Allow-Headers", "content-type, accept, origin, Authorization, Host");
            headers.putSingle("Access-Control-Max-Age", "86400");
        }
    }
}
