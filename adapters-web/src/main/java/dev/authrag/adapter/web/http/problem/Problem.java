package dev.authrag.adapter.web.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.authrag.adapter.web.http.request.RequestId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem document with this service's extensions: a stable {@code code}, the {@code request_id},
 * field {@code errors} for validation failures and {@code reasons} for a refused password.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type,
                      String title,
                      int status,
                      String detail,
                      String code,
                      String requestId,
                      @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                              description = "The invalid fields (validation failures only)") List<FieldError> errors,
                      @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                              description = "The failed password checks (`weak_password` only): too_short, too_long, common, contains_email")
                      List<String> reasons) {

    public static final MediaType APPLICATION_PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final String TYPE_PREFIX = "https://authrag.dev/problems/";

    /** One invalid input field. */
    @Serdeable
    public record FieldError(String field, String message) {
    }

    public static Problem of(HttpStatus status, String code, String detail, HttpRequest<?> request) {
        return new Problem(TYPE_PREFIX + code.replace('_', '-'), status.getReason(), status.getCode(), detail, code,
                RequestId.of(request), null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, code, requestId, fieldErrors.isEmpty() ? null : fieldErrors, reasons);
    }

    public Problem withReasons(List<String> passwordReasons) {
        return new Problem(type, title, status, detail, code, requestId, errors, passwordReasons.isEmpty() ? null : passwordReasons);
    }

    /** A response carrying this problem with the problem+json content type. */
    public MutableHttpResponse<Problem> toResponse() {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(status)).body(this).contentType(APPLICATION_PROBLEM_JSON);
    }
}
