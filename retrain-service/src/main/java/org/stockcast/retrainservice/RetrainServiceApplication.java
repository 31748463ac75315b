package org.stockcast.retrainservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Upload sales CSVs, retrain the forecasting models and publish model versions (docs/api.md "retrain-service"). */
@SpringBootApplication
@EnableConfigurationProperties(InventoryProperties.class)
public class RetrainServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RetrainServiceApplication.class, args);
    }
}
