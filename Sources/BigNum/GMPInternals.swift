#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Two of GMP's internal multiplications and its Newton reciprocal, found at run time: the decimal
// conversion needs only the middle of a product, and the first two compute it for about half the
// price of the whole product; the third gives the cached reciprocals of its powers of ten for about
// 0.8x the price of a division of the same size. They are not part of GMP's documented interface,
// so they are looked up by name with dlsym, called through C function pointers, and the conversion
// falls back to a full product (mpz_mul), or a division, when a GMP build lacks them. Their
// contracts, as GMP 5.1 to 6.3 define them:
//
// - mpn_mulmid(rp, ap, an, bp, bn), an >= bn >= 1, rp not overlapping the inputs: writes the
//   an - bn + 3 limbs of Σ a_i·b_j·B^(i+j-(bn-1)) over i + j in [bn - 1, an - 1] (the diagonals of
//   the schoolbook product that touch all of b), with carries;
// - mpn_mulmod_bnm1(rp, rn, ap, an, bp, bn, tp), 0 < bn <= an <= rn, an + bn > rn/2, rn a size
//   that mpn_mulmod_bnm1_next_size returned: writes {rp, min(rn, an + bn)} ≡ a·b (mod B^rn - 1),
//   using 2·rn + 4 limbs of scratch at tp;
// - mpn_invertappr(ip, dp, n, tp), {dp, n} with its top bit set, ip and tp not overlapping dp:
//   writes the n limbs I with B^n + I = floor((B^(2n) - 1) / D) or one less, using the scratch
//   at tp that mpn_invertappr_itch(n) gives (2n in GMP 6.2, measured; 3n + 8 are given).
enum GMPInternals {
    typealias MiddleProduct = @convention(c) (
        UnsafeMutablePointer<UInt>?, UnsafePointer<UInt>?, Int, UnsafePointer<UInt>?, Int) -> Void
    typealias WrappedProduct = @convention(c) (
        UnsafeMutablePointer<UInt>?, Int, UnsafePointer<UInt>?, Int, UnsafePointer<UInt>?, Int,
        UnsafeMutablePointer<UInt>?) -> Void
    typealias WrappedSize = @convention(c) (Int) -> Int
    typealias Reciprocal = @convention(c) (
        UnsafeMutablePointer<UInt>?, UnsafePointer<UInt>?, Int, UnsafeMutablePointer<UInt>?) -> UInt

    /// `mpn_mulmid`, when this GMP exports it.
    static let middleProduct: MiddleProduct? = lookUp("__gmpn_mulmid")
    /// `mpn_mulmod_bnm1` and `mpn_mulmod_bnm1_next_size`, when this GMP exports both.
    static let wrappedProduct: (product: WrappedProduct, size: WrappedSize)? = {
        guard let product: WrappedProduct = lookUp("__gmpn_mulmod_bnm1"),
              let size: WrappedSize = lookUp("__gmpn_mulmod_bnm1_next_size") else { return nil }
        return (product, size)
    }()

    /// `mpn_invertappr`, when this GMP exports it.
    static let reciprocal: Reciprocal? = lookUp("__gmpn_invertappr")

    /// Scratch limbs given to mpn_invertappr for a divisor of `size` limbs.
    static func reciprocalScratch(size: Int) -> Int { 3 * size + 8 }

    /// Scratch limbs mpn_mulmod_bnm1 needs for a modulus of `size` limbs.
    static func wrappedProductScratch(size: Int) -> Int { 2 * size + 4 }

    private static func lookUp<Function>(_ name: String) -> Function? {
        // RTLD_DEFAULT: the process's global symbols, libgmp's among them.
        #if canImport(Darwin)
        let handle = UnsafeMutableRawPointer(bitPattern: -2)
        #else
        let handle: UnsafeMutableRawPointer? = nil
        #endif
        guard let symbol = dlsym(handle, name) else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
    }
}
