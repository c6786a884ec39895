// Public holiday long weekends: operations that comment on MPs' pages accelerate while staff and
// moderators are away (Canada's September long weekend in 2023).
#pragma once

#include <string>
#include <vector>

#include "vigil/watch_config.h"

namespace vigil::scenarios {

struct Holiday {
  CivilDate first, last;  // the days off, inclusive
  std::string label;      // "Labour Day weekend"
};

// Canada's statutory long weekends and holidays of `year`, in date order: Family Day, Easter, Victoria Day,
// Canada Day, the Civic Holiday, Labour Day, Thanksgiving, Christmas.
std::vector<Holiday> CanadianHolidays(int year);

}  // namespace vigil::scenarios
