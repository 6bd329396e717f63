package dev.drydock.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RequestTargetGuardTest {
    @Test
    void validQueriesAreUntouched() {
        String query = "a=1&b=x%20y&c=%C3%A9&d=[0]&e=a/b?c:d@e!$'()*+,;";

        assertThat(RequestTargetGuard.encodeQuery(query)).isEqualTo(query);
    }

    @Test
    void aPercentThatStartsNoEscapeIsEncoded() {
        assertThat(RequestTargetGuard.encodeQuery("x=%zz&y=%&z=%4&w=%41")).isEqualTo("x=%25zz&y=%25&z=%254&w=%41");
    }

    @Test
    void charactersAUriMayNotHoldAreEncodedAsUtf8() {
        assertThat(RequestTargetGuard.encodeQuery("x={y}|\"^`\\ é😀"))
                .isEqualTo("x=%7By%7D%7C%22%5E%60%5C%20%C3%A9%F0%9F%98%80");
    }

    @Test
    void theResultAlwaysParsesAsAUri() {
        for (String query : new String[] {"%", "%%%", "a=%zz%", "<>#", "\u0001", "é%e"}) {
            String encoded = RequestTargetGuard.encodeQuery(query);

            assertThat(URI.create("http://h/p?" + encoded).getRawQuery()).as(query).isEqualTo(encoded);
        }
    }
}
