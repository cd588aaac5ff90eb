package org.nnlab.digits;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the classify API's rate limit before its handler and its pixels binding before the generic JSON one. */
@Configuration
class ClassifyWebConfig implements WebMvcConfigurer {
    private final ClassifyRateLimit rateLimit;
    private final PixelsRequestReader pixelsReader;

    ClassifyWebConfig(ClassifyRateLimit rateLimit, PixelsRequestReader pixelsReader) {
        this.rateLimit = rateLimit;
        this.pixelsReader = pixelsReader;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rateLimit).addPathPatterns(ClassifyController.CLASSIFY);
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.addFirst(pixelsReader);
    }
}
