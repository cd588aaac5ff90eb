package org.nnlab.base;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.nnlab.base.i18n.Translations;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers a request that Tomcat could not even parse (a request line or headers over
 * {@code server.max-http-request-header-size}, such as a builder link of a huge network, or malformed
 * bytes) with a short page in English and Chinese instead of Tomcat's bare "HTTP Status 400" report.
 * Such a request never reaches the application, and its language is unknown (its headers may not have
 * been read), so the page says everything in both languages. Every other error is reported as Tomcat
 * would, without stack traces or server details.
 */
class BadRequestPageValve extends ErrorReportValve {
    /** Tomcat's own message for a request line or header section over the limit, in the JVM's locale. */
    private static final String TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
            .getString("iib.requestheadertoolarge.error");

    private final Translations translations = new Translations();
    private final long maxHeaderBytes;

    public BadRequestPageValve(long maxHeaderBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        // Tomcat hands the parse failure over as the throwable, with no context mapped.
        if (response.getStatus() != 400 || response.getContentWritten() > 0 || request.getContext() != null
                || !(throwable instanceof IllegalArgumentException parseError)) {
            super.report(request, response, throwable);
            return;
        }
        if (!response.setErrorReported()) {
            return;
        }
        boolean tooLarge = TOO_LARGE.equals(parseError.getMessage());
        String page = page(tooLarge);
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding("utf-8");
            SecurityHeadersFilter.apply(response, "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
                    "no-referrer");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(page);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone or the response was committed: nothing more to say
        }
    }

    String page(boolean tooLarge) {
        String kind = tooLarge ? "http.toolong" : "http.badrequest";
        String limit = Long.toString(maxHeaderBytes / 1024);
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>");
        html.append(text(kind + ".title", Translations.ENGLISH, limit)).append(" · ")
                .append(text(kind + ".title", Translations.CHINESE, limit))
                .append("</title><style>body{font-family:sans-serif;max-width:40em;margin:3em auto;padding:0 1em;"
                        + "line-height:1.5}section{margin-bottom:2em}</style></head><body>");
        for (var locale : Translations.LOCALES) {
            html.append("<section lang=\"").append(locale.toLanguageTag()).append("\"><h1>")
                    .append(text(kind + ".title", locale, limit)).append("</h1><p>")
                    .append(text(kind + ".text", locale, limit)).append("</p><p><a href=\"/\">")
                    .append(text("http.home", locale, limit)).append("</a></p></section>");
        }
        return html.append("</body></html>").toString();
    }

    private String text(String key, java.util.Locale locale, String limit) {
        return HtmlUtils.htmlEscape(translations.getTranslation(key, locale, limit), "UTF-8");
    }
}
