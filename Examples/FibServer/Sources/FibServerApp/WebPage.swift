/// The page served at `/`: plain HTML, CSS and JavaScript, no external resources.
enum WebPage {
    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>fib-server</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 56rem; margin: 2rem auto; padding: 0 1rem; color: #1d2330; }
  h1 { margin-bottom: 0.2rem; } .lead { color: #5a6270; margin-top: 0; }
  section { border: 1px solid #d7dbe2; border-radius: 8px; padding: 1rem 1.2rem; margin: 1.2rem 0; }
  label { margin-right: 0.5rem; } input, select, button { font-size: 1rem; padding: 0.3rem 0.5rem; }
  button { cursor: pointer; } .row { display: flex; gap: 0.6rem; flex-wrap: wrap; align-items: center; }
  .value { font-family: ui-monospace, monospace; word-break: break-all; background: #f5f7fa; padding: 0.6rem;
           border-radius: 6px; margin-top: 0.6rem; max-height: 24rem; overflow: auto; }
  .meta { color: #5a6270; margin-top: 0.4rem; } .error { color: #b3261e; margin-top: 0.6rem; }
  table { border-collapse: collapse; margin-top: 0.6rem; } td, th { border-bottom: 1px solid #e3e6eb; padding: 0.3rem 0.8rem; text-align: left; }
</style>
</head>
<body>
<h1>fib-server</h1>
<p class="lead">Exact Fibonacci numbers of any size this server allows, computed with GMP. <a href="/docs">API</a> · <a href="/openapi.yaml">OpenAPI</a></p>

<section>
  <h2>Fibonacci</h2>
  <form id="fib-form" class="row">
    <label for="fib-n">n</label><input id="fib-n" name="n" value="1000" size="12" inputmode="numeric">
    <label for="fib-strategy">strategy</label>
    <select id="fib-strategy" name="strategy">
      <option value="default">default</option><option>fastDoubling</option><option>parallelFastDoubling</option>
      <option>matrix</option><option>iterative</option><option>cachedTable</option><option>gmp</option>
    </select>
    <button id="fib-submit" type="submit">Compute F(n)</button>
  </form>
  <div id="fib-error" class="error" role="alert"></div>
  <div id="fib-result" hidden>
    <div class="meta" id="fib-meta"></div>
    <div class="value" id="fib-value"></div>
    <div class="row" style="margin-top: 0.5rem">
      <button id="fib-expand" type="button">Show all digits</button>
      <button id="fib-copy" type="button">Copy</button>
      <button id="fib-download" type="button">Download</button>
    </div>
  </div>
</section>

<section>
  <h2>The family</h2>
  <form id="family-form" class="row">
    <select id="family-kind" aria-label="what to compute">
      <option value="mod">F(n) mod m</option><option value="leading">leading digits of F(n)</option>
      <option value="trailing">trailing digits of F(n)</option><option value="zeckendorf">Zeckendorf of x</option>
      <option value="index">is x a Fibonacci number?</option>
    </select>
    <label for="family-x">n or x</label><input id="family-x" value="10000000000000000000000" size="26" inputmode="numeric">
    <label for="family-extra">m or k</label><input id="family-extra" value="1000000007" size="14" inputmode="numeric">
    <button id="family-submit" type="submit">Go</button>
  </form>
  <div id="family-error" class="error" role="alert"></div>
  <div id="family-result" class="value" hidden></div>
</section>

<section>
  <h2>FizzBuzz</h2>
  <form id="fizz-form" class="row">
    <label for="fizz-number">number</label><input id="fizz-number" name="number" value="15" size="24" inputmode="numeric">
    <button id="fizz-submit" type="submit">FizzBuzz it</button>
  </form>
  <div id="fizz-error" class="error" role="alert"></div>
  <div id="fizz-result" class="meta"></div>
  <h3>Most common numbers</h3>
  <table><thead><tr><th>number</th><th>count</th></tr></thead><tbody id="common-rows"></tbody></table>
  <div id="common-error" class="error" role="alert"></div>
</section>

<script>
const shown = 2000;
let fullValue = "", fullName = "";

async function call(url, options) {
  const response = await fetch(url, options);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(body && body.error ? body.error.message : "HTTP " + response.status);
  }
  return body;
}

function showValue(expanded) {
  const value = document.getElementById("fib-value");
  const truncated = !expanded && fullValue.length > shown;
  value.textContent = truncated ? fullValue.slice(0, shown / 2) + " … " + fullValue.slice(-shown / 2) : fullValue;
  const button = document.getElementById("fib-expand");
  button.hidden = fullValue.length <= shown;
  button.textContent = expanded ? "Show fewer digits" : "Show all digits";
  button.dataset.expanded = expanded ? "1" : "";
}

document.getElementById("fib-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const n = document.getElementById("fib-n").value.trim();
  const strategy = document.getElementById("fib-strategy").value;
  document.getElementById("fib-error").textContent = "";
  try {
    const body = await call("/api/fibonacci/" + encodeURIComponent(n) + "?strategy=" + encodeURIComponent(strategy));
    fullValue = body.value; fullName = "fibonacci-" + body.n + ".txt";
    document.getElementById("fib-meta").textContent =
      "F(" + body.n + ") has " + body.digits.toLocaleString() + " digits · " + body.strategy + " · " +
      (body.elapsedMicroseconds / 1000).toLocaleString() + " ms" + (body.cached ? " (cached)" : "");
    document.getElementById("fib-result").hidden = false;
    showValue(false);
  } catch (error) {
    document.getElementById("fib-result").hidden = true;
    document.getElementById("fib-error").textContent = error.message;
  }
});
document.getElementById("fib-expand").addEventListener("click", (event) => showValue(!event.target.dataset.expanded));
document.getElementById("fib-copy").addEventListener("click", async () => {
  try { await navigator.clipboard.writeText(fullValue); } catch (error) {
    document.getElementById("fib-error").textContent = "Copying needs clipboard permission: " + error.message;
  }
});
document.getElementById("fib-download").addEventListener("click", () => {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([fullValue], {type: "text/plain"}));
  link.download = fullName;
  link.click();
  URL.revokeObjectURL(link.href);
});

document.getElementById("family-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const kind = document.getElementById("family-kind").value;
  const x = encodeURIComponent(document.getElementById("family-x").value.trim());
  const extra = encodeURIComponent(document.getElementById("family-extra").value.trim());
  const url = {
    mod: "/api/fibonacci/" + x + "?mod=" + extra,
    leading: "/api/fibonacci/" + x + "/leading?digits=" + extra,
    trailing: "/api/fibonacci/" + x + "/trailing?digits=" + extra,
    zeckendorf: "/api/zeckendorf/" + x,
    index: "/api/fibonacci-index/" + x,
  }[kind];
  const result = document.getElementById("family-result");
  document.getElementById("family-error").textContent = "";
  try {
    const body = await call(url);
    result.textContent = {
      mod: () => "F(" + body.n + ") mod " + body.modulus + " = " + body.value,
      leading: () => "F(" + body.n + ") has " + body.digitCount + " digits; the first " + body.digits + ": " + body.leading,
      trailing: () => "F(" + body.n + ") has " + body.digitCount + " digits; the last " + body.digits + ": " + body.trailing,
      zeckendorf: () => body.value + " = " + body.indices.map((k) => "F(" + k + ")").join(" + "),
      index: () => body.isFibonacci ? body.value + " = F(" + body.index + ")" : body.value + " is not a Fibonacci number",
    }[kind]();
    result.hidden = false;
  } catch (error) {
    result.hidden = true;
    document.getElementById("family-error").textContent = error.message;
  }
});

async function loadMostCommon() {
  try {
    const body = await call("/api/most_common?limit=10");
    const rows = document.getElementById("common-rows");
    rows.replaceChildren(...body.result.map((entry) => {
      const row = document.createElement("tr");
      for (const text of [entry.number, entry.count]) {
        const cell = document.createElement("td"); cell.textContent = text; row.appendChild(cell);
      }
      return row;
    }));
    document.getElementById("common-error").textContent = "";
  } catch (error) {
    document.getElementById("common-error").textContent = error.message;
  }
}

document.getElementById("fizz-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  document.getElementById("fizz-error").textContent = "";
  try {
    const number = document.getElementById("fizz-number").value.trim();
    const body = await call("/api/fizzbuzz", {
      method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({number: number})
    });
    document.getElementById("fizz-result").textContent = body.number + " → " + body.result;
  } catch (error) {
    document.getElementById("fizz-result").textContent = "";
    document.getElementById("fizz-error").textContent = error.message;
  }
  loadMostCommon();
});

loadMostCommon();
</script>
</body>
</html>
"""#
}
