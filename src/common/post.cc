#include "vigil/post.h"

#include "common/saturating.h"

namespace vigil {

Count Metrics::Interactions() const {
  Count total;
  for (const Count* part : {&likes, &shares, &comments, &reactions}) {
    if (!part->present) continue;
    total.present = true;
    // A sum past INT64_MAX stops there and says so: the true total is at least that.
    const bool exact = AddOrSaturate(&total.value, part->value);
    total.lower_bound = total.lower_bound || part->lower_bound || !exact;
  }
  return total;
}

}  // namespace vigil
