-- bench/summary.lua - wrk scenario for the case summary: GET /api/v1/cases/<id>/summary of a
-- random case per request, with a bearer token. Environment:
--   TOKEN   the API token (bench/summary.sh makes one)
--   CASES   the number of cases in the database (ids 1..CASES, bench/dataset.sh)
--   TARGET  "random" (default): any case, most of them small; "full": only the typical-full
--           cases (every 50th id: ~50 notes, 20 tasks, 10 parties, 30 status rows);
--           "health": GET /api/v1/health instead, the trivial endpoint to compare with
-- At the end it prints one line bench/summary.sh reads:
--   result requests=N rps=R p50_us=X p90_us=Y p99_us=Z non2xx=E errors=S
local target = os.getenv("TARGET") or "random"
local cases = tonumber(os.getenv("CASES") or "1")

if target == "health" then
  wrk.path = "/api/v1/health"
else
  wrk.headers["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "")
  local fulls = math.max(1, math.floor(cases / 50))
  local counter = 0

  setup = function(thread)
    counter = counter + 1
    thread:set("seed", counter)
  end

  init = function(args)
    math.randomseed(os.time() * 1000 + (seed or 0))
  end

  request = function()
    local id
    if target == "full" then
      id = 50 * math.random(1, fulls)
    else
      id = math.random(1, cases)
    end
    return wrk.format("GET", "/api/v1/cases/" .. id .. "/summary")
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("result requests=%d rps=%.0f p50_us=%d p90_us=%d p99_us=%d non2xx=%d errors=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
