import BigNum
import CGMP

/// F(n) as an entry of [[1, 1], [1, 0]]^n, by left-to-right binary powering.
///
/// The power is symmetric, [[F(j+1), F(j)], [F(j), F(j-1)]], so it is kept as three numbers, and
/// squaring it takes three squarings instead of eight products:
///   F(2j+1) = F(j+1)² + F(j)²,  F(2j-1) = F(j)² + F(j-1)²,  F(2j) = F(2j+1) - F(2j-1).
/// Multiplying by the base matrix is a shift of the sequence: (F(j+2), F(j+1), F(j)).
func matrixFibonacci(_ n: UInt, checkpoint: () throws -> Void) rethrows -> BigInt {
    if n == 0 { return 0 }
    let scratch = MPZScratch(count: 6, bits: fibonacciBitsBound(n + 1))
    var (upper, middle, lower) = (scratch[0], scratch[1], scratch[2])
    var (upperSquare, middleSquare, lowerSquare) = (scratch[3], scratch[4], scratch[5])
    // j = 1: [[F(2), F(1)], [F(1), F(0)]].
    __gmpz_set_ui(upper, 1)
    __gmpz_set_ui(middle, 1)
    let topBit = UInt.bitWidth - 1 - n.leadingZeroBitCount
    for bit in stride(from: topBit - 1, through: 0, by: -1) {
        // Invariant: (upper, middle, lower) = (F(j+1), F(j), F(j-1)) with j = n >> (bit + 1).
        try checkpoint()
        __gmpz_mul(upperSquare, upper, upper)
        __gmpz_mul(middleSquare, middle, middle)
        __gmpz_mul(lowerSquare, lower, lower)
        __gmpz_add(upper, upperSquare, middleSquare)  // F(2j+1)
        __gmpz_add(lower, middleSquare, lowerSquare)  // F(2j-1)
        __gmpz_sub(middle, upper, lower)  // F(2j)
        if (n >> UInt(bit)) & 1 == 1 {
            // Times the base matrix: (F(2j+2), F(2j+1), F(2j)).
            __gmpz_add(upperSquare, upper, middle)
            (upper, middle, lower, upperSquare) = (upperSquare, upper, middle, lower)
        }
    }
    return BigInt(movingFrom: middle)
}
