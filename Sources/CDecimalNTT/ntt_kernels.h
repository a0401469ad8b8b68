// The vector kernels of decimal_ntt.c, compiled once per instruction set: the includer defines
// NTT_TARGET (a function attribute) and NTT_NAME(name) (a suffix) before each inclusion.
//
// Values are residues modulo p < 2^50 held as doubles in (-p, p). Each operation's bound is stated
// where it is kept; the one identity behind them all:
//   mulmod(a, b), for |a·b| < 2^100: h = fl(a·b), l = fma(a, b, -h) gives a·b = h + l exactly (both
//   integers, |l| <= 2^46); q = round(h·pinv), where h·pinv is within 1/4 of h/p (pinv = fl(1/p)
//   and the product each round by a relative 2^-53 of a value below 2^50), so |h - q·p| <= 3p/4:
//   an integer, which fma(-q, p, h) computes exactly; r = (h - q·p) + l ≡ a·b (mod p), exact, with
//   |r| <= 3p/4 + 2^46 < 0.82p. round(x) is (x + 1.5·2^52) - 1.5·2^52, to the nearest for |x| < 2^51.
// Inputs stay below 0.82p (products) or (p + 1)/2 (reductions), twiddles below p/2 (balanced), so
// every product below is under 1.64p · p/2 < 2^100.

static inline NTT_TARGET vec8 NTT_NAME(round8)(vec8 x) { return (x + ROUNDING) - ROUNDING; }
static inline NTT_TARGET vec4 NTT_NAME(round4)(vec4 x) { return (x + ROUNDING) - ROUNDING; }

static inline NTT_TARGET vec8 NTT_NAME(mulmod8)(vec8 a, vec8 b, vec8 p, vec8 pinv) {
    vec8 h = a * b;
    vec8 l = __builtin_elementwise_fma(a, b, -h);
    vec8 q = NTT_NAME(round8)(h * pinv);
    return __builtin_elementwise_fma(-q, p, h) + l;
}
static inline NTT_TARGET vec4 NTT_NAME(mulmod4)(vec4 a, vec4 b, vec4 p, vec4 pinv) {
    vec4 h = a * b;
    vec4 l = __builtin_elementwise_fma(a, b, -h);
    vec4 q = NTT_NAME(round4)(h * pinv);
    return __builtin_elementwise_fma(-q, p, h) + l;
}
/// x + p where x < 0: from (-p, p) to [0, p).
static inline NTT_TARGET vec8 NTT_NAME(nonnegative8)(vec8 x, vec8 p) {
    return x + (vec8)((vec8i)(x < 0) & (vec8i)p);
}
/// s - p·round(s/p): from |s| < 2^52 to |s| <= (p + 1)/2 (sums and differences of two or three
/// residues).
static inline NTT_TARGET vec8 NTT_NAME(reduce8)(vec8 s, vec8 p, vec8 pinv) {
    return __builtin_elementwise_fma(-NTT_NAME(round8)(s * pinv), p, s);
}
static inline NTT_TARGET vec4 NTT_NAME(reduce4)(vec4 s, vec4 p, vec4 pinv) {
    return __builtin_elementwise_fma(-NTT_NAME(round4)(s * pinv), p, s);
}

static NTT_TARGET void NTT_NAME(load)(double *out, const uint64_t *a, size_t n, size_t length, const ntt_prime *prime) {
    // a[i] = hi·2^32 + lo; hi·(2^32 mod p) + lo, with |hi·c| < 2^32·2^49 and the sum below 2^51.
    const vec8 p = splat8(prime->p), pinv = splat8(prime->pinv), c = splat8(prime->two32);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        vec8u limbs;
        memcpy(&limbs, a + i, sizeof limbs);
        vec8 hi = __builtin_convertvector(limbs >> 32, vec8), lo = __builtin_convertvector(limbs & 0xffffffffu, vec8);
        vec8 r = NTT_NAME(reduce8)(NTT_NAME(mulmod8)(hi, c, p, pinv) + lo, p, pinv);
        memcpy(out + i, &r, sizeof r);
    }
    for (; i < n; i++) {
        vec8 hi = splat8((double)(a[i] >> 32)), lo = splat8((double)(a[i] & 0xffffffffu));
        out[i] = NTT_NAME(reduce8)(NTT_NAME(mulmod8)(hi, c, p, pinv) + lo, p, pinv)[0];
    }
    memset(out + n, 0, (length - n) * sizeof(double));
}

