package org.stockcast.retrainservice.retrain;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.store.ModelStore;
import org.stockcast.retrainservice.InventoryProperties;

/** The two directories the service owns: the master dataset and the model store. */
@Configuration(proxyBeanMethods = false)
class StorageConfig {

    @Bean
    MasterDataset masterDataset(InventoryProperties properties) {
        return new MasterDataset(properties.dataDir());
    }

    @Bean
    ModelStore modelStore(InventoryProperties properties) {
        return new ModelStore(properties.modelDir(), properties.models().keep());
    }
}
