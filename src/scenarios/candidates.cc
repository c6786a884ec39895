// Countries and candidates (see candidates.h). Chinese names are the forms Chinese-language media use;
// outlet names are invented.
#include "scenarios/candidates.h"

#include <algorithm>
#include <cassert>

namespace vigil::scenarios {

const std::vector<Country>& Countries() {
  static const std::vector<Country> kCountries = {
      {"CA", "Canada", "Canada", "加拿大", {"en", "fr"}, -5 * 60,
       "federal election", "élections fédérales", "联邦大选",
       {"Toronto", "Vancouver", "Ottawa", "Calgary", "Montreal", "Markham", "Richmond", "Edmonton", "Halifax"},
       {"多伦多", "温哥华", "渥太华", "卡尔加里", "蒙特利尔", "万锦", "列治文", "埃德蒙顿"},
       {{"Northern Wire", "en", "northernwire"}, {"Maple Ledger", "en", "mapleledger"},
        {"Prairie Daily", "en", "prairiedaily"}, {"Harbour Tribune", "en", "harbourtribune"},
        {"Le Courrier du Fleuve", "fr", "lecourrierdufleuve"}, {"La Vigie", "fr", "lavigie"}},
       {{"carney", "Mark Carney", "Carney", false, "Liberal", "libéral", "自由党", "马克·卡尼", "卡尼", {"馬克·卡尼"}},
        {"poilievre", "Pierre Poilievre", "Poilievre", false, "Conservative", "conservateur", "保守党", "博励治",
         "博励治", {"博勵治"}},
        {"singh", "Jagmeet Singh", "Singh", false, "NDP", "néo-démocrate", "新民主党", "驵勉诚", "驵勉诚",
         {"駔勉誠", "贾格米特·辛格"}},
        {"chong", "Michael Chong", "Chong", false, "Conservative", "conservateur", "保守党", "庄文浩", "庄文浩",
         {"莊文浩"}},
        {"freeland", "Chrystia Freeland", "Freeland", true, "Liberal", "libéral", "自由党", "方慧兰", "方慧兰",
         {"方慧蘭", "克里斯蒂娅·弗里兰"}},
        {"kwan", "Jenny Kwan", "Kwan", true, "NDP", "néo-démocrate", "新民主党", "关慧贞", "关慧贞", {"關慧貞"}},
        {"chiu", "Kenny Chiu", "Chiu", false, "Conservative", "conservateur", "保守党", "赵锦荣", "赵锦荣",
         {"趙錦榮"}},
        {"otoole", "Erin O'Toole", "O'Toole", false, "Conservative", "conservateur", "保守党", "艾琳·奥图尔",
         "奥图尔", {"奧圖爾"}}}},
      {"AU", "Australia", "Australie", "澳大利亚", {"en"}, 10 * 60,
       "federal election", "élections fédérales", "联邦大选",
       {"Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Canberra"},
       {"悉尼", "墨尔本", "布里斯班", "珀斯", "阿德莱德", "堪培拉"},
       {{"Harbourside Herald", "en", "harboursideherald"}, {"Southern Cross Report", "en", "southerncrossreport"},
        {"Outback Dispatch", "en", "outbackdispatch"},
        {"Coastal Courier", "en", "coastalcourier"}},
       {{"albanese", "Anthony Albanese", "Albanese", false, "Labor", "travailliste", "工党", "安东尼·阿尔巴尼斯",
         "阿尔巴尼斯", {"阿爾巴尼斯"}},
        {"dutton", "Peter Dutton", "Dutton", false, "Liberal", "libéral", "自由党", "彼得·达顿", "达顿",
         {"達頓"}},
        {"wong", "Penny Wong", "Wong", true, "Labor", "travailliste", "工党", "黄英贤", "黄英贤", {"黃英賢"}},
        {"liu", "Gladys Liu", "Liu", true, "Liberal", "libéral", "自由党", "廖婵娥", "廖婵娥", {"廖嬋娥"}},
        {"morrison", "Scott Morrison", "Morrison", false, "Liberal", "libéral", "自由党", "斯科特·莫里森",
         "莫里森", {}}}},
      {"GB", "the United Kingdom", "Royaume-Uni", "英国", {"en"}, 0,
       "general election", "élections générales", "大选",
       {"London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Bristol"},
       {"伦敦", "曼彻斯特", "伯明翰", "利兹", "格拉斯哥", "布里斯托尔"},
       {{"The Albion Post", "en", "thealbionpost"}, {"Midlands Chronicle", "en", "midlandschronicle"},
        {"Thames Observer", "en", "thamesobserver"},
        {"Northern Ledger", "en", "northernledger"}},
       {{"starmer", "Keir Starmer", "Starmer", false, "Labour", "travailliste", "工党", "基尔·斯塔默", "斯塔默",
         {}},
        {"sunak", "Rishi Sunak", "Sunak", false, "Conservative", "conservateur", "保守党", "里希·苏纳克",
         "苏纳克", {"蘇納克"}},
        {"badenoch", "Kemi Badenoch", "Badenoch", true, "Conservative", "conservateur", "保守党",
         "凯米·巴德诺赫", "巴德诺赫", {}},
        {"farage", "Nigel Farage", "Farage", false, "Reform UK", "Reform UK", "英国改革党", "奈杰尔·法拉奇",
         "法拉奇", {}}}},
      {"NZ", "New Zealand", "Nouvelle-Zélande", "新西兰", {"en"}, 12 * 60,
       "general election", "élections générales", "大选",
       {"Auckland", "Wellington", "Christchurch", "Hamilton", "Dunedin"},
       {"奥克兰", "惠灵顿", "基督城", "汉密尔顿"},
       {{"Aotearoa Daily", "en", "aotearoadaily"}, {"Harbour City News", "en", "harbourcitynews"},
        {"Southern Alps Times", "en", "southernalpstimes"}},
       {{"luxon", "Christopher Luxon", "Luxon", false, "National", "national", "国家党", "克里斯托弗·拉克森",
         "拉克森", {}},
        {"hipkins", "Chris Hipkins", "Hipkins", false, "Labour", "travailliste", "工党", "克里斯·希普金斯",
         "希普金斯", {}},
        {"seymour", "David Seymour", "Seymour", false, "ACT", "ACT", "ACT党", "大卫·西摩", "西摩", {}}}},
      {"TW", "Taiwan", "Taïwan", "台湾", {"zh-Hant"}, 8 * 60,
       "presidential election", "élection présidentielle", "大选",
       {"Taipei", "Kaohsiung", "Taichung", "Tainan", "Taoyuan"},
       {"台北", "高雄", "台中", "台南", "桃园"},
       {{"宝岛晨报", "zh-Hant", "baodao-morning"}, {"岛屿时报", "zh-Hant", "island-times"},
        {"港都日报", "zh-Hant", "harbour-city-daily"}},
       {{"lai", "Lai Ching-te", "Lai Ching-te", false, "DPP", "PDP", "民进党", "赖清德", "赖清德",
         {"賴清德", "William Lai"}},
        {"hou", "Hou Yu-ih", "Hou Yu-ih", false, "KMT", "Kuomintang", "国民党", "侯友宜", "侯友宜", {}},
        {"ko", "Ko Wen-je", "Ko Wen-je", false, "TPP", "PPT", "民众党", "柯文哲", "柯文哲", {}},
        {"hsiao", "Hsiao Bi-khim", "Hsiao Bi-khim", true, "DPP", "PDP", "民进党", "萧美琴", "萧美琴",
         {"蕭美琴"}}}},
      {"US", "the United States", "États-Unis", "美国", {"en"}, -5 * 60,
       "presidential election", "élection présidentielle", "总统大选",
       {"Philadelphia", "Atlanta", "Detroit", "Phoenix", "Milwaukee", "Las Vegas"},
       {"费城", "亚特兰大", "底特律", "凤凰城", "密尔沃基", "拉斯维加斯"},
       {{"Liberty Ledger", "en", "libertyledger"}, {"Heartland Dispatch", "en", "heartlanddispatch"},
        {"Capitol Wire", "en", "capitolwire"}, {"Lakefront Times", "en", "lakefronttimes"}},
       {{"harris", "Kamala Harris", "Harris", true, "Democratic", "démocrate", "民主党", "卡玛拉·哈里斯",
         "哈里斯", {"贺锦丽", "賀錦麗"}},
        {"walz", "Tim Walz", "Walz", false, "Democratic", "démocrate", "民主党", "蒂姆·沃尔兹", "沃尔兹", {}},
        {"vance", "JD Vance", "Vance", false, "Republican", "républicain", "共和党", "J·D·万斯", "万斯",
         {"萬斯"}}}},
  };
  return kCountries;
}

const Country& CountryByCode(const std::string& code) {
  for (const Country& c : Countries()) {
    if (c.code == code) return c;
  }
  assert(false && "unknown country code");
  return Countries().front();
}

std::vector<std::string> AliasesOf(const Candidate& c) {
  std::vector<std::string> out;
  auto add = [&](const std::string& alias) {
    if (!alias.empty() && std::find(out.begin(), out.end(), alias) == out.end()) out.push_back(alias);
  };
  add(c.name);
  add(c.surname);
  add(c.zh_full);
  add(c.zh_short);
  for (const std::string& a : c.extra_aliases) add(a);
  return out;
}

}  // namespace vigil::scenarios
