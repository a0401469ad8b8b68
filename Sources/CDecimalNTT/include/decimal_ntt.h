// Products of base-10^19 numbers by number-theoretic transforms modulo three primes below 2^50,
// in double precision with fused multiply-add (the modular products of Shoup and of FLINT's
// fft_small: a·b = h + l exactly with h = fl(a·b), l = fma(a, b, -h)), on vector units.
//
// The caller (BigNum's `DecimalProductWorkspace`) holds the buffers and runs the steps, so that it
// can free the operands once they are loaded and spread the primes over two threads:
//   for each prime: load a (and b), forward, pointwise, inverse; after the first prime,
//   first_digits; after the last, combine.
#ifndef DECIMAL_NTT_H
#define DECIMAL_NTT_H

#include <stddef.h>
#include <stdint.h>

/// The number of primes, each a residue array of the transform's length.
#define DECIMAL_NTT_PRIMES 3

/// 1 when this processor has the vector units the transforms are written for (x86-64 with AVX2 and
/// FMA, or AArch64); 0 otherwise, and then nothing else here may be called.
int decimal_ntt_is_supported(void);

/// The instruction sets this processor runs the kernels with, widest first (index 0, the one in use
/// unless chosen otherwise): their number and names ("AVX-512", "AVX2", "NEON"). Choosing one is for
/// tests, so that every set is checked on a machine that has the wider.
int decimal_ntt_instruction_set_count(void);
const char *decimal_ntt_instruction_set_name(int index);
void decimal_ntt_use_instruction_set(int index);

/// The transform length for a product of na and nb limbs: the least 2^k >= 8 or 3·2^k >= 24 that is
/// >= na + nb - 1, or 0 when the column sums could reach the primes' product (min(na, nb) · (10^19 - 1)^2
/// >= p0·p1·p2, about 2^150: from 14 million limbs) or the length passes 2^27.
size_t decimal_ntt_length(size_t na, size_t nb);

/// Builds the root tables for transforms of `length` (kept for the process; thread-safe). Call it
/// before the transforms of that length.
void decimal_ntt_prepare(size_t length);

/// residue[i] = a[i] mod p (balanced, as a double) for i < n, 0 up to `length`.
void decimal_ntt_load(double *residue, int prime, const uint64_t *a, size_t n, size_t length);

/// The forward transform in place (natural order in, bit-reversed order out).
void decimal_ntt_forward(double *x, int prime, size_t length);

/// x[i] = x[i] · y[i] mod p (a square when y is x).
void decimal_ntt_pointwise(double *x, const double *y, int prime, size_t length);

/// The inverse transform in place (bit-reversed order in, natural order out), without the 1/length.
void decimal_ntt_inverse(double *x, int prime, size_t length);

/// The product's column sums by the Chinese remainder theorem (Garner), in two calls, so that only
/// the last two primes need buffers of their own: first_digits writes c mod p0 from the first
/// prime's inverse transform into r (count words, count = na + nb - 1); combine then reads them and
/// the other two primes' inverse transforms (overwritten; each with room for count rounded up to a
/// multiple of 8) and writes the product's count + 1 base-10^19 limbs into r, by one pass of carries.
void decimal_ntt_first_digits(uint64_t *r, const double *residues0, size_t count, size_t length);
void decimal_ntt_combine(uint64_t *r, size_t count, double *residues1, double *residues2, size_t length);

#endif
