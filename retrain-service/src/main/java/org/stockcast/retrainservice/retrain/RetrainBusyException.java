package org.stockcast.retrainservice.retrain;

/** Another retrain is running; only one runs at a time (409). */
public final class RetrainBusyException extends RuntimeException {
    private final String runningJobId;

    public RetrainBusyException(String runningJobId) {
        super("A retrain is already running: job " + runningJobId);
        this.runningJobId = runningJobId;
    }

    public String runningJobId() {
        return runningJobId;
    }
}
