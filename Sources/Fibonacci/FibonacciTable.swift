import BigNum

/// A table of F(0...limit), filled once, for O(1) lookups; beyond the limit it computes by fast
/// doubling. Safe to share between threads: the values never change after the table is filled.
///
/// Memory grows with the square of the limit: F(k) has about 0.694·k bits, so the table holds about
/// 0.0434·limit² bytes of digits plus a small object per entry; ``memoryFootprint`` gives the exact
/// figure. The default shared table (limit 10,000) takes about 4.7 MB.
public final class FibonacciTable: Sendable {
    /// The largest index held.
    public let limit: Int
    private let values: [BigInt]

    /// The table used by ``FibonacciStrategy/cachedTable``: F(0...10,000), filled on first use.
    public static let shared = FibonacciTable(limit: 10_000)

    /// Fills F(0...limit): the first 94 from the `UInt64` table, the rest by additions.
    ///
    /// - Complexity: O(limit²) bit operations, once.
    public init(limit: Int) {
        precondition(limit >= 0, "FibonacciTable limit must not be negative, not \(limit)")
        self.limit = limit
        var values = smallFibonacci.prefix(limit + 1).map { BigInt($0) }
        values.reserveCapacity(limit + 1)
        while values.count <= limit {
            values.append(values[values.count - 1] + values[values.count - 2])
        }
        self.values = values
    }

    /// F(n) for n >= 0: a shared copy of the stored value (no digits are copied) when n <= limit.
    ///
    /// - Complexity: O(1) within the table; fast doubling beyond it.
    @inlinable
    public subscript(n: Int) -> BigInt {
        precondition(n >= 0, "FibonacciTable index must not be negative, not \(n)")
        return n <= limit ? value(at: n) : try! FastDoubling().fibonacci(UInt(n))
    }

    @usableFromInline
    func value(at n: Int) -> BigInt { values[n] }

    /// The bytes the table holds: every value's limbs and object, and the array itself.
    public var memoryFootprint: Int {
        values.reduce(values.capacity * MemoryLayout<BigInt>.stride) { $0 + $1.allocatedByteCount }
    }
}
