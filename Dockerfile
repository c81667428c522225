# Build stage: the same Maven wrapper as everywhere else; tests run in CI, not here.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests -Djacoco.skip=true

# Run stage: a JRE and the application's layers, as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 portal
WORKDIR /app
COPY --from=build /src/target/ta-exchange-*.jar app.jar
USER portal
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
