package dev.authrag.adapter.web.http.problem;

import dev.authrag.adapter.web.http.request.ResponseHeadersFilter;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * Turns every error the framework produces (bad JSON, wrong types, unknown routes, wrong methods, oversized
 * bodies, unhandled exceptions) into problem+json. Framework messages are never echoed: they can quote the
 * submitted value, which may be a password.
 *
 * <p>A request that Netty could not decode (headers over {@code max-header-size}, a request line over
 * {@code max-initial-line-length}, a malformed header) reaches here with a bare 413 or 400 and passes no filter:
 * it gets its precise status (431, 414, 400 {@code malformed_request}) and the headers every response carries.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        Optional<Throwable> undecodable = decoderFailure(context.getRequest());
        if (undecodable.isPresent()) {
            base.status(statusFor(undecodable.get()));
            ResponseHeadersFilter.addHeaders(context.getRequest(), base);
        }
        HttpStatus status = base.getStatus();
        String code = undecodable.isPresent() && status == HttpStatus.BAD_REQUEST ? "malformed_request"
                : codeFor(status, status == HttpStatus.BAD_REQUEST && isJsonSyntax(context));
        String detail = detailFor(status, code);
        Problem problem = Problem.of(status, code, detail, context.getRequest());
        if (status == HttpStatus.BAD_REQUEST && context.hasErrors()) {
            List<Problem.FieldError> fieldErrors = context.getErrors().stream()
                    .filter(error -> error.getPath().filter(path -> !path.endsWith("/body")).isPresent())
                    .map(error -> new Problem.FieldError(fieldName(error.getPath().get()), "has an invalid value or type"))
                    .toList();
            problem = problem.withErrors(fieldErrors);
        }
        return base.body(problem).contentType(Problem.APPLICATION_PROBLEM_JSON);
    }

    /** The problem for an error status that arrived without a body or a cause (see {@link BareErrorProblemFilter}). */
    static Problem forStatus(HttpStatus status, HttpRequest<?> request) {
        String code = codeFor(status, false);
        return Problem.of(status, code, detailFor(status, code), request);
    }

    private static String codeFor(HttpStatus status, boolean jsonSyntax) {
        return switch (status) {
            case BAD_REQUEST -> jsonSyntax ? "malformed_json" : "invalid_request";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case NOT_ACCEPTABLE -> "not_acceptable";
            case REQUEST_ENTITY_TOO_LARGE -> "payload_too_large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "headers_too_large";
            case REQUEST_URI_TOO_LONG -> "uri_too_long";
            case SERVICE_UNAVAILABLE -> "service_unavailable";
            default -> status.getCode() >= 500 ? "internal_error" : "http_" + status.getCode();
        };
    }

    private static String detailFor(HttpStatus status, String code) {
        return switch (code) {
            case "malformed_json" -> "The request body is not valid JSON.";
            case "invalid_request" -> "The request does not match the expected shape: check field names and types.";
            case "unauthenticated" -> "Authentication is required.";
            case "forbidden" -> "You are not allowed to do this.";
            case "not_found" -> "No such resource.";
            case "method_not_allowed" -> "This method is not allowed on this resource.";
            case "payload_too_large" -> "The request body is too large.";
            case "unsupported_media_type" -> "Send the request body as application/json.";
            case "headers_too_large" -> "The request headers are too large.";
            case "uri_too_long" -> "The request URL is too long.";
            case "malformed_request" -> "The request is not valid HTTP.";
            case "service_unavailable" -> "The service is temporarily unavailable; try again shortly.";
            default -> status.getCode() >= 500 ? "An unexpected error occurred. Quote the request id when reporting it."
                    : status.getReason();
        };
    }

    private static Optional<Throwable> decoderFailure(HttpRequest<?> request) {
        if (request instanceof NettyHttpRequest<?> netty) {
            DecoderResult result = netty.getNativeRequest().decoderResult();
            if (result.isFailure()) {
                return Optional.ofNullable(result.cause()).or(() -> Optional.of(new IllegalArgumentException()));
            }
        }
        return Optional.empty();
    }

    private static HttpStatus statusFor(Throwable decoderFailure) {
        if (decoderFailure instanceof TooLongHttpHeaderException) {
            return HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        if (decoderFailure instanceof TooLongHttpLineException) {
            return HttpStatus.REQUEST_URI_TOO_LONG;
        }
        return HttpStatus.BAD_REQUEST;
    }

    private static boolean isJsonSyntax(ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        while (cause != null) {
            String name = cause.getClass().getName();
            if (name.contains("JsonSyntax") || name.contains("JsonParse") || name.contains("JsonEOF")) {
                return true;
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }

    private static String fieldName(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }
}
