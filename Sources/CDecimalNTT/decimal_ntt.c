#include "decimal_ntt.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

// The AVX2 kernels pass 512-bit vectors between inlined helpers only.
#pragma clang diagnostic ignored "-Wpsabi"

#if defined(__x86_64__) || defined(__aarch64__)

typedef double vec8 __attribute__((vector_size(64)));
typedef double vec4 __attribute__((vector_size(32)));
typedef uint64_t vec8u __attribute__((vector_size(64)));
typedef int64_t vec8i __attribute__((vector_size(64)));

#define splat8(x) ((vec8){0} + (double)(x))
#define splat4(x) ((vec4){0} + (double)(x))
/// Levels of up to this many roots keep them all; larger ones keep their first 17 (see NTT_BLOCK).
#define TABLE_ROOTS 2048
/// 1.5·2^52: adding and subtracting it rounds a double below 2^51 to the nearest integer.
#define ROUNDING 6755399441055744.0

typedef struct {
    double p, pinv;
    double two32;  // 2^32 mod p, balanced
} ntt_prime;

typedef struct {
    ntt_prime primes[DECIMAL_NTT_PRIMES];
    double scale0, scale1, scale2;      // 1/length, 1/(length·p0), 1/(length·p0·p1), each mod its prime
    double inverse01, inverse012, p0inverse012;  // 1/p0 mod p1, 1/(p0·p1) and 1/p1 mod p2
} ntt_garner;

/// The roots of the radix-3 level of a transform of 3·2^k: ω = w^(2^k) of order 3, and w^j for
/// j <= 8 (forward) and w^-j (inverse), w of order 3·2^k.
typedef struct {
    double omega;
    double forward[9], inverse[9];
} ntt_radix3;

typedef struct {
    void (*load)(double *, const uint64_t *, size_t, size_t, const ntt_prime *);
    void (*forward)(double *, size_t, int, double *const *, const ntt_prime *);
    void (*inverse)(double *, size_t, int, double *const *, const ntt_prime *);
    void (*forward3)(double *, size_t, const ntt_radix3 *, const ntt_prime *);
    void (*inverse3)(double *, size_t, const ntt_radix3 *, const ntt_prime *);
    void (*pointwise)(double *, const double *, size_t, const ntt_prime *);
    void (*first_digits)(uint64_t *, const double *, size_t, const ntt_garner *);
    void (*garner)(const uint64_t *, double *, double *, size_t, const ntt_garner *);
} ntt_kernels;

#if defined(__x86_64__)
#define NTT_TARGET __attribute__((target("avx512f,avx512dq,avx512vl,fma")))
#define NTT_NAME(name) name##_avx512
#include "ntt_kernels.h"
#undef NTT_TARGET
#undef NTT_NAME
#define NTT_TARGET __attribute__((target("avx2,fma")))
#define NTT_NAME(name) name##_avx2
#include "ntt_kernels.h"
#undef NTT_TARGET
#undef NTT_NAME
#else
#define NTT_TARGET
#define NTT_NAME(name) name##_neon
#include "ntt_kernels.h"
#undef NTT_TARGET
#undef NTT_NAME
#endif

// Three primes p = c·2^27 + 1 below 2^50 with 3 | c (so roots of unity of order 2^27 and 3·2^26
// exist), the largest such, with a generator of each multiplicative group. Their product is about
// 2^149.99998.
static const uint64_t prime_values[DECIMAL_NTT_PRIMES] = {1125897625141249u, 1125896819834881u, 1125892793303041u};
static const uint64_t generators[DECIMAL_NTT_PRIMES] = {29, 14, 17};
#define MAX_LEVEL 27

/// The kernels in use (the widest this processor runs, unless a test chose others), and those it runs.
static _Atomic(const ntt_kernels *) active_kernels;
#define kernels atomic_load_explicit(&active_kernels, memory_order_relaxed)
static const ntt_kernels *supported_kernels[2];
static const char *supported_names[2];
static int supported_count;
static ntt_prime primes[DECIMAL_NTT_PRIMES];
static pthread_once_t setup_once = PTHREAD_ONCE_INIT;

typedef unsigned __int128 u128;

