#ifndef CGMP_SHIM_H
#define CGMP_SHIM_H

#include <gmp.h>
#include <stddef.h>
#if defined(__linux__)
#include <malloc.h>
#elif defined(__APPLE__)
#include <malloc/malloc.h>
#endif

// GMP defines these as function-like macros, which Swift cannot import.
// Each wrapper is the macro's body as an inline function.

static inline int cgmp_mpz_sgn(mpz_srcptr z) { return mpz_sgn(z); }

/// Number of limbs in |z| (the absolute value of _mp_size).
static inline long cgmp_mpz_limb_count(mpz_srcptr z) {
    return z->_mp_size < 0 ? -(long)z->_mp_size : (long)z->_mp_size;
}

/// Bits in a limb, as the library was built (64 on x86_64 and arm64).
static const int cgmp_limb_bits = GMP_LIMB_BITS;

/// The usable size of a block from malloc: what the allocator really set aside for it.
static inline size_t cgmp_malloc_usable_size(const void *block) {
#if defined(__APPLE__)
    return malloc_size(block);
#else
    return malloc_usable_size((void *)block);
#endif
}

/// Sets glibc malloc's mmap and trim thresholds (bytes); returns 0 where there is no glibc.
static inline int cgmp_set_malloc_thresholds(int mmap_threshold, int trim_threshold) {
#if defined(__GLIBC__)
    return mallopt(M_MMAP_THRESHOLD, mmap_threshold) && mallopt(M_TRIM_THRESHOLD, trim_threshold);
#else
    (void)mmap_threshold; (void)trim_threshold;
    return 0;
#endif
}

#endif
