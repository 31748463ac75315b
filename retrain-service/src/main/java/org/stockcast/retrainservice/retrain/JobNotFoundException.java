package org.stockcast.retrainservice.retrain;

public final class JobNotFoundException extends RuntimeException {
    private final String jobId;

    public JobNotFoundException(String jobId) {
        super("No retrain job with id " + jobId);
        this.jobId = jobId;
    }

    public String jobId() {
        return jobId;
    }
}
