import Testing
import TestSupport
@testable import BigNum

/// Wherever a value fits in Int, BigInt must behave exactly like Int.
@Suite struct IntParityTests {
    static let pairCount = 20_000

    /// Runs `check` on seeded random pairs, edge values included.
    func forRandomPairs(seed: UInt64, _ check: (Int, Int) throws -> Void) rethrows {
        var generator = SeededGenerator(seed: seed)
        for a in SeededGenerator.edgeInts {
            for b in SeededGenerator.edgeInts { try check(a, b) }
        }
        for _ in 0..<Self.pairCount { try check(generator.nextInt(), generator.nextInt()) }
    }

    @Test func additionSubtractionMultiplication() {
        forRandomPairs(seed: 1) { a, b in
            let x = BigInt(a), y = BigInt(b)
            let sum = a.addingReportingOverflow(b)
            if !sum.overflow { #expect(x + y == BigInt(sum.partialValue), "\(a) + \(b)") }
            let difference = a.subtractingReportingOverflow(b)
            if !difference.overflow { #expect(x - y == BigInt(difference.partialValue), "\(a) - \(b)") }
            let product = a.multipliedReportingOverflow(by: b)
            if !product.overflow { #expect(x * y == BigInt(product.partialValue), "\(a) * \(b)") }
            // Wide results are exact: compare against Int's full-width product.
            let wide = a.multipliedFullWidth(by: b)
            #expect(x * y == (BigInt(wide.high) << 64) + BigInt(wide.low), "\(a) * \(b) full width")
        }
    }

    @Test func divisionTruncatesTowardZero() {
        forRandomPairs(seed: 2) { a, b in
            guard b != 0, !(a == .min && b == -1) else { return }
            let x = BigInt(a), y = BigInt(b)
            #expect(x / y == BigInt(a / b), "\(a) / \(b)")
            #expect(x % y == BigInt(a % b), "\(a) % \(b)")
            let (q, r) = x.quotientAndRemainder(dividingBy: y)
            #expect(q == BigInt(a / b) && r == BigInt(a % b), "\(a) quotientAndRemainder \(b)")
            #expect(x.isMultiple(of: y) == a.isMultiple(of: b))
        }
        #expect(BigInt(Int.min) / -1 == -BigInt(Int.min))
        #expect(BigInt(5).isMultiple(of: 0) == false && BigInt(0).isMultiple(of: 0))
    }

    @Test func remainderAndDivisibilityByAWord() {
        forRandomPairs(seed: 9) { a, b in
            let x = BigInt(a)
            if b != 0, !(a == .min && b == -1) {
                #expect(x.remainder(dividingBy: b) == a % b, "\(a) % \(b) by a word")
            }
            if !(a == .min && b == -1) {
                #expect(x.isMultiple(of: b) == a.isMultiple(of: b), "\(a) multiple of \(b)")
            }
        }
        // Beyond a word: |x| mod d with x's sign.
        let big = (BigInt(1) << 200) + 7
        #expect(big.remainder(dividingBy: 10) == Int((big % 10).description)! && (-big).remainder(dividingBy: 10) == -Int((big % 10).description)!)
        #expect(big.isMultiple(of: Int.min) == false && (BigInt(1) << 200).isMultiple(of: Int.min))
    }

    @Test func comparisonAndHashing() {
        forRandomPairs(seed: 3) { a, b in
            let x = BigInt(a), y = BigInt(b)
            #expect((x < y) == (a < b) && (x == y) == (a == b) && (x >= y) == (a >= b), "\(a) vs \(b)")
            if a == b { #expect(x.hashValue == y.hashValue) }
        }
    }

    @Test func bitwiseOperatorsUseTwosComplement() {
        forRandomPairs(seed: 4) { a, b in
            let x = BigInt(a), y = BigInt(b)
            #expect(x & y == BigInt(a & b), "\(a) & \(b)")
            #expect(x | y == BigInt(a | b), "\(a) | \(b)")
            #expect(x ^ y == BigInt(a ^ b), "\(a) ^ \(b)")
            #expect(~x == BigInt(~a), "~\(a)")
        }
    }

    @Test func shifts() {
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<Self.pairCount {
            let a = generator.nextInt(), count = Int.random(in: -70...70, using: &generator)
            let x = BigInt(a)
            // Int's smart shifts: >> rounds toward negative infinity; overshifts give 0 or -1.
            if count >= 0 {
                #expect(x << count == BigInt(a) * BigInt(2).power(count), "\(a) << \(count)")
                #expect(x >> count == BigInt(a >> count), "\(a) >> \(count)")
            } else {
                #expect(x << count == BigInt(a << count), "\(a) << \(count)")
            }
            #expect(x >> UInt8(70) == BigInt(a >> 70) && x >> BigInt(70) == BigInt(a >> 70))
        }
        #expect(BigInt(-5) >> 1 == -3 && BigInt(-1) >> 1000 == -1 && BigInt(7) >> Int.max == 0)
        #expect(BigInt(-1) >> (BigInt(1) << 100) == -1, "a right shift beyond Int leaves the sign")
        #expect(BigInt(5) << -(BigInt(1) << 100) == 0)
    }

    @Test func wordsBitWidthAndTrailingZeros() {
        forRandomPairs(seed: 6) { a, _ in
            let x = BigInt(a)
            // Every Int fits in one two's-complement word, the same word as Int's own.
            #expect(Array(x.words) == [UInt(bitPattern: a)], "words of \(a)")
            if a != 0 { #expect(x.trailingZeroBitCount == a.trailingZeroBitCount, "tzc of \(a)") }
            // Minimal two's-complement width: the sign bit plus the significant bits.
            let expectedWidth = Int.bitWidth - (a < 0 ? (~a).leadingZeroBitCount : a.leadingZeroBitCount) + 1
            #expect(x.bitWidth == expectedWidth, "bitWidth of \(a)")
            #expect(x.signum() == BigInt(a.signum()) && x.magnitude == BigInt(a.magnitude))
        }
        #expect(BigInt(0).bitWidth == 1 && BigInt(-1).bitWidth == 1 && BigInt(255).bitWidth == 9)
        #expect(BigInt(0).trailingZeroBitCount == 1)
    }

    @Test func conversionsToAndFromEveryIntegerType() {
        forRandomPairs(seed: 7) { a, _ in
            let x = BigInt(a)
            #expect(Int(exactly: x) == a && Int(x) == a)
            #expect(Int8(exactly: x) == Int8(exactly: a) && UInt8(exactly: x) == UInt8(exactly: a))
            #expect(Int16(exactly: x) == Int16(exactly: a) && UInt16(exactly: x) == UInt16(exactly: a))
            #expect(Int32(exactly: x) == Int32(exactly: a) && UInt32(exactly: x) == UInt32(exactly: a))
            #expect(Int64(exactly: x) == Int64(exactly: a) && UInt64(exactly: x) == UInt64(exactly: a))
            #expect(UInt(exactly: x) == UInt(exactly: a))
            #expect(Int8(truncatingIfNeeded: x) == Int8(truncatingIfNeeded: a))
            #expect(UInt16(truncatingIfNeeded: x) == UInt16(truncatingIfNeeded: a))
            #expect(UInt(truncatingIfNeeded: x) == UInt(truncatingIfNeeded: a))
            #expect(Int32(clamping: x) == Int32(clamping: a) && UInt64(clamping: x) == UInt64(clamping: a))
            #expect(BigInt(Int8(truncatingIfNeeded: a)) == BigInt(Int(Int8(truncatingIfNeeded: a))))
            #expect(BigInt(UInt64(bitPattern: Int64(a))) == BigInt(UInt(bitPattern: a)))
            #expect(BigInt(exactly: a) == x && BigInt(truncatingIfNeeded: a) == x && BigInt(clamping: a) == x)
        }
        #expect(BigInt(UInt.max) == (BigInt(1) << 64) - 1)
        #expect(Int(exactly: BigInt(Int.max) + 1) == nil && UInt64(exactly: BigInt(-1)) == nil)
        #expect(Int64(clamping: BigInt(1) << 100) == .max && Int64(clamping: -(BigInt(1) << 100)) == .min)
        #expect(UInt8(truncatingIfNeeded: (BigInt(1) << 100) + 0x1FF) == 0xFF)
    }

    @Test func doubleConversions() {
        forRandomPairs(seed: 8) { a, _ in
            let x = BigInt(a)
            #expect(Double(x) == Double(a), "Double(\(a))")
            #expect(Float(x) == Float(a), "Float(\(a))")
            let d = Double(a)
            if let exact = Int(exactly: d) { #expect(BigInt(exactly: d) == BigInt(exact)) }
            let fraction = d / 7
            if abs(fraction) < 9e18 { #expect(BigInt(fraction) == BigInt(Int(fraction)), "BigInt(\(fraction))") }
            #expect(BigInt(Float(fraction)) == BigInt(Double(Float(fraction)).rounded(.towardZero)))
        }
        #expect(BigInt(exactly: 2.5) == nil && BigInt(exactly: Double.nan) == nil && BigInt(exactly: Double.infinity) == nil)
        #expect(BigInt(-2.7) == -2 && BigInt(0.9) == 0 && BigInt(-0.0) == 0)
        // 1e300 is not exactly 10^300, but converting back must give the same Double.
        #expect(Double(BigInt(1e300)) == 1e300 && BigInt(exactly: 1e300) == BigInt(1e300))
        #expect(BigInt(Float80(-123456789.75)) == -123456789)
    }

    @Test func stringsInEveryRadix() {
        forRandomPairs(seed: 9) { a, b in
            let radix = 2 + Int(b.magnitude % 35)
            let x = BigInt(a)
            #expect(String(x, radix: radix) == String(a, radix: radix), "\(a) in radix \(radix)")
            #expect(String(x, radix: radix, uppercase: true) == String(a, radix: radix, uppercase: true))
            #expect(BigInt(String(a, radix: radix), radix: radix) == x)
            #expect(x.description == a.description && x.decimalDigitCount == String(a.magnitude).count)
        }
    }
}
