#include "detect/count_tail.h"

#include <boost/math/distributions/negative_binomial.hpp>
#include <boost/math/distributions/poisson.hpp>

namespace vigil {
namespace {

// Errors become values (NaN, or 0 on underflow) instead of exceptions; the callers' preconditions rule out
// the domain errors.
using NoThrow = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::errno_on_error>,
    boost::math::policies::pole_error<boost::math::policies::errno_on_error>,
    boost::math::policies::overflow_error<boost::math::policies::errno_on_error>,
    boost::math::policies::evaluation_error<boost::math::policies::errno_on_error>>;

}  // namespace

double PoissonUpperTail(int64_t k, double rate) {
  if (k <= 0) return 1;
  const boost::math::poisson_distribution<double, NoThrow> poisson(rate);
  return boost::math::cdf(boost::math::complement(poisson, static_cast<double>(k - 1)));
}

double NegativeBinomialUpperTail(int64_t k, double rate, double dispersion) {
  if (dispersion <= 0) return PoissonUpperTail(k, rate);
  if (k <= 0) return 1;
  // Boost counts failures before r successes of probability p: mean r(1-p)/p, variance mean + mean^2 / r.
  const double successes = 1 / dispersion;
  const boost::math::negative_binomial_distribution<double, NoThrow> nb(successes, successes / (successes + rate));
  return boost::math::cdf(boost::math::complement(nb, static_cast<double>(k - 1)));
}

}  // namespace vigil
