package dev.authrag.adapter.web.http.problem;

/** A query or path parameter that cannot be used; answered as a 400 problem naming the parameter. */
public final class InvalidParameterException extends RuntimeException {

    private final String parameter;

    /** @param problem what is wrong, phrased to follow the parameter's name ("must be ...") */
    public InvalidParameterException(String parameter, String problem) {
        super(problem, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
