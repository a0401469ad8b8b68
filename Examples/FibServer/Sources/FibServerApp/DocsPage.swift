/// The readable API page served at `/docs`.
enum DocsPage {
    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>fib-server API</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1d2330; line-height: 1.45; }
  code, pre { font-family: ui-monospace, monospace; background: #f5f7fa; border-radius: 4px; }
  pre { padding: 0.6rem; overflow: auto; } h2 { border-top: 1px solid #e3e6eb; padding-top: 1rem; }
  td, th { border-bottom: 1px solid #e3e6eb; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
</style>
</head>
<body>
<h1>fib-server API</h1>
<p>Exact values as strings of digits; every error is <code>{"error": {"status": 422, "message": "..."}}</code>
with a 4xx status (a 503 with <code>Retry-After</code> when every compute thread and queue place is taken).
The machine-readable description is <a href="/openapi.yaml">/openapi.yaml</a> (OpenAPI 3.1).</p>

<h2>GET /api/fibonacci/{n}</h2>
<p>F(n) for an integer n, negative too: F(-n) = (-1)<sup>n+1</sup> F(n). |n| may be at most the server's
maximum (10,000,000 by default; see <a href="/info">/info</a>), else 422.</p>
<table>
<tr><th>query</th><th>meaning</th></tr>
<tr><td><code>strategy</code></td><td>default, iterative, fastDoubling, parallelFastDoubling, matrix, cachedTable or gmp (400 otherwise)</td></tr>
<tr><td><code>format</code></td><td><code>decimal</code> (default) or <code>hex</code></td></tr>
<tr><td><code>mod</code></td><td>answer F(n) mod m instead, 1 &le; m &lt; 2<sup>64</sup>; n may then be any 64-bit integer</td></tr>
</table>
<pre>GET /api/fibonacci/10
{"n":10,"value":"55","digits":2,"format":"decimal","strategy":"table","elapsedMicroseconds":0,"cached":false}

GET /api/fibonacci/10000000000?mod=1000000007
{"n":10000000000,"modulus":"1000000007","value":"815449418",...}</pre>
<p>With <code>Accept: text/plain</code> the body is the digits alone. Concurrent requests for the same value
share one computation; recent large values are served from a cache bounded in bytes
(<code>"cached": true</code>). A computation whose client disconnects is cancelled.</p>

<h2>GET /api/lucas/{n}</h2>
<p>L(n), the Lucas number, with the same options; L(-n) = (-1)<sup>n</sup> L(n).</p>

<h2>GET /api/fibonacci?from=a&amp;count=k</h2>
<p>k consecutive terms F(a), ..., F(a+k-1) (k from 1 to 1,000, and at most 2,000,000 digits in all).</p>
<pre>GET /api/fibonacci?from=10&amp;count=3
{"from":10,"count":3,"values":["55","89","144"]}</pre>

<h2>POST /api/fizzbuzz</h2>
<p>FizzBuzz for a number &ge; 1 of up to 1,000 digits, sent as <code>application/json</code>
(<code>{"number": 15}</code>, or a string of digits for numbers beyond 64 bits) or as a form field
(<code>number=15</code>). The number is counted for <code>/api/most_common</code>. 400 for a malformed body,
413 for one over 16 KiB, 415 for another content type, 422 for a number below 1 or too long.</p>
<pre>POST /api/fizzbuzz  {"number": 15}
{"number":"15","result":"FizzBuzz"}</pre>

<h2>GET /api/most_common?limit=3</h2>
<p>The most often submitted numbers, most common first; equal counts in the order the numbers reached
them. <code>limit</code> from 1 to 100. The counter keeps at most a configured number of distinct numbers
(Space-Saving); <code>"exact": false</code> once it has had to drop rare ones, after which a count may
overstate the truth by at most total / capacity.</p>
<pre>{"result":[{"number":"15","count":3},{"number":"9","count":1}],"total":4,"exact":true}</pre>

<h2>Operations</h2>
<table>
<tr><td><code>GET /health</code></td><td>liveness: <code>{"status":"ok"}</code></td></tr>
<tr><td><code>GET /ready</code></td><td>readiness, with the compute pool's load</td></tr>
<tr><td><code>GET /info</code></td><td>version, GMP version, uptime, limits, strategies</td></tr>
<tr><td><code>GET /metrics</code></td><td>Prometheus text: requests by route and status, latency histograms, computation time by strategy, result sizes, counter and cache size, pool load</td></tr>
</table>
</body>
</html>
"""#
}
