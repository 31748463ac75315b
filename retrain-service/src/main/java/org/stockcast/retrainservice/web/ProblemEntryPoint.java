package org.stockcast.retrainservice.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.stockcast.common.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

/** The 401 of a write without a valid key: problem+json in the shared style, with {@code WWW-Authenticate}. */
final class ProblemEntryPoint implements AuthenticationEntryPoint {
    static final String MISSING = "This endpoint needs an Authorization: Bearer <api key> header";
    static final String INVALID = "The API key is not valid";

    private final JsonMapper json;

    ProblemEntryPoint(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException failure) throws IOException {
        boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "Unauthorized", presented ? INVALID : MISSING);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        Problems.write(response, problem, json);
    }
}
