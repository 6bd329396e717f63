package dev.drydock.http.internal;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads any request body into a {@link JsonBody}, up to {@link #MAX_BYTES}; larger bodies are 413.
 * Parsing waits until the resource asks for a field.
 */
@Provider
public final class JsonBodyReader implements MessageBodyReader<JsonBody> {
    /** The largest body accepted. */
    public static final int MAX_BYTES = 1024 * 1024;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonBody.class;
    }

    @Override
    public JsonBody readFrom(Class<JsonBody> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                             MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        MediaType declared = null;
        if (contentType != null && !contentType.isBlank()) {
            try {
                declared = MediaType.valueOf(contentType);
            } catch (IllegalArgumentException e) {
                declared = new MediaType("invalid", "invalid");
            }
        }
        String length = headers.getFirst(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.strip().matches("\\d{1,18}") && Long.parseLong(length.strip()) > MAX_BYTES) {
            throw new BodyTooLargeException();
        }
        return new JsonBody(readLimited(entity), declared, contentType);
    }

    private static byte[] readLimited(InputStream entity) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int total = 0;
        int n;
        while ((n = entity.read(chunk)) != -1) {
            total += n;
            if (total > MAX_BYTES) {
                throw new BodyTooLargeException();
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    /** A request body over {@link #MAX_BYTES}; the error mapper answers 413. */
    public static final class BodyTooLargeException extends WebApplicationException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("Request body is larger than " + MAX_BYTES + " bytes.", 413);
        }
    }
}
