import BigNum

/// The ways this module computes F(n). They all give the same answer; they differ in speed and memory.
public enum FibonacciStrategy: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// n additions in place: O(n²) bit operations. For small n, and as a baseline.
    case iterative
    /// GMP's own structure: two squarings per bit of n/2, one final multiplication.
    case fastDoubling
    /// Fast doubling with the two squarings of each step, and the final product, on two threads once
    /// the numbers are large (below that, exactly ``fastDoubling``).
    ///
    /// On first use it applies BigNum's `AllocatorTuning` (glibc's malloc keeps freed memory for
    /// reuse, process-wide) unless the program has set `AllocatorTuning.isAllowed = false`.
    case parallelFastDoubling
    /// A power of [[1, 1], [1, 0]] by repeated squaring, in its symmetric form: three squarings a bit.
    case matrix
    /// An O(1) lookup in ``FibonacciTable/shared`` (F(0...10,000)); fast doubling beyond it.
    case cachedTable
    /// GMP's `mpz_fib_ui`, the reference.
    case gmp

    public var description: String { rawValue }

    /// Limbs of F(n/2) from which ``parallelFastDoubling`` splits work over two threads: below this the
    /// squarings are too short to repay waking a second thread.
    public static let parallelThresholdLimbs = 2_000

    /// The strategy that computes F(n) fastest here: GMP's `mpz_fib_ui` while the numbers are small,
    /// then ``parallelFastDoubling`` on a machine with a second core.
    ///
    /// Whether the second core is free is decided at each doubling step, not here: the helper thread
    /// is taken with a try-acquire, and a step that finds it busy (another computation holds it) runs
    /// both squarings on the calling thread, exactly as ``fastDoubling`` does.
    public static func fastest(for n: Int) -> FibonacciStrategy {
        let limbs = fibonacciBitsBound(n.magnitude / 2) / BigInt.limbBitWidth
        return limbs >= parallelThresholdLimbs && HelperThread.isAvailable ? .parallelFastDoubling : .gmp
    }
}

extension FibonacciStrategy {
    /// F(n) for n >= 0 by this strategy; `checkpoint` runs between steps and may throw to stop.
    func compute(_ n: UInt, checkpoint: () throws -> Void) rethrows -> BigInt {
        switch self {
        case .iterative:
            return try iterativeFibonacci(n, checkpoint: checkpoint)
        case .fastDoubling:
            return try FastDoubling().fibonacci(n, checkpoint: checkpoint)
        case .parallelFastDoubling:
            return try FastDoubling(parallelLimbs: Self.parallelThresholdLimbs).fibonacci(n, checkpoint: checkpoint)
        case .matrix:
            return try matrixFibonacci(n, checkpoint: checkpoint)
        case .cachedTable:
            let table = FibonacciTable.shared
            return n <= UInt(table.limit)
                ? table.value(at: Int(n)) : try FastDoubling().fibonacci(n, checkpoint: checkpoint)
        case .gmp:
            try checkpoint()
            return BigInt.gmpFibonacci(n)
        }
    }
}
