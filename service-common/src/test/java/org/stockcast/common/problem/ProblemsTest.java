package org.stockcast.common.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** One style: snake_case members, problem+json, Retry-After on every 503 (also those no handler wrote). */
class ProblemsTest {

    @Test
    void membersMustBeSnakeCase() {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Busy", "A retrain is running");
        Problems.with(problem, "job_id", "j1");
        Problems.with(problem, "total_errors", 3);
        assertThat(problem.getProperties()).containsKeys("job_id", "total_errors");
        assertThatThrownBy(() -> Problems.with(problem, "jobId", "j1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Problems.with(problem, "Total_errors", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Problems.snake("reviewPeriodDays")).isEqualTo("review_period_days");
    }

    @Test
    void a503ResponseSaysWhenToRetryInWholeSeconds() {
        ResponseEntity<ProblemDetail> busy = Problems.response(
                Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Busy", "later"), Duration.ofMillis(2500));
        assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo("3");
        assertThat(busy.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ResponseEntity<ProblemDetail> notFound = Problems.response(Problems.of(HttpStatus.NOT_FOUND, "No", "none"));
        assertThat(notFound.getHeaders().containsHeader("Retry-After")).isFalse();
        assertThat(Problems.retryAfterSeconds(Duration.ZERO)).isEqualTo("1");
    }

    @Test
    void writtenByAFilterItIsTheSameShape() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "Unauthorized", "needs a key");
        Problems.with(problem, "hint", "Authorization: Bearer <key>");
        Problems.write(response, problem, new JsonMapper());
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Unauthorized\","
                + "\"status\":401,\"detail\":\"needs a key\",\"hint\":\"Authorization: Bearer <key>\"}");
    }

    @Test
    void theFilterAddsRetryAfterToA503ItDidNotWrite() throws Exception {
        MockHttpServletResponse unavailable = new MockHttpServletResponse();
        new RetryAfterFilter().doFilter(new MockHttpServletRequest("GET", "/actuator/health/readiness"), unavailable,
                new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse resp) {
                        resp.setStatus(503);
                    }
                }));
        assertThat(unavailable.getHeader("Retry-After")).isEqualTo("2");

        MockHttpServletResponse ok = new MockHttpServletResponse();
        new RetryAfterFilter().doFilter(new MockHttpServletRequest("GET", "/"), ok, new MockFilterChain());
        assertThat(ok.getHeader("Retry-After")).isNull();

        MockHttpServletResponse ownValue = new MockHttpServletResponse();
        new RetryAfterFilter().doFilter(new MockHttpServletRequest("GET", "/"), ownValue,
                new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse resp)
                            throws java.io.IOException {
                        resp.setHeader("Retry-After", "9");
                        resp.sendError(503);
                    }
                }));
        assertThat(ownValue.getHeader("Retry-After")).isEqualTo("9");
    }
}
