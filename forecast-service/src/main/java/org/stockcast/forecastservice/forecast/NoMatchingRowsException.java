package org.stockcast.forecastservice.forecast;

/** The filters select no rows of the served version's dataset: 404. */
public class NoMatchingRowsException extends RuntimeException {
    public NoMatchingRowsException(String message) {
        super(message);
    }
}
