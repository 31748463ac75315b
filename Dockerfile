# syntax=docker/dockerfile:1
# Either service from one file, as a layered Spring Boot jar. Build context is the repository root
# (docker-compose.yml passes the build arguments):
#   docker build --build-arg MODULE=retrain-service --build-arg PORT=8000 -t stockcast/retrain-service .
#   docker build --build-arg MODULE=forecast-service --build-arg PORT=8001 -t stockcast/forecast-service .
# The native ND4J/OpenBLAS jars in the pom are linux-x86_64, hence the fixed platform.
ARG MODULE=forecast-service

FROM --platform=linux/amd64 maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
# Every module's pom: the parent lists them all, even those not built here.
COPY pom.xml ./
COPY shared-model/pom.xml shared-model/
COPY service-common/pom.xml service-common/
COPY retrain-service/pom.xml retrain-service/
COPY forecast-service/pom.xml forecast-service/
COPY system-tests/pom.xml system-tests/
COPY shared-model/src shared-model/src
COPY service-common/src service-common/src
COPY ${MODULE}/src ${MODULE}/src
# Layers from least to most often changed (dependencies, loader, snapshot dependencies, application), so a code
# change rebuilds only the last one.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl ${MODULE} -am -DskipTests package \
    && java -Djarmode=tools -jar ${MODULE}/target/${MODULE}-*.jar extract --layers --launcher --destination /src/layers
# Only retrain-service reads the master dataset: the bundled default seeds its /data volume.
COPY data/ /src/data/
RUN mkdir /src/image-data && if [ "${MODULE}" = retrain-service ]; then cp -r /src/data/. /src/image-data/; fi

# Ubuntu (glibc) based JRE: the ND4J native libraries do not run on musl/Alpine.
FROM --platform=linux/amd64 eclipse-temurin:17-jre-jammy
ARG MODULE
ARG PORT=8001
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --create-home --home-dir /home/app --shell /usr/sbin/nologin app \
    && mkdir -p /data /models \
    && chown app:app /data /models
WORKDIR /app
COPY --from=build /src/layers/dependencies/ ./
COPY --from=build /src/layers/spring-boot-loader/ ./
COPY --from=build /src/layers/snapshot-dependencies/ ./
COPY --from=build /src/layers/application/ ./
# Same JVM options file as ops/start.sh and the system tests (java @file).
COPY ops/jvm/${MODULE}.jvm.options /app/jvm.options
# A fresh named volume mounted on /data starts with this content (docker-compose.yml).
COPY --from=build --chown=app:app /src/image-data/ /data/
ENV OMP_NUM_THREADS=1 \
    INVENTORY_DATA_DIR=/data \
    INVENTORY_MODEL_DIR=/models \
    SERVER_PORT=${PORT}
USER app
EXPOSE ${PORT}
ENTRYPOINT ["java", "@/app/jvm.options", "-cp", "/app", "org.springframework.boot.loader.launch.JarLauncher"]