static uint64_t mulmod64(uint64_t a, uint64_t b, uint64_t p) { return (uint64_t)((u128)a * b % p); }
static uint64_t powmod64(uint64_t b, uint64_t e, uint64_t p) {
    uint64_t r = 1;
    for (b %= p; e; e >>= 1, b = mulmod64(b, b, p))
        if (e & 1) r = mulmod64(r, b, p);
    return r;
}
static uint64_t invmod64(uint64_t a, uint64_t p) { return powmod64(a, p - 2, p); }  // p prime
static double balanced(uint64_t x, uint64_t p) { return x > p / 2 ? -(double)(p - x) : (double)x; }

/// Garner's constants for each transform length 2^level and 3·2^level (the 1/length differs).
static ntt_garner garner_constants[2][MAX_LEVEL + 1];

/// Whether a transform length is 3·2^k rather than 2^k.
static int has_radix3(size_t length) { return (length >> __builtin_ctzll(length)) == 3; }

static void setup_garner(void) {
    uint64_t p0 = prime_values[0], p1 = prime_values[1], p2 = prime_values[2];
    uint64_t inverse01 = invmod64(p0 % p1, p1), inverse012 = invmod64(mulmod64(p0, p1, p2), p2);
    for (int radix3 = 0; radix3 < 2; radix3++)
    for (int level = 0; level <= MAX_LEVEL; level++) {
        uint64_t inverse_length[DECIMAL_NTT_PRIMES];
        for (int i = 0; i < DECIMAL_NTT_PRIMES; i++)
            inverse_length[i] = invmod64(((uint64_t)(radix3 ? 3 : 1) << level) % prime_values[i], prime_values[i]);
        garner_constants[radix3][level] = (ntt_garner){
            .primes = {primes[0], primes[1], primes[2]},
            .scale0 = balanced(inverse_length[0], p0),
            .scale1 = balanced(mulmod64(inverse_length[1], inverse01, p1), p1),
            .scale2 = balanced(mulmod64(inverse_length[2], inverse012, p2), p2),
            .inverse01 = balanced(inverse01, p1),
            .inverse012 = balanced(inverse012, p2),
            .p0inverse012 = balanced(mulmod64(p0 % p2, inverse012, p2), p2),
        };
    }
}

static void setup(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl")) {
        supported_kernels[supported_count] = &kernels_avx512;
        supported_names[supported_count++] = "AVX-512";
    }
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        supported_kernels[supported_count] = &kernels_avx2;
        supported_names[supported_count++] = "AVX2";
    }
#else
    supported_kernels[supported_count] = &kernels_neon;
    supported_names[supported_count++] = "NEON";
#endif
    atomic_store(&active_kernels, supported_count > 0 ? supported_kernels[0] : NULL);
    for (int i = 0; i < DECIMAL_NTT_PRIMES; i++) {
        uint64_t p = prime_values[i];
        primes[i] = (ntt_prime){(double)p, 1.0 / (double)p, balanced((1ull << 32) % p, p)};
    }
    setup_garner();
}

int decimal_ntt_is_supported(void) {
    pthread_once(&setup_once, setup);
    return supported_count > 0;
}

int decimal_ntt_instruction_set_count(void) {
    pthread_once(&setup_once, setup);
    return supported_count;
}

const char *decimal_ntt_instruction_set_name(int index) {
    pthread_once(&setup_once, setup);
    return index >= 0 && index < supported_count ? supported_names[index] : NULL;
}

void decimal_ntt_use_instruction_set(int index) {
    pthread_once(&setup_once, setup);
    if (index >= 0 && index < supported_count) atomic_store(&active_kernels, supported_kernels[index]);
}

size_t decimal_ntt_length(size_t na, size_t nb) {
    // min(na, nb)·(10^19 - 1)^2 < p0·p1·p2 needs min(na, nb) <= 14,272,318: 14,000,000 is below.
    size_t shorter = na < nb ? na : nb;
    if (na == 0 || nb == 0 || shorter >= 14000000u) return 0;
    // The least 2^k >= 8 or 3·2^k >= 24 (the blocks of the radix-3 level hold whole vectors).
    size_t columns = na + nb - 1, power = 8, three = 24;
    while (power < columns) power *= 2;
    while (three < columns) three *= 2;
    size_t length = three < power ? three : power;
    return length <= ((size_t)1 << MAX_LEVEL) ? length : 0;
}

