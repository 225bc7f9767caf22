# The smoke test of scripts/demo, run by scripts/test after the Maven tests: the demo starts on a
# fresh data directory, its traffic lands in the Iceberg tables, and SIGTERM stops everything it
# started (no port of it left open). Then it starts again on the same directory with
# --no-traffic: no traffic, Kafka's log kept, the job restored from the first run's checkpoint.
# Last, with --bootstrap-servers, against a Kafka broker started here: its traffic lands in the
# tables through that broker, and the demo starts none of its own. Sourced; needs common.sh.

demo_smoke_test() {
  local dir out again pid
  dir=$(mktemp -d)
  out="$dir/demo.out"
  again="$dir/demo-again.out"
  log "smoke test of scripts/demo (data in $dir)"
  "$ROOT_DIR/scripts/demo" --data-dir "$dir/data" >"$out" 2>&1 &
  pid=$!
  smoke_wait_for 600 "$pid" "$out" "scripts/demo wrote no spans to its tables" \
    find "$dir/data/warehouse/llm_traces/spans" -name '*.parquet' -print -quit || return 1
  # A data file is written at a checkpoint's barrier; the run below restores the checkpoint.
  smoke_wait_for 60 "$pid" "$out" "scripts/demo completed no checkpoint" \
    find "$dir/data/checkpoints" -name _metadata -print -quit || return 1
  smoke_stop "$pid" || return 1
  grep -q "Traces page:" "$out" || { tail -30 "$out" >&2; log "FAILED: scripts/demo printed no addresses"; return 1; }
  log "scripts/demo: traces committed, everything stopped on SIGTERM"

  "$ROOT_DIR/scripts/demo" --no-traffic --data-dir "$dir/data" >"$again" 2>&1 &
  pid=$!
  # The build is done by now: the job restores within seconds of starting.
  smoke_wait_for 240 "$pid" "$again" "the second run of scripts/demo did not restore the job from its checkpoint" \
    grep -m1 "Restoring job .* from Savepoint" "$dir/data/logs/job.log" || return 1
  smoke_stop "$pid" || return 1
  if grep -q "starting demo traffic" "$again" || grep -q "formatting Kafka's log directory" "$again"; then
    tail -30 "$again" >&2
    log "FAILED: scripts/demo --no-traffic sent traffic or formatted Kafka's log again"
    return 1
  fi
  log "scripts/demo --no-traffic: resumed from the first run's checkpoint, no traffic, stopped on SIGTERM"

  smoke_external_kafka "$dir" || return 1
  rm -rf "$dir"
}

# scripts/demo --bootstrap-servers against a broker it did not start (on ports of its own).
smoke_external_kafka() {
  local dir="$1" out="$1/demo-external.out" pid kafka rc=0 own_kafka=false
  start_kafka "$dir/external" 29092 29093
  kafka=$KAFKA_PID
  if wait_for_port 29092 60 Kafka "$kafka"; then
    "$ROOT_DIR/scripts/demo" --bootstrap-servers localhost:29092 --data-dir "$dir/data-external" >"$out" 2>&1 &
    pid=$!
    if smoke_wait_for 300 "$pid" "$out" "scripts/demo --bootstrap-servers wrote no spans to its tables" \
        find "$dir/data-external/warehouse/llm_traces/spans" -name '*.parquet' -print -quit; then
      if (exec 3<>"/dev/tcp/127.0.0.1/9092") 2>/dev/null || grep -q "starting Kafka" "$out"; then
        own_kafka=true
      fi
      smoke_stop "$pid" || rc=1
    else
      rc=1
    fi
  else
    rc=1
  fi
  kill -TERM "$kafka" 2>/dev/null || true
  wait "$kafka" 2>/dev/null || true
  if $own_kafka; then
    tail -30 "$out" >&2
    log "FAILED: scripts/demo --bootstrap-servers started a Kafka broker of its own"
    return 1
  fi
  if [ "$rc" = 0 ]; then
    log "scripts/demo --bootstrap-servers: traces committed through an external Kafka, none of its own started"
  fi
  return "$rc"
}

# Waits (at most the given seconds) until the command prints something, while the demo (pid) runs.
smoke_wait_for() {
  local seconds="$1" pid="$2" out="$3" failure="$4"
  local deadline=$((SECONDS + seconds))
  shift 4
  until [ -n "$("$@" 2>/dev/null)" ]; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS > deadline)); then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      tail -30 "$out" >&2
      log "FAILED: $failure"
      return 1
    fi
    sleep 2
  done
}

# Stops the demo with SIGTERM; fails if any of its ports is still open afterwards.
smoke_stop() {
  local pid="$1" port
  kill -TERM "$pid"
  wait "$pid" || true
  for port in 9092 8081 8080 4318; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      log "FAILED: port $port still open after scripts/demo stopped"
      return 1
    fi
  done
}
