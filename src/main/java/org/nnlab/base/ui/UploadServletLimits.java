package org.nnlab.base.ui;

import com.vaadin.flow.spring.SpringServlet;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A size limit on multipart requests to Vaadin's servlet, which Vaadin registers without one: the servlet
 * container then writes a multipart upload of any size to disk before {@link BoundedUpload} sees it. With
 * this limit a body over the largest upload ({@code nnlab.models.max-upload-bytes}, plus room for the
 * multipart headers) is refused as soon as its declared length, or its count while streaming, passes it.
 */
@Configuration
class UploadServletLimits {
    /** Multipart framing (boundaries, part headers, file name) around the largest file. */
    static final long FRAMING_BYTES = 64 * 1024;

    @Bean
    static BeanPostProcessor vaadinUploadLimit(@Value("${nnlab.models.max-upload-bytes:33554432}") long maxUploadBytes) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ServletRegistrationBean<?> registration
                        && registration.getServlet() instanceof SpringServlet) {
                    long max = maxUploadBytes + FRAMING_BYTES;
                    registration.setMultipartConfig(new MultipartConfigElement("", max, max, 0));
                }
                return bean;
            }
        };
    }
}
