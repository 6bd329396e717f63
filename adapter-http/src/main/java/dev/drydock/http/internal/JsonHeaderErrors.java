package dev.drydock.http.internal;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * A request line or headers that cannot be read (too large, malformed) are refused by Grizzly's
 * HTTP codec before any handler runs, with an empty body. This puts the codec's own settings into
 * one whose refusals carry the API's JSON body and headers, like every other error.
 */
public final class JsonHeaderErrors implements AddOn {
    static final String UNREADABLE = "The request line or its headers could not be read (malformed, or too large).";

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int index = builder.indexOfType(HttpServerFilter.class);
        if (index < 0) {
            throw new IllegalStateException("No HTTP codec in the filter chain of listener " + listener.getName());
        }
        HttpServerFilter grizzly = (HttpServerFilter) builder.get(index);
        int maxHeaderSize = listener.getMaxHttpHeaderSize() == -1
                ? HttpServerFilter.DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE : listener.getMaxHttpHeaderSize();
        Codec codec = new Codec(listener, maxHeaderSize);
        codec.setAllowPayloadForUndefinedHttpMethods(grizzly.isAllowPayloadForUndefinedHttpMethods());
        codec.setMaxPayloadRemainderToSkip(grizzly.getMaxPayloadRemainderToSkip());
        builder.set(index, codec);
    }

    static final class Codec extends HttpServerFilter {
        @SuppressWarnings("deprecation")
        Codec(NetworkListener listener, int maxHeaderSize) {
            // as Grizzly's HttpServer makes its own codec
            super(listener.isChunkingEnabled(), maxHeaderSize, null, listener.getKeepAlive(), null,
                    listener.getMaxRequestHeaders(), listener.getMaxResponseHeaders());
        }

        @Override
        protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
            String detail = response.getStatus() == 400 ? UNREADABLE : response.getReasonPhrase() + ".";
            byte[] body;
            try {
                body = Json.MAPPER.writeValueAsBytes(Json.detail(detail));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("A map of strings is always JSON", e);
            }
            ApiHeadersFilter.EVERY_RESPONSE.forEach(response::setHeader);
            response.setContentType("application/json");
            response.setContentLength(body.length);
            return HttpContent.builder(response).content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
                    .last(true).build();
        }
    }
}
