// DecimalUInt's digits: written and read in one linear pass, 19 digits a limb.

extension DecimalUInt: LosslessStringConvertible, CustomStringConvertible {
    /// Parses one or more ASCII decimal digits and nothing else (no sign, no white space).
    ///
    /// - Complexity: O(n).
    public init?(_ description: String) {
        self.init(utf8Digits: description.utf8)
    }

    /// Parses one or more ASCII decimal digits and nothing else.
    ///
    /// - Complexity: O(n).
    public init?<Bytes: Collection<UInt8>>(utf8Digits bytes: Bytes) {
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else { return nil }
        let storage = DecimalStorage(capacity: (bytes.count + DecimalRadix.digitsPerLimb - 1) / DecimalRadix.digitsPerLimb)
        Array(bytes).withUnsafeBufferPointer { storage.setDigits($0, zero: UInt8(ascii: "0")) }
        self.init(storage: storage)
    }

    /// The decimal digits, without leading zeros ("0" for zero).
    ///
    /// - Complexity: O(n).
    public var description: String {
        String(unsafeUninitializedCapacity: decimalDigitCount) { buffer in
            writeDigits(into: UnsafeMutableRawBufferPointer(buffer))
        }
    }

    /// The number of decimal digits; 1 for zero.
    ///
    /// - Complexity: O(1).
    public var decimalDigitCount: Int {
        withLimbs { limbs, count in
            guard count > 0 else { return 1 }
            return (count - 1) * DecimalRadix.digitsPerLimb + decimalWidth(limbs[count - 1])
        }
    }

    /// The digits as UTF-8 bytes, written once into the array's storage.
    ///
    /// - Complexity: O(n).
    public func utf8Digits() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: decimalDigitCount) { buffer, written in
            written = writeDigits(into: UnsafeMutableRawBufferPointer(buffer))
        }
    }

    /// Writes the digits as ASCII into `buffer`, which needs ``decimalDigitCount`` bytes, and returns
    /// how many it wrote: the highest limb without leading zeros, every other one as 19 digits. With
    /// `threads: 2` and a long value, the lower half of the limbs is written on a second thread
    /// (when BigNum's helper thread is free).
    ///
    /// - Complexity: O(n).
    @discardableResult
    public func writeDigits(into buffer: UnsafeMutableRawBufferPointer, threads: Int = 1) -> Int {
        let length = decimalDigitCount
        precondition(buffer.count >= length, "writeDigits needs \(length) bytes, the buffer has \(buffer.count)")
        let start = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        return withLimbs { limbs, count in
            guard count > 0 else {
                start[0] = UInt8(ascii: "0")
                return 1
            }
            let topWidth = decimalWidth(limbs[count - 1])
            writeLimb(limbs[count - 1], width: topWidth, at: start)
            // Limb i (below the top) ends at byte length - 19·i: every full limb has a fixed place.
            let writeFullLimbs = { (range: Range<Int>) in
                for index in range {
                    writeFullLimb(limbs[index], at: start + length - DecimalRadix.digitsPerLimb * (index + 1))
                }
            }
            let full = count - 1
            if threads > 1 && full >= 2 * parallelDigitWritingLimbs {
                runConcurrently({ writeFullLimbs(full / 2..<full) }, { writeFullLimbs(0..<full / 2) })
            } else {
                writeFullLimbs(0..<full)
            }
            return length
        }
    }
}

/// Limbs a thread writes at the least when digit writing is split over two threads.
let parallelDigitWritingLimbs = 20_000

/// Digits in a limb (1 for zero).
func decimalWidth(_ limb: UInt64) -> Int {
    var width = 1, power: UInt64 = 10
    while width < DecimalRadix.digitsPerLimb && limb >= power {
        width += 1
        power &*= 10
    }
    return width
}

/// The two-digit strings "00" to "99", one UInt16 each (low byte first).
private let digitPairs: [UInt16] = (0..<100).map { UInt16(UInt8(ascii: "0") + UInt8($0 % 10)) << 8 | UInt16(UInt8(ascii: "0") + UInt8($0 / 10)) }

/// Writes a limb's 19 digits, zero-padded, at `start`: the high 9 and the low 10 as two independent
/// chains of two-digit steps, which the processor runs side by side.
@inline(__always)
func writeFullLimb(_ limb: UInt64, at start: UnsafeMutablePointer<UInt8>) {
    var high = limb / 10_000_000_000, low = limb % 10_000_000_000
    digitPairs.withUnsafeBufferPointer { pairs in
        let raw = UnsafeMutableRawPointer(start)
        for step in 0..<4 {
            let lowQuotient = low / 100, highQuotient = high / 100
            raw.storeBytes(of: pairs[Int(low &- lowQuotient &* 100)], toByteOffset: 17 - 2 * step, as: UInt16.self)
            raw.storeBytes(of: pairs[Int(high &- highQuotient &* 100)], toByteOffset: 7 - 2 * step, as: UInt16.self)
            (low, high) = (lowQuotient, highQuotient)
        }
        raw.storeBytes(of: pairs[Int(low)], toByteOffset: 9, as: UInt16.self)
        start[0] = UInt8(ascii: "0") &+ UInt8(high)
    }
}

/// Writes the low `width` digits of `limb`, zero-padded, at `start`: two digits a step from the right.
@inline(__always)
func writeLimb(_ limb: UInt64, width: Int, at start: UnsafeMutablePointer<UInt8>) {
    var value = limb
    var end = width
    digitPairs.withUnsafeBufferPointer { pairs in
        let raw = UnsafeMutableRawPointer(start)
        while end >= 2 {
            let quotient = value / 100
            raw.storeBytes(of: pairs[Int(value &- quotient &* 100)], toByteOffset: end - 2, as: UInt16.self)
            value = quotient
            end -= 2
        }
        if end == 1 { start[0] = UInt8(ascii: "0") &+ UInt8(value % 10) }
    }
}
