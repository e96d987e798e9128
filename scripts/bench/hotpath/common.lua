-- Shared by the wrk scripts of scripts/bench/hotpath.sh: loaded with dofile from each of them.
-- wrk runs every script once per thread (plus once in the main state for setup and done).

local M = {}

-- A thread number for each wrk thread (setup runs in the main state, in thread order).
local next_thread = 0
function M.setup(thread)
  thread:set("tid", next_thread)
  next_thread = next_thread + 1
end

-- Non-empty lines of a file.
function M.lines(path)
  local out = {}
  for line in io.lines(path) do
    if line ~= "" then
      out[#out + 1] = line
    end
  end
  return out
end

-- A copy of wrk.headers (the -H options: the bearer token) to add per-request headers to;
-- wrk.format(method, path, headers, body) uses only the table it is given.
function M.headers()
  local h = {}
  for k, v in pairs(wrk.headers) do
    h[k] = v
  end
  return h
end

-- One machine-readable line the bench script parses (latencies in ms; non2xx counts 4xx/5xx).
function M.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end

return M
