#include "vigil/post.h"

namespace vigil {

Count Metrics::Interactions() const {
  Count total;
  for (const Count* part : {&likes, &shares, &comments, &reactions}) {
    if (!part->present) continue;
    total.present = true;
    total.value += part->value;
    total.lower_bound = total.lower_bound || part->lower_bound;
  }
  return total;
}

}  // namespace vigil
