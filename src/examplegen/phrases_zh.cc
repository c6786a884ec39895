// Chinese phrase pools: the operation's articles, state media news, ordinary WeChat accounts and Weibo.
#include <fmt/format.h>

#include "examplegen/phrases.h"

namespace vigil::examplegen {
namespace {

using Pool = std::vector<std::string>;

// Name forms. Weights favour the forms PRC-based outlets use most.
const Pool kCarneyForms = {"卡尼", "马克·卡尼", "馬克·卡尼", "马克 卡尼", "马克•卡尼"};
const std::vector<double> kCarneyWeights = {0.55, 0.25, 0.08, 0.07, 0.05};
const Pool kChongForms = {"庄文浩", "莊文浩"};
const std::vector<double> kChongWeights = {0.75, 0.25};
const Pool kFreelandForms = {"方慧兰", "方慧蘭", "克里斯蒂娅·弗里兰", "弗里兰", "弗里蘭"};
const std::vector<double> kFreelandWeights = {0.35, 0.1, 0.2, 0.25, 0.1};

// ---- 2025-03-10: praise of Carney's stand toward the United States ----
const Pool kPraiseTitles = {
    "{N}强硬回应特朗普：加拿大永远不会成为美国的第51个州",
    "刚刚当选自由党党魁，{N}就向特朗普喊话",
    "{N}：捍卫加拿大主权，我们绝不退让",
    "面对美国关税威胁，{N}的表态赢得一片掌声",
    "{N}胜选演讲硬刚特朗普，加拿大网友：终于有人敢说了",
    "从央行行长到自由党党魁，{N}凭什么赢得支持？",
    "{N}：加拿大不会在关税战中低头",
    "这位新党魁不简单！{N}对美立场获多数选民认可",
    "{N}誓言反击美国关税，称加拿大人会团结一致",
    "特朗普步步紧逼，{N}寸步不让",
};
const Pool kPraiseOpeners = {
    "当地时间3月9日，{N}以压倒性优势赢得加拿大自由党党魁选举，即将出任加拿大总理。",
    "加拿大自由党3月9日公布党魁选举结果，前央行行长{N}获得超过八成选票，轻松胜出。",
    "3月9日晚，{N}在渥太华发表胜选演讲，全场掌声雷动。",
};
const Pool kPraiseSentences = {
    "在胜选演讲中，{N}直言美国的关税政策是对加拿大的无理挑衅。",
    "他表示，加拿大绝不会成为美国的一部分，无论以何种形式。",
    "{N}强调，只要美国继续加征关税，加拿大就会坚持对等反制。",
    "不少分析人士认为，{N}的强硬姿态正是加拿大民众此刻最想听到的声音。",
    "最新民调显示，自由党的支持率在短短几周内明显回升。",
    "多位经济学家称赞他拥有丰富的危机应对经验，曾先后执掌加拿大央行和英国央行。",
    "有网友留言说：“这才是一个领导人该有的样子。”",
    "面对特朗普的步步紧逼，{N}表现得冷静而坚定，赢得了不少中间选民的好感。",
    "他承诺将加快推进贸易多元化，减少对美国市场的依赖。",
    "在华人社区，不少人对这位新党魁寄予厚望，认为他能够稳住经济。",
    "评论人士指出，{N}的当选或将给陷入低谷的自由党带来转机。",
    "{N}在讲话中多次提到团结，呼吁各省和各党派共同捍卫国家利益。",
    "他还表示，加拿大的主权、资源和水源都不容出卖。",
    "这番讲话在社交媒体上迅速传播，获得大量点赞和转发。",
    "有学者认为，他在金融危机中的表现证明了他的能力，值得信赖。",
    "一位多伦多的华人选民说，听完演讲觉得很振奋，对加拿大的未来更有信心了。",
};
const Pool kPraiseClosers = {
    "你怎么看这位新党魁？欢迎在评论区留言。",
    "加拿大的未来会走向何方，我们将持续关注。",
    "对此，你支持他的立场吗？",
    "点个在看，让更多人看到。",
};

// ---- 2025-03-25: attacks on Carney's experience and credentials ----
const Pool kAttackTitles = {
    "{N}缺乏从政经验，能带领加拿大渡过难关吗？",
    "高盛背景引质疑：{N}到底代表谁的利益？",
    "央行行长任内政策失误频频，{N}的履历经得起推敲吗",
    "大选刚刚开始，{N}的承诺还可信吗？",
    "从未当选过议员，{N}凭什么当总理？",
    "华人选民注意：关于{N}，这些事你必须知道",
    "{N}说一套做一套？多项承诺遭质疑",
    "起底{N}：金融精英能否读懂普通人的生活",
    "专家质疑：{N}的经济主张恐让物价雪上加霜",
    "提前大选是{N}的一场豪赌",
};
const Pool kAttackOpeners = {
    "加拿大联邦大选已于3月23日正式启动，选民将于4月28日投票。",
    "{N}宣布提前大选才两天，围绕他的质疑声就越来越多。",
    "随着大选进入倒计时，新任总理{N}的个人背景成为舆论焦点。",
};
const Pool kAttackSentences = {
    "然而，{N}此前从未担任过任何民选职务，缺乏从政经验一直是外界质疑的焦点。",
    "有分析指出，{N}长期在高盛任职，其政策立场难免偏向华尔街和大资本。",
    "批评者认为，他在担任央行行长期间的政策失误，至今仍让普通家庭付出代价。",
    "不少选民担心，一个没有经过选举考验的人，很难真正理解普通人的困难。",
    "他在竞选中作出的多项承诺前后矛盾，被指不可信。",
    "有网友质疑：“他在英国央行的表现也并不理想，为什么要把国家交给他？”",
    "反对党议员批评他对个人资产的安排不够透明。",
    "在房价、物价高企的今天，{N}至今没有拿出令人信服的方案。",
    "一些华人选民表示，对他的经济主张感到失望和担忧。",
    "评论人士指出，自由党执政多年的问题不会因为换了一个党魁就消失。",
    "有专家警告，如果他的政策继续推行，加拿大经济可能面临更大风险。",
    "他对中加关系的表态含糊其辞，令不少华人商家感到不安。",
    "这些疑问，{N}至今都没有给出正面回应。",
    "也有人指出，他所谓的应对关税经验，更多只是纸上谈兵。",
    "一位温哥华的华人店主说，生意越来越难做，看不到新政府有什么实际办法。",
};
const Pool kAttackClosers = {
    "选票在你手中，请慎重考虑。",
    "这样的人，真的值得信任吗？欢迎留言讨论。",
    "转发给身边的华人朋友，一起关注这场大选。",
    "真相如何，相信大家心里自有判断。",
};

// ---- Between the clusters: mixed pieces ----
const Pool kMixedTitles = {
    "{N}内阁名单出炉，多位老面孔留任",
    "{N}取消消费者碳税，网友反应不一",
    "{N}领导的自由党民调回升，大选悬念重重",
    "大选辩论前瞻：{N}能否守住领先优势？",
    "{N}首次以总理身份出访欧洲，释放了什么信号",
    "{N}的竞选首站为何选在这里？",
};
const Pool kMixedSentences = {
    "{N}上任后动作频频，支持者和批评者都在密切关注。",
    "支持者认为他经验丰富，能够稳住加拿大经济。",
    "但也有人质疑，他的很多政策只是换了一个说法。",
    "保守党则批评他延续了自由党政府的老路。",
    "最新民调显示，两大党的支持率十分接近。",
    "在关税问题上，{N}继续表示不会向美国让步。",
    "不少华人选民表示，还要再看看各党的具体政纲。",
    "分析人士认为，这次大选的结果很大程度上取决于安大略省和魁北克省的选票。",
    "新民主党也加大了竞选力度，试图争取更多年轻选民。",
    "对于普通家庭来说，最关心的依然是房价、物价和就业。",
};

// ---- May 2023: Michael Chong ----
const Pool kChongTitles = {
    "{C}炒作中国威胁论，究竟意欲何为？",
    "所谓中国外交官威胁议员，证据在哪里？",
    "借题发挥！{C}又拿华人社区做文章",
    "加拿大驱逐中国外交官，{C}难辞其咎",
    "{C}反华言论不断，网友：为了选票什么都说",
    "中加关系再受冲击，谁在背后推波助澜？",
    "起底{C}：靠炒作涉华议题博眼球的政客",
};
const Pool kChongOpeners = {
    "近日，加拿大保守党议员{C}声称自己及家人遭到中国外交官针对，在加拿大国内掀起轩然大波。",
    "围绕所谓干预事件，保守党议员{C}这几天频频接受媒体采访。",
};
const Pool kChongSentences = {
    "然而，相关说法至今没有公开任何确凿证据。",
    "中方已多次表示，所谓干预完全是无中生有。",
    "有评论指出，{C}长期在涉华问题上立场激进，此次更是借机炒作。",
    "一些华人担心，这样的炒作会加剧社会对华裔群体的偏见。",
    "分析人士认为，这类指责将使本已紧张的中加关系雪上加霜。",
    "加拿大华人社区不应成为政客的筹码。",
    "有网友直言：“动不动就拿中国说事，解决不了加拿大自己的问题。”",
    "也有人质疑，{C}是否在利用此事为自己的政治前途造势。",
    "中国外交部发言人表示，坚决反对加方无端指责。",
    "事实上，{C}的说法主要来自匿名消息，可信度令人怀疑。",
    "有华人社团负责人表示，希望政客停止把正常交往政治化。",
};
const Pool kChongAfterExpulsion = {
    "5月8日，加拿大政府宣布驱逐中国驻多伦多总领馆外交官赵巍，中方随即宣布对等反制。",
    "加方驱逐中国外交官的决定，被不少评论人士视为向{C}等反华政客妥协的结果。",
};
const Pool kChongClosers = {"中加关系何去何从，值得每一位华人关注。", "你怎么看？欢迎留言。"};

// ---- Jan-Feb 2025: Chrystia Freeland ----
const Pool kFreelandTitles = {
    "{F}宣布竞选自由党党魁，华人社区为何不买账？",
    "起底{F}：她的家族历史为何一再引发争议",
    "{F}与总理决裂内幕曝光",
    "对华强硬的{F}，能给加拿大带来什么？",
    "{F}执掌财政期间赤字飙升，如今还要当总理？",
    "{F}的竞选承诺被指空洞无物",
};
const Pool kFreelandSentences = {
    "1月17日，前副总理兼财政部长{F}正式宣布参选自由党党魁。",
    "去年12月，她突然辞去内阁职务，并公开批评总理的施政，震惊政坛。",
    "有评论指出，她在担任财政部长期间，联邦赤字屡创新高。",
    "她的家族历史在网络上再次被翻出，引发大量讨论。",
    "不少华人商家认为，她一贯的对华强硬立场损害了两国经贸往来。",
    "批评者说，她所谓的改变不过是换汤不换药。",
    "也有人质疑，她与现政府的关系难以切割，不可能带来真正的新方向。",
    "在物价高企、住房紧张的当下，选民更需要务实的方案而不是口号。",
    "网友评论：“她在政府里待了这么多年，现在才说要改变？”",
    "民调显示，她在党内的支持率明显落后于竞争对手。",
};

// ---- State media: national and international news ----
const Pool kCities = {"北京", "上海", "广州", "深圳", "杭州", "成都", "重庆", "武汉", "西安", "南京",
                      "长沙", "郑州", "天津", "苏州", "昆明", "哈尔滨", "青岛", "厦门", "合肥", "贵阳"};
const Pool kProvinces = {"河南", "山东", "四川", "湖南", "江苏", "浙江", "广东", "黑龙江", "云南", "安徽"};
const Pool kCountries = {"巴西", "法国", "马来西亚", "南非", "印度尼西亚", "埃及", "哈萨克斯坦", "阿根廷",
                         "越南", "沙特阿拉伯", "新西兰", "塞尔维亚"};
const Pool kSports = {"乒乓球", "羽毛球", "跳水", "游泳", "体操", "短道速滑", "举重", "射击"};
const Pool kExpos = {"进口", "服务贸易", "消费品", "数字经济", "农业", "文化旅游", "新能源汽车", "人工智能"};

struct NewsTopic {
  const char* title;
  const char* lead;
  Pool more;
};

const std::vector<NewsTopic>& NewsTopics() {
  static const std::vector<NewsTopic> kTopics = {
      {"{province}：春耕备耕有序推进", "连日来，{province}各地抢抓农时，田间地头一派繁忙景象。",
       {"农业部门组织技术人员下沉一线，指导农户科学施肥。", "今年全省计划粮食播种面积保持稳定。"}},
      {"国家统计局：国民经济运行总体平稳", "国家统计局今天发布数据，主要经济指标保持稳定增长。",
       {"社会消费品零售总额同比增长{pct}%。", "规模以上工业增加值同比增长{pct}%，高技术制造业增势良好。"}},
      {"{city}地铁新线开通运营", "今天上午，{city}地铁新线路正式开通，全长{n}公里。",
       {"新线开通后，沿线居民出行将更加便捷。", "首日客流超过{n}万人次。"}},
      {"我国成功发射新一代通信卫星", "今天，我国在西昌卫星发射中心成功发射一颗新型通信卫星。",
       {"卫星顺利进入预定轨道，发射任务获得圆满成功。", "这是长征系列运载火箭的又一次成功发射。"}},
      {"第{n}届中国国际{expo}博览会开幕", "本届博览会吸引了来自{n}个国家和地区的企业参展。",
       {"展会期间将举办多场专题论坛和签约活动。", "主办方表示，展会为中外企业搭建了合作平台。"}},
      {"{sport}世锦赛：中国队摘得金牌", "在刚刚结束的比赛中，中国选手发挥出色，夺得冠军。",
       {"这是中国队本届赛事获得的第{n}枚金牌。", "赛后，选手表示将继续努力，为国争光。"}},
      {"{city}气温回升 市民踏青赏花", "随着气温回升，{city}各大公园迎来赏花高峰。",
       {"公园管理部门增派人手，做好游客疏导工作。", "气象部门提醒，早晚温差较大，注意添衣。"}},
      {"外交部：中方愿同{country}加强务实合作", "外交部发言人在今天的例行记者会上回答了有关提问。",
       {"发言人表示，中方愿同{country}一道，推动双边关系不断向前发展。", "双方将在贸易、能源、人文等领域深化合作。"}},
      {"{province}粮食产量再创新高", "记者从{province}省农业农村厅获悉，全省粮食总产量再创历史新高。",
       {"高标准农田建设为稳产增产提供了坚实基础。", "种粮农民收入持续增加。"}},
      {"新能源汽车出口持续增长", "海关数据显示，我国新能源汽车出口继续保持较快增长。",
       {"前{n}个月出口量同比增长{pct}%。", "欧洲和东南亚市场需求旺盛。"}},
      {"{country}总统将对中国进行国事访问", "应国家主席邀请，{country}总统将于近日对中国进行国事访问。",
       {"访问期间，两国元首将就双边关系和共同关心的问题交换意见。", "这是两国建交以来的又一次重要高层交往。"}},
      {"中欧班列累计开行突破{n}万列", "今年以来，中欧班列保持安全稳定畅通运行。",
       {"班列通达欧洲{n}个国家的城市。", "运输货物品类不断丰富，有力保障了产业链供应链稳定。"}},
      {"{province}发布暴雨预警", "受强降雨影响，{province}多地发布暴雨预警。",
       {"相关部门已启动防汛应急响应。", "提醒市民减少外出，注意防范次生灾害。"}},
      {"{city}：老旧小区改造惠及{n}户居民", "今年以来，{city}加快推进老旧小区改造。",
       {"加装电梯、改造管网等工程陆续完工。", "居民纷纷表示，生活环境明显改善。"}},
      {"博物馆里过节成为新风尚", "假期期间，各地博物馆迎来参观热潮。",
       {"{city}博物馆单日接待游客超过{n}万人次。", "文创产品受到年轻人的热烈欢迎。"}},
      {"央行：保持流动性合理充裕", "中国人民银行今天发布公告，将继续实施稳健的货币政策。",
       {"央行表示，将加大对实体经济的支持力度。", "市场人士认为，这一表态有助于稳定市场预期。"}},
      {"{city}举行非遗展演活动", "近日，{city}举办非物质文化遗产展演，吸引大批市民和游客。",
       {"剪纸、皮影、刺绣等传统技艺轮番亮相。", "不少外国游客也来到现场体验中国传统文化。"}},
      {"全国铁路假期发送旅客超{n}千万人次", "国铁集团数据显示，假期铁路客流持续高位运行。",
       {"各地铁路部门加开列车，满足旅客出行需求。", "热门线路车票提前售罄。"}},
      {"中国科研团队取得重要突破", "近日，我国科研团队在量子通信领域取得重要进展。",
       {"相关成果已发表在国际知名学术期刊上。", "专家认为，这一成果具有重要的应用前景。"}},
      {"{country}：当地华人欢度春节", "春节期间，{country}多地举办庆祝活动。",
       {"舞龙舞狮等表演吸引了大量当地民众。", "中国驻当地使馆向侨胞致以节日问候。"}},
  };
  return kTopics;
}

// ---- Youli-Youmian daily commentary ----
// Each story: its title and a lead sentence that says what happened; commentary sentences follow.
const std::vector<std::pair<const char*, const char*>> kYouliStories = {
    {"美国又发生枪击案，{n}人受伤", "据美国媒体报道，当地时间周末晚上，一处购物中心附近发生枪击事件，造成{n}人受伤。"},
    {"美国鸡蛋价格飙升，超市开始限购", "受禽流感影响，美国多地鸡蛋价格一年内上涨超过一倍，不少超市开始限购。"},
    {"{country}大选结果出炉，对中国意味着什么", "{country}选举委员会公布了最新计票结果，执政联盟再次获胜。"},
    {"这位中国小伙在海外火了，网友：太给力了", "一位在海外打工的中国小伙，因为一段修车视频在社交媒体上走红。"},
    {"外国网友热议中国高铁：速度太惊人", "一位外国博主乘坐中国高铁的视频，在海外社交平台上获得了大量关注。"},
    {"日本核污水排海，周边国家强烈反对", "日本政府不顾各方反对，继续推进福岛核污染水排海计划。"},
    {"{country}总理访华，释放了什么信号？", "应中方邀请，{country}总理本周对中国进行正式访问。"},
    {"中国游客出境游热度回升，这些目的地最受欢迎", "多家旅行平台数据显示，今年出境游订单同比大幅增长。"},
    {"留学生注意：{country}签证新规出台", "{country}移民部门近日宣布调整学生签证政策，新规将于下月实施。"},
    {"美国大学学费再涨，年轻人背不起的学贷", "美国多所大学宣布新学年学费继续上涨，学生贷款总额再创新高。"},
    {"欧洲能源危机仍未结束，普通家庭叫苦连天", "入冬以来，欧洲多国电价和燃气价格居高不下。"},
    {"中国品牌手机在{country}卖疯了", "最新市场报告显示，中国品牌手机在{country}的市场份额持续上升。"},
    {"一场暴雪让美国{n}万户家庭断电", "一场强暴风雪席卷美国东北部，导致{n}万户家庭断电。"},
    {"外国博主实拍中国县城，网友：和想象的不一样", "一位外国博主用镜头记录了中国一座普通县城的日常生活。"},
    {"美国通胀数据出炉，物价还在涨", "美国劳工部最新公布的数据显示，消费者价格指数仍在上涨。"},
    {"这个周末，海外华人都在忙什么？", "不少海外华人利用周末组织社区活动，丰富业余生活。"},
};
const Pool kYouliSentences = {
    "消息一出，立刻在网上引发热议。",
    "不少网友表示，这样的事情已经不是第一次发生了。",
    "有分析人士指出，问题的根源在于长期积累的社会矛盾。",
    "对此，当地政府至今没有拿出有效的解决办法。",
    "也有网友留言说，希望大家理性看待，不要被情绪带偏。",
    "数据显示，相关情况在过去一年里明显恶化。",
    "外国媒体也对此进行了大量报道。",
    "一位在当地生活多年的华人说，身边的朋友都在讨论这件事。",
    "专家认为，未来一段时间内，这种趋势恐怕难以扭转。",
    "相比之下，中国在这方面的做法值得借鉴。",
    "事情的后续发展，我们会持续关注。",
    "你身边有类似的情况吗？欢迎在评论区分享。",
};

// ---- Amplifiers' own rare posts ----
const Pool kLocalTitles = {
    "{city2}社区周末义卖活动通知", "本周华人超市特价汇总", "{city2}春季招聘会信息", "停车新规提醒：这些地方别停车",
    "本周天气：{city2}有雨，出门记得带伞", "{city2}图书馆中文讲座报名开始", "小区垃圾分类新规定", "周末亲子活动推荐",
};
const Pool kLocalSentences = {
    "欢迎大家相互转告。", "具体时间和地点请见下图。", "名额有限，有需要的朋友请尽快报名。", "如有疑问可以在后台留言。",
    "请大家注意安全。", "以上信息仅供参考，以官方通知为准。",
};
const Pool kCanadaCities = {"多伦多", "温哥华", "列治文", "万锦", "密西沙加", "本拿比", "卡尔加里", "渥太华", "蒙特利尔", "埃德蒙顿"};

// ---- Unrelated WeChat accounts ----
const Pool kLifestyleTitles = {
    "{city2}周末去哪儿？这{n}个地方值得一去", "十道家常菜做法，简单又好吃", "春季养生，记住这几点",
    "孩子学钢琴，家长最容易犯的错误", "这几种水果千万别空腹吃", "{city2}新开的这家川菜馆，排队两小时",
    "冬天皮肤干燥怎么办", "搬家前一定要做的{n}件事", "这样整理衣柜，空间多一倍", "宠物狗夏天要注意什么",
};
const Pool kLifestyleSentences = {
    "很多朋友在后台留言问这个问题，今天就来统一回答。", "方法其实很简单，关键在于坚持。", "小编亲自试过，效果真的不错。",
    "周末约上三五好友，一起去看看吧。", "记得收藏，以后用得上。", "有不同看法的朋友欢迎留言交流。",
    "价格也很实惠，人均不到三十加元。", "老人和孩子尤其要注意。",
};
const Pool kFinanceTitles = {
    "加拿大央行维持利率不变，房贷族怎么办", "{city2}房价最新数据出炉", "今年的TFSA额度是多少？",
    "报税季来了，这些抵扣别错过", "加元汇率走弱，留学生家庭压力大", "美国关税冲击下，加拿大股市怎么走",
    "退休金规划：越早开始越好", "新移民如何建立信用记录",
};
const Pool kFinanceSentences = {
    "分析师认为，未来几个月市场仍将保持波动。", "对于普通家庭来说，控制负债比什么都重要。", "具体情况建议咨询专业理财顾问。",
    "数据显示，成交量同比下降了{pct}%。", "不少投资者选择观望。", "本文不构成任何投资建议。",
};

// ---- Chinese-language local news about Canadian politics (organic, neutral) ----
// Headlines valid from/until a date, so no post reports an event before it happened.
struct DatedLine {
  const char* text;
  CivilDate from = {1970, 1, 1};
  CivilDate until = {2100, 1, 1};
};
const std::vector<DatedLine> kZhNewsLines[] = {
    // carney
    {{"前加拿大央行行长{N}被传有意竞选自由党党魁", {2024, 12, 1}, {2025, 1, 15}},
     {"{N}：正在认真考虑是否参选自由党党魁", {2024, 12, 1}, {2025, 1, 15}},
     {"{N}在{city2}举行竞选集会，数百名支持者到场", {2025, 1, 16}},
     {"{N}公布住房计划，承诺每年新建大量住宅", {2025, 1, 16}},
     {"{N}回应美国关税：将采取对等措施", {2025, 1, 16}},
     {"自由党党魁候选人{N}参加{city2}华人社区座谈", {2025, 1, 16}, {2025, 3, 9}},
     {"{N}宣誓就任加拿大总理", {2025, 3, 14}, {2025, 3, 20}},
     {"{N}与各省省长会面，讨论应对美国关税", {2025, 3, 14}}},
    // poilievre
    {{"保守党领袖博励治在{city2}发表演讲，承诺减税"},
     {"博励治：上台后将取消碳税"},
     {"博勵治出席{city2}华人社区活动"},
     {"普瓦利耶批评联邦政府住房政策"}},
    // singh
    {{"新民主党领袖驵勉诚公布政策主张"}, {"驵勉诚承诺扩大全民牙科保险"}, {"辛格在{city2}为新民主党候选人助选"}},
    // trudeau
    {{"杜鲁多出席{city2}社区活动", {1970, 1, 1}, {2025, 3, 14}},
     {"特鲁多政府公布新一轮住房措施", {1970, 1, 1}, {2025, 1, 5}},
     {"杜鲁多宣布辞去自由党党魁职务", {2025, 1, 6}, {2025, 1, 20}},
     {"特鲁多：将留任至新党魁选出", {2025, 1, 6}, {2025, 3, 9}}},
    // freeland
    {{"方慧蘭在{city2}会见支持者"},
     {"方慧兰辞去财政部长职务", {2024, 12, 16}, {2025, 1, 10}},
     {"方慧兰宣布参选自由党党魁", {2025, 1, 17}, {2025, 3, 9}}},
    // chong
    {{"庄文浩在国会就人权问题发言"},
     {"庄文浩就外国干预问题召开记者会", {2023, 5, 1}},
     {"国会委员会就庄文浩事件举行听证", {2023, 5, 8}}},
};
constexpr const char* kZhNewsTargets[] = {"carney", "poilievre", "singh", "trudeau", "freeland", "chong"};
const Pool kZhNewsSentences = {
    "现场气氛热烈，不少华人选民也到场聆听。", "据悉，相关细节将在未来几周内公布。", "各党派对此反应不一。",
    "选举专家表示，华人选民在多个选区举足轻重。", "本台记者将继续跟进报道。", "有选民表示，希望各党多关注民生问题。",
};

// ---- 卡尼 in another sense ----
const Pool kZhAmbiguous = {
    "美国内布拉斯加州卡尼市迎来沙丘鹤迁徙季，每年数十万只沙丘鹤在此停留。",
    "卡尼市郊的普拉特河畔，清晨的鹤群吸引了大批摄影爱好者。",
    "足球：卡尼梅开二度，帮助球队客场3比1取胜。",
    "前锋卡尼赛后表示，球队的配合越来越默契。",
    "卡尼市举办农场开放日，游客可以体验玉米收割。",
};

// ---- Weibo ----
const Pool kWeiboCarney = {
    "{N}对美国关税的表态很强硬啊", "{N}这个人是央行行长出身，懂经济", "看了{N}的演讲，感觉挺有气场",
    "加拿大大选，{N}和博励治谁会赢？", "{N}说加拿大不会成为美国的一部分",
};
// Timeless lines per target, so no post predates the event it would describe.
const Pool kWeiboPoilievre = {"博励治这个中文名挺有意思", "博励治说要减税，真的能做到吗", "普瓦利耶的演讲风格很有攻击性"};
const Pool kWeiboTrudeau = {"特鲁多的支持率好像又跌了", "杜鲁多今天又上新闻了", "特鲁多在加拿大的口碑两极分化"};
const Pool kWeiboSingh = {"辛格的新民主党这次能拿几个席位", "驵勉诚这个中文名是谁起的"};
const Pool kWeiboFreeland = {"方慧兰的发言挺强势", "弗里兰在财政上的做法争议不小"};
const Pool kWeiboChong = {"庄文浩又上新闻了", "庄文浩这件事在加拿大闹得挺大"};
const Pool kWeiboChatter = {
    "今天的晚霞太美了", "周末去爬山，累但开心", "新买的咖啡机到了，每天早上一杯", "这部剧真的越看越上头",
    "终于考完试了，放假！", "楼下新开了一家面馆，味道不错",
};

std::string PickName(Rng& rng, const Pool& forms, const std::vector<double>& weights) {
  return forms[rng.Weighted(weights)];
}

// Fills the number and place slots a template uses; draws only for slots present.
std::string FillNumbers(Rng& rng, std::string_view tmpl) {
  if (tmpl.find('{') == std::string_view::npos) return std::string(tmpl);
  auto has = [&](std::string_view key) { return tmpl.find(key) != std::string_view::npos; };
  const std::string n = has("{n}") ? std::to_string(rng.UniformInt(2, 60)) : "";
  const std::string pct = has("{pct}") ? fmt::format("{}.{}", rng.UniformInt(1, 15), rng.UniformInt(0, 9)) : "";
  static const std::string kNone;
  return Fill(tmpl, {{"n", n},
                     {"pct", pct},
                     {"city", has("{city}") ? rng.Pick(kCities) : kNone},
                     {"city2", has("{city2}") ? rng.Pick(kCanadaCities) : kNone},
                     {"province", has("{province}") ? rng.Pick(kProvinces) : kNone},
                     {"country", has("{country}") ? rng.Pick(kCountries) : kNone},
                     {"sport", has("{sport}") ? rng.Pick(kSports) : kNone},
                     {"expo", has("{expo}") ? rng.Pick(kExpos) : kNone}});
}

// Title and text filled with the same slot values, so a headline about 武汉 is not followed by 郑州.
Article FillArticle(Rng& rng, std::string_view title, std::string_view text) {
  constexpr char kUnitSeparator = '\x1f';
  std::string both = FillNumbers(rng, std::string(title) + kUnitSeparator + std::string(text));
  const size_t cut = both.find(kUnitSeparator);
  return {both.substr(0, cut), both.substr(cut + 1)};
}

// The short form that follows a full name: the part after the separator (马克·卡尼 -> 卡尼).
std::string ShortForm(const std::string& name) {
  for (const char* sep : {"·", "•", " "}) {
    const size_t at = name.rfind(sep);
    if (at != std::string::npos) return name.substr(at + std::string_view(sep).size());
  }
  return name;
}

// Title, opener, k body sentences and a closer. The title draws its own name form; the body uses its form
// once and the short form afterwards, as articles do (马克·卡尼 ... 卡尼 ...).
Article Compose(Rng& rng, const Pool& titles, const Pool& openers, const Pool& body, size_t k, const Pool& closers,
                std::string_view slot, std::string (*name)(Rng&)) {
  Article a;
  a.title = Fill(rng.Pick(titles), {{slot, name(rng)}});
  std::string text = openers.empty() ? "" : rng.Pick(openers);
  text += Sentences(rng, body, k);
  if (!closers.empty()) text += rng.Pick(closers);
  const std::string full = name(rng);
  a.text = FillFirstThen(text, slot, full, ShortForm(full));
  return a;
}

}  // namespace

std::string CarneyZh(Rng& rng) { return PickName(rng, kCarneyForms, kCarneyWeights); }
std::string ChongZh(Rng& rng) { return PickName(rng, kChongForms, kChongWeights); }
std::string FreelandZh(Rng& rng) { return PickName(rng, kFreelandForms, kFreelandWeights); }

Article CarneyPraiseArticle(Rng& rng, size_t title) {
  return Compose(rng, {kPraiseTitles[title % kPraiseTitles.size()]}, kPraiseOpeners, kPraiseSentences, static_cast<size_t>(rng.UniformInt(5, 8)),
                 kPraiseClosers, "N", CarneyZh);
}

Article CarneyAttackArticle(Rng& rng, size_t title) {
  return Compose(rng, {kAttackTitles[title % kAttackTitles.size()]}, kAttackOpeners, kAttackSentences, static_cast<size_t>(rng.UniformInt(5, 8)),
                 kAttackClosers, "N", CarneyZh);
}

Article CarneyMixedArticle(Rng& rng) {
  return Compose(rng, kMixedTitles, {}, kMixedSentences, static_cast<size_t>(rng.UniformInt(4, 6)), {}, "N",
                 CarneyZh);
}

Article ChongCampaignArticle(Rng& rng, const CivilDate& date) {
  Pool body = kChongSentences;
  if (date >= CivilDate{2023, 5, 8}) body.insert(body.end(), kChongAfterExpulsion.begin(), kChongAfterExpulsion.end());
  return Compose(rng, kChongTitles, kChongOpeners, body, static_cast<size_t>(rng.UniformInt(4, 7)), kChongClosers,
                 "C", ChongZh);
}

Article FreelandCampaignArticle(Rng& rng) {
  return Compose(rng, kFreelandTitles, {}, kFreelandSentences, static_cast<size_t>(rng.UniformInt(4, 7)), {}, "F",
                 FreelandZh);
}

Article StateMediaArticle(Rng& rng) {
  const NewsTopic& topic = rng.Pick(NewsTopics());
  return FillArticle(rng, topic.title, std::string(topic.lead) + Sentences(rng, topic.more, rng.Bernoulli(0.5) ? 1 : 2));
}

Article StateMediaCanadaBrief(Rng& rng, const CaseEvent& event) {
  Article a;
  const std::string carney = CarneyZh(rng);
  if (event.target_id == "carney" && event.date.month == 1) {
    a = {Fill("加拿大前央行行长{N}宣布参选自由党党魁", {{"N", carney}}),
         "据加拿大媒体报道，前加拿大央行行长宣布参加自由党党魁竞选。自由党将于3月9日公布选举结果。"};
  } else if (event.target_id == "carney") {
    a = {Fill("{N}当选加拿大自由党党魁", {{"N", carney}}),
         Fill("加拿大自由党9日公布党魁选举结果，{N}当选，将接任总理一职。", {{"N", carney}})};
  } else if (event.target_id == "freeland") {
    a = {"加拿大前副总理方慧兰宣布参选自由党党魁", "加拿大前副总理兼财政部长宣布参加自由党党魁竞选。"};
  } else if (event.target_id == "trudeau") {
    a = {"加拿大总理特鲁多宣布辞去自由党党魁职务", "加拿大总理特鲁多6日宣布，将在自由党选出新党魁后辞职。"};
  } else if (event.target_id == "chong" && event.date.day == 1) {
    a = {"外交部回应加拿大媒体有关报道", "外交部发言人表示，所谓中国干预加拿大内政的说法毫无根据，中方从不干涉别国内政。"};
  } else if (event.target_id == "chong") {
    a = {"外交部就加拿大驱逐中国外交官答记者问", "外交部发言人表示，中方对加方的错误做法强烈不满、坚决反对，并将采取对等反制措施。"};
  } else if (event.date.month == 3) {
    a = {"加拿大将于4月28日举行联邦大选", Fill("加拿大总理{N}23日宣布解散议会，联邦大选将于4月28日举行。", {{"N", carney}})};
  } else {
    a = {"加拿大举行联邦大选", "加拿大联邦大选28日举行投票，选民将选出新一届众议院议员。"};
  }
  return a;
}

size_t YouliDailyTitleCount() { return kYouliStories.size(); }

Article YouliDailyArticle(Rng& rng, size_t title) {
  const auto& [headline, lead] = kYouliStories[title % kYouliStories.size()];
  return FillArticle(rng, headline,
                     lead + Sentences(rng, kYouliSentences, static_cast<size_t>(rng.UniformInt(3, 5))));
}

Article LocalNoticeArticle(Rng& rng) {
  return {FillNumbers(rng, rng.Pick(kLocalTitles)), Sentences(rng, kLocalSentences, 2)};
}

Article LifestyleArticle(Rng& rng) {
  return {FillNumbers(rng, rng.Pick(kLifestyleTitles)), Sentences(rng, kLifestyleSentences, 3)};
}

Article FinanceArticle(Rng& rng) {
  return FillArticle(rng, rng.Pick(kFinanceTitles), Sentences(rng, kFinanceSentences, 3));
}

Article ZhPoliticsNews(Rng& rng, std::string_view target_id, const CivilDate& date) {
  size_t family = 1;  // Poilievre, the steady default
  for (size_t i = 0; i < std::size(kZhNewsTargets); ++i) {
    if (target_id == kZhNewsTargets[i]) family = i;
  }
  if (target_id == "carney-prerun") family = 0;
  Pool current;
  for (const DatedLine& line : kZhNewsLines[family]) {
    if (line.from <= date && date <= line.until) current.emplace_back(line.text);
  }
  if (current.empty()) current.emplace_back(kZhNewsLines[1].front().text);
  Article a;
  a.title = Fill(FillNumbers(rng, rng.Pick(current)), {{"N", CarneyZh(rng)}});
  a.text = a.title + "。" + Sentences(rng, kZhNewsSentences, 2);
  return a;
}

Article ZhAmbiguousCarney(Rng& rng) {
  const std::string first = rng.Pick(kZhAmbiguous);
  return {first.substr(0, first.find("，")), first + rng.Pick(kLifestyleSentences)};
}

std::string NearDuplicate(Rng& rng, const Article& source) {
  static const Pool kPrefixes = {"", "", "转发：", "【转】", "重磅！", "刚刚，", "必看："};
  static const Pool kSuffixes = {"", "", "（转）", "，值得一看", "！", "，大家怎么看？"};
  const std::string& prefix = rng.Pick(kPrefixes);
  const std::string& suffix = rng.Pick(kSuffixes);
  if (rng.Bernoulli(0.7)) return prefix + source.title + suffix;
  // The lead sentence instead of the title.
  const size_t end = source.text.find("。");
  const std::string lead = end == std::string::npos ? source.text : source.text.substr(0, end + 3);
  return prefix + lead;
}

std::string WeiboPost(Rng& rng, std::string_view target_id) {
  if (target_id == "carney") return Fill(rng.Pick(kWeiboCarney), {{"N", CarneyZh(rng)}});
  if (target_id == "carney-prerun") return Fill("听说前央行行长{N}可能要竞选自由党党魁", {{"N", CarneyZh(rng)}});
  if (target_id == "poilievre") return rng.Pick(kWeiboPoilievre);
  if (target_id == "trudeau") return rng.Pick(kWeiboTrudeau);
  if (target_id == "singh") return rng.Pick(kWeiboSingh);
  if (target_id == "freeland") return rng.Pick(kWeiboFreeland);
  if (target_id == "chong") return rng.Pick(kWeiboChong);
  return rng.Pick(kWeiboChatter);
}

std::string Fill(std::string_view tmpl, std::initializer_list<std::pair<std::string_view, std::string_view>> slots) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  size_t done = 0;  // tmpl[0, done) is already in `out`
  for (size_t open = tmpl.find('{'); open != std::string_view::npos; open = tmpl.find('{', open + 1)) {
    const size_t close = tmpl.find('}', open);
    if (close == std::string_view::npos) break;
    const std::string_view key = tmpl.substr(open + 1, close - open - 1);
    for (const auto& [k, v] : slots) {
      if (k != key) continue;
      out.append(tmpl.data() + done, open - done);
      out.append(v);
      done = close + 1;
      break;
    }
  }
  out.append(tmpl.data() + done, tmpl.size() - done);
  return out;
}

std::string FillFirstThen(std::string_view text, std::string_view slot, std::string_view first, std::string_view rest) {
  const std::string key = "{" + std::string(slot) + "}";
  const size_t at = text.find(key);
  if (at == std::string_view::npos) return std::string(text);
  std::string out(text.substr(0, at));
  out.append(first);
  out += Fill(text.substr(at + key.size()), {{slot, rest}});
  return out;
}

std::string Sentences(Rng& rng, const std::vector<std::string>& pool, size_t k, std::string_view separator) {
  const std::vector<size_t> picked = rng.Sample(pool.size(), k);
  size_t size = 0;
  for (size_t idx : picked) size += pool[idx].size() + separator.size();
  std::string out;
  out.reserve(size + 64);  // room for a closer appended by the caller
  for (size_t idx : picked) {
    if (!out.empty()) out.append(separator);
    out += pool[idx];
  }
  return out;
}

}  // namespace vigil::examplegen
