// Tail probabilities for event counts: how unlikely `k` or more events in one period are, given the rate
// the baseline periods show. Right for small counts, where ratios and z-scores are not.
#pragma once

#include <cstdint>

namespace vigil {

// P(X >= k) for X ~ Poisson(rate). 1 when k <= 0. REQUIRES: rate > 0.
double PoissonUpperTail(int64_t k, double rate);

// P(X >= k) for X ~ negative binomial with mean `rate` and variance rate + dispersion * rate^2 (a Poisson
// whose rate itself varies from period to period); the Poisson tail when dispersion is 0.
// REQUIRES: rate > 0, dispersion >= 0.
double NegativeBinomialUpperTail(int64_t k, double rate, double dispersion);

}  // namespace vigil
