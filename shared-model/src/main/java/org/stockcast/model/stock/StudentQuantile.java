package org.stockcast.model.stock;

/**
 * Quantiles of Student's t with nu degrees of freedom by the Cornish-Fisher expansion about the normal one
 * (Abramowitz and Stegun 26.7.5, terms to 1/nu^3): within 1% of the exact value for nu >= 4 and p up to 0.999, as
 * close as a stock level's tail needs. Stock levels use it beyond the largest of a few outcomes ({@link Outcomes}).
 */
final class StudentQuantile {
    private StudentQuantile() {
    }

    static double of(double p, double nu) {
        double z = NormalQuantile.of(p);
        double z2 = z * z;
        double z3 = z2 * z;
        double z5 = z3 * z2;
        double z7 = z5 * z2;
        return z + (z3 + z) / (4 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu * nu)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu * nu * nu);
    }
}
