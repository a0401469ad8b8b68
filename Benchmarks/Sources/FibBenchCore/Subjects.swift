import GMPReference
@_spi(Benchmarks) import Fibonacci
import FibBenchPeer
import FizzBuzz

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
            // Computed once per point: every subject's check compares with it.
            let expected = Fibonacci.fibonacci(n, using: .gmp)
            func subject(_ name: String, twoThreads: Bool = false, capped: Bool = false, _ compute: @escaping () -> BigInt) -> Subject {
                Subject(name: name, usesTwoThreads: twoThreads, isCapped: capped,
                        run: { compute().magnitudeBitWidth }, verify: { compute() == expected })
            }
            var subjects = [
                Subject(name: "mpz_fib_ui", run: { GMPValue(fibonacci: n).bitWidth }, verify: { true }),
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
                verify: { PeerFibonacci.hexadecimal(n) == String(expected, radix: 16) }))
            return subjects.filter { $0.name == "mpz_fib_ui" || names.contains($0.name) }
        }
    }

    /// The digits of F(n) in `radix`: our conversion on each of `threads` thread counts against GMP's
    /// mpz_get_str. The suite is "decimal" for radix 10, "hexadecimal" for 16.
    static func digits(radix: Int, threads: [Int]) -> Suite {
        let baseline = radix == 10 ? "mpz_get_str" : "mpz_get_str(\(radix))"
        return Suite(name: radix == 10 ? "decimal" : radix == 16 ? "hexadecimal" : "radix \(radix)", baseline: baseline) { n in
            let gmpValue = GMPValue(fibonacci: n), value = Fibonacci.fibonacci(n, using: .gmp)
            let reference = gmpValue.string(radix: radix)
            return [Subject(name: baseline, run: { gmpValue.digits(radix: radix).count }, verify: { true })] + threads.map { count in
                Subject(name: conversionSubjectName(radix: radix, threads: count), usesTwoThreads: count > 1,
                        run: { String(value, radix: radix, threads: count).utf8.count },
                        verify: { String(value, radix: radix, threads: count) == reference })
            }
        }
    }

    /// Parsing decimal text (the digits of F(n)) into a BigInt, on 1 and 2 threads, against GMP's
    /// `mpz_set_str`.
    static func parsing(threads: [Int]) -> Suite {
        Suite(name: "parsing", baseline: "mpz_set_str") { n in
            let digits = Array(GMPValue(fibonacci: n).digits(radix: 10).prefix { $0 != 0 }) + [0]
            let text = String(decoding: digits.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let reference = Fibonacci.fibonacci(n, using: .gmp)
            return [Subject(name: "mpz_set_str", run: { GMPValue(parsing: digits, radix: 10).bitWidth }, verify: { true })]
                + threads.map { count in
                    Subject(name: count == 1 ? "BigInt(text)" : "BigInt(text, threads: \(count))", usesTwoThreads: count > 1,
                            run: { BigInt(text, threads: count)!.magnitudeBitWidth },
                            verify: { BigInt(text, threads: count) == reference })
                }
        }
    }

    /// The decimal digits of F(n), computed and written, by every route against GMP's mpz_fib_ui
    /// followed by mpz_get_str: what a user who prints F(n) waits for.
    static func fibonacciDigits() -> Suite {
        Suite(name: "digits", baseline: "mpz_fib_ui+mpz_get_str") { n in
            let reference = GMPValue(fibonacci: n).string(radix: 10)
            func subject(_ name: String, twoThreads: Bool, _ digits: @escaping () -> [UInt8]) -> Subject {
                Subject(name: name, usesTwoThreads: twoThreads, run: { digits().count },
                        verify: { String(decoding: digits(), as: UTF8.self) == reference })
            }
            return [
                Subject(name: "mpz_fib_ui+mpz_get_str", run: { GMPValue(fibonacci: n).digits(radix: 10).count }, verify: { true }),
                subject("default", twoThreads: true) { fibonacciUTF8Digits(n) },
            ] + DigitRoute.allCases.map { route in
                subject(route.rawValue, twoThreads: route == .parallelDecimalDoubling) { fibonacciUTF8Digits(n, route: route) }
            } + [
                subject("String(x, threads: 2)", twoThreads: true) {
                    Array(String(Fibonacci.fibonacci(n, using: .parallelFastDoubling), threads: 2).utf8)
                },
            ]
        }
    }

    static func conversionSubjectName(radix: Int, threads: Int) -> String {
        let radixPart = radix == 10 ? "" : "radix: \(radix), "
        return threads == 1 && radix == 10 ? "String(x)" : "String(x, \(radixPart)threads: \(threads))"
    }
}

