#ifndef GMP_REFERENCE_H
#define GMP_REFERENCE_H

// GMP as fib-bench calls it directly: the reference timings (mpz_fib_ui, mpz_get_str) and the
// counting memory functions. The libraries under test reach GMP only through BigNum.
#include <gmp.h>
#include <stddef.h>
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

/// Bytes the C heap has handed out and not yet taken back (glibc's mallinfo2: arena and mmapped
/// blocks); 0 where there is no glibc.
static inline size_t reference_heap_bytes_in_use(void) {
#if defined(__GLIBC__)
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
#else
    return 0;
#endif
}

#endif
