-- A reader's poll loop: ask with the revision it has, and move on to the revision the
-- server reports, exactly as static/js/live.js does.
local since = os.getenv("BENCH_SINCE") or "0"
local path = os.getenv("BENCH_POLL_PATH")

request = function()
  return wrk.format("GET", path .. "?since=" .. since)
end

response = function(status, headers, body)
  local revision = headers["X-Live-Revision"]
  if revision then since = revision end
end
