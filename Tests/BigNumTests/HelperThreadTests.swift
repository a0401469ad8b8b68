import Testing
@testable import BigNum

/// The helper thread's hand-off, hammered: many short jobs whose closures live in the caller's
/// frame, each writing what only it can compute, checked after every call: every job runs once and
/// has finished when `runConcurrently` returns. (The crash the stored-closure hand-off had showed in
/// release builds under a loop of two-thread digit calls, one run of 4 s in ten to twenty-five; this
/// debug-built test did not reproduce it.)
@Suite struct HelperThreadTests {
    @Test func shortJobsRunOnceEachAndFinishBeforeTheCallReturns() {
        var mismatches = 0
        for round in 0..<100_000 {
            var (left, right) = (0, 0)
            let (a, b) = (round &* 31, round &* 17 &+ 5)
            runConcurrently({ left = a &+ 1 }, { right = b &+ 2 })
            if left != a &+ 1 || right != b &+ 2 { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test func jobsThatTakeLongerThanTheWatch() {
        // Jobs of about a millisecond, so the helper parks between some of them and is woken.
        var mismatches = 0
        for round in 0..<200 {
            var sums = (UInt64(0), UInt64(0))
            let length = 20_000 + round % 7
            runConcurrently(
                { for i in 0..<length { sums.0 &+= UInt64(i) &* 3 } },
                { for i in 0..<length { sums.1 &+= UInt64(i) &* 5 } })
            let expected = UInt64(length) &* UInt64(length - 1) / 2
            if sums.0 != expected &* 3 || sums.1 != expected &* 5 { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }
}
