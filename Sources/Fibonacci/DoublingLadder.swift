import BigNum

/// What the doubling ladder needs of a working value, in either radix: binary (BigNum's
/// `ScratchInteger`, GMP's integers) or decimal (`DecimalStorage`, limbs of 10^19). Each operation
/// writes its receiver, which may also be an operand.
protocol DoublingValue {
    func setWord(_ value: UInt64)
    func setSum(_ a: Self, _ b: Self)
    /// self = a - b, for a >= b.
    func setDifference(_ a: Self, _ b: Self)
    /// self = 4a.
    func setQuadruple(_ a: Self)
    func addWord(_ value: UInt64)
    func subtractWord(_ value: UInt64)
}

extension ScratchInteger: DoublingValue {
    func setWord(_ value: UInt64) { set(UInt(value)) }
    func setQuadruple(_ a: ScratchInteger) { setShiftedLeft(a, by: 2) }
    func addWord(_ value: UInt64) { add(UInt(value)) }
    func subtractWord(_ value: UInt64) { subtract(UInt(value)) }
}

extension DecimalStorage: DoublingValue {
    func setWord(_ value: UInt64) { set(value) }
    func setQuadruple(_ a: DecimalStorage) { setMultiple(a, 4) }
    func addWord(_ value: UInt64) { add(value) }
    func subtractWord(_ value: UInt64) { subtract(value) }
}

/// Sets f = F(k) and g = F(k-1), for k >= 1, with GMP's structure (`mpn/generic/fib2_ui.c`): from
/// the `UInt64` table, two squarings per bit of k. a and b are working space; the four trade roles
/// as the loop goes, so the values end up wherever the names then point. `squareBoth(f, g, a, b)`
/// sets a = f² and b = g², on one thread or two.
func doublingLadder<Value: DoublingValue>(
    _ k: UInt, _ f: inout Value, _ g: inout Value, _ a: inout Value, _ b: inout Value,
    squareBoth: (_ f: Value, _ g: Value, _ a: Value, _ b: Value) -> Void, checkpoint: () throws -> Void
) rethrows {
    // Start from the table with the top bits of k: j = k >> shift <= 93, so F(j) fits a word.
    var shift = 0
    while k >> UInt(shift) > UInt(smallFibonacciLimit) { shift += 1 }
    let start = Int(k >> UInt(shift))
    f.setWord(smallFibonacci[start])
    g.setWord(smallFibonacci[start - 1])

    for bit in stride(from: shift - 1, through: 0, by: -1) {
        // Invariant: f = F(j), g = F(j-1), with j = k >> (bit + 1) >= 1.
        try checkpoint()
        let jIsOdd = (k >> UInt(bit + 1)) & 1 == 1
        squareBoth(f, g, a, b)  // a = F(j)², b = F(j-1)²
        // F(2j-1) = F(j)² + F(j-1)²
        g.setSum(a, b)
        // F(2j+1) = 4F(j)² - F(j-1)² + 2(-1)^j. No underflow: 4F(j)² - F(j-1)² >= 3F(j)² >= 3 for
        // j >= 1; no overflow: a holds F(2j+1) + 2 at most, and every value was sized for F(k) >=
        // F(2j+1) with room to spare.
        a.setQuadruple(a)
        a.setDifference(a, b)
        if jIsOdd { a.subtractWord(2) } else { a.addWord(2) }
        if (k >> UInt(bit)) & 1 == 1 {
            // j' = 2j+1: (F(2j+1), F(2j)), with F(2j) = F(2j+1) - F(2j-1).
            b.setDifference(a, g)
            swap(&f, &a)
            swap(&g, &b)
        } else {
            // j' = 2j: (F(2j), F(2j-1)); g already holds F(2j-1).
            f.setDifference(a, g)
        }
    }
}
