-- bench/writes.lua - one durable write per request for wrk (run with -t1 -c1: one client,
-- sequential, each answer comes after the commit). WRITE picks the kind:
--   note    POST /api/v1/cases/$CASE/notes
--   status  POST /api/v1/cases/$CASE/statuses, alternating two stage statuses
--   case    POST /api/v1/cases
-- TOKEN is a bearer token; CASE, TYPE (case type id), NOTE_TYPE, STAGE_TYPE, STAGE_A, STAGE_B
-- are ids from the demo data (bench/run.sh finds them).
local kind = os.getenv("WRITE") or "note"
local case_id = os.getenv("CASE")
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "")

request = function()
  n = n + 1
  if kind == "note" then
    return wrk.format(nil, "/api/v1/cases/" .. case_id .. "/notes",
      nil, '{"note_type_id":' .. os.getenv("NOTE_TYPE") .. ',"body":"bench note ' .. n .. '"}')
  elseif kind == "status" then
    local s = (n % 2 == 0) and os.getenv("STAGE_A") or os.getenv("STAGE_B")
    return wrk.format(nil, "/api/v1/cases/" .. case_id .. "/statuses",
      nil, '{"status_type_id":' .. os.getenv("STAGE_TYPE") .. ',"status_id":' .. s .. '}')
  else
    return wrk.format(nil, "/api/v1/cases",
      nil, '{"name":"Bench case ' .. n .. '","case_type_id":' .. os.getenv("TYPE") .. '}')
  end
end

local failures = 0
response = function(status, headers, body)
  if status ~= 201 then
    failures = failures + 1
    if failures <= 3 then io.stderr:write("bench write answered " .. status .. ": " .. body .. "\n") end
  end
end
