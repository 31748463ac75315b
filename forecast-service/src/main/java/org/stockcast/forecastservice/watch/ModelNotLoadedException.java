package org.stockcast.forecastservice.watch;

/** No model version has been loaded yet: 503. */
public class ModelNotLoadedException extends RuntimeException {
    public ModelNotLoadedException(String message) {
        super(message);
    }
}