/// The last three levels of the forward transform on 8 residues (blocks of 8, 4 and 2).
static NTT_TARGET void NTT_NAME(forward8)(double *x, double *const *roots, vec4 p, vec4 pinv) {
    vec8 v;
    memcpy(&v, x, sizeof v);
    vec4 w4, w2 = {roots[1][0], roots[1][1], roots[1][0], roots[1][1]};
    memcpy(&w4, roots[2], sizeof w4);
    // Block of 8: (x_j, x_{j+4}) -> (x_j + x_{j+4}, (x_j - x_{j+4})·w_8^j).
    vec4 a = __builtin_shufflevector(v, v, 0, 1, 2, 3), b = __builtin_shufflevector(v, v, 4, 5, 6, 7);
    vec4 s = NTT_NAME(reduce4)(a + b, p, pinv), d = NTT_NAME(mulmod4)(a - b, w4, p, pinv);
    // Blocks of 4: s and d each hold one; pair (0, 2) and (1, 3) of each.
    a = __builtin_shufflevector(s, d, 0, 1, 4, 5);
    b = __builtin_shufflevector(s, d, 2, 3, 6, 7);
    s = NTT_NAME(reduce4)(a + b, p, pinv);
    d = NTT_NAME(mulmod4)(a - b, w2, p, pinv);
    // s = (y0, y1, y4, y5), d = (y2, y3, y6, y7); blocks of 2: pair (y0, y1), (y2, y3), ...
    a = __builtin_shufflevector(s, d, 0, 4, 2, 6);
    b = __builtin_shufflevector(s, d, 1, 5, 3, 7);
    s = NTT_NAME(reduce4)(a + b, p, pinv);
    d = NTT_NAME(reduce4)(a - b, p, pinv);
    v = __builtin_shufflevector(s, d, 0, 4, 1, 5, 2, 6, 3, 7);
    memcpy(x, &v, sizeof v);
}

/// The first three levels of the inverse transform on 8 residues: forward8 undone, step by step.
static NTT_TARGET void NTT_NAME(inverse8)(double *x, double *const *roots, vec4 p, vec4 pinv) {
    vec8 v;
    memcpy(&v, x, sizeof v);
    vec4 w4, w2 = {roots[1][0], roots[1][1], roots[1][0], roots[1][1]};
    memcpy(&w4, roots[2], sizeof w4);
    vec4 a = __builtin_shufflevector(v, v, 0, 2, 4, 6), b = __builtin_shufflevector(v, v, 1, 3, 5, 7);
    vec4 s = NTT_NAME(reduce4)(a + b, p, pinv), d = NTT_NAME(reduce4)(a - b, p, pinv);
    a = __builtin_shufflevector(s, d, 0, 4, 2, 6);
    b = NTT_NAME(mulmod4)(__builtin_shufflevector(s, d, 1, 5, 3, 7), w2, p, pinv);
    s = NTT_NAME(reduce4)(a + b, p, pinv);
    d = NTT_NAME(reduce4)(a - b, p, pinv);
    a = __builtin_shufflevector(s, d, 0, 1, 4, 5);
    b = NTT_NAME(mulmod4)(__builtin_shufflevector(s, d, 2, 3, 6, 7), w4, p, pinv);
    s = NTT_NAME(reduce4)(a + b, p, pinv);
    d = NTT_NAME(reduce4)(a - b, p, pinv);
    v = __builtin_shufflevector(s, d, 0, 1, 2, 3, 4, 5, 6, 7);
    memcpy(x, &v, sizeof v);
}

