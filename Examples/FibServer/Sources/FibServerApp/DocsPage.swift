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
<tr><td><code>mod</code></td><td>answer F(n) mod m instead, for m &ge; 1 of up to 10,000 digits; n may then have up to 10,000 digits too (n and the modulus are echoed as strings)</td></tr>
</table>
<pre>GET /api/fibonacci/10
{"n":10,"value":"55","digits":2,"format":"decimal","strategy":"gmp","elapsedMicroseconds":0,"cached":false}

GET /api/fibonacci/10000000000000000000000?mod=1000000007
{"n":"10000000000000000000000","modulus":"1000000007","value":"...",...}</pre>
<p>Without a strategy the decimal digits are computed in decimal (base 10<sup>19</sup>, fast doubling on
two threads for large n), so nothing is converted; <code>strategy</code> names the route the library used.</p>
<p>With <code>Accept: text/plain</code> the body is the digits alone. Concurrent requests for the same value
share one computation; recent large values are served from a cache bounded in bytes
(<code>"cached": true</code>). A computation whose client disconnects is cancelled.</p>

<h2>GET /api/lucas/{n}</h2>
<p>L(n), the Lucas number, with the same options; L(-n) = (-1)<sup>n</sup> L(n).</p>

<h2>GET /api/fibonacci?from=a&amp;count=k</h2>
<p>k consecutive terms F(a), ..., F(a+k-1) (k from 1 to 1,000, and at most 2,000,000 digits in all).</p>
<pre>GET /api/fibonacci?from=10&amp;count=3
{"from":10,"count":3,"values":["55","89","144"]}</pre>

<h2>GET /api/fibonacci/{n}/leading?digits=k and GET /api/fibonacci/{n}/trailing?digits=k</h2>
<p>The first or last k digits of |F(n)| (1 &le; k &le; 1,000) for |n| &le; 10<sup>18</sup>, without
computing F(n): the leading ones from &phi;<sup>n</sup>/&radic;5 in high precision (exact: the precision
grows when a digit is in doubt), the trailing ones as F(n) mod 10<sup>k</sup>, zero-padded to k (all
the digits when F(n) has fewer). <code>digitCount</code> is F(n)'s number of digits.</p>
<pre>GET /api/fibonacci/1000000000000000000/leading?digits=10
{"digitCount":"208987640249978733","digits":10,"leading":"...","n":"1000000000000000000"}</pre>

<h2>GET /api/lucas-sequence/{n}?p=P&amp;q=Q[&amp;mod=m]</h2>
<p>The Lucas sequences U<sub>n</sub>(P, Q) and V<sub>n</sub>(P, Q) (U<sub>0</sub> = 0, U<sub>1</sub> = 1,
V<sub>0</sub> = 2, V<sub>1</sub> = P, X<sub>n+1</sub> = P X<sub>n</sub> - Q X<sub>n-1</sub>) for n &ge; 0,
exactly (the size limit of F(n)) or modulo m. P = 1, Q = -1 gives F(n) and L(n).</p>
<pre>GET /api/lucas-sequence/10?p=1&amp;q=-1
{"n":"10","p":"1","q":"-1","u":"55","v":"123"}</pre>

<h2>GET /api/zeckendorf/{x}</h2>
<p>The Zeckendorf representation of x &ge; 0: the indices of the non-consecutive Fibonacci numbers
(each index &ge; 2) that sum to x, largest first.</p>
<pre>GET /api/zeckendorf/100
{"indices":[11,6,4],"value":"100"}</pre>

<h2>GET /api/fibonacci-index/{x}</h2>
<p>Whether x &ge; 0 is a Fibonacci number, and the smallest k with F(k) = x (null otherwise).</p>
<pre>GET /api/fibonacci-index/144
{"index":12,"isFibonacci":true,"value":"144"}</pre>

<h2>POST /api/fizzbuzz</h2>
<p>FizzBuzz for a number &ge; 1 of up to 1,000 digits, sent as <code>application/json</code>
(<code>{"number": 15}</code>: an integer literal of any length, kept exact, or a string of digits) or as
a form field (<code>number=15</code>). The JSON is read strictly: fractions, exponents, trailing commas,
comments, duplicate or unknown keys are 400s. The number is counted for <code>/api/most_common</code>. 400 for a malformed body,
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
