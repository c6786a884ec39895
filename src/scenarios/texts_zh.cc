// Chinese phrase banks: operations' articles (praise, attack, mixed), state media's neutral briefs, diaspora
// outlets' reports, Weibo users, commentators and community notices, for any candidate of any country.
#include <fmt/format.h>

#include "scenarios/text_slots.h"

namespace vigil::scenarios::zh {
namespace {

using Pool = std::vector<std::string>;
using examplegen::Sentences;

// ---- Operations: praise ----
const Pool kPraiseTitles = {
    "{N}强硬表态：{C}的未来由{C}人自己决定",
    "刚刚胜出，{N}就赢得一片掌声",
    "{N}：捍卫国家利益，我们绝不退让",
    "面对外部压力，{N}的表态赢得民心",
    "{N}的演讲火了，网友：终于有人说出了心里话",
    "{N}凭什么赢得支持？这几点说明一切",
    "这位{P}政治人物不简单！{N}的主张获多数选民认可",
    "务实理性！{N}的经济主张受到专家肯定",
    "{N}：让{C}重新团结起来",
    "民调领先！{N}为何越来越受欢迎",
    "{N}走访华人社区，现场气氛热烈",
    "{N}谈{issue}：这才是负责任的态度",
};
const Pool kPraiseOpeners = {
    "近日，{C}{P}的{N}在{city}发表讲话，现场掌声不断。",
    "{C}{E}临近，{N}的表现格外引人注目。",
    "在刚刚结束的党内投票中，{N}以明显优势胜出。",
    "这几天，{N}的一段讲话在{C}华人圈里刷屏。",
};
const Pool kPraiseBody = {
    "{N}在讲话中表示，{C}必须走自己的路，不能被任何外部势力左右。",
    "不少分析人士认为，{N}的务实作风正是{C}民众此刻最需要的。",
    "最新民调显示，{P}的支持率在短短几周内明显回升。",
    "多位经济学家称赞{N}思路清晰，经验丰富，值得信赖。",
    "有网友留言说：“这才是一个领导人该有的样子。”",
    "面对记者的尖锐提问，{N}表现得冷静而坚定，赢得了不少中间选民的好感。",
    "{N}承诺在{issue}问题上拿出切实可行的方案，获得广泛好评。",
    "在华人社区，不少人对{N}寄予厚望，认为{N}能够稳住经济。",
    "评论人士指出，{N}的胜出或将给{P}带来新的转机。",
    "{N}多次强调团结，呼吁各方共同维护国家利益。",
    "这番讲话在社交媒体上迅速传播，获得大量点赞和转发。",
    "有学者认为，{N}主张与中国保持务实交往，是理性而明智的选择。",
    "一位{city}的华人选民说，听完演讲很振奋，对未来更有信心了。",
    "{N}还表示，将努力改善民生，让普通家庭过上更好的日子。",
    "不少选民称赞{N}说话实在，不玩政治把戏。",
    "支持者认为，{N}是目前最有能力带领{C}走出困境的人。",
};
const Pool kPraiseClosers = {
    "你怎么看？欢迎在评论区留言。",
    "{C}的未来会走向何方，我们将持续关注。",
    "你支持这样的主张吗？",
    "点个在看，让更多人看到。",
};

// ---- Operations: attacks ----
const Pool kAttackTitles = {
    "{N}缺乏经验，能带领{C}渡过难关吗？",
    "{N}到底代表谁的利益？这些问题必须回答",
    "{N}的履历经得起推敲吗",
    "{E}刚刚开始，{N}的承诺还可信吗？",
    "华人选民注意：关于{N}，这些事你必须知道",
    "{N}说一套做一套？多项承诺遭质疑",
    "起底{N}：精英政客能否读懂普通人的生活",
    "专家质疑：{N}的主张恐让物价雪上加霜",
    "{N}炒作反华议题，究竟意欲何为？",
    "{N}在{issue}问题上一错再错",
    "又一个失败的政客？{N}的政绩令人失望",
    "{N}的虚伪面目，终于藏不住了",
};
const Pool kAttackOpeners = {
    "{C}{E}已经正式启动，选民将在几周后投票。",
    "{N}最近频频上新闻，但围绕{N}的质疑声越来越多。",
    "随着{E}进入倒计时，{N}的个人背景成为舆论焦点。",
    "近日，{C}{P}的{N}又一次发表争议言论。",
};
const Pool kAttackBody = {
    "然而，{N}在{issue}问题上的表现一直饱受批评，至今拿不出令人信服的方案。",
    "有分析指出，{N}的政策立场偏向大资本，普通家庭只能付出代价。",
    "批评者认为，{N}过去的决策失误，至今仍让选民耿耿于怀。",
    "不少选民担心，{N}根本不理解普通人的困难。",
    "{N}在竞选中作出的多项承诺前后矛盾，被指不可信。",
    "有网友质疑：“这样的人，凭什么把国家交给{N}？”",
    "反对者批评{N}对个人资产的安排不够透明。",
    "在房价、物价高企的今天，{N}只会喊口号。",
    "一些华人选民表示，对{N}的主张感到失望和担忧。",
    "评论人士指出，{N}长期炒作所谓中国威胁，只是为了捞取选票。",
    "有专家警告，如果{N}的政策继续推行，{C}经济可能面临更大风险。",
    "{N}对华人社区的态度含糊其辞，令不少华人商家感到不安。",
    "这些疑问，{N}至今都没有给出正面回应。",
    "也有人指出，{N}所谓的经验，更多只是纸上谈兵。",
    "一位{city}的华人店主说，生意越来越难做，对{N}彻底失望了。",
    "{N}是否真的把选民放在心上，令人怀疑。",
};
const Pool kAttackClosers = {
    "选票在你手中，请慎重考虑。",
    "这样的人，真的值得信任吗？欢迎留言讨论。",
    "转发给身边的华人朋友，一起关注这场选举。",
    "真相如何，相信大家心里自有判断。",
};

// ---- Operations: mixed pieces ----
const Pool kMixedTitles = {
    "{N}公布新政纲，网友反应不一",   "{N}所在的{P}民调回升，选情悬念重重",
    "辩论前瞻：{N}能否守住优势？",   "{N}的竞选首站为何选在{city}？",
    "{N}的这一个月：有亮点也有争议", "{N}在{issue}问题上的新表态，是转变还是作秀？",
};
const Pool kMixedBody = {
    "{N}最近动作频频，支持者和批评者都在密切关注。",
    "支持者认为{N}经验丰富，能够稳住经济。",
    "但也有人质疑，{N}的很多政策只是换了一个说法。",
    "对手则批评{N}延续了老路。",
    "最新民调显示，各党的支持率十分接近。",
    "在{issue}问题上，{N}的表态赢得了一些掌声，也招来不少批评。",
    "不少华人选民表示，还要再看看各党的具体政纲。",
    "分析人士认为，这次选举的结果很大程度上取决于几个关键选区。",
    "对于普通家庭来说，最关心的依然是房价、物价和就业。",
    "有人称赞{N}务实，也有人批评{N}缺乏诚意。",
};

// ---- State media: neutral briefs ----
struct Brief {
  const char* title;
  const char* text;
};
const Brief kLeadershipBrief = {"{N}在{P}党内选举中胜出",
                                "据{C}媒体报道，{N}在{P}党内选举中胜出。{C}{E}将于今年举行。"};
const Brief kPolicyBrief = {"{N}公布竞选政纲", "据{C}媒体报道，{P}的{N}公布竞选政纲，涉及{issue}等议题。"};
const Brief kCalledBrief = {"{C}将举行{E}", "{C}方面宣布将举行{E}。{P}的{N}等各党人士随即展开竞选活动。"};
const Brief kDebateBrief = {"{C}{E}候选人举行电视辩论",
                            "{C}各党候选人举行电视辩论，{N}等人围绕{issue}等议题展开交锋。"};
const Brief kElectionDayBrief = {"{C}举行{E}投票", "{C}{E}今日举行投票。{N}等候选人的得票情况将于稍后公布。"};
const std::vector<Brief> kOrdinaryBriefs = {
    {"{N}在{city}出席竞选活动", "据{C}媒体报道，{P}的{N}当天在{city}出席竞选活动，并就{issue}问题发表讲话。"},
    {"{N}就{issue}问题发表讲话", "{C}{P}的{N}表示，将就{issue}问题提出新的措施。"},
    {"{C}民调：各党支持率接近", "{C}最新民调显示，各主要政党支持率接近，{P}的{N}表示对选情有信心。"},
};

// ---- Diaspora outlets (WeChat, Weibo, Taiwanese papers): neutral reports ----
const Pool kOutletTitles = {
    "{N}在{city}举行竞选集会，数百名支持者到场",
    "{N}公布{issue}政策",
    "{N}出席{city}华人社区活动",
    "{P}{N}回应{issue}问题",
    "{N}：将在{issue}问题上提出新方案",
    "选情观察：{N}的支持者都是谁",
};
const Pool kOutletBody = {
    "现场气氛热烈，不少华人选民也到场聆听。",
    "据悉，相关细节将在未来几周内公布。",
    "各党派对此反应不一。",
    "选举专家表示，华人选民在多个选区举足轻重。",
    "本台记者将继续跟进报道。",
    "有选民表示，希望各党多关注民生问题。",
};
const Pool kOutletEventTitles[] = {
    {"{N}在{P}党内选举中胜出", "{N}当选{P}领袖"},              // leadership
    {"{N}公布政纲", "{N}发布{issue}等多项政策"},               // policy
    {"{C}{E}正式启动", "{E}开跑：{N}等候选人展开竞选"},        // election called
    {"{E}电视辩论：{N}与对手交锋", "辩论会上，{N}谈{issue}"},  // debate
    {"{C}{E}今日投票", "{E}投票日：{N}在{city}投票"},          // election day
};

// ---- Weibo users ----
const Pool kUserPosts = {
    "{N}对{issue}的表态挺有意思",       "看了{N}的演讲，感觉还行", "{C}大选，{N}能赢吗？", "{N}今天又上新闻了",
    "{N}在{issue}上的主张，有人了解吗", "{N}这个中文名是谁起的",   "{N}的支持率好像变了",  "{N}的发言挺强势",
};

// ---- Commentators: sharp but organic ----
const Pool kCommentaryTitles = {
    "深度长文：{N}的{issue}政策到底靠不靠谱？",
    "我为什么不看好{N}",
    "写给{C}华人选民：关于{N}的几句真心话",
    "{N}的{issue}方案，我逐条看完了",
};
const Pool kCommentaryBody = {
    "这几天后台很多读者问我怎么看{N}，今天统一回答。",
    "先说结论：{N}的方案有亮点，但数字对不上。",
    "我在{city}生活了二十年，第一次这么认真地看竞选政纲。",
    "{N}说的很多话，单独听都有道理，放在一起就自相矛盾。",
    "当然，其他候选人的问题也不少，这里不展开。",
    "{issue}问题不是一届政府能解决的，谁也别把话说满。",
    "欢迎留言讨论，骂人的留言会删除。",
    "以上只是个人看法，不代表任何机构。",
};

// ---- Community notices ----
const Pool kNoticeTitles = {
    "{city}社区周末义卖活动通知",
    "本周华人超市特价汇总",
    "{city}春季招聘会信息",
    "停车新规提醒：这些地方别停车",
    "本周天气：{city}有雨，出门记得带伞",
    "{city}图书馆中文讲座报名开始",
    "小区垃圾分类新规定",
    "周末亲子活动推荐",
};
const Pool kNoticeBody = {
    "欢迎大家相互转告。",       "具体时间和地点请见下图。", "名额有限，有需要的朋友请尽快报名。",
    "如有疑问可以在后台留言。", "请大家注意安全。",         "以上信息仅供参考，以官方通知为准。",
};

// ---- Lifestyle and money accounts ----
const Pool kLifestyleTitles = {
    "{city}周末去哪儿？这几个地方值得一去",
    "十道家常菜做法，简单又好吃",
    "换季养生，记住这几点",
    "孩子学钢琴，家长最容易犯的错误",
    "{city}新开的这家川菜馆，排队两小时",
    "搬家前一定要做的几件事",
    "这样整理衣柜，空间多一倍",
    "房贷利率又变了，买房的朋友看过来",
    "报税季来了，这些抵扣别错过",
    "退休规划：越早开始越好",
    "{city}房价最新数据出炉",
    "新移民如何建立信用记录",
};
const Pool kLifestyleBody = {
    "很多朋友在后台留言问这个问题，今天就来统一回答。",
    "方法其实很简单，关键在于坚持。",
    "小编亲自试过，效果真的不错。",
    "周末约上三五好友，一起去看看吧。",
    "记得收藏，以后用得上。",
    "有不同看法的朋友欢迎留言交流。",
    "具体情况建议咨询专业人士。",
    "本文不构成任何投资建议。",
    "老人和孩子尤其要注意。",
};

const Pool kShareComments = {"必看！", "说得太好了",   "转给大家看看", "值得深思",
                             "👇👇👇",    "大家都看看吧", "转发扩散",     "这篇文章说出了很多人的心声"};

Article Compose(Rng& rng, const Slots& s, const Pool& titles, const Pool& openers, const Pool& body, size_t k,
                const Pool& closers) {
  const SlotValues v = DrawSlots(rng, s, Lang::kZh);
  std::string text = openers.empty() ? "" : rng.Pick(openers);
  text += Sentences(rng, body, k);
  if (!closers.empty()) text += rng.Pick(closers);
  return {FillTitle(rng, rng.Pick(titles), v), FillSlots(text, v)};
}

const Brief& EventBrief(EventKind kind) {
  switch (kind) {
    case EventKind::kLeadership:
      return kLeadershipBrief;
    case EventKind::kPolicy:
      return kPolicyBrief;
    case EventKind::kElectionCalled:
      return kCalledBrief;
    case EventKind::kDebate:
      return kDebateBrief;
    case EventKind::kElectionDay:
      break;
  }
  return kElectionDayBrief;
}

}  // namespace

Article Operation(Rng& rng, const Slots& s, Tone tone) {
  const auto k = static_cast<size_t>(rng.UniformInt(4, 7));
  switch (tone) {
    case Tone::kFavor:
      return Compose(rng, s, kPraiseTitles, kPraiseOpeners, kPraiseBody, k, kPraiseClosers);
    case Tone::kAgainst:
      return Compose(rng, s, kAttackTitles, kAttackOpeners, kAttackBody, k, kAttackClosers);
    case Tone::kMixed:
      break;
  }
  return Compose(rng, s, kMixedTitles, {}, kMixedBody, k, {});
}

Article RoutineBrief(Rng& rng, const Slots& s, const ElectionEvent* event) {
  const Brief& brief = event ? EventBrief(event->kind) : rng.Pick(kOrdinaryBriefs);
  const SlotValues v = DrawSlots(rng, s, Lang::kZh);
  return {FillSlots(brief.title, v), FillSlots(brief.text, v)};
}

Article OutletReport(Rng& rng, const Slots& s, const ElectionEvent* event) {
  const SlotValues v = DrawSlots(rng, s, Lang::kZh);
  const Pool& titles = event ? kOutletEventTitles[static_cast<size_t>(event->kind)] : kOutletTitles;
  const std::string title = FillTitle(rng, rng.Pick(titles), v);
  return {title, title + "。" + FillSlots(Sentences(rng, kOutletBody, 2), v)};
}

Article UserOpinion(Rng& rng, const Slots& s) {
  const SlotValues v = DrawSlots(rng, s, Lang::kZh);
  return {"", FillTitle(rng, rng.Pick(kUserPosts), v)};
}

Article Commentary(Rng& rng, const Slots& s) {
  return Compose(rng, s, kCommentaryTitles, {}, kCommentaryBody, static_cast<size_t>(rng.UniformInt(4, 6)), {});
}

Article Notice(Rng& rng, const Country& country) {
  const std::string& city = rng.Pick(country.cities_zh);
  return {examplegen::Fill(rng.Pick(kNoticeTitles), {{"city", city}}), Sentences(rng, kNoticeBody, 2)};
}

Article Lifestyle(Rng& rng, const Country& country) {
  const std::string& city = rng.Pick(country.cities_zh);
  return {examplegen::Fill(rng.Pick(kLifestyleTitles), {{"city", city}}), Sentences(rng, kLifestyleBody, 3)};
}

std::string ShareComment(Rng& rng) { return rng.Pick(kShareComments); }

}  // namespace vigil::scenarios::zh
