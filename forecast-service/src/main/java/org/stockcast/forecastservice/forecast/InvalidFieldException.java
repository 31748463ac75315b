package org.stockcast.forecastservice.forecast;

/** A request field that is wrong in combination with another (400 naming {@link #field()}, snake_case). */
public class InvalidFieldException extends RuntimeException {
    private final String field;

    InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