/// One butterfly of eight lanes, x_j .. x_{j+7} against x_{j+m} .. x_{j+m+7}, twiddles t.
static inline NTT_TARGET void NTT_NAME(forward_butterfly)(double *x, size_t m, vec8 t, vec8 p, vec8 pinv) {
    vec8 a, b;
    memcpy(&a, x, sizeof a);
    memcpy(&b, x + m, sizeof b);
    vec8 s = NTT_NAME(reduce8)(a + b, p, pinv), d = NTT_NAME(mulmod8)(a - b, t, p, pinv);
    memcpy(x, &s, sizeof s);
    memcpy(x + m, &d, sizeof d);
}
static inline NTT_TARGET void NTT_NAME(inverse_butterfly)(double *x, size_t m, vec8 t, vec8 p, vec8 pinv) {
    vec8 a, b;
    memcpy(&a, x, sizeof a);
    memcpy(&b, x + m, sizeof b);
    b = NTT_NAME(mulmod8)(b, t, p, pinv);
    vec8 s = NTT_NAME(reduce8)(a + b, p, pinv), d = NTT_NAME(reduce8)(a - b, p, pinv);
    memcpy(x, &s, sizeof s);
    memcpy(x + m, &d, sizeof d);
}

/// The butterflies of one block of n = 2m: with the level's table (w_n^j for every j < m) for small
/// blocks; for large ones from its first sixteen roots and w_n^16, two vectors advanced by
/// t <- t·w_n^16 (exact: modular arithmetic has no rounding to accumulate), so that the tables stay
/// small. Twiddles are kept balanced (|t| <= p/2): with |x_j - x_{j+m}| < 2p the product stays below
/// 2^100.
#define NTT_BLOCK(butterfly)                                                                          \
    const vec8 p = splat8(prime->p), pinv = splat8(prime->pinv);                                      \
    const double *w = roots[level - 1];                                                               \
    if (m <= TABLE_ROOTS) {                                                                           \
        for (size_t j = 0; j < m; j += 8) {                                                           \
            vec8 t;                                                                                   \
            memcpy(&t, w + j, sizeof t);                                                              \
            butterfly(x + j, m, t, p, pinv);                                                          \
        }                                                                                             \
    } else {                                                                                          \
        vec8 t0, t1;                                                                                  \
        memcpy(&t0, w, sizeof t0);                                                                    \
        memcpy(&t1, w + 8, sizeof t1);                                                                \
        const vec8 step = splat8(w[16]);                                                              \
        for (size_t j = 0; j < m; j += 16) {                                                          \
            butterfly(x + j, m, t0, p, pinv);                                                         \
            butterfly(x + j + 8, m, t1, p, pinv);                                                     \
            t0 = NTT_NAME(reduce8)(NTT_NAME(mulmod8)(t0, step, p, pinv), p, pinv);                    \
            t1 = NTT_NAME(reduce8)(NTT_NAME(mulmod8)(t1, step, p, pinv), p, pinv);                    \
        }                                                                                             \
    }

/// Decimation in frequency (Gentleman-Sande), depth first so that the blocks settle in cache:
/// a block of n = 2m becomes (x_j + x_{j+m}, (x_j - x_{j+m})·w_n^j), then each half in turn.
static NTT_TARGET void NTT_NAME(forward)(double *x, size_t n, int level, double *const *roots, const ntt_prime *prime) {
    if (n == 8) {
        NTT_NAME(forward8)(x, roots, splat4(prime->p), splat4(prime->pinv));
        return;
    }
    const size_t m = n / 2;
    NTT_BLOCK(NTT_NAME(forward_butterfly))
    NTT_NAME(forward)(x, m, level - 1, roots, prime);
    NTT_NAME(forward)(x + m, m, level - 1, roots, prime);
}

/// Decimation in time (Cooley-Tukey) with the inverse roots: each half, then
/// (x_j + x_{j+m}·w_n^-j, x_j - x_{j+m}·w_n^-j).
static NTT_TARGET void NTT_NAME(inverse)(double *x, size_t n, int level, double *const *roots, const ntt_prime *prime) {
    if (n == 8) {
        NTT_NAME(inverse8)(x, roots, splat4(prime->p), splat4(prime->pinv));
        return;
    }
    const size_t m = n / 2;
    NTT_NAME(inverse)(x, m, level - 1, roots, prime);
    NTT_NAME(inverse)(x + m, m, level - 1, roots, prime);
    NTT_BLOCK(NTT_NAME(inverse_butterfly))
}

