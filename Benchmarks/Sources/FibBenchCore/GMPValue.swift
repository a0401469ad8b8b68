import GMPReference

/// A GMP integer held by the benchmark itself, for the reference timings: GMP's own calls, with
/// nothing of the libraries under test in between.
final class GMPValue {
    private var value = __mpz_struct()

    init() { __gmpz_init(&value) }

    /// F(n) by `mpz_fib_ui`.
    convenience init(fibonacci n: Int) {
        self.init()
        __gmpz_fib_ui(&value, UInt(n))
    }

    /// The value of NUL-terminated digits in `radix`, by `mpz_set_str`.
    convenience init(parsing digits: [CChar], radix: Int) {
        self.init()
        let result = __gmpz_set_str(&value, digits, Int32(radix))
        precondition(result == 0, "not digits of radix \(radix)")
    }

    deinit { __gmpz_clear(&value) }

    /// Bits in the magnitude.
    var bitWidth: Int { Int(__gmpz_sizeinbase(&value, 2)) }

    /// The digits in `radix` by `mpz_get_str`, into a buffer sized by `mpz_sizeinbase` (NUL-terminated).
    func digits(radix: Int) -> [CChar] {
        var buffer = [CChar](repeating: 0, count: Int(__gmpz_sizeinbase(&value, Int32(radix))) + 2)
        __gmpz_get_str(&buffer, Int32(radix), &value)
        return buffer
    }

    /// The digits as a string, for checking other routes against.
    func string(radix: Int) -> String {
        String(decoding: digits(radix: radix).prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
