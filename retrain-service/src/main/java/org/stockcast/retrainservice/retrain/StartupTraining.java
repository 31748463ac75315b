package org.stockcast.retrainservice.retrain;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.store.ModelStore;
import org.stockcast.retrainservice.InventoryProperties;

/**
 * docs/api.md: with no valid model version at start-up, train version 1 from the master dataset, in the background
 * (as an ordinary job, visible under /retrain/jobs); with no master data, publish nothing and wait for an upload.
 */
@Component
class StartupTraining {
    private static final Logger log = LoggerFactory.getLogger(StartupTraining.class);

    private final InventoryProperties properties;
    private final ModelStore store;
    private final MasterDataset master;
    private final JobService jobs;

    StartupTraining(InventoryProperties properties, ModelStore store, MasterDataset master, JobService jobs) {
        this.properties = properties;
        this.store = store;
        this.master = master;
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void trainFirstVersionIfNone() {
        if (!properties.retrain().trainOnStart()) {
            return;
        }
        try {
            if (hasValidVersion()) {
                return;
            }
            int rows = master.load().size();
            if (rows == 0) {
                log.info("No model version and no master data in {}: waiting for the first upload",
                        properties.dataDir());
                return;
            }
            RetrainJob job = jobs.start(JobKind.BOOTSTRAP, RetrainRequest.bootstrap());
            log.info("No model version in {}: training version 1 from {} master rows (job {})",
                    properties.modelDir(), rows, job.id());
        } catch (IOException | RuntimeException e) {
            log.error("Could not start the first training; uploads still work", e);
        }
    }

    private boolean hasValidVersion() throws IOException {
        for (int version : store.versions()) {
            if (store.verify(version).ok()) {
                return true;
            }
        }
        return false;
    }
}
