// Sitting members watched beside the candidates (see members.h). Chinese names are the forms Chinese-language
// media use; where no short form is distinct, the full name is the short form (a bare syllable would match
// unrelated text).
#include "scenarios/members.h"

namespace vigil::scenarios {

const std::vector<Candidate>& SittingMembers(const Country& country) {
  static const std::vector<Candidate> kNone;
  static const std::vector<Candidate> kCanada = {
      {"trudeau", "Justin Trudeau", "Trudeau", false, "Liberal", "libéral", "自由党", "贾斯汀·特鲁多", "特鲁多",
       {"賈斯汀·杜魯多", "杜鲁多"}},
      {"joly", "Mélanie Joly", "Joly", true, "Liberal", "libéral", "自由党", "梅拉妮·乔利", "梅拉妮·乔利",
       {"Melanie Joly"}},
      {"blanchet", "Yves-François Blanchet", "Blanchet", false, "Bloc Québécois", "bloquiste", "魁人政团",
       "伊夫-弗朗索瓦·布朗谢", "布朗谢", {}},
      {"lantsman", "Melissa Lantsman", "Lantsman", true, "Conservative", "conservateur", "保守党", "梅丽莎·兰茨曼",
       "兰茨曼", {}},
      {"scheer", "Andrew Scheer", "Scheer", false, "Conservative", "conservateur", "保守党", "安德鲁·希尔",
       "安德鲁·希尔", {}},
      {"mcpherson", "Heather McPherson", "McPherson", true, "NDP", "néo-démocrate", "新民主党", "希瑟·麦克弗森",
       "麦克弗森", {}},
  };
  return country.code == "CA" ? kCanada : kNone;
}

}  // namespace vigil::scenarios
