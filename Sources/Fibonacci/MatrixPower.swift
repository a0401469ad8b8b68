import BigNum

/// F(n) as an entry of [[1, 1], [1, 0]]^n, by left-to-right binary powering.
///
/// The power is symmetric, [[F(j+1), F(j)], [F(j), F(j-1)]], so it is kept as three numbers, and
/// squaring it takes three squarings instead of eight products:
///   F(2j+1) = F(j+1)² + F(j)²,  F(2j-1) = F(j)² + F(j-1)²,  F(2j) = F(2j+1) - F(2j-1).
/// Multiplying by the base matrix is a shift of the sequence: (F(j+2), F(j+1), F(j)).
func matrixFibonacci(_ n: UInt, checkpoint: () throws -> Void) rethrows -> BigInt {
    if n == 0 { return 0 }
    let scratch = ScratchIntegers(count: 6, bits: fibonacciBitsBound(n + 1))
    var (upper, middle, lower) = (scratch[0], scratch[1], scratch[2])
    var (upperSquare, middleSquare, lowerSquare) = (scratch[3], scratch[4], scratch[5])
    // j = 1: [[F(2), F(1)], [F(1), F(0)]].
    upper.set(1)
    middle.set(1)
    let topBit = UInt.bitWidth - 1 - n.leadingZeroBitCount
    for bit in stride(from: topBit - 1, through: 0, by: -1) {
        // Invariant: (upper, middle, lower) = (F(j+1), F(j), F(j-1)) with j = n >> (bit + 1).
        try checkpoint()
        upperSquare.setProduct(upper, upper)
        middleSquare.setProduct(middle, middle)
        lowerSquare.setProduct(lower, lower)
        upper.setSum(upperSquare, middleSquare)  // F(2j+1)
        lower.setSum(middleSquare, lowerSquare)  // F(2j-1)
        middle.setDifference(upper, lower)  // F(2j)
        if (n >> UInt(bit)) & 1 == 1 {
            // Times the base matrix: (F(2j+2), F(2j+1), F(2j)).
            upperSquare.setSum(upper, middle)
            (upper, middle, lower, upperSquare) = (upperSquare, upper, middle, lower)
        }
    }
    return BigInt(moving: middle)
}
