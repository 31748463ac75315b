package org.stockcast.model.lstm;

/**
 * What changed since a saved network was trained, for {@link LstmTrainer#fineTune}: per series (in the order of the
 * series list) the index of its first new or changed day, {@code series.length} when nothing in it is new. Windows
 * whose target is such a day are all trained on; {@code replayRatio} old windows per new one (a seeded sample of the
 * older windows) are trained with them, so the network keeps what it knew about the rest of the history.
 */
public record Increment(int[] firstNewDay, double replayRatio) {

    public Increment {
        if (firstNewDay == null) {
            throw new IllegalArgumentException("firstNewDay is required");
        }
        if (!(replayRatio >= 0) || Double.isInfinite(replayRatio)) {
            throw new IllegalArgumentException("replayRatio must be finite and >= 0");
        }
        firstNewDay = firstNewDay.clone();
    }

    @Override
    public int[] firstNewDay() {
        return firstNewDay.clone();
    }
}
