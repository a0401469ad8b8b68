import BigNum

/// SplitMix64: a small, fast, seeded generator, so every property-test failure can be replayed.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SeededGenerator {
    /// Values that break integer code: the extremes, 0, ±1, powers of two and their neighbours.
    public static let edgeInts: [Int] = [
        0, 1, -1, 2, -2, 3, 7, -7, 63, 64, -64, 255, 256, -256, 1 << 31, -(1 << 31), 1 << 32,
        Int.max, Int.max - 1, Int.min, Int.min + 1, Int(Int32.max), Int(Int32.min),
    ]

    /// A mix of edge values, small values and full-range values.
    public mutating func nextInt() -> Int {
        switch Int.random(in: 0..<4, using: &self) {
        case 0: SeededGenerator.edgeInts.randomElement(using: &self)!
        case 1: Int.random(in: -1000...1000, using: &self)
        case 2: Int(truncatingIfNeeded: next()) >> Int.random(in: 0..<64, using: &self)
        default: Int(truncatingIfNeeded: next())
        }
    }

    /// A random value of up to `maxBits` bits of either sign, often with long runs of ones or zeros
    /// (which is where carries and borrows go wrong).
    public mutating func nextBigInt(maxBits: Int) -> BigInt {
        let bits = Int.random(in: 1...maxBits, using: &self)
        var value = BigInt(0)
        var filled = 0
        while filled < bits {
            let word: UInt64
            switch next() % 4 {
            case 0: word = 0
            case 1: word = .max
            default: word = next()
            }
            value = (value << 64) | BigInt(word)
            filled += 64
        }
        value >>= filled - bits
        return Bool.random(using: &self) ? -value : value
    }
}
