-- wrk: German searches on the board, one of several inflected queries per request, through the
-- board's server function (POST /api/board, the search and its page of results as JSON).
-- Set MODE=page to ask for the rendered /austausch?q=… page instead.
local queries = {
  "Bürgerhaushalte", "Wärmeplanungen", "Bürgerrat", "Innenstädte Leerstand", "Dorfläden",
  "Mobilitätskonzepten", "Jugendlichen Workshop", "Sanierungen Schulen", "Gemeinderäte",
  "Fördermitteln", "Quartiersmanagements", "Radverkehrs",
}
local n = 0
local mode = os.getenv("MODE") or "function"

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  n = n + 1
  local q = encode(queries[(n % #queries) + 1])
  if mode == "page" then
    return wrk.format("GET", "/austausch?q=" .. q)
  end
  local body = "query[q]=" .. q
    .. "&query[art]=&query[thema]=&query[land]=&query[groesse]=&query[stand]=&query[seite]="
  return wrk.format("POST", "/api/board", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/json",
  }, body)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("requests %d, errors %d, %.0f req/s\n", summary.requests, errors,
    summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({ 50, 90, 95, 99 }) do
    io.write(string.format("p%d %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max %.2f ms\n", latency.max / 1000))
end
