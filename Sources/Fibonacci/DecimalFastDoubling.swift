import BigNum

/// Fast doubling in base 10^19 (BigNum's `DecimalUInt`), with GMP's structure: from the table, two
/// squarings per bit of n/2 to reach (F(k), F(k-1)) with k = n/2, then one product for F(n) or L(n).
/// The digits are then a linear pass: nothing is ever converted from binary.
///
/// Each squaring goes through BigNum's decimal products: number-theoretic transforms on the vector
/// units (about 3.5 squarings of F(n/2)'s size in all take less time than GMP's binary `mpz_fib_ui`
/// from a few million on), or Kronecker substitution over GMP where the processor lacks them (about 2
/// `mpz_fib_ui`); GMP takes 6.5 to 7.6 for `mpz_fib_ui` followed by `mpz_get_str`.
///
/// With `parallelLimbs`, the two squarings of a step run on two threads (each in its own workspace)
/// once F(j) has that many limbs, and the final product splits its work between them; below it the
/// code is exactly the single-threaded one.
struct DecimalFastDoubling {
    /// Limbs of F(j) from which work is split over two threads; `Int.max` never splits.
    let parallelLimbs: Int

    init(parallelLimbs: Int = .max) {
        self.parallelLimbs = parallelLimbs
    }

    /// F(n), for n >= 0. `checkpoint` runs before each doubling step and may throw to stop.
    func fibonacci(_ n: UInt, checkpoint: () throws -> Void) rethrows -> DecimalUInt {
        let result = DecimalStorage(capacity: decimalLimbsBound(n))
        if n <= UInt(smallFibonacciLimit) {
            result.set(smallFibonacci[Int(n)])
            return DecimalUInt(storage: result)
        }
        let k = n / 2
        let state = try DoublingState(k, parallelLimbs: parallelLimbs, checkpoint: checkpoint)
        state.finishFibonacci(n, into: result, concurrently: finishesOnTwoThreads(limbs: state.f.count))
        return DecimalUInt(storage: result)
    }

    /// L(n), for n >= 0.
    func lucas(_ n: UInt, checkpoint: () throws -> Void) rethrows -> DecimalUInt {
        let result = DecimalStorage(capacity: decimalLimbsBound(n) + 1)
        if n <= UInt(smallLucasLimit) {
            result.set(smallLucas(Int(n)))
            return DecimalUInt(storage: result)
        }
        let k = n / 2
        let state = try DoublingState(k, parallelLimbs: parallelLimbs, checkpoint: checkpoint)
        state.finishLucas(n, into: result, concurrently: finishesOnTwoThreads(limbs: state.f.count))
        return DecimalUInt(storage: result)
    }

    /// (F(k-1), F(k)) for k >= 1: where the ladder ends, so one computation gives both.
    func pair(_ k: UInt) -> (previous: DecimalUInt, current: DecimalUInt) {
        precondition(k >= 1, "DecimalFastDoubling.pair: k must be at least 1")
        guard k > UInt(smallFibonacciLimit) else {
            let (previous, current) = (DecimalStorage(capacity: 1), DecimalStorage(capacity: 1))
            previous.set(smallFibonacci[Int(k) - 1])
            current.set(smallFibonacci[Int(k)])
            return (DecimalUInt(storage: previous), DecimalUInt(storage: current))
        }
        let state = DoublingState(k, parallelLimbs: parallelLimbs, checkpoint: {})
        return (DecimalUInt(storage: state.g), DecimalUInt(storage: state.f))
    }
}

extension DecimalFastDoubling {
    /// Whether the last product, for F(k) of `limbs` limbs, runs its two halves on two threads.
    func finishesOnTwoThreads(limbs: Int) -> Bool {
        limbs >= parallelLimbs
    }
}


/// An upper bound on the base-10^19 limbs of F(n) or L(n): L(n) < φ^n + 1, log₁₀ φ = 0.2089876402...,
/// and one limb to spare for the ± 2 of the formulas and the rounding.
func decimalLimbsBound(_ n: UInt) -> Int {
    Int(Double(n) * log10Phi / Double(DecimalRadix.digitsPerLimb)) + 3
}

