import GMPReference
import Foundation
import Synchronization

/// Counts the bytes GMP holds, exactly, by routing its allocations through counting functions
/// (`mp_set_memory_functions`). GMP passes the old size to realloc and free, so the count is exact.
enum GMPMemory {
    static let current = Atomic<Int>(0)
    static let peak = Atomic<Int>(0)

    /// Installs the counting functions. Call before any GMP allocation; blocks from before are freed
    /// correctly (all go through malloc) but would make the count drift.
    static func install() {
        __gmp_set_memory_functions(
            { size in GMPMemory.record(Int(size)); return malloc(size) },
            { block, oldSize, newSize in
                GMPMemory.record(Int(newSize) - Int(oldSize))
                return realloc(block, newSize)
            },
            { block, size in
                GMPMemory.record(-Int(size))
                free(block)
            })
    }

    private static func record(_ delta: Int) {
        let now = current.wrappingAdd(delta, ordering: .relaxed).newValue
        var seen = peak.load(ordering: .relaxed)
        while now > seen {
            let exchange = peak.compareExchange(expected: seen, desired: now, ordering: .relaxed)
            if exchange.exchanged { break }
            seen = exchange.original
        }
    }

    /// Runs `body` and returns the most bytes GMP held at once during it, above what it held before.
    static func peakBytes(during body: () -> Void) -> Int {
        let before = current.load(ordering: .relaxed)
        peak.store(before, ordering: .relaxed)
        body()
        return peak.load(ordering: .relaxed) - before
    }
}
