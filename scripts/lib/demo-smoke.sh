# The smoke test of scripts/demo, run by scripts/test after the Maven tests: the demo starts on a
# fresh data directory, its traffic lands in the Iceberg tables, and SIGTERM stops everything it
# started (no port of it left open). Then it starts again on the same directory with
# --no-traffic: no traffic, Kafka's log kept, the job restored from the first run's checkpoint.
# Sourced; needs common.sh.

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
  rm -rf "$dir"
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
