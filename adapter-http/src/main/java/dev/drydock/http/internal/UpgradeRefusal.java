package dev.drydock.http.internal;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;

/**
 * Ignores every protocol upgrade a request offers ({@code Upgrade: h2c}, what Java's HttpClient
 * sends by default over http, but also {@code websocket}, {@code TLS/1.2} or any list of them) and
 * answers it over plain HTTP/1.1, as RFC 9110 lets a server do. The API serves no other protocol.
 *
 * <p>Why it is needed: when Grizzly's HTTP codec sees any {@code Upgrade} header it marks the
 * request "ignore content modifiers" and hands the body on as raw bytes of the upgraded protocol,
 * without Content-Length framing. The request body then never ends, so reading it blocks until
 * the idle timeout (about 30 s) and the request fails. The codec announces the upgrade with an
 * {@link HttpEvents.IncomingHttpUpgradeEvent} to the filters after it, synchronously and before it
 * decides how to frame the body; this filter, placed right after the codec, forgets the upgrade
 * there, so the codec frames the body normally.
 */
public final class UpgradeRefusal implements AddOn {
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(HttpServerFilter.class);
        if (codec < 0) {
            throw new IllegalStateException("No HTTP codec in the filter chain of listener " + listener.getName());
        }
        builder.add(codec + 1, new Filter());
    }

    static final class Filter extends BaseFilter {
        @Override
        public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
            if (event instanceof HttpEvents.IncomingHttpUpgradeEvent upgrade) {
                HttpHeader header = upgrade.getHttpHeader();
                header.getUpgradeDC().recycle();
                header.getHeaders().removeHeader(Header.Upgrade);
                header.setIgnoreContentModifiers(false);
                return ctx.getStopAction();
            }
            return ctx.getInvokeAction();
        }
    }
}