#undef NTT_BLOCK

/// The radix-3 level of a transform of 3m (DIF): with ω = w^m a cube root of unity and
/// a_r = x_{j+rm}, Σ_r a_r ω^{rs} w^{js} for s = 0, 1, 2, then each third goes through the
/// power-of-two transform. By ω² = -1 - ω: a0 + ωa1 + ω²a2 = (a0 - a2) + u and
/// a0 + ω²a1 + ωa2 = (a0 - a1) - u, with u = ω(a1 - a2): one product instead of four.
/// Undone (up to the factor 3, with w^-j and the same ω): b1 = y1·w^-j, b2 = y2·w^-2j,
/// a0 = y0 + b1 + b2, a1 = y0 + ω²b1 + ωb2 = (y0 - b1) + u, a2 = y0 + ωb1 + ω²b2 = (y0 - b2) - u,
/// u = ω(b2 - b1). The twiddles w^±j advance by w^±8 from the first eight (exact, as in
/// NTT_BLOCK); w^±2j = (w^±j)². Sums of three terms below p stay below 3p < 2^52, which reduce8 takes
/// to p/2 before a product.
static inline NTT_TARGET void NTT_NAME(radix3)(double *x, size_t m, const ntt_radix3 *roots, const ntt_prime *prime,
                                               int inverse) {
    const vec8 p = splat8(prime->p), pinv = splat8(prime->pinv);
    const double *first = inverse ? roots->inverse : roots->forward;
    const vec8 omega = splat8(roots->omega), step = splat8(first[8]);
    vec8 t;
    memcpy(&t, first, sizeof t);
    for (size_t j = 0; j < m; j += 8) {
        vec8 v0, v1, v2;
        memcpy(&v0, x + j, sizeof v0);
        memcpy(&v1, x + j + m, sizeof v1);
        memcpy(&v2, x + j + 2 * m, sizeof v2);
        vec8 t2 = NTT_NAME(reduce8)(NTT_NAME(mulmod8)(t, t, p, pinv), p, pinv);
        if (!inverse) {
            vec8 u = NTT_NAME(mulmod8)(v1 - v2, omega, p, pinv);
            vec8 y0 = NTT_NAME(reduce8)(v0 + v1 + v2, p, pinv);
            vec8 y1 = NTT_NAME(mulmod8)(NTT_NAME(reduce8)(v0 - v2 + u, p, pinv), t, p, pinv);
            vec8 y2 = NTT_NAME(mulmod8)(NTT_NAME(reduce8)(v0 - v1 - u, p, pinv), t2, p, pinv);
            v0 = y0, v1 = y1, v2 = y2;
        } else {
            vec8 b1 = NTT_NAME(mulmod8)(v1, t, p, pinv), b2 = NTT_NAME(mulmod8)(v2, t2, p, pinv);
            vec8 u = NTT_NAME(mulmod8)(b2 - b1, omega, p, pinv);
            vec8 a0 = NTT_NAME(reduce8)(v0 + b1 + b2, p, pinv);
            vec8 a1 = NTT_NAME(reduce8)(v0 - b1 + u, p, pinv);
            vec8 a2 = NTT_NAME(reduce8)(v0 - b2 - u, p, pinv);
            v0 = a0, v1 = a1, v2 = a2;
        }
        memcpy(x + j, &v0, sizeof v0);
        memcpy(x + j + m, &v1, sizeof v1);
        memcpy(x + j + 2 * m, &v2, sizeof v2);
        t = NTT_NAME(reduce8)(NTT_NAME(mulmod8)(t, step, p, pinv), p, pinv);
    }
}

static NTT_TARGET void NTT_NAME(forward3)(double *x, size_t m, const ntt_radix3 *roots, const ntt_prime *prime) {
    NTT_NAME(radix3)(x, m, roots, prime, 0);
}

static NTT_TARGET void NTT_NAME(inverse3)(double *x, size_t m, const ntt_radix3 *roots, const ntt_prime *prime) {
    NTT_NAME(radix3)(x, m, roots, prime, 1);
}

