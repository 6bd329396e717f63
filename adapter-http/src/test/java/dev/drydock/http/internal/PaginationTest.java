package dev.drydock.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PaginationTest {
    private static final URI LIST = URI.create("http://h:8000/v2/apps?limit=10&offset=30&b=2&a=1&a=0");

    @Test
    void nextReplacesLimitAndOffsetAndSortsTheRest() {
        assertThat(Pagination.next(LIST, new Pagination.Window(10, 30), 100))
                .isEqualTo("http://h:8000/v2/apps?a=1&a=0&b=2&limit=10&offset=40");
    }

    @Test
    void thereIsNoNextAtTheEnd() {
        assertThat(Pagination.next(LIST, new Pagination.Window(10, 30), 40)).isNull();
        assertThat(Pagination.next(LIST, new Pagination.Window(10, 30), 35)).isNull();
    }

    @Test
    void previousDropsTheOffsetWhenItWouldNotBePositive() {
        assertThat(Pagination.previous(LIST, new Pagination.Window(10, 30)))
                .isEqualTo("http://h:8000/v2/apps?a=1&a=0&b=2&limit=10&offset=20");
        assertThat(Pagination.previous(LIST, new Pagination.Window(10, 10)))
                .isEqualTo("http://h:8000/v2/apps?a=1&a=0&b=2&limit=10");
        assertThat(Pagination.previous(LIST, new Pagination.Window(10, 5)))
                .isEqualTo("http://h:8000/v2/apps?a=1&a=0&b=2&limit=10");
        assertThat(Pagination.previous(LIST, new Pagination.Window(10, 0))).isNull();
    }

    @Test
    void valuesAreEncodedLikePythonsQuotePlus() {
        assertThat(Pagination.quotePlus("a b/c~d_e.f-g*h")).isEqualTo("a+b%2Fc~d_e.f-g%2Ah");
        assertThat(Pagination.quotePlus("é")).isEqualTo("%C3%A9");
    }

    @Test
    void blankValuesAreKept() {
        assertThat(Pagination.next(URI.create("http://h/v2/keys?q=&limit=1"), new Pagination.Window(1, 0), 5))
                .isEqualTo("http://h/v2/keys?limit=1&offset=1&q=");
    }

    @Test
    void limitsAndOffsetsBeyondTheIntRangeAreKeptAndBeyondTheLongRangeCapped() {
        Pagination.Window window = Pagination.window(
                URI.create("http://h/v2/apps?limit=99999999999&offset=+99999999999999999999999"));

        assertThat(window).isEqualTo(new Pagination.Window(99_999_999_999L, Long.MAX_VALUE));
        assertThat(Pagination.next(LIST, window, 10)).isNull();
    }
}
