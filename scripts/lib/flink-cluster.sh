# The processes of a standalone Flink cluster for scripts/cluster: its config.yaml, its class
# path, and the java command lines of its JobManager and TaskManagers. Source it after common.sh
# with dir, conf_dir and the start options set; it defines functions only.

# The JVM flags Flink's distribution passes on Java 17 (its config.yaml, env.java.opts.all).
FLINK_JAVA_OPTS="--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"

write_config() {
  mkdir -p "$conf_dir" "$dir/logs" "$dir/tmp" "$dir/uploads" "$dir/checkpoints" "$dir/savepoints"
  local keys=() key kv
  declare -A value=()
  set_conf() { [ -n "${value[$1]+set}" ] || keys+=("$1"); value[$1]="$2"; }
  set_conf env.java.opts.all "$FLINK_JAVA_OPTS"
  set_conf env.java.opts.taskmanager "${JOB_GC_OPTS[*]}"
  set_conf jobmanager.rpc.address localhost
  set_conf jobmanager.rpc.port "$rpc_port"
  set_conf jobmanager.bind-host localhost
  set_conf jobmanager.memory.process.size "$jm_memory"
  set_conf jobmanager.execution.failover-strategy region
  set_conf taskmanager.host localhost
  set_conf taskmanager.bind-host localhost
  set_conf taskmanager.numberOfTaskSlots "$slots"
  set_conf taskmanager.memory.process.size "$tm_memory"
  # The job keeps its state on the heap (hashmap backend): managed memory would sit unused.
  set_conf taskmanager.memory.managed.fraction 0.05
  set_conf rest.address localhost
  set_conf rest.bind-address localhost
  set_conf rest.port "$rest_port"
  set_conf web.upload.dir "$dir/uploads"
  set_conf io.tmp.dirs "$dir/tmp"
  set_conf execution.checkpointing.dir "file://$dir/checkpoints"
  set_conf execution.checkpointing.savepoint-dir "file://$dir/savepoints"
  # Jobs get a class loader each, and each would load its own copy of SQLite's native library
  # from the job jar. Two copies of SQLite in one process do not see each other's file locks,
  # so two jobs (TraceJob, MaintenanceJob) committing through a SQLite catalog could overwrite
  # each other's commit. The cluster's one copy serves every job instead.
  set_conf classloader.parent-first-patterns.additional "org.sqlite."
  # A killed TaskManager is noticed after two failed heartbeats instead of a 50 s timeout.
  set_conf heartbeat.interval 5000
  for kv in "${confs[@]+"${confs[@]}"}"; do set_conf "${kv%%=*}" "${kv#*=}"; done
  {
    echo "# Written by scripts/cluster when it starts the JobManager (--conf KEY=VALUE adds or overrides)."
    for key in "${keys[@]}"; do echo "$key: ${value[$key]}"; done
  } > "$conf_dir/config.yaml"
  cat > "$conf_dir/log4j.properties" <<'PROPS'
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = MainAppender
appender.main.name = MainAppender
appender.main.type = File
appender.main.append = true
appender.main.fileName = ${sys:log.file}
appender.main.layout.type = PatternLayout
appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
logger.metrics.name = org.apache.flink.metrics.MetricGroup
logger.metrics.level = ERROR
logger.icebergmetrics.name = org.apache.iceberg.flink.sink.IcebergStreamWriterMetrics
logger.icebergmetrics.level = ERROR
logger.kafka.name = org.apache.kafka
logger.kafka.level = WARN
logger.hadoop.name = org.apache.hadoop
logger.hadoop.level = WARN
PROPS
}

conf_value() { sed -n "s/^$1: *//p" "$conf_dir/config.yaml" | tail -1; }
rest_url() { echo "http://localhost:$(conf_value rest.port)"; }

# A Flink cluster's class path (Flink's jars, log4j), from scripts/lib/flink-cluster.pom.xml.
flink_classpath() {
  local pom="$ROOT_DIR/scripts/lib/flink-cluster.pom.xml" out="$ROOT_DIR/target/flink-cluster-classpath.txt"
  mkdir -p "$ROOT_DIR/target"
  if [ ! -s "$out" ] || [ "$pom" -nt "$out" ] || [ "$ROOT_DIR/pom.xml" -nt "$out" ]; then
    mvn "${MVN_FLAGS[@]}" -q -f "$pom" dependency:build-classpath -Dmdep.outputFile="$out" >&2
  fi
  cat "$out"
}

# --- processes -----------------------------------------------------------------------------

# Prints the java command line of a process: JVM sizing and dynamic settings from BashJavaUtils,
# one argument per line (the values contain no newlines).
process_command() {
  local role="$1" cp utils_cmd main log_file jvm dyn
  cp="$(flink_classpath)"
  case "$role" in
    jobmanager) utils_cmd=GET_JM_RESOURCE_PARAMS; main=org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint ;;
    taskmanager) utils_cmd=GET_TM_RESOURCE_PARAMS; main=org.apache.flink.runtime.taskexecutor.TaskManagerRunner ;;
    *) echo "unknown process: $role" >&2; return 2 ;;
  esac
  log_file="$dir/logs/$role${2:+-$2}.log"
  local out
  out="$(java -cp "$cp" org.apache.flink.runtime.util.bash.BashJavaUtils "$utils_cmd" --configDir "$conf_dir" 2>&1)" || {
    echo "$out" >&2; return 1; }
  jvm="$(grep '^BASH_JAVA_UTILS_EXEC_RESULT:' <<< "$out" | sed -n '1s/^BASH_JAVA_UTILS_EXEC_RESULT://p')"
  dyn="$(grep '^BASH_JAVA_UTILS_EXEC_RESULT:' <<< "$out" | sed -n '2s/^BASH_JAVA_UTILS_EXEC_RESULT://p')"
  printf '%s\n' java $jvm $FLINK_JAVA_OPTS "-Dlog.file=$log_file" \
    "-Dlog4j.configurationFile=file:$conf_dir/log4j.properties" -cp "$cp" "$main" --configDir "$conf_dir" $dyn
}

running() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_process() {
  local role="$1" n="${2:-}" pid_file="$dir/$1${2:+-$2}.pid" args
  mapfile -t args < <(process_command "$role" "$n")
  [ ${#args[@]} -gt 0 ] || { log "could not compute the $role's settings"; return 1; }
  "${args[@]}" < /dev/null >> "$dir/logs/$role${n:+-$n}.out" 2>&1 &
  echo $! > "$pid_file"
  disown
  log "started $role${n:+ $n} (pid $(cat "$pid_file"), log: $dir/logs/$role${n:+-$n}.log)"
}

registered_taskmanagers() {
  curl -fsS "$(rest_url)/taskmanagers" 2>/dev/null | jq '.taskmanagers | length' 2>/dev/null || echo 0
}
