package org.stockcast.retrainservice.web;

/** 202 body of {@code POST /retrain/jobs}. */
record JobCreated(String jobId, String events) {
}
