import BigNum

/// Fast doubling by the textbook identities, from the top bit of n, for comparison in the benchmark:
///   F(2k) = F(k) (2F(k+1) - F(k)),   F(2k+1) = F(k)² + F(k+1)².
/// A product and two squarings per bit of n, all the way up, where ``FibonacciStrategy/fastDoubling``
/// takes two squarings per bit of n/2 and one final product: about twice the work.
@_spi(Benchmarks)
public func textbookFastDoubling(_ n: UInt) -> BigInt {
    let scratch = ScratchIntegers(count: 4, bits: fibonacciBitsBound(n + 1))
    var (current, next, double, square) = (scratch[0], scratch[1], scratch[2], scratch[3])
    next.set(1)
    for bit in stride(from: UInt.bitWidth - 1 - n.leadingZeroBitCount, through: 0, by: -1) {
        // Invariant: (current, next) = (F(k), F(k+1)), k = n >> (bit + 1).
        double.setShiftedLeft(next, by: 1)
        double.setDifference(double, current)
        double.setProduct(double, current)  // F(2k)
        square.setProduct(current, current)
        current.setProduct(next, next)
        square.setSum(square, current)  // F(2k+1)
        if (n >> UInt(bit)) & 1 == 1 {
            current.setSum(double, square)  // F(2k+2)
            (current, next, square) = (square, current, next)
        } else {
            (current, next, double, square) = (double, square, current, next)
        }
    }
    return BigInt(moving: current)
}
