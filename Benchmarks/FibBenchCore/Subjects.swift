import CGMP
@_spi(Benchmarks) import Fibonacci
import FibBenchPeer

/// One thing to time at a point: a call that returns a checksum, and a check of its result against
/// the suite's reference.
struct Subject {
    var name: String
    var usesTwoThreads = false
    /// Whether the per-call time cap applies (the quadratic and pure-Swift subjects).
    var isCapped = false
    /// Whether its memory is GMP's (and so counted).
    var usesGMP = true
    var run: () -> Int
    var verify: () -> Bool
}

/// A family of subjects measured against one baseline.
struct Suite {
    var name: String
    var baseline: String
    /// The subjects at index n (built per point, so they can share prepared inputs).
    var subjects: (Int) -> [Subject]
}

extension Suite {
    static let fibonacciSubjectNames =
        ["mpz_fib_ui", "default"] + FibonacciStrategy.allCases.map(\.rawValue) + ["textbookDoubling", "attaswift"]

    /// F(n) by every strategy, the default choice, the textbook doubling and the pure-Swift peer,
    /// against GMP's mpz_fib_ui.
    static func fibonacci(selecting names: Set<String>) -> Suite {
        Suite(name: "fibonacci", baseline: "mpz_fib_ui") { n in
            let reference = { BigInt { __gmpz_fib_ui($0, UInt(n)) } }
            func subject(_ name: String, twoThreads: Bool = false, capped: Bool = false, _ compute: @escaping () -> BigInt) -> Subject {
                Subject(name: name, usesTwoThreads: twoThreads, isCapped: capped,
                        run: { compute().magnitudeBitWidth }, verify: { compute() == reference() })
            }
            var subjects = [
                subject("mpz_fib_ui", reference),
                subject("default", twoThreads: true) { Fibonacci.fibonacci(n) },
            ]
            for strategy in FibonacciStrategy.allCases {
                subjects.append(subject(strategy.rawValue, twoThreads: strategy == .parallelFastDoubling,
                                        capped: strategy == .iterative) { Fibonacci.fibonacci(n, using: strategy) })
            }
            subjects.append(subject("textbookDoubling") { textbookFastDoubling(UInt(n)) })
            subjects.append(Subject(
                name: "attaswift", isCapped: true, usesGMP: false,
                run: { PeerFibonacci.checksum(n) },
                verify: { PeerFibonacci.hexadecimal(n) == String(reference(), radix: 16) }))
            return subjects.filter { $0.name == "mpz_fib_ui" || names.contains($0.name) }
        }
    }

    /// The digits of F(n) in `radix`: our conversion on each of `threads` thread counts against GMP's
    /// mpz_get_str. The suite is "decimal" for radix 10, "hexadecimal" for 16.
    static func digits(radix: Int, threads: [Int]) -> Suite {
        let baseline = radix == 10 ? "mpz_get_str" : "mpz_get_str(\(radix))"
        return Suite(name: radix == 10 ? "decimal" : radix == 16 ? "hexadecimal" : "radix \(radix)", baseline: baseline) { n in
            let value = BigInt { __gmpz_fib_ui($0, UInt(n)) }
            let gmpDigits = { () -> [CChar] in
                value.withUnsafeMPZ { mpz in
                    var buffer = [CChar](repeating: 0, count: Int(__gmpz_sizeinbase(mpz, Int32(radix))) + 2)
                    __gmpz_get_str(&buffer, Int32(radix), mpz)
                    return buffer
                }
            }
            let reference = String(decoding: gmpDigits().prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return [Subject(name: baseline, run: { gmpDigits().count }, verify: { true })] + threads.map { count in
                Subject(name: conversionSubjectName(radix: radix, threads: count), usesTwoThreads: count > 1,
                        run: { String(value, radix: radix, threads: count).utf8.count },
                        verify: { String(value, radix: radix, threads: count) == reference })
            }
        }
    }

    static func conversionSubjectName(radix: Int, threads: Int) -> String {
        let radixPart = radix == 10 ? "" : "radix: \(radix), "
        return threads == 1 && radix == 10 ? "String(x)" : "String(x, \(radixPart)threads: \(threads))"
    }
}
