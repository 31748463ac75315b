package org.stockcast.common.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every 503 of a service carries {@code Retry-After}, also those not written by a problem handler (the
 * readiness probe, a container error): the status is intercepted as it is set, before the response is committed.
 */
public class RetryAfterFilter extends OncePerRequestFilter {
    private final String seconds;

    public RetryAfterFilter() {
        this.seconds = Problems.retryAfterSeconds(Problems.DEFAULT_RETRY_AFTER);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int sc) {
                super.setStatus(sc);
                mark(sc);
            }

            @Override
            public void sendError(int sc) throws IOException {
                mark(sc);
                super.sendError(sc);
            }

            @Override
            public void sendError(int sc, String msg) throws IOException {
                mark(sc);
                super.sendError(sc, msg);
            }

            private void mark(int sc) {
                if (sc == HttpServletResponse.SC_SERVICE_UNAVAILABLE && !isCommitted()
                        && !containsHeader(HttpHeaders.RETRY_AFTER)) {
                    setHeader(HttpHeaders.RETRY_AFTER, seconds);
                }
            }
        });
    }
}
