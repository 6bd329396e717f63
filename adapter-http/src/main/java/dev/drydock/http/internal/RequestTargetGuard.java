package dev.drydock.http.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.Header;

/**
 * Stands in front of Jersey's Grizzly container so that every request reaches Jersey with a target
 * and a Host it can read. The container builds a {@link URI} from the Host header and the raw
 * request target before any filter runs, and answers Grizzly's 500 page when that fails.
 *
 * <ul>
 *   <li>A path that starts with several slashes ({@code //healthz}) is read as if it had one.</li>
 *   <li>A path that is not a valid URI path (a bad {@code %} escape, {@code {}, ...) matches no
 *       route: 404 {@code {"detail":"Not found."}}.</li>
 *   <li>A query with bad escapes or characters a URI may not hold is re-encoded, so the odd
 *       parameter is kept as the literal text sent (as Django reads it).</li>
 *   <li>A Host that is a name or address with an optional port but that Java's URI refuses (a
 *       docker-compose service name such as {@code a_b}) is served as if sent to the listener's
 *       address; any other Host is 400 {@code {"detail":"Invalid HTTP_HOST header"}}.</li>
 * </ul>
 *
 * The Host as sent is kept under {@link #HOST} for building absolute links. Answers given here go
 * through {@link JsonErrorPages}.
 */
public final class RequestTargetGuard extends HttpHandler {
    /** Request attribute (and Jersey property) holding the valid Host header as sent, if any. */
    public static final String HOST = RequestTargetGuard.class.getName() + ".host";
    static final String INVALID_HOST = "Invalid HTTP_HOST header";
    // A DNS-like name (underscores allowed) or a bracketed IPv6 literal, then an optional port.
    private static final Pattern HOST_HEADER =
            Pattern.compile("([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\])(?::([0-9]{1,5}))?");
    private static final int MAX_PORT = 65_535;

    private final HttpHandler api;
    // the last Host that needed no rewriting; a benign race, any thread's value is a valid one
    private volatile String lastPlainHost;

    public RequestTargetGuard(HttpHandler api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public void start() {
        api.start();
    }

    @Override
    public void destroy() {
        api.destroy();
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (admit(request, response)) {
            api.service(request, response);
        }
    }

    /** The API's own handler (Jersey's container). */
    HttpHandler api() {
        return api;
    }

    /**
     * Checks and mends the request for Jersey; false when it has been answered here instead.
     */
    boolean admit(Request request, Response response) throws Exception {
        if (!acceptHost(request)) {
            request.setAttribute(JsonErrorPages.DETAIL, INVALID_HOST);
            response.sendError(400);
            return false;
        }
        String path = request.getRequestURI();
        String single = oneLeadingSlash(path);
        if (single != path) {
            request.getRequest().setRequestURI(single);
            path = single;
        }
        String utf8 = percentEncodeHighBytes(path);
        if (utf8 != path) {
            request.getRequest().setRequestURI(utf8);
            path = utf8;
        }
        if (!isUriPath(path)) {
            response.sendError(404);
            return false;
        }
        String query = request.getQueryString();
        if (query != null) {
            String encoded = encodeQuery(query);
            if (!encoded.equals(query)) {
                request.getRequest().setQueryString(encoded);
            }
        }
        return true;
    }

    /**
     * A base URI ends in {@code /} (as {@code HttpApi.uri()} does), so a client that appends
     * {@code "/v2/apps"} to it sends {@code //v2/apps}; Java's URI would read the second slash as
     * the start of a host name, and nothing would match. Repeated slashes at the start are read as
     * one, as nginx does. The same string comes back when there is nothing to change.
     */
    static String oneLeadingSlash(String path) {
        int slashes = 0;
        while (slashes < path.length() && path.charAt(slashes) == '/') {
            slashes++;
        }
        return slashes > 1 ? path.substring(slashes - 1) : path;
    }

    /**
     * A path sent with raw UTF-8 bytes (as curl sends {@code bücher.example}) reaches us with each
     * byte as one char; percent-encoding those bytes lets Jersey decode them as UTF-8, as Django
     * does. The same string comes back when there is nothing to encode.
     */
    static String percentEncodeHighBytes(String path) {
        int first = -1;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) > 0x7F) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return path;
        }
        StringBuilder encoded = new StringBuilder(path.length() + 16).append(path, 0, first);
        for (int i = first; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c > 0xFF) {
                // not a byte: already decoded text, which only a broken client sends; leave it to the 404
                return path;
            }
            if (c > 0x7F) {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                encoded.append(c);
            }
        }
        return encoded.toString();
    }

    /** Whether the request may go on; a Host Java cannot take is swapped for the listener's address. */
    private boolean acceptHost(Request request) {
        String host = request.getHeader(Header.Host);
        if (host == null) {
            return true;
        }
        if (host.equals(lastPlainHost)) {
            // clients send the same Host on every request: skip the pattern and the URI check
            request.setAttribute(HOST, host.strip());
            return true;
        }
        Matcher matcher = HOST_HEADER.matcher(host.strip());
        if (!matcher.matches() || (matcher.group(2) != null && Integer.parseInt(matcher.group(2)) > MAX_PORT)) {
            return false;
        }
        request.setAttribute(HOST, host.strip());
        try {
            new URI(request.getScheme(), null, request.getServerName(), request.getServerPort(), null, null, null);
            lastPlainHost = host;
        } catch (URISyntaxException e) {
            String local = request.getLocalAddr();
            int scope = local.indexOf('%');
            HttpRequestPacket packet = request.getRequest();
            // A URI cannot hold an IPv6 scope (fe80::1%eth0); the address alone serves as well.
            packet.serverName().setString(scope < 0 ? local : local.substring(0, scope));
            packet.setServerPort(request.getLocalPort());
        }
        return true;
    }

    private static boolean isUriPath(String path) {
        try {
            new URI("http://host" + path);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * The query with what a URI may not hold percent-encoded: a {@code %} that starts no escape
     * becomes {@code %25}, other illegal characters their UTF-8 escapes; the rest is untouched.
     */
    static String encodeQuery(String query) {
        StringBuilder out = new StringBuilder(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                boolean escape = i + 2 < query.length() && isHex(query.charAt(i + 1)) && isHex(query.charAt(i + 2));
                out.append(escape ? "%" : "%25");
            } else if (isQueryChar(c)) {
                out.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < query.length() ? i + 2 : i + 1;
                for (byte b : query.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    /** RFC 2396 uric without '%', as java.net.URI reads a query (ASCII only). */
    private static boolean isQueryChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-_.!~*'();/?:@&=+$,[]".indexOf(c) >= 0;
    }
}
