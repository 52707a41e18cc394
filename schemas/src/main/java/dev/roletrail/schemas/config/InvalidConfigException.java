package dev.roletrail.schemas.config;

/** A configuration value is missing or wrong; the message is one line that names the setting. */
public final class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String message) {
        super(message);
    }
}
