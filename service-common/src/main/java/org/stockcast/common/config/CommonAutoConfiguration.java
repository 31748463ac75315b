package org.stockcast.common.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.stockcast.common.problem.RetryAfterFilter;

/** Wires the shared web pieces into either service: the Retry-After filter. */
@AutoConfiguration
public class CommonAutoConfiguration {

    /** First in the chain so it also sees 503s written by later filters. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<RetryAfterFilter> retryAfterFilter() {
        FilterRegistrationBean<RetryAfterFilter> registration = new FilterRegistrationBean<>(new RetryAfterFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
