-- wrk: every request submits a new application (its own address and client address) to the
-- cohort in COHORT_ID; counts the acknowledged ones (the server function answers 200).
-- Per-thread counters are globals: `done` reads them with thread:get.
local threads = {}
counter = 0
acknowledged = 0
refused = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  cohort = os.getenv("COHORT_ID")
end

function request()
  counter = counter + 1
  local email = string.format("bench-%d-%d@kommune.test", tid, counter)
  local ip = string.format("10.%d.%d.%d", tid, math.floor(counter / 256) % 256, counter % 256)
  local body = "cohort_id=" .. cohort
    .. "&name=Bench+Bewerberin&email=" .. email
    .. "&role=oberbuergermeister&department=&body_kind=stadt&body=Augsburg+%28Bayern%29&body_district="
    .. "&motivation=Wir+wollen+Beteiligung+in+der+Verwaltung+verankern."
    .. "&challenge=Die+Innenstadt+verliert+ihre+Gesch%C3%A4fte+und+wir+suchen+Wege."
    .. "&commitment=ja&consent=ja"
  return wrk.format("POST", "/api/forums/apply", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/json",
    ["X-Forwarded-For"] = ip,
  }, body)
end

function response(status, headers, body)
  if status == 200 then
    acknowledged = acknowledged + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local ok, bad = 0, 0
  for _, thread in ipairs(threads) do
    ok = ok + thread:get("acknowledged")
    bad = bad + thread:get("refused")
  end
  io.write(string.format("requests %d, acknowledged %d, refused %d, %.0f req/s\n",
    summary.requests, ok, bad, summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({ 50, 90, 95, 99 }) do
    io.write(string.format("p%d %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max %.2f ms\n", latency.max / 1000))
  io.write(string.format("ACKNOWLEDGED=%d\n", ok))
end
