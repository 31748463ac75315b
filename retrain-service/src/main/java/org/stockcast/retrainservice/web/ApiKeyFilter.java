package org.stockcast.retrainservice.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stockcast.retrainservice.InventoryProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code inventory.retrain.api-key} set, POSTs to /retrain* need {@code Authorization: Bearer <key>}.
 * A servlet filter rather than an interceptor so an unauthorised upload is refused before its body is parsed.
 */
@Component
class ApiKeyFilter extends OncePerRequestFilter {
    private static final String PREFIX = "Bearer ";

    private final byte[] key;
    private final JsonMapper json;

    ApiKeyFilter(InventoryProperties properties, JsonMapper json) {
        this.key = properties.retrain().apiKeyRequired()
                ? properties.retrain().apiKey().getBytes(StandardCharsets.UTF_8) : null;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return key == null || !HttpMethod.POST.matches(request.getMethod()) || !path.startsWith("/retrain");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && MessageDigest.isEqual(key, header.substring(PREFIX.length()).strip()
                .getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Unauthorized");
        problem.put("status", HttpServletResponse.SC_UNAUTHORIZED);
        problem.put("detail", header == null ? "This endpoint needs an Authorization: Bearer <api key> header"
                : "The API key is not valid");
        problem.put("instance", request.getRequestURI());
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }
}
