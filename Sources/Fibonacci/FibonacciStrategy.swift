import BigNum
#if canImport(Glibc)
import Glibc
#endif

/// The ways this module computes F(n). They all give the same answer; they differ in speed and memory.
public enum FibonacciStrategy: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// n additions in place: O(n²) bit operations. For small n, and as a baseline.
    case iterative
    /// GMP's own structure: two squarings per bit of n/2, one final multiplication.
    case fastDoubling
    /// Fast doubling with the two squarings of each step, and the final product, on two threads once
    /// the numbers are large (below that, exactly ``fastDoubling``).
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
    /// then ``parallelFastDoubling`` when a second core is free (by the load average).
    public static func fastest(for n: Int) -> FibonacciStrategy {
        let limbs = fibonacciBitsBound(n.magnitude / 2) / BigInt.limbBitWidth
        if limbs >= parallelThresholdLimbs && isSecondCoreFree() { return .parallelFastDoubling }
        return .gmp
    }
}

/// Whether another core is idle: at least two online cores, and a one-minute load average that
/// leaves one of them free.
func isSecondCoreFree() -> Bool {
    let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    guard cores >= 2 else { return false }
    var load = [0.0]
    guard getloadavg(&load, 1) == 1 else { return true }
    return load[0] <= Double(cores) - 1
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
