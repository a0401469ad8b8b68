import Testing
@testable import Fibonacci

@Suite struct LimitsTests {
    @Test func checkedVariantThrowsBeyondTheCallersLimit() throws {
        #expect(throws: FibonacciError.indexTooLarge(index: 1_001, maximum: 1_000)) {
            try fibonacci(1_001, maximumIndex: 1_000)
        }
        #expect(throws: FibonacciError.indexTooLarge(index: -1_001, maximum: 1_000)) {
            try fibonacci(-1_001, using: .gmp, maximumIndex: 1_000)
        }
        #expect(throws: FibonacciError.indexTooLarge(index: Int.min, maximum: FibonacciLimits.maximumIndex)) {
            try fibonacci(Int.min, maximumIndex: .max)
        }
        #expect(try fibonacci(1_000, maximumIndex: 1_000) == fibonacci(1_000))
    }

    @Test(arguments: FibonacciStrategy.allCases)
    func shouldStopStopsEveryStrategy(strategy: FibonacciStrategy) {
        #expect(throws: FibonacciError.cancelled) {
            try fibonacci(200_000, using: strategy, maximumIndex: .max) { true }
        }
        // The stepwise strategies check again between steps, not only before the first.
        guard strategy != .gmp else { return }
        var checks = 0
        #expect(throws: FibonacciError.cancelled) {
            try fibonacci(200_000, using: strategy, maximumIndex: .max) { checks += 1; return checks > 3 }
        }
        #expect(checks == 4)
    }

    @Test func cancellationStopsTheAsyncVariant() async throws {
        let task = Task { try await cancellableFibonacci(50_000_000, using: .fastDoubling) }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(try await cancellableFibonacci(1_000) == fibonacci(1_000))
        await #expect(throws: FibonacciError.indexTooLarge(index: 11, maximum: 10)) {
            try await cancellableFibonacci(11, maximumIndex: 10)
        }
    }

    @Test func theLargestIndexIsDocumentedAndFitsGMP() {
        #expect(FibonacciLimits.maximumIndex == 197_969_828_772)
        #expect(Double(FibonacciLimits.maximumIndex) * 0.6942419136306174 + 128 < Double(BigInt.maximumBitWidth))
    }

    @Test func beyondTheLimitTraps() async {
        await #expect(processExitsWith: .failure) { _ = fibonacci(Int.max) }
        await #expect(processExitsWith: .failure) { _ = lucas(Int.min) }
        await #expect(processExitsWith: .failure) { _ = fibonacci(5, modulo: 0) }
    }

    @Test func cachedTableStatesItsMemory() {
        let table = FibonacciTable(limit: 2_000)
        #expect(table[2_000] == fibonacci(2_000) && table[5_000] == fibonacci(5_000))
        let digitBytes = (0...2_000).reduce(0) { $0 + (fibonacci($1).magnitudeBitWidth + 7) / 8 }
        #expect(table.memoryFootprint > digitBytes && table.memoryFootprint < 4 * digitBytes + 200_000)
    }
}
