#pragma once

#include <cstdint>
#include <span>

namespace ecoscore::analyze {

// The project's own random numbers, so that a seed gives the same samples
// with any standard library (std::*_distribution differ between them) and
// any number of threads.

// SplitMix64 (Steele, Lea and Flood 2014): seeds the generators below.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();

 private:
  std::uint64_t state_;
};

// xoshiro256** 1.0 (Blackman and Vigna 2018), with the samplers ecoscore needs.
class Random {
 public:
  // Stream `stream` of `seed`: its state is four outputs of SplitMix64 over
  // seed and stream mixed, so that streams of one seed are unrelated.
  Random(std::uint64_t seed, std::uint64_t stream);

  std::uint64_t next();
  // [0, 1) with 53 random bits.
  double uniform();
  // (0, 1]: safe under log.
  double uniform_positive() { return 1.0 - uniform(); }
  // Standard exponential: -log U.
  double exponential();
  // Standard normal, Marsaglia's polar method (the second value is kept).
  double normal();
  // Gamma(shape, 1), Marsaglia and Tsang (2000); shapes below 1 by
  // Gamma(shape + 1) * U^(1 / shape). REQUIRES: shape > 0.
  double gamma(double shape);

 private:
  std::uint64_t s_[4];
  bool has_spare_ = false;
  double spare_ = 0;
};

// A point of the simplex: the weights, normalized to sum 1, of
//   uniform_simplex  independent standard exponentials (Dirichlet(1, ..., 1))
//   dirichlet        independent Gamma(alpha_i)
void uniform_simplex(Random& rng, std::span<double> out);
void dirichlet(Random& rng, std::span<const double> alpha, std::span<double> out);

}  // namespace ecoscore::analyze