static NTT_TARGET void NTT_NAME(pointwise)(double *x, const double *y, size_t length, const ntt_prime *prime) {
    const vec8 p = splat8(prime->p), pinv = splat8(prime->pinv);
    for (size_t i = 0; i < length; i += 8) {
        vec8 a, b;
        memcpy(&a, x + i, sizeof a);
        memcpy(&b, y + i, sizeof b);
        a = NTT_NAME(mulmod8)(a, b, p, pinv);
        memcpy(x + i, &a, sizeof a);
    }
}

/// The first of Garner's mixed-radix digits of each column sum c = x0 + p0·x1 + p0·p1·x2:
/// x0 = c mod p0 = r0/length mod p0, from the unscaled inverse transform r0 ≡ length·c, as integers.
static NTT_TARGET void NTT_NAME(first_digits)(uint64_t *x0, const double *r0, size_t count, const ntt_garner *g) {
    const vec8 p0 = splat8(g->primes[0].p), pinv0 = splat8(g->primes[0].pinv), scale0 = splat8(g->scale0);
    for (size_t i = 0; i < count; i += 8) {  // r0 has length >= count rounded up to 8
        vec8 r;
        memcpy(&r, r0 + i, sizeof r);
        vec8u x = __builtin_convertvector(NTT_NAME(nonnegative8)(NTT_NAME(mulmod8)(r, scale0, p0, pinv0), p0), vec8u);
        memcpy(x0 + i, &x, (count - i < 8 ? count - i : 8) * sizeof(uint64_t));
    }
}

/// The other two digits, in place of r1 and r2, each in [0, p_i), from x0 and the unscaled r_i:
///   x1 = (c - x0)/p0 mod p1,   x2 = (c - x0 - p0·x1)/(p0·p1) mod p2.
/// r1 and r2 have room for count rounded up to 8; x0 has count.
static NTT_TARGET void NTT_NAME(garner)(const uint64_t *x0s, double *r1, double *r2, size_t count, const ntt_garner *g) {
    const vec8 p1 = splat8(g->primes[1].p), pinv1 = splat8(g->primes[1].pinv);
    const vec8 p2 = splat8(g->primes[2].p), pinv2 = splat8(g->primes[2].pinv);
    const vec8 scale1 = splat8(g->scale1), scale2 = splat8(g->scale2);
    const vec8 inverse01 = splat8(g->inverse01), inverse012 = splat8(g->inverse012);
    const vec8 p0inverse012 = splat8(g->p0inverse012);
    for (size_t i = 0; i < count; i += 8) {
        vec8u x0u = {0};
        memcpy(&x0u, x0s + i, (count - i < 8 ? count - i : 8) * sizeof(uint64_t));
        vec8 x0 = __builtin_convertvector(x0u, vec8), b, c;
        memcpy(&b, r1 + i, sizeof b);
        memcpy(&c, r2 + i, sizeof c);
        // Each mulmod is below p in magnitude, so the sums stay below 3·2^50 < 2^51 for reduce8.
        vec8 x1 = NTT_NAME(mulmod8)(b, scale1, p1, pinv1) - NTT_NAME(mulmod8)(x0, inverse01, p1, pinv1);
        x1 = NTT_NAME(nonnegative8)(NTT_NAME(reduce8)(x1, p1, pinv1), p1);
        vec8 x2 = NTT_NAME(mulmod8)(c, scale2, p2, pinv2) - NTT_NAME(mulmod8)(x0, inverse012, p2, pinv2)
                  - NTT_NAME(mulmod8)(x1, p0inverse012, p2, pinv2);
        x2 = NTT_NAME(nonnegative8)(NTT_NAME(reduce8)(x2, p2, pinv2), p2);
        memcpy(r1 + i, &x1, sizeof x1);
        memcpy(r2 + i, &x2, sizeof x2);
    }
}

static const ntt_kernels NTT_NAME(kernels) = {
    NTT_NAME(load),      NTT_NAME(forward),      NTT_NAME(inverse), NTT_NAME(forward3),
    NTT_NAME(inverse3),  NTT_NAME(pointwise),    NTT_NAME(first_digits), NTT_NAME(garner),
};
