# syntax=docker/dockerfile:1
# Build: Maven with a cached dependency layer, then the shaded jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY domain/pom.xml domain/
COPY application/pom.xml application/
COPY adapters-persistence/pom.xml adapters-persistence/
COPY adapters-web/pom.xml adapters-web/
COPY bootstrap/pom.xml bootstrap/
RUN mvn -B -ntp -q dependency:go-offline -DexcludeArtifactIds=domain,application,adapters-persistence,adapters-web || true
COPY . .
RUN mvn -B -ntp -q -DskipTests package

# Run: a JRE only, as uid 1000 (Hugging Face Spaces), on port 7860.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build --chown=1000:1000 /src/bootstrap/target/authrag.jar /app/authrag.jar
USER 1000:1000
ENV PORT=7860 \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xms256m -Xmx384m -XX:+ExitOnOutOfMemoryError -Duser.timezone=UTC"
EXPOSE 7860
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s CMD curl -fsS http://127.0.0.1:7860/health/liveness || exit 1
ENTRYPOINT ["java", "-jar", "/app/authrag.jar"]
