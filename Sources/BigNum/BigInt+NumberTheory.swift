import CGMP

// Roots, divisors and modular arithmetic.

extension BigInt {
    /// The integer square root: the largest `r` with `r * r <= self` (`mpz_sqrt`).
    ///
    /// Traps when `self` is negative.
    ///
    /// - Complexity: O(M(n)).
    @inlinable
    public func squareRoot() -> BigInt {
        precondition(!isNegative, "BigInt.squareRoot of a negative value")
        return BigInt { result in withUnsafeMPZ { __gmpz_sqrt(result, $0) } }
    }

    /// The greatest common divisor, never negative; `gcd(0, 0) == 0`.
    ///
    /// - Complexity: O(M(n) log n) (GMP's subquadratic half-gcd for large operands).
    @inlinable
    public func greatestCommonDivisor(with other: BigInt) -> BigInt {
        BigInt.apply(__gmpz_gcd, self, other)
    }

    /// The least common multiple, never negative; zero when either operand is zero.
    ///
    /// - Complexity: O(M(n) log n).
    @inlinable
    public func leastCommonMultiple(with other: BigInt) -> BigInt {
        BigInt.checkResultSize(BigInt.productBits(self, other), "lcm")
        return BigInt.apply(__gmpz_lcm, self, other)
    }

    /// `self` to the power `exponent`, modulo `modulus` (`mpz_powm`), in `0 ..< |modulus|`.
    ///
    /// A negative exponent uses the modular inverse of `self`. Traps when `modulus` is zero, or when the
    /// exponent is negative and `self` has no inverse modulo `modulus`.
    ///
    /// - Complexity: O(M(m)·log e) for a modulus of m bits.
    @inlinable
    public func power(_ exponent: BigInt, modulo modulus: BigInt) -> BigInt {
        precondition(!modulus.isZero, "BigInt.power(_:modulo:): modulus is zero")
        if exponent.isNegative {
            precondition(
                inverse(modulo: modulus) != nil,
                "BigInt.power(_:modulo:): negative exponent, but \(self) has no inverse modulo \(modulus)")
        }
        return BigInt { result in
            withUnsafeMPZ { base in
                exponent.withUnsafeMPZ { exponent in
                    modulus.withUnsafeMPZ { modulus in __gmpz_powm(result, base, exponent, modulus) }
                }
            }
        }
    }

    /// The inverse of `self` modulo `modulus`, in `0 ..< |modulus|`, or `nil` when none exists.
    ///
    /// Traps when `modulus` is zero.
    ///
    /// - Complexity: O(M(n) log n).
    @inlinable
    public func inverse(modulo modulus: BigInt) -> BigInt? {
        precondition(!modulus.isZero, "BigInt.inverse(modulo:): modulus is zero")
        var exists = false
        let inverse = BigInt { result in
            withUnsafeMPZ { value in
                modulus.withUnsafeMPZ { modulus in exists = __gmpz_invert(result, value, modulus) != 0 }
            }
        }
        return exists ? inverse : nil
    }
}

/// The greatest common divisor of `a` and `b`, never negative; `gcd(0, 0) == 0`.
@inlinable
public func gcd(_ a: BigInt, _ b: BigInt) -> BigInt { a.greatestCommonDivisor(with: b) }

/// The least common multiple of `a` and `b`, never negative.
@inlinable
public func lcm(_ a: BigInt, _ b: BigInt) -> BigInt { a.leastCommonMultiple(with: b) }
