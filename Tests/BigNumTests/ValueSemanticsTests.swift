import Testing
@testable import BigNum

@Suite struct ValueSemanticsTests {
    @Test func inPlaceOperationsKeepUniqueStorage() {
        var a = BigInt(1) << 1_000
        let b = BigInt(3).power(500)
        let identity = a.storageIdentity
        a += b
        a -= 7
        a *= b
        a /= 3
        a %= BigInt(1) << 2_000
        a &= b
        a |= 5
        a ^= b
        a <<= 3
        a >>= 2
        a.negate()
        #expect(a.storageIdentity == identity, "a uniquely held value must be mutated in place")
    }

    @Test func mutatingASharedValueCopiesFirst() {
        let original = BigInt(1) << 500
        var copy = original
        #expect(copy.storageIdentity == original.storageIdentity, "a copy shares storage until written")
        copy += 1
        #expect(copy.storageIdentity != original.storageIdentity)
        #expect(original == BigInt(1) << 500 && copy == (BigInt(1) << 500) + 1)
        var same = original
        same += same // aliasing: the operand must be read before it changes
        #expect(same == original * 2 && original == BigInt(1) << 500)
        #expect(original * original == original.squared() && original - original == 0)
    }

    @Test func tasksCopyAndMutateSharedValuesIndependently() async {
        let shared = (0..<8).map { BigInt($0 + 2).power(3_000) }
        let results = await withTaskGroup(of: (Int, Bool).self) { group in
            for task in 0..<32 {
                group.addTask {
                    var ok = true
                    for round in 0..<200 {
                        let index = (task + round) % shared.count
                        var mine = shared[index]
                        mine += BigInt(task)
                        mine *= 3
                        mine.negate()
                        ok = ok && mine == -((shared[index] + BigInt(task)) * 3)
                    }
                    return (task, ok)
                }
            }
            return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
        }
        #expect(results.count == 32 && results.values.allSatisfy { $0 })
        #expect(shared == (0..<8).map { BigInt($0 + 2).power(3_000) }, "no task's change leaked into the shared values")
    }
}
