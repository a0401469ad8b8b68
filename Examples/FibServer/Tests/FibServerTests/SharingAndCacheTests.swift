import Fibonacci
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FibServerApp

@Suite struct SharingAndCacheTests {
    @Test func concurrentRequestsForOneValueShareOneComputation() async throws {
        var settings = RouterTests.settings()
        settings.maximumIndex = 5_000_000
        try await TestApp.with(settings) { client, _ in
            let expected = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await client.execute(uri: "/api/fibonacci/3000000", method: .get) { response in
                            try RouterTests.decode(RouterTests.ValueBody.self, response).value
                        }
                    }
                }
                var values = Set<String>()
                for try await value in group { values.insert(value) }
                return values
            }
            #expect(expected.count == 1 && expected.first?.count == fibonacciDigitCount(3_000_000), "eight answers, one value")
            try await client.execute(uri: "/metrics", method: .get) { response in
                let computations = String(buffer: response.body).split(separator: "\n")
                    .filter { $0.hasPrefix("fib_computation_seconds_count") }
                    .compactMap { Int($0.split(separator: " ").last ?? "") }
                #expect(computations.reduce(0, +) == 1, "one computation served all eight: \(computations)")
            }
        }
    }

    @Test func aNamedStrategyAlwaysComputesAndItsResultServesDefaultRequests() async throws {
        try await TestApp.with { client, _ in
            for (uri, cached) in [("/api/fibonacci/54321?strategy=matrix", false), ("/api/fibonacci/54321?strategy=matrix", false),
                                  ("/api/fibonacci/54321", true)] {
                try await client.execute(uri: uri, method: .get) { response in
                    let body = try RouterTests.decode(RouterTests.ValueBody.self, response)
                    #expect(body.cached == cached, "\(uri)")
                }
            }
        }
    }

    @Test func theCacheEvictsTheLeastRecentlyUsedBeyondItsBytes() {
        var cache = ByteBoundedCache<String, Int>(capacity: 100)
        cache.insert(1, for: "a", bytes: 40)
        cache.insert(2, for: "b", bytes: 40)
        #expect(cache["a"] == 1, "a is now the most recently used")
        cache.insert(3, for: "c", bytes: 40)  // 120 > 100: b, the least recently used, goes
        #expect(cache["b"] == nil && cache["a"] == 1 && cache["c"] == 3 && cache.totalBytes == 80)
        cache.insert(4, for: "a", bytes: 10)  // replacing a value frees its old bytes
        #expect(cache.totalBytes == 50 && cache.count == 2 && cache["a"] == 4)
        cache.insert(5, for: "huge", bytes: 101)
        #expect(cache["huge"] == nil && cache.totalBytes == 50, "a value larger than the whole cache is not kept")
        cache.insert(6, for: "d", bytes: 100)
        #expect(cache.count == 1 && cache["d"] == 6 && cache.totalBytes == 100)
    }
}

@Suite struct CountStoreTests {
    @Test(arguments: ["mysql://fib@localhost/fib", "postgres://localhost/fib", "not a url", "postgres://@host/db"])
    func onlyPostgreSQLURLsWithAUserAreAccepted(url: String) {
        #expect(throws: PostgresCountStore.StoreError.self) { try PostgresCountStore(url: url, logger: .init(label: "test")) }
    }

    @Test func aPostgreSQLURLMakesThePostgreSQLStore() throws {
        var settings = RouterTests.settings()
        settings.countsURL = "postgres://fib:secret@127.0.0.1:15432/fib"
        #expect(try AppServices(settings: settings).counts is PostgresCountStore)
        #expect(try AppServices(settings: RouterTests.settings()).counts is InMemoryCountStore)
    }

    @Test func theInMemoryStoreReportsTotalsAndExactness() async throws {
        let store = InMemoryCountStore(capacity: 2)
        for number in [5, 5, 7] { try await store.record(BigInt(number)) }
        var counts = try await store.mostCommon(5)
        #expect(counts.entries.map(\.number) == ["5", "7"] && counts.total == 3 && counts.exact)
        try await store.record(9)  // a third distinct number in a capacity of 2: counts may now overstate
        counts = try await store.mostCommon(5)
        #expect(counts.total == 4 && !counts.exact)
    }
}

import BigNum
