# Shared by the scripts: prerequisites, build, class paths. Source it; it defines functions only.

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# The JVM flags Flink and Iceberg need on Java 17 (the same list as the parent pom's jvm.opens).
# The garbage collector of every JVM that runs the trace job (scripts/demo, the task managers of
# scripts/cluster, the benchmark; deploy/kubernetes sets the same): the parallel collector spends
# about half the CPU G1 does on the job's allocation pattern (spans wait ~12 s in state, then go),
# for stop-the-world pauses of a few hundred ms. Measured in docs/performance.md.
# Its heap is reserved whole at start (-Xms as -Xmx, as Flink starts a task manager's): grown on
# demand instead, the collector kept the young generation small for the first minutes and spent
# about a third more CPU (same page).
JOB_GC_OPTS=(-XX:+UseParallelGC)

JVM_OPENS=(--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.math=ALL-UNNAMED
  --add-opens=java.sql/java.sql=ALL-UNNAMED --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED)

MVN_FLAGS=(-B --no-transfer-progress -Dstyle.color=never)

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else
    log "need root to run: $*"; return 1; fi
}

apt_install() {
  log "installing $* (Debian packages)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Java 17 and Maven, installed from Debian's packages when missing.
ensure_java_maven() {
  local need=()
  if ! command -v java >/dev/null || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then
    need+=(openjdk-17-jdk-headless)
  fi
  command -v mvn >/dev/null || need+=(maven)
  if [ ${#need[@]} -gt 0 ]; then apt_install "${need[@]}"; fi
}

# Debian's Chromium and ChromeDriver, for the page's browser tests.
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt_install chromium chromium-driver
  fi
}

# Builds and installs the modules (tests are for scripts/test).
build_project() {
  log "building (mvn install, tests skipped)"
  (cd "$ROOT_DIR" && mvn "${MVN_FLAGS[@]}" -q -DskipTests install)
}

# The run-time class path of a module: its compile, provided and runtime dependencies.
# Cached beside the module's target, rebuilt when its pom changes.
module_classpath() {
  local module="$1" out="$ROOT_DIR/$1/target/run-classpath.txt"
  if [ ! -s "$out" ] || [ "$ROOT_DIR/$module/pom.xml" -nt "$out" ] || [ "$ROOT_DIR/pom.xml" -nt "$out" ]; then
    (cd "$ROOT_DIR" && mvn "${MVN_FLAGS[@]}" -q -pl "$module" dependency:build-classpath \
        -Dmdep.includeScope=compile -Dmdep.outputFile=target/cp-compile.txt \
      && mvn "${MVN_FLAGS[@]}" -q -pl "$module" dependency:build-classpath \
        -Dmdep.includeScope=runtime -Dmdep.outputFile=target/cp-runtime.txt) >&2
    { tr ':' '\n' < "$ROOT_DIR/$module/target/cp-compile.txt"; tr ':' '\n' < "$ROOT_DIR/$module/target/cp-runtime.txt"; } \
      | awk 'NF && !seen[$0]++' | paste -sd: > "$out"
  fi
  echo "$ROOT_DIR/$module/target/classes:$(cat "$out")"
}

# A Kafka broker's class path (kafka_2.13 and its dependencies), from scripts/lib/kafka-broker.pom.xml.
kafka_classpath() {
  local pom="$ROOT_DIR/scripts/lib/kafka-broker.pom.xml" out="$ROOT_DIR/target/kafka-classpath.txt"
  mkdir -p "$ROOT_DIR/target"
  if [ ! -s "$out" ] || [ "$pom" -nt "$out" ]; then
    mvn "${MVN_FLAGS[@]}" -q -f "$pom" dependency:build-classpath -Dmdep.outputFile="$out" >&2
  fi
  cat "$out"
}

# A single-node Kafka broker (KRaft, from Maven artifacts) in the background, for DIR: its
# settings in DIR/kafka-server.properties, its log in DIR/kafka (formatted on first use, kept
# after), its output in DIR/logs/kafka.log; on localhost:PORT, its controller on CONTROLLER_PORT.
# Sets KAFKA_PID; wait for the port before using it (wait_for_port).
start_kafka() {
  local dir="$1" port="$2" controller_port="$3" kafka_cp
  local log4j=(-Dlog4j.configurationFile="$ROOT_DIR/scripts/lib/log4j2-local.properties" -Dlog4j2.configurationFile="$ROOT_DIR/scripts/lib/log4j2-local.properties")
  kafka_cp="$(kafka_classpath)"
  mkdir -p "$dir/kafka" "$dir/logs"
  cat > "$dir/kafka-server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=localhost:$controller_port
listeners=PLAINTEXT://localhost:$port,CONTROLLER://localhost:$controller_port
advertised.listeners=PLAINTEXT://localhost:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/kafka
num.partitions=4
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=24
PROPS
  if [ ! -f "$dir/kafka/meta.properties" ]; then
    log "formatting Kafka's log directory $dir/kafka"
    java "${log4j[@]}" -cp "$kafka_cp" kafka.tools.StorageTool format --standalone \
      -t "$(java -cp "$kafka_cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)" \
      -c "$dir/kafka-server.properties" > "$dir/logs/kafka-format.log" 2>&1
  fi
  log "starting Kafka on localhost:$port (log: $dir/logs/kafka.log)"
  java -Xmx512m "${log4j[@]}" -cp "$kafka_cp" kafka.Kafka "$dir/kafka-server.properties" > "$dir/logs/kafka.log" 2>&1 &
  KAFKA_PID=$!
}

# Waits until a TCP port on localhost answers; fails after the timeout (seconds) or when the
# process that should open it has died.
wait_for_port() {
  local port="$1" timeout="$2" what="$3" pid="${4:-}" start=$SECONDS
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then log "$what exited before opening port $port"; return 1; fi
    if (( SECONDS - start > timeout )); then log "$what did not answer on port $port within ${timeout}s"; return 1; fi
    sleep 0.5
  done
}

# Command-line tools from Debian's packages when missing (the package is named like the tool).
ensure_tools() {
  local need=() tool
  for tool in "$@"; do command -v "$tool" >/dev/null || need+=("$tool"); done
  if [ ${#need[@]} -gt 0 ]; then apt_install "${need[@]}"; fi
}

# The run-time class path of a module, built with its reactor dependencies by `mvn package`
# (nothing installed in ~/.m2); rebuilt when a source or pom changed since the last build.
package_classpath() {
  local module="$1" out="$ROOT_DIR/$1/target/run-classpath.txt"
  if [ ! -s "$out" ] || [ -n "$(find "$ROOT_DIR/pom.xml" "$ROOT_DIR/$module" "$ROOT_DIR/schemas" \
      \( -path '*/target' -prune \) -o -newer "$out" -type f -print -quit)" ]; then
    log "building $module (mvn package -pl $module -am, tests skipped)"
    (cd "$ROOT_DIR" && mvn "${MVN_FLAGS[@]}" -q -pl "$module" -am -DskipTests package dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile=target/run-classpath.txt) >&2
  fi
  echo "$ROOT_DIR/$module/target/classes:$(cat "$out")"
}