extension Suite {
    /// The rest of the Fibonacci family (#15), at d digits: F(n) mod m for n = 10^d and a d-digit m
    /// (the baseline), the Lucas sequence U_n(3, 2) mod m at the same n and m, the leading 100 digits
    /// of F(10^18), and Zeckendorf's representation of a value of 1000·d digits against computing an
    /// F(k) of that size.
    static func family() -> Suite {
        Suite(name: "family", baseline: "F(n) mod m") { digits in
            let n = BigInt(10).power(digits)
            let m = BigInt("9" + String(repeating: "8", count: digits - 1))!
            let k = Int(Double(1_000 * digits) / 0.20898764024997873)
            let x = Fibonacci.fibonacci(k, using: .gmp) - BigInt(12_345)  // not a Fibonacci number: many terms
            func residues() -> BigInt { try! Fibonacci.fibonacci(n, modulo: m) }
            return [
                // F(2n) = F(n) L(n) (mod m) checks the residue.
                Subject(name: "F(n) mod m", run: { residues().magnitudeBitWidth },
                        verify: { (try! Fibonacci.fibonacci(2 * n, modulo: m)) == (residues() * (try! lucas(n, modulo: m))) % m }),
                Subject(name: "U_n(3, 2) mod m", run: { (try! lucasSequence(n, p: 3, q: 2, modulo: m)).u.magnitudeBitWidth },
                        verify: { (try! lucasSequence(n, p: 1, q: -1, modulo: m)).u == residues() }),
                Subject(name: "leading 100 digits of F(10^18)", run: { (try! fibonacciLeadingDigits(1_000_000_000_000_000_000, count: 100)).count },
                        verify: { (try! fibonacciLeadingDigits(1_000_000_000_000_000_000, count: 100)).count == 100 }),
                Subject(name: "F(k) of 1000·d digits", run: { Fibonacci.fibonacci(k, using: .gmp).magnitudeBitWidth }, verify: { true }),
                Subject(name: "Zeckendorf of 1000·d digits", run: { (try! zeckendorfRepresentation(of: x)).count },
                        verify: { (try! zeckendorfValue(try! zeckendorfRepresentation(of: x))) == x }),
            ]
        }
    }
}

extension Suite {
    /// The FizzBuzz counter and classification, with n distinct keys, against a plain dictionary
    /// increment (no lock, no ordering). Keys come from a fixed pseudo-random stream of 2^20 keys.
    static func fizzBuzz() -> Suite {
        Suite(name: "fizzbuzz", baseline: "Dictionary +=") { n in
            var generator = SystemRandomNumberGenerator()
            let keys = (0..<(1 << 20)).map { _ in Int.random(in: 0..<n, using: &generator) }
            let mask = keys.count - 1
            final class Cursor: @unchecked Sendable { var position = 0; var dictionary: [Int: Int] = [:] }
            let cursor = Cursor()
            let exact = FrequencyCounter<Int>(), bounded = FrequencyCounter<Int>(mode: .bounded(capacity: 10_000))
            // Every key present first, so the timings are of the steady state.
            exact.record(contentsOf: 0..<n)
            bounded.record(contentsOf: 0..<n)
            for key in 0..<n { cursor.dictionary[key] = 1 }
            func next() -> Int {
                cursor.position &+= 1
                return keys[cursor.position & mask]
            }
            return [
                Subject(name: "Dictionary +=", usesGMP: false, run: { cursor.dictionary[next(), default: 0] += 1; return 1 }, verify: { true }),
                Subject(name: "record", usesGMP: false, run: { exact.record(next()); return 1 }, verify: { exact.distinctCount == n }),
                Subject(name: "record (bounded 10^4)", usesGMP: false, run: { bounded.record(next()); return 1 },
                        verify: { bounded.distinctCount == min(n, 10_000) }),
                Subject(name: "mostCommon(3)", usesGMP: false, run: { exact.mostCommon(3).count },
                        verify: { exact.mostCommon(3).count == 3 }),
                Subject(name: "fizzBuzz(Int)", usesGMP: false, run: {
                    if case .number(let value) = FizzBuzz.fizzBuzz(next()) { value } else { 0 }
                },
                        verify: { FizzBuzz.fizzBuzz(15) == .fizzBuzz }),
            ]
        }
    }

    /// Heap bytes held by a bounded counter (capacity 10^4) after `distinctKeys` distinct keys.
    static func boundedCounterMemory(distinctKeys: Int) -> PointResult {
        let before = Int(reference_heap_bytes_in_use())
        let counter = FrequencyCounter<Int>(mode: .bounded(capacity: 10_000))
        for key in 0..<distinctKeys { counter.record(key) }
        var result = PointResult(suite: "fizzbuzz", subject: "bounded 10^4: heap after n distinct keys", n: distinctKeys)
        result.heapBytes = Int(reference_heap_bytes_in_use()) - before
        withExtendedLifetime(counter) {}
        return result
    }
}
