import BigNum

/// An upper bound on the bits of F(n): F(n) < φ^n, and log2(φ) = 0.6942419136306174...
/// The two extra limbs absorb the rounding of the product and the ± 2 of the doubling formulas.
@inlinable
func fibonacciBitsBound(_ n: UInt) -> Int {
    Int((Double(n) * 0.6942419136306174).rounded(.up)) + 128
}
