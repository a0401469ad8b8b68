import BigNum

/// F(n) by n additions, in place on two values sized for the result up front, so the loop allocates
/// nothing. O(n²) bit operations: the reference for small n, and the baseline to beat.
func iterativeFibonacci(_ n: UInt, checkpoint: () throws -> Void) rethrows -> BigInt {
    let scratch = ScratchIntegers(count: 2, bits: fibonacciBitsBound(n + 1))
    var (current, next) = (scratch[0], scratch[1])
    next.set(1)
    for step in 0..<n {
        // Invariant: current = F(step), next = F(step + 1).
        if step % 4096 == 0 { try checkpoint() }
        current.setSum(current, next)  // current = F(step + 2)
        swap(&current, &next)
    }
    return BigInt(moving: current)
}
