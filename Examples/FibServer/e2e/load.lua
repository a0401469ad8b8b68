-- A mixed load for wrk: Fibonacci values small and large, Lucas numbers, FizzBuzz submissions and
-- most-common reads. Counts the accepted submissions (answers that start {"number":) and the server
-- errors other than a 503 (which is the pool shedding load, by design).
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    math.randomseed(os.time() + math.floor(os.clock() * 1000000))
    accepted = 0
    server_errors = 0
end

function request()
    local pick = math.random(100)
    if pick <= 40 then
        return wrk.format("POST", "/api/fizzbuzz", {["Content-Type"] = "application/json"},
                          string.format('{"number": %d}', math.random(1, 300)))
    elseif pick <= 70 then
        return wrk.format("GET", string.format("/api/fibonacci/%d", math.random(0, 5000)))
    elseif pick <= 80 then
        return wrk.format("GET", string.format("/api/fibonacci/%d", 100000 + math.random(0, 20)))
    elseif pick <= 90 then
        return wrk.format("GET", string.format("/api/lucas/%d", math.random(-500, 500)))
    else
        return wrk.format("GET", "/api/most_common?limit=5")
    end
end

function response(status, headers, body)
    if status == 200 and string.sub(body, 1, 10) == '{"number":' then
        accepted = accepted + 1
    elseif status >= 500 and status ~= 503 then
        server_errors = server_errors + 1
    end
end

function done(summary, latency, requests)
    local total, errors = 0, 0
    for _, thread in ipairs(threads) do
        total = total + thread:get("accepted")
        errors = errors + thread:get("server_errors")
    end
    io.write(string.format("fizzbuzz accepted: %d\n", total))
    io.write(string.format("server errors: %d\n", errors))
end
