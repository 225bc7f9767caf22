# The job's image for the FlinkDeployment: Flink 2.1.1 on Java 17 with the job jar built with
# Iceberg's S3FileIO (-Pobject-storage). Build from the repository root:
#   docker build -f deploy/images/job.Dockerfile -t registry.example.com/llm-traces/job:0.1.0 .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -pl flink-job -am -Pobject-storage -DskipTests package

FROM flink:2.1.1-java17
COPY --from=build /src/flink-job/target/flink-job-0.1.0-SNAPSHOT-job.jar /opt/flink/usrlib/llm-traces-job.jar
