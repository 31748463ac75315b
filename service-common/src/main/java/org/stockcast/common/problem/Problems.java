package org.stockcast.common.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one RFC 9457 style of both services: {@code type} about:blank unless a handler names one, a short
 * {@code title}, a {@code detail} a person can act on, extension members in snake_case (like the forecast API's
 * fields), {@code application/problem+json}, and {@code Retry-After} on every 503.
 */
public final class Problems {
    /** A model version or a fit slot usually frees up within a couple of seconds. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(2);
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        problem.setTitle(title);
        return problem;
    }

    /**
     * Adds an extension member; the name must be snake_case so both services read alike.
     *
     * @throws IllegalArgumentException for any other spelling (a programming error, caught by the tests)
     */
    public static ProblemDetail with(ProblemDetail problem, String name, Object value) {
        if (!isSnakeCase(name)) {
            throw new IllegalArgumentException("problem member names are snake_case: " + name);
        }
        problem.setProperty(name, value);
        return problem;
    }

    public static boolean isSnakeCase(String name) {
        return SNAKE_CASE.matcher(name).matches();
    }

    /** productId → product_id: validation reports Java names, clients wrote snake_case. */
    public static String snake(String javaName) {
        return CAMEL.matcher(javaName).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return response(problem, DEFAULT_RETRY_AFTER);
    }

    /** The problem as a response: problem+json, and {@code Retry-After} when it is a 503. */
    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem, Duration retryAfter) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            builder.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(retryAfter));
        }
        return builder.body(problem);
    }

    /** Whole seconds, at least 1 (RFC 9110 delay-seconds). */
    public static String retryAfterSeconds(Duration retryAfter) {
        return Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    /** The members in wire order, for writers outside Spring MVC (security filters). */
    public static Map<String, Object> members(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        if (problem.getTitle() != null) {
            members.put("title", problem.getTitle());
        }
        members.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            members.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }

    /** Writes the problem straight to a servlet response (filters run before Spring MVC's converters). */
    public static void write(HttpServletResponse response, ProblemDetail problem, JsonMapper json)
            throws IOException {
        response.setStatus(problem.getStatus());
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds(DEFAULT_RETRY_AFTER));
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), members(problem));
    }
}
