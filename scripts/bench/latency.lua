-- wrk report: throughput and latency percentiles (wrk itself prints no p95).
wrk.headers["Accept-Encoding"] = "br, gzip"

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