/// (F(k), F(k-1)) in base 10^19 and the working values of one computation.
private struct DoublingState {
    /// f = F(k), g = F(k-1) at the end; a and b are working space. The four trade roles as the loop
    /// goes, so the values end up wherever the names then point.
    var f, g, a, b: DecimalStorage
    /// One workspace per thread: each squares its own operand. The last product uses the first,
    /// whatever part of it the helper thread takes.
    let workspaces = (DecimalProductWorkspace(), DecimalProductWorkspace())
    let k: UInt
    let parallelLimbs: Int

    init(_ k: UInt, parallelLimbs: Int, checkpoint: () throws -> Void) rethrows {
        self.k = k
        self.parallelLimbs = parallelLimbs
        // Squares of F(j) for j <= k/2 + 1 have at most limbs(F(k)) + 2 limbs: every value fits.
        let capacity = decimalLimbsBound(k) + 2
        (f, g, a, b) = (DecimalStorage(capacity: capacity), DecimalStorage(capacity: capacity),
                        DecimalStorage(capacity: capacity), DecimalStorage(capacity: capacity))
        if parallelLimbs != .max { AllocatorTuning.applyIfAllowed() }

        let workspaces = workspaces
        try doublingLadder(k, &f, &g, &a, &b, squareBoth: { f, g, a, b in
            if f.count >= parallelLimbs {
                runConcurrently({ a.setSquare(of: f, using: workspaces.0) }, { b.setSquare(of: g, using: workspaces.1) })
            } else {
                a.setSquare(of: f, using: workspaces.0)
                b.setSquare(of: g, using: workspaces.0)
            }
        }, checkpoint: checkpoint)
        // The last product runs on the first workspace, whatever thread takes part of it.
        workspaces.1.release()
    }

    /// F(n) from f = F(k), g = F(k-1), k = n/2, by one product, as GMP does:
    ///   F(2k+1) = (2F(k) + F(k-1)) (2F(k) - F(k-1)) + 2(-1)^k,   F(2k) = F(k) (F(k) + 2F(k-1)).
    /// With `concurrently`, the product's work is split between two threads.
    func finishFibonacci(_ n: UInt, into result: DecimalStorage, concurrently: Bool) {
        if n & 1 == 1 {
            a.setMultiple(f, 2)
            b.setSum(a, g)
            a.setDifference(a, g)
            f.release()
            g.release()
            result.setProductInOwnBuffer(a, b, using: workspaces.0, releasingOperands: true, concurrently: concurrently)
            // 2F(k) ± F(k-1) > 2, so the product is far above 2.
            if k & 1 == 1 { result.subtract(2) } else { result.add(2) }
        } else {
            a.setMultiple(g, 2)
            a.setSum(a, f)
            g.release()
            result.setProductInOwnBuffer(f, a, using: workspaces.0, releasingOperands: true, concurrently: concurrently)
        }
        releaseAll()
    }

    /// L(n) from f = F(k), g = F(k-1), k = n/2, with L(k) = F(k) + 2F(k-1), L(k+1) = 3F(k) + F(k-1):
    ///   L(2k) = L(k)² - 2(-1)^k,   L(2k+1) = L(k) L(k+1) - (-1)^k.
    func finishLucas(_ n: UInt, into result: DecimalStorage, concurrently: Bool) {
        let kIsOdd = k & 1 == 1
        a.setMultiple(g, 2)
        a.setSum(a, f)  // L(k)
        if n & 1 == 0 {
            f.release()
            g.release()
            result.setProductInOwnBuffer(a, a, using: workspaces.0, releasingOperands: true, concurrently: concurrently)
            if kIsOdd { result.add(2) } else { result.subtract(2) }
        } else {
            b.setMultiple(f, 3)
            b.setSum(b, g)  // L(k+1)
            f.release()
            g.release()
            result.setProductInOwnBuffer(a, b, using: workspaces.0, releasingOperands: true, concurrently: concurrently)
            if kIsOdd { result.add(1) } else { result.subtract(1) }
        }
        releaseAll()
    }

    /// Frees every working value and buffer, so that only the result stays.
    private func releaseAll() {
        for value in [f, g, a, b] { value.release() }
        workspaces.0.release()
        workspaces.1.release()
    }
}
