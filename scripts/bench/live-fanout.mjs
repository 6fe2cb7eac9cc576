// Live fan-out (issue 12): READERS readers of one thread, split over the instances given, each
// holding the thread's server-sent event stream; one reply after another is posted through the
// first instance, and for every reader the time from sending the reply to receiving its event
// is recorded. Prints p50/p95/max over all readers and replies.
// Usage: node scripts/bench/live-fanout.mjs <thread id> <cookie> <url> [<url> …]
//        (READERS, default 100; REPLIES, default 20)
const [threadId, cookie, ...urls] = process.argv.slice(2);
if (!threadId || !cookie || urls.length === 0) {
  console.error("usage: live-fanout.mjs <thread id> <cookie> <url> [<url> …]");
  process.exit(2);
}
const readers = Number(process.env.READERS ?? 100);
const replies = Number(process.env.REPLIES ?? 20);
const delays = [];
const waiting = new Map(); // event id → { sentAt, remaining }
let sentAt = 0;
let expected = 0;
let arrivals = 0;

async function read(url) {
  const response = await fetch(`${url}/austausch/${threadId}/live`, {
    headers: { Cookie: cookie, Accept: "text/event-stream" },
  });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of response.body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (event.includes("event: antwort") && sentAt > 0) {
        delays.push(performance.now() - sentAt);
        arrivals += 1;
      }
    }
  }
}

const streams = [];
for (let i = 0; i < readers; i++) streams.push(read(urls[i % urls.length]).catch((e) => console.error(String(e))));
await new Promise((r) => setTimeout(r, 2000)); // every stream connected

for (let n = 0; n < replies; n++) {
  const before = arrivals;
  expected = readers;
  sentAt = performance.now();
  const answer = await fetch(`${urls[0]}/api/board/reply`, {
    method: "POST",
    headers: {
      Cookie: cookie,
      Origin: urls[0],
      Accept: "application/json",
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: `thread_id=${threadId}&body=${encodeURIComponent(`Antwort ${n + 1} für die Messung`)}`,
  });
  if (!answer.ok) throw new Error(`reply ${n + 1}: ${answer.status} ${await answer.text()}`);
  const deadline = performance.now() + 5000;
  while (arrivals - before < expected && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 5));
  }
  if (arrivals - before < expected) console.error(`reply ${n + 1}: ${arrivals - before} of ${expected} readers got it within 5 s`);
  await new Promise((r) => setTimeout(r, 200));
}

delays.sort((a, b) => a - b);
const at = (p) => delays[Math.min(delays.length - 1, Math.floor((p / 100) * delays.length))].toFixed(1);
console.log(`readers ${readers} on ${urls.length} instance(s), replies ${replies}, deliveries ${delays.length} of ${readers * replies}`);
console.log(`p50 ${at(50)} ms, p95 ${at(95)} ms, p99 ${at(99)} ms, max ${delays[delays.length - 1].toFixed(1)} ms`);
process.exit(0);
