# syntax=docker/dockerfile:1
#
# RoleTrail image: one image, the command picks the role
# (`docker run IMAGE ingest`, `docker run IMAGE streams`, `docker run IMAGE --help`).
# Configuration comes from ROLETRAIL_* and KAFKA_* environment variables (see docs/docker-compose.md).

# ---- build stage -----------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src

# The Maven wrapper first: this layer downloads the Maven version pinned in
# .mvn/wrapper/maven-wrapper.properties and is rebuilt only when the wrapper changes.
ENV MAVEN_USER_HOME=/opt/mvnw
COPY mvnw ./
COPY .mvn/ .mvn/
RUN chmod +x mvnw && ./mvnw -B -ntp --version

# Then the POMs and sources (.dockerignore keeps docs, target/ and .git out of the context).
# dependency:go-offline is not used: it cannot resolve the reactor's own modules. Instead the
# local Maven repository is a BuildKit cache mount, so a rebuild after a source change reuses
# the dependencies and plugins downloaded before.
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw && ./mvnw -B -ntp -DskipTests package \
    && test -f launcher/target/launcher.jar && test -d launcher/target/lib

# ---- runtime stage ---------------------------------------------------------------
FROM eclipse-temurin:17-jre

# Non-root user; /var/lib/roletrail/streams is the Kafka Streams state directory
# (a named volume in docker-compose.yml takes over its ownership from the image).
RUN groupadd --system --gid 10001 roletrail \
    && useradd --system --uid 10001 --gid roletrail --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin roletrail \
    && mkdir -p /app /var/lib/roletrail/streams \
    && chown -R roletrail:roletrail /var/lib/roletrail

WORKDIR /app
# Dependencies first (they change less often than the launcher jar).
COPY --from=build /src/launcher/target/lib/ /app/lib/
COPY --from=build /src/launcher/target/launcher.jar /app/launcher.jar

ENV ROLETRAIL_STREAMS_STATE_DIR=/var/lib/roletrail/streams
USER roletrail:roletrail

ENTRYPOINT ["java","-XX:MaxRAMPercentage=75","-jar","/app/launcher.jar"]
CMD ["--help"]