// roots[i][level] holds the roots w^j of order 2^(level + 1), balanced: the twiddles of the
// butterflies on blocks of 2^(level + 1), all 2^level of them up to TABLE_ROOTS, the first 17 above.
// Tables are built once and never freed (about 100 KB in all).
static _Atomic(double *) forward_roots[DECIMAL_NTT_PRIMES][MAX_LEVEL];
static _Atomic(double *) inverse_roots[DECIMAL_NTT_PRIMES][MAX_LEVEL];
static _Atomic(ntt_radix3 *) radix3_roots[DECIMAL_NTT_PRIMES][MAX_LEVEL];
static pthread_mutex_t roots_lock = PTHREAD_MUTEX_INITIALIZER;

static double *make_roots(uint64_t p, uint64_t root, size_t count) {
    double *table = aligned_alloc(64, (count < 8 ? 8 : count) * sizeof(double));
    if (!table) abort();
    uint64_t w = 1;
    for (size_t j = 0; j < count; j++, w = mulmod64(w, root, p)) table[j] = balanced(w, p);
    return table;
}

void decimal_ntt_prepare(size_t length) {
    pthread_once(&setup_once, setup);
    int levels = __builtin_ctzll(length);
    // Tables, once published, never change: a length seen before needs no lock. The last prime's
    // top inverse table (or radix-3 roots) is stored last, after every table below it.
    if (atomic_load_explicit(&inverse_roots[DECIMAL_NTT_PRIMES - 1][levels - 1], memory_order_acquire) &&
        (!has_radix3(length) || atomic_load_explicit(&radix3_roots[DECIMAL_NTT_PRIMES - 1][levels], memory_order_acquire)))
        return;
    pthread_mutex_lock(&roots_lock);
    for (int i = 0; i < DECIMAL_NTT_PRIMES; i++) {
        uint64_t p = prime_values[i];
        for (int level = 0; level < levels; level++) {
            if (atomic_load_explicit(&forward_roots[i][level], memory_order_relaxed)) continue;
            uint64_t root = powmod64(generators[i], (p - 1) >> (level + 1), p);
            size_t count = ((size_t)1 << level) <= TABLE_ROOTS ? (size_t)1 << level : 17;
            atomic_store_explicit(&forward_roots[i][level], make_roots(p, root, count), memory_order_release);
            atomic_store_explicit(&inverse_roots[i][level], make_roots(p, invmod64(root, p), count), memory_order_release);
        }
        if (has_radix3(length) && !atomic_load_explicit(&radix3_roots[i][levels], memory_order_relaxed)) {
            ntt_radix3 *roots = malloc(sizeof(ntt_radix3));
            if (!roots) abort();
            uint64_t w = powmod64(generators[i], (p - 1) / (3 * ((uint64_t)1 << levels)), p), inverse = invmod64(w, p);
            roots->omega = balanced(powmod64(w, (uint64_t)1 << levels, p), p);
            for (uint64_t j = 0; j <= 8; j++) {
                roots->forward[j] = balanced(powmod64(w, j, p), p);
                roots->inverse[j] = balanced(powmod64(inverse, j, p), p);
            }
            atomic_store_explicit(&radix3_roots[i][levels], roots, memory_order_release);
        }
    }
    pthread_mutex_unlock(&roots_lock);
}

/// The tables of one prime up to `length`, read once they are published by decimal_ntt_prepare.
static void roots_for(double **out, _Atomic(double *) *tables, size_t length) {
    int levels = __builtin_ctzll(length);
    for (int level = 0; level < levels; level++) out[level] = atomic_load_explicit(&tables[level], memory_order_acquire);
}

void decimal_ntt_load(double *residue, int prime, const uint64_t *a, size_t n, size_t length) {
    kernels->load(residue, a, n, length, &primes[prime]);
}

/// A transform of `length` in place: forward (the radix-3 level first, for 3·2^k) or inverse (it
/// last), the kernels read once so that one transform runs on one instruction set.
static void transform(double *x, int prime, size_t length, int inverse) {
    const ntt_kernels *set = kernels;
    void (*power_of_two)(double *, size_t, int, double *const *, const ntt_prime *) = inverse ? set->inverse : set->forward;
    double *roots[MAX_LEVEL];
    roots_for(roots, inverse ? inverse_roots[prime] : forward_roots[prime], length);
    int level = __builtin_ctzll(length);
    if (!has_radix3(length)) {
        power_of_two(x, length, level, roots, &primes[prime]);
        return;
    }
    size_t block = length / 3;
    const ntt_radix3 *radix3 = atomic_load_explicit(&radix3_roots[prime][level], memory_order_acquire);
    if (!inverse) set->forward3(x, block, radix3, &primes[prime]);
    for (int i = 0; i < 3; i++) power_of_two(x + i * block, block, level, roots, &primes[prime]);
    if (inverse) set->inverse3(x, block, radix3, &primes[prime]);
}

