# GxP Flow application image (used by docker-compose.yml). Build: docker build -t gxp-flow .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app gxpflow
WORKDIR /app
COPY --from=build /src/target/gxp-flow-*.jar /app/gxp-flow.jar
# ./data: audit checkpoint key (if generated) and audit-checkpoints.log; a volume in docker-compose.yml
RUN mkdir -p /app/data && chown gxpflow /app/data
USER gxpflow
# the heap the application is sized and measured for (README, "Footprint")
ENV JAVA_OPTS="-Xmx512m"
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/gxp-flow.jar"]
