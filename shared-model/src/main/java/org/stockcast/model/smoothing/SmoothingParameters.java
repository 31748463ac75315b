package org.stockcast.model.smoothing;

/**
 * Smoothing constants in the error-correction form of forecast::ets: with one-step error e,
 * level += phi * trend + alpha e, trend = phi * trend + beta e, season += gamma e.
 * Bounds (as ets): 0 < alpha < 1, 0 < beta < alpha, 0 <= gamma < 1 - alpha, 0.8 <= phi <= 0.98.
 * Unused constants of simpler modes are 0 (beta, gamma) and 1 (phi, so the trend term vanishes with it).
 */
public record SmoothingParameters(double alpha, double beta, double gamma, double phi) {
}
