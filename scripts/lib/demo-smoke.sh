# The smoke test of scripts/demo, run by scripts/test after the Maven tests: the demo starts on a
# fresh data directory, its traffic lands in the Iceberg tables, and SIGTERM stops everything it
# started (no port of it left open). Sourced; needs common.sh.

demo_smoke_test() {
  local dir out pid port deadline
  dir=$(mktemp -d)
  out="$dir/demo.out"
  log "smoke test of scripts/demo (data in $dir)"
  "$ROOT_DIR/scripts/demo" --data-dir "$dir/data" >"$out" 2>&1 &
  pid=$!
  deadline=$((SECONDS + 600))
  until [ -n "$(find "$dir/data/warehouse/llm_traces/spans" -name '*.parquet' -print -quit 2>/dev/null)" ]; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS > deadline)); then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      tail -30 "$out" >&2
      log "FAILED: scripts/demo wrote no spans to its tables"
      return 1
    fi
    sleep 2
  done
  kill -TERM "$pid"
  wait "$pid" || true
  for port in 9092 8081 8080 4318; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      log "FAILED: port $port still open after scripts/demo stopped"
      return 1
    fi
  done
  grep -q "Traces page:" "$out" || { tail -30 "$out" >&2; log "FAILED: scripts/demo printed no addresses"; return 1; }
  log "scripts/demo: traces committed, everything stopped on SIGTERM"
  rm -rf "$dir"
}