void decimal_ntt_forward(double *x, int prime, size_t length) { transform(x, prime, length, 0); }

void decimal_ntt_inverse(double *x, int prime, size_t length) { transform(x, prime, length, 1); }

void decimal_ntt_pointwise(double *x, const double *y, int prime, size_t length) {
    kernels->pointwise(x, y, length, &primes[prime]);
}

/// (high·2^64 + low) / 10^19 for high < 10^19, by the reciprocal of Möller and Granlund ("Improved
/// division by invariant integers"), as BigNum's DecimalRadix.divide.
static inline uint64_t divide_radix(uint64_t high, uint64_t low, uint64_t *remainder) {
    static const uint64_t radix = 10000000000000000000u, reciprocal = 15581492618384294730u;
    u128 product = (u128)reciprocal * high + low;
    uint64_t q1 = (uint64_t)(product >> 64) + high + 1, q0 = (uint64_t)product;
    uint64_t r = low - q1 * radix;
    if (r > q0) {
        q1--;
        r += radix;
    }
    if (r >= radix) {
        q1++;
        r -= radix;
    }
    *remainder = r;
    return q1;
}

void decimal_ntt_first_digits(uint64_t *r, const double *residues0, size_t count, size_t length) {
    kernels->first_digits(r, residues0, count, &garner_constants[has_radix3(length)][__builtin_ctzll(length)]);
}

void decimal_ntt_combine(uint64_t *r, size_t count, double *residues1, double *residues2, size_t length) {
    uint64_t p0 = prime_values[0], p1 = prime_values[1];
    kernels->garner(r, residues1, residues2, count, &garner_constants[has_radix3(length)][__builtin_ctzll(length)]);
    // c = x0 + p0·x1 + p0·p1·x2 < 2^150, plus the carry (below 2^88: c + carry < 2^151, and the next
    // carry is (c + carry) / 10^19), in three words; then c + carry = carry'·10^19 + limb.
    u128 p01 = (u128)p0 * p1;
    uint64_t p01low = (uint64_t)p01, p01high = (uint64_t)(p01 >> 64);
    u128 carry = 0;
    for (size_t k = 0; k < count; k++) {
        uint64_t x0 = r[k], x1 = (uint64_t)residues1[k], x2 = (uint64_t)residues2[k];
        u128 low = (u128)p0 * x1 + x0 + (uint64_t)carry + (u128)p01low * x2;  // < 2^101 + 2^114
        u128 high = (low >> 64) + (u128)p01high * x2 + (uint64_t)(carry >> 64);  // < 2^87
        uint64_t middle_remainder, limb;
        uint64_t q1 = divide_radix((uint64_t)(high >> 64), (uint64_t)high, &middle_remainder);
        uint64_t q0 = divide_radix(middle_remainder, (uint64_t)low, &limb);
        r[k] = limb;
        carry = ((u128)q1 << 64) | q0;
    }
    // The product is below 10^(19·(count + 1)), so what is left is one limb.
    r[count] = (uint64_t)carry;
}

#else

int decimal_ntt_is_supported(void) { return 0; }
int decimal_ntt_instruction_set_count(void) { return 0; }
const char *decimal_ntt_instruction_set_name(int index) { return NULL; }
void decimal_ntt_use_instruction_set(int index) {}
size_t decimal_ntt_length(size_t na, size_t nb) { return 0; }
void decimal_ntt_prepare(size_t length) { abort(); }
void decimal_ntt_load(double *residue, int prime, const uint64_t *a, size_t n, size_t length) { abort(); }
void decimal_ntt_forward(double *x, int prime, size_t length) { abort(); }
void decimal_ntt_pointwise(double *x, const double *y, int prime, size_t length) { abort(); }
void decimal_ntt_inverse(double *x, int prime, size_t length) { abort(); }
void decimal_ntt_first_digits(uint64_t *r, const double *residues0, size_t count, size_t length) { abort(); }
void decimal_ntt_combine(uint64_t *r, size_t count, double *residues1, double *residues2, size_t length) { abort(); }

#endif
