package dev.authrag.adapter.web.http.docs;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's own description, public: the OpenAPI document that micronaut-openapi generated at compile time (as YAML
 * and, converted once, as JSON) and a page that renders it with Redoc, whose script micronaut-openapi copied from its
 * own jar at compile time, so nothing is fetched from elsewhere at build or run time. Each file is read from the
 * classpath once and kept (about 1 MB in all); reading is blocking, hence the blocking pool.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "docs")
public class DocsController {

    static final String SPEC = "META-INF/swagger/authrag.yml";
    static final String PAGE = "dev/authrag/adapter/web/http/docs/index.html";
    static final String REDOC = "META-INF/swagger/views/redoc/res/redoc.standalone.js";
    private static final String JSON = "openapi.json";
    static final String YAML = "application/yaml";
    static final String JAVASCRIPT = "text/javascript";

    /**
     * The page's own policy: Redoc runs only the script served here, styles itself with inline style elements,
     * fetches the document from this origin and searches in a worker it starts from a blob.
     */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src blob:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final JsonMapper json;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    DocsController(JsonMapper json) {
        this.json = json;
    }

    @Get(value = "/openapi.yml", produces = YAML)
    @Operation(operationId = "openApiYaml", summary = "This document, as YAML")
    @ApiResponse(responseCode = "200", description = "The OpenAPI 3 document",
            content = @Content(mediaType = YAML, schema = @Schema(type = "string")))
    HttpResponse<byte[]> yaml() {
        return HttpResponse.ok(file(SPEC)).contentType(YAML).header("Cache-Control", "public, max-age=300");
    }

    @Get(value = "/openapi.json", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "openApiJson", summary = "This document, as JSON")
    @ApiResponse(responseCode = "200", description = "The OpenAPI 3 document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    HttpResponse<byte[]> json() {
        byte[] spec = file(SPEC);
        byte[] converted = files.computeIfAbsent(JSON, name -> {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(spec, StandardCharsets.UTF_8));
            try {
                return json.writeValueAsBytes(document);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return HttpResponse.ok(converted).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "public, max-age=300");
    }

    @Get(value = "/docs", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "docsPage", summary = "This document, rendered for people (Redoc)")
    @ApiResponse(responseCode = "200", description = "An HTML page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    HttpResponse<byte[]> page() {
        return HttpResponse.ok(file(PAGE)).contentType(MediaType.of("text/html; charset=utf-8"))
                .header("Content-Security-Policy", PAGE_POLICY);
    }

    @Hidden
    @Get(value = "/docs/redoc.standalone.js", produces = JAVASCRIPT)
    HttpResponse<byte[]> redoc() {
        return HttpResponse.ok(file(REDOC)).contentType(MediaType.of(JAVASCRIPT + "; charset=utf-8"))
                .header("Cache-Control", "public, max-age=86400");
    }

    private byte[] file(String resource) {
        return files.computeIfAbsent(resource, DocsController::read);
    }

    private static byte[] read(String resource) {
        try (InputStream in = DocsController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: was adapters-web built with micronaut-openapi?");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
