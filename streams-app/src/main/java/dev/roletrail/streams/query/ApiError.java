package dev.roletrail.streams.query;

/**
 * A request the API answers with an error status and {@code {"error": message}}: 400 for bad input, 404 for an
 * unknown entity, 503 while the state is moving between instances.
 */
public final class ApiError extends RuntimeException {

    private final int status;

    public ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    public static ApiError unavailable(String message) {
        return new ApiError(503, message);
    }

    public int status() {
        return status;
    }
}
