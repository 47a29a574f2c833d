# syntax=docker/dockerfile:1
# Build and start steps live in deploy/image.sh, which .ci/run also runs outside Docker.

# --- build: Maven with a cached dependency layer, then the shaded jar
FROM maven:3.9-eclipse-temurin-17 AS build
# gcc and the C library headers compile the native Argon2id (adapters-web/src/main/c) on x86-64 hosts; elsewhere
# nothing is compiled and the service hashes in Java (README, PASSWORD_HASH_IMPLEMENTATION)
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY domain/pom.xml domain/
COPY application/pom.xml application/
COPY adapters-persistence/pom.xml adapters-persistence/
COPY adapters-web/pom.xml adapters-web/
COPY bootstrap/pom.xml bootstrap/
# resolve plugins and third-party dependencies once; re-run only when a pom changes
RUN ./mvnw -B -ntp -q -Dembedded-postgres=false -DexcludeGroupIds=dev.authrag dependency:go-offline || true
COPY . .
RUN deploy/image.sh build /app

# --- train: an AppCDS archive from one real start-up against a throw-away PostgreSQL, made by the runtime's
# own JVM (an archive only fits the JVM and the jar that made it; a stale one is ignored, never fatal)
FROM eclipse-temurin:17-jre AS train
RUN apt-get update && apt-get install -y --no-install-recommends postgresql curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/authrag.jar /app/authrag.jar
COPY --from=build /src/deploy/image.sh /app/deploy/image.sh
RUN sed -i 's/scram-sha-256\|md5\|peer/trust/' /etc/postgresql/*/main/pg_hba.conf \
 && pg_ctlcluster "$(ls /etc/postgresql)" main start \
 && /app/deploy/image.sh train /app \
 && pg_ctlcluster "$(ls /etc/postgresql)" main stop

# --- run: a JRE only, as uid 1000 (Hugging Face Spaces requires it), on port 7860
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=train --chown=1000:1000 /app/authrag.jar /app/authrag.jsa /app/
COPY --from=build --chown=1000:1000 /src/deploy/image.sh /app/deploy/image.sh
USER 1000:1000
ENV PORT=7860
EXPOSE 7860
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS http://127.0.0.1:7860/health/liveness || exit 1
ENTRYPOINT ["/app/deploy/image.sh", "start", "/app"]
