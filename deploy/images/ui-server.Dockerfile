# The page server's image: its classes and run-time dependencies, plus Iceberg's S3FileIO and
# the AWS SDK for a warehouse on object storage. Build from the repository root:
#   docker build -f deploy/images/ui-server.Dockerfile -t registry.example.com/llm-traces/ui-server:0.1.0 .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -pl ui-server -am -DskipTests package dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory=/app/lib \
 && mvn -B -q -N dependency:copy -Dartifact=org.apache.iceberg:iceberg-aws:1.11.0 -DoutputDirectory=/app/lib \
 && mvn -B -q -N dependency:copy -Dartifact=org.apache.iceberg:iceberg-aws-bundle:1.11.0 -DoutputDirectory=/app/lib \
 && cp ui-server/target/ui-server-*.jar /app/

FROM eclipse-temurin:17-jre
COPY --from=build /app /app
USER 10001
EXPOSE 8080
ENTRYPOINT ["java", "-cp", "/app/*:/app/lib/*", "io.llmtraces.ui.UiServer"]
