package org.stockcast.retrainservice.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.stockcast.common.problem.Problems;
import org.stockcast.retrainservice.InventoryProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code inventory.retrain.api-key} set, every write (any method but GET, HEAD, OPTIONS) needs
 * {@code Authorization: Bearer <key>}; reads stay open. The rule is on the method, not on a path prefix, so no
 * spelling of a path can slip past it: {@code /%72etrain} and {@code /RETRAIN} are writes too (401 without the
 * key; the second is then a 404). Spellings that are not normalised ({@code ;x=y}, {@code //}, {@code /./},
 * {@code /../}, encoded slashes or dots) are rejected with 400 by Spring Security's {@link StrictHttpFirewall}
 * before any rule or controller sees them. The check runs in the servlet filter chain, so an upload without the
 * key is refused before its body is parsed.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class ApiKeySecurity {
    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String BEARER = "Bearer ";
    private static final String WRITER = "ROLE_WRITER";

    /** Any request that can change state: every method but the safe ones. */
    static final RequestMatcher WRITES = request -> !SAFE_METHODS.contains(request.getMethod());

    @Bean
    SecurityFilterChain apiKeyChain(HttpSecurity http, InventoryProperties properties, JsonMapper json)
            throws Exception {
        ProblemEntryPoint entryPoint = new ProblemEntryPoint(json);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
                // Security headers before the chain, not after it: by default they are written as the chain
                // unwinds, which for an SSE stream races the thread already writing events into the same
                // response (Tomcat's header array is not thread-safe: an NPE there cut about 1 stream in 500
                // mid-body, EventStreamsHttpTest's many-clients case saw it).
                .headers(headers -> headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        if (!properties.retrain().apiKeyRequired()) {
            return http.authorizeHttpRequests(rules -> rules.anyRequest().permitAll()).build();
        }
        AuthenticationFilter bearer = new AuthenticationFilter(keyChecker(properties.retrain().apiKey()),
                ApiKeySecurity::bearerToken);
        bearer.setRequestMatcher(WRITES);
        bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
        // A valid key only marks this request; nothing is stored between requests.
        bearer.setSuccessHandler((request, response, authentication) -> { });
        return http.addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        // Error pages and SSE async dispatches continue a request that was already authorised.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers(WRITES).hasAuthority(WRITER)
                        .anyRequest().permitAll())
                .build();
    }

    /** The Authorization header's token; null (anonymous) when there is no bearer header at all. */
    static Authentication bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        String token = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : "";
        return new PreAuthenticatedAuthenticationToken("api-client", token);
    }

    /** Constant-time comparison: the time taken says nothing about how much of a guess was right. */
    static AuthenticationManager keyChecker(String key) {
        byte[] expected = key.getBytes(StandardCharsets.UTF_8);
        return authentication -> {
            Object credentials = authentication.getCredentials();
            byte[] given = credentials == null ? new byte[0]
                    : credentials.toString().getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(expected, given)) {
                throw new BadCredentialsException("The API key is not valid");
            }
            return new PreAuthenticatedAuthenticationToken("api-client", null,
                    AuthorityUtils.createAuthorityList(WRITER));
        };
    }

    /** Keeps Spring Boot from creating (and logging) a generated user: the API key is the only credential. */
    @Bean
    AuthenticationManager noUsers() {
        return authentication -> {
            throw new BadCredentialsException("No users; writes use the API key");
        };
    }

    /**
     * A path the {@link StrictHttpFirewall} refuses is a 400 in the shared problem style (the default handler
     * would send a bare error page).
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
        return (request, response, rejected) -> Problems.write(response, Problems.of(HttpStatus.BAD_REQUEST,
                "Request path rejected", "The request path is not in normalised form (no ;, //, /./, /../ or "
                        + "encoded separators)"), json);
    }
}
