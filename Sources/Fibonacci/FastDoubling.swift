import BigNum

/// Fast doubling with GMP's own structure (`mpz/fib_ui.c` and `mpn/generic/fib2_ui.c`):
/// start from the `UInt64` table, take two squarings per bit of n/2 to reach (F(k), F(k-1)) with
/// k = n/2, then one multiplication for F(n).
///
/// With `parallelLimbs`, the two squarings of a step run on two threads once F(k) has that many
/// limbs, and the final product becomes two squarings on two threads; below it the code is exactly the
/// single-threaded one.
@usableFromInline
struct FastDoubling {
    /// Limbs of F(k) from which work is split over two threads; `Int.max` never splits.
    let parallelLimbs: Int

    @usableFromInline
    init(parallelLimbs: Int = .max) {
        self.parallelLimbs = parallelLimbs
    }

    /// F(n), for n >= 0. `checkpoint` runs before each doubling step and may throw to stop.
    @usableFromInline
    func fibonacci(_ n: UInt, checkpoint: () throws -> Void = {}) rethrows -> BigInt {
        if n <= UInt(smallFibonacciLimit) { return BigInt(smallFibonacci[Int(n)]) }
        let k = n / 2
        let scratch = ScratchIntegers(count: 4, bits: fibonacciBitsBound(k))
        var (f, g, a, b) = (scratch[0], scratch[1], scratch[2], scratch[3])
        try pair(k, &f, &g, &a, &b, checkpoint: checkpoint)
        let result = ScratchIntegers(count: 1, bits: fibonacciBitsBound(n))
        if f.limbCount >= parallelLimbs {
            finishWithTwoSquarings(n, result[0], f, g, a, b)
        } else {
            finishWithOneProduct(n, result[0], f, g, a, b)
        }
        return BigInt(moving: result[0])
    }

    /// (F(n-1), F(n)), for n >= 0.
    @usableFromInline
    func pair(_ n: UInt) -> (previous: BigInt, current: BigInt) {
        if n == 0 { return (1, 0) }  // F(-1) = 1
        let scratch = ScratchIntegers(count: 4, bits: fibonacciBitsBound(n + 1))
        var (f, g, a, b) = (scratch[0], scratch[1], scratch[2], scratch[3])
        pair(n, &f, &g, &a, &b, checkpoint: {})
        return (BigInt(moving: g), BigInt(moving: f))
    }

    /// Sets f = F(k) and g = F(k-1), for k >= 1 (see `doublingLadder`); the two squarings of a step
    /// run on two threads once F(j) has `parallelLimbs` limbs.
    func pair(
        _ k: UInt, _ f: inout ScratchInteger, _ g: inout ScratchInteger, _ a: inout ScratchInteger, _ b: inout ScratchInteger,
        checkpoint: () throws -> Void
    ) rethrows {
        try doublingLadder(k, &f, &g, &a, &b, squareBoth: { f, g, a, b in
            if f.limbCount >= parallelLimbs {
                runConcurrently({ a.setProduct(f, f) }, { b.setProduct(g, g) })
            } else {
                a.setProduct(f, f)  // GMP squares when both operands are the same
                b.setProduct(g, g)
            }
        }, checkpoint: checkpoint)
    }

    /// F(n) from f = F(k), g = F(k-1), k = n/2, by one product, as GMP does:
    ///   F(2k+1) = (2F(k) + F(k-1)) (2F(k) - F(k-1)) + 2(-1)^k,   F(2k) = F(k) (F(k) + 2F(k-1)).
    func finishWithOneProduct(_ n: UInt, _ result: ScratchInteger, _ f: ScratchInteger, _ g: ScratchInteger, _ a: ScratchInteger, _ b: ScratchInteger) {
        if n & 1 == 1 {
            a.setShiftedLeft(f, by: 1)
            b.setSum(a, g)
            a.setDifference(a, g)
            f.release()
            g.release()
            result.setProduct(a, b)
            // ± 2 cannot change the size much: the result has over 90 limbs, the bound two to spare.
            if (n / 2) & 1 == 1 { result.subtract(2) } else { result.add(2) }
        } else {
            a.setShiftedLeft(g, by: 1)
            a.setSum(a, f)
            g.release()
            result.setProduct(f, a)
        }
    }

    /// F(n) from f = F(k), g = F(k-1), k = n/2, by two squarings of the same size on two threads (a
    /// product split in two would not halve: GMP multiplies unbalanced operands in chunks):
    ///   F(2k+1) = F(k+1)² + F(k)²,   F(2k) = F(k+1)² - F(k-1)²,   with F(k+1) = F(k) + F(k-1).
    func finishWithTwoSquarings(_ n: UInt, _ result: ScratchInteger, _ f: ScratchInteger, _ g: ScratchInteger, _ a: ScratchInteger, _ b: ScratchInteger) {
        a.setSum(f, g)  // F(k+1)
        let other = n & 1 == 1 ? f : g
        (n & 1 == 1 ? g : f).release()
        // b receives a square the size of the result: allocate it once rather than grow it.
        b.reserve(bits: fibonacciBitsBound(n))
        runConcurrently({ result.setProduct(a, a) }, { b.setProduct(other, other) })
        if n & 1 == 1 { result.setSum(result, b) } else { result.setDifference(result, b) }
    }
}
