// Inline SVG charts. Fixed sizes, named colours; every label is escaped.
#include "export/svg_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

#include "common/escape.h"
#include "common/time.h"
#include "export/export_util.h"

namespace vigil::exporting {
namespace {

constexpr int kWidth = 860;
constexpr int kMarginLeft = 60, kMarginRight = 20, kMarginTop = 24, kMarginBottom = 48;
constexpr char kBarColour[] = "#1f5fa8";
constexpr char kSurgeColour[] = "#ffd8a8";
constexpr char kEventColour[] = "#6a4c93";
constexpr char kFavourColour[] = "#2b8a3e";
constexpr char kAgainstColour[] = "#c92a2a";
constexpr char kNeutralColour[] = "#adb5bd";
constexpr char kGridColour[] = "#e9ecef";
constexpr char kTextColour[] = "#343a40";

std::string Open(int height, const std::string& title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" "
      "aria-label=\"{2}\" font-family=\"Noto Sans CJK SC, Noto Sans, DejaVu Sans, sans-serif\" font-size=\"12\" "
      "fill=\"{3}\"><title>{2}</title>",
      kWidth, height, HtmlEscape(title), kTextColour);
}

std::string Text(double x, double y, const std::string& text, const char* anchor = "start", const char* extra = "") {
  return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\" {}>{}</text>", x, y, anchor, extra, HtmlEscape(text));
}

// A round axis maximum at or above `value` (1, 2, 5 x 10^n).
double NiceMax(double value) {
  if (value <= 0) return 1;
  const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
  for (double step : {1.0, 2.0, 5.0, 10.0}) {
    if (value <= step * magnitude) return step * magnitude;
  }
  return 10 * magnitude;
}

std::string Compact(double value) {
  if (value >= 1e6) return fmt::format("{:.1f}M", value / 1e6);
  if (value >= 1e3) return fmt::format("{:.0f}k", value / 1e3);
  if (value != std::floor(value)) return fmt::format("{:.1f}", value);
  return fmt::format("{:.0f}", value);
}

// Horizontal grid lines with value labels; the tick count divides the round maximum evenly.
std::string YAxis(double max, int top, int bottom, int right = kWidth - kMarginRight) {
  const double leading = max / std::pow(10.0, std::floor(std::log10(max)));
  const int ticks = std::lround(leading) == 2 ? 4 : 5;
  std::string out;
  for (int i = 0; i <= ticks; ++i) {
    const double value = max * i / ticks;
    const double y = bottom - (bottom - top) * static_cast<double>(i) / ticks;
    out += fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\"/>", kMarginLeft, right, y, y, kGridColour);
    out += Text(kMarginLeft - 6, y + 4, Compact(value), "end");
  }
  return out;
}

}  // namespace

std::string MentionTimelineSvg(const std::vector<TimelinePoint>& timeline, const std::vector<Surge>& surges,
                               const std::vector<Event>& events) {
  constexpr int kHeight = 280;
  std::string svg = Open(kHeight, "Mentions per day with surges and events");
  if (timeline.empty()) return svg + Text(kWidth / 2.0, kHeight / 2.0, "no mentions", "middle") + "</svg>";
  const int64_t first = timeline.front().day_start;
  const int64_t last = timeline.back().day_start + kSecondsPerDay;
  int64_t peak = 0;
  for (const auto& p : timeline) peak = std::max(peak, p.mentions);
  const double max = NiceMax(static_cast<double>(peak));
  const int top = kMarginTop + 36, bottom = kHeight - kMarginBottom;
  const double plot = kWidth - kMarginLeft - kMarginRight;
  auto x_of = [&](int64_t t) { return kMarginLeft + plot * static_cast<double>(t - first) / static_cast<double>(last - first); };
  // Overlapping surges (daily and hourly detections of one burst) share one label: the strongest.
  std::vector<const Surge*> by_strength;
  for (const Surge& s : surges) by_strength.push_back(&s);
  std::stable_sort(by_strength.begin(), by_strength.end(), [](const Surge* a, const Surge* b) { return a->ratio > b->ratio; });
  std::vector<double> labelled;
  constexpr double kMinLabelGap = 70;
  for (const Surge* surge : by_strength) {
    const Surge& s = *surge;
    const double x0 = x_of(std::max(first, s.window_start)), x1 = x_of(std::min(last, s.window_end));
    if (x1 <= x0) continue;
    const bool crowded = std::any_of(labelled.begin(), labelled.end(), [&](double x) { return std::abs(x - x1) < kMinLabelGap; });
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\" opacity=\"0.7\"/>", x0, top, x1 - x0,
                       bottom - top, kSurgeColour);
    if (crowded) continue;
    labelled.push_back(x1);
    svg += Text(x1 + 3, top + 12, fmt::format("surge {:.1f}x", s.ratio), "start", "font-weight=\"bold\" fill=\"#d9480f\"");
  }
  svg += YAxis(max, top, bottom);
  const double bar = plot / static_cast<double>((last - first) / kSecondsPerDay);
  for (const auto& p : timeline) {
    const double h = (bottom - top) * static_cast<double>(p.mentions) / max;
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{}: {} mentions</title></rect>",
                       x_of(p.day_start) + bar * 0.1, bottom - h, bar * 0.8, h, kBarColour, FormatDate(p.day_start), p.mentions);
  }
  int label_row = 0;
  for (const Event& e : events) {
    const int64_t t = e.date.DaysSinceEpoch() * kSecondsPerDay;
    if (t < first || t >= last) continue;
    const double x = x_of(t);
    const double label_y = kMarginTop - 6 + 15 * (label_row++ % 2);
    svg += fmt::format("<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>",
                       x, label_y + 3, bottom, kEventColour);
    const bool right_half = x > kWidth / 2.0;
    svg += Text(right_half ? x - 4 : x + 4, label_y, FormatDate(t).substr(5) + " " + e.label, right_half ? "end" : "start",
                fmt::format("fill=\"{}\"", kEventColour).c_str());
  }
  // Date labels: weekly, or sparser so that at most kMaxDateLabels fit.
  constexpr int64_t kMaxDateLabels = 10;
  const int64_t days = (last - first) / kSecondsPerDay;
  const int64_t step_days = std::max<int64_t>(7, (days + kMaxDateLabels - 1) / kMaxDateLabels);
  for (int64_t t = first; t < last; t += step_days * kSecondsPerDay) {
    svg += Text(x_of(t), bottom + 16, FormatDate(t).substr(5), "middle");
  }
  svg += Text(kMarginLeft, kHeight - 10, "mentions per day (UTC); shaded: surge windows; dashed: events", "start", "fill=\"#868e96\"");
  return svg + "</svg>";
}

std::string EngagementSvg(const std::vector<EngagementBar>& bars, const Baseline& baseline) {
  constexpr int kHeight = 300;
  std::string svg = Open(kHeight, "Interactions per post against the baseline");
  double peak = std::max(baseline.p90_interactions, baseline.median_interactions);
  for (const auto& b : bars) peak = std::max(peak, static_cast<double>(b.interactions));
  const double max = NiceMax(peak * 1.05);
  constexpr int kLabelMargin = 150;  // baseline labels sit right of the bars
  const int top = kMarginTop, bottom = kHeight - kMarginBottom - 20, right = kWidth - kLabelMargin;
  svg += YAxis(max, top, bottom, right);
  const double plot = right - kMarginLeft;
  const double slot = bars.empty() ? plot : plot / static_cast<double>(bars.size());
  constexpr size_t kMaxFullLabels = 12;  // past this, every other bar is labelled
  auto y_of = [&](double v) { return bottom - (bottom - top) * v / max; };
  for (size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    const double x = kMarginLeft + slot * static_cast<double>(i);
    const double y = y_of(static_cast<double>(b.interactions));
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{}: {}{} interactions</title></rect>",
                       x + slot * 0.15, y, slot * 0.7, bottom - y, kBarColour, HtmlEscape(b.label), Thousands(b.interactions),
                       b.lower_bound ? "+" : "");
    svg += Text(x + slot / 2, y - 4, Compact(static_cast<double>(b.interactions)) + (b.lower_bound ? "+" : ""), "middle");
    if (bars.size() <= kMaxFullLabels || i % 2 == 0) svg += Text(x + slot / 2, bottom + 16, b.label, "middle", "font-size=\"10\"");
  }
  if (baseline.median_interactions > 0) {
    const double y = y_of(baseline.median_interactions);
    svg += fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#e8590c\" stroke-width=\"2\"/>", kMarginLeft,
                       right, y, y);
    svg += Text(right + 6, y + 4, fmt::format("median {}", Compact(baseline.median_interactions)),
                "start", "fill=\"#e8590c\" font-weight=\"bold\" font-size=\"11\"");
  }
  if (baseline.p90_interactions > 0) {
    const double y = y_of(baseline.p90_interactions);
    svg += fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#e8590c\" stroke-dasharray=\"6 4\"/>", kMarginLeft,
                       right, y, y);
    svg += Text(right + 6, y + 4, fmt::format("90th pct {}", Compact(baseline.p90_interactions)), "start",
                "fill=\"#e8590c\" font-size=\"11\"");
  }
  svg += Text(kMarginLeft, kHeight - 10,
              fmt::format("interactions (likes + shares + comments + reactions) per post; baseline: {} posts of {}",
                          Thousands(baseline.posts), baseline.peer_group_id),
              "start", "fill=\"#868e96\"");
  return svg + "</svg>";
}

std::string StanceMixSvg(const std::vector<Narrative>& narratives) {
  constexpr int kRowHeight = 34, kLabelWidth = 300;
  const int height = kMarginTop + kRowHeight * static_cast<int>(std::max<size_t>(narratives.size(), 1)) + 40;
  std::string svg = Open(height, "Stance toward the target per narrative");
  const double plot = kWidth - kLabelWidth - kMarginRight - 10;
  int64_t widest = 1;
  for (const auto& n : narratives) widest = std::max(widest, n.favor + n.against + n.neutral);
  for (size_t i = 0; i < narratives.size(); ++i) {
    const Narrative& n = narratives[i];
    const double y = kMarginTop + kRowHeight * static_cast<double>(i);
    svg += Text(kLabelWidth - 8, y + 17, n.label, "end");
    double x = kLabelWidth;
    const std::pair<int64_t, const char*> parts[] = {{n.favor, kFavourColour}, {n.against, kAgainstColour}, {n.neutral, kNeutralColour}};
    for (const auto& [count, colour] : parts) {
      if (count == 0) continue;
      const double w = plot * static_cast<double>(count) / static_cast<double>(widest);
      svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"22\" fill=\"{}\"/>", x, y + 2, w, colour);
      svg += Text(x + w / 2, y + 17, std::to_string(count), "middle", "fill=\"#fff\" font-weight=\"bold\"");
      x += w;
    }
  }
  const double legend_y = height - 14;
  const std::pair<const char*, const char*> legend[] = {{"favour", kFavourColour}, {"against", kAgainstColour}, {"neutral", kNeutralColour}};
  double lx = kLabelWidth;
  for (const auto& [label, colour] : legend) {
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"12\" height=\"12\" fill=\"{}\"/>", lx, legend_y - 10, colour);
    svg += Text(lx + 16, legend_y, label);
    lx += 90;
  }
  svg += Text(kMarginLeft, legend_y, "posts per narrative", "start", "fill=\"#868e96\"");
  return svg + "</svg>";
}

std::string AmplifierNetworkSvg(const AnalysisReport& report, const Incident& incident) {
  constexpr int kHeight = 500;
  constexpr double kInner = 95, kOuter = 195;
  std::string svg = Open(kHeight, "Amplifier network");
  const double cx = kWidth / 2.0, cy = 225;
  // Group amplifiers by the post they reposted, posts in time order.
  std::map<std::string, std::vector<const Amplification*>> by_post;
  for (const auto& a : incident.coordination.amplifiers) by_post[a.amplified_post].push_back(&a);
  std::vector<std::pair<int64_t, std::string>> posts;
  for (const auto& [key, list] : by_post) {
    const Post* p = FindPostByKey(report, key);
    posts.push_back({p ? p->published_at : 0, key});
  }
  std::sort(posts.begin(), posts.end());
  int64_t slowest = 1;
  for (const auto& a : incident.coordination.amplifiers) slowest = std::max(slowest, a.delay_seconds);
  std::string edges, nodes;
  const size_t total = incident.coordination.amplifiers.size();
  size_t placed = 0;
  for (size_t i = 0; i < posts.size(); ++i) {
    const double angle = 2 * std::numbers::pi * (static_cast<double>(i) + 0.5) / static_cast<double>(posts.size()) - std::numbers::pi / 2;
    const double px = cx + kInner * std::cos(angle), py = cy + kInner * std::sin(angle);
    edges += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#868e96\" stroke-width=\"2\"/>", cx, cy, px, py);
    const Post* post = FindPostByKey(report, posts[i].second);
    const std::string label = post ? FormatDate(post->published_at).substr(5) : "";
    for (const Amplification* a : by_post[posts[i].second]) {
      const double slot = 2 * std::numbers::pi * (static_cast<double>(placed++) + 0.5) / static_cast<double>(total) - std::numbers::pi / 2;
      const double ax = cx + kOuter * std::cos(slot), ay = cy + kOuter * std::sin(slot);
      const double speed = 1.0 - static_cast<double>(a->delay_seconds) / static_cast<double>(slowest);
      edges += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#ced4da\"/>", px, py, ax, ay);
      nodes += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"7\" fill=\"#e8590c\" fill-opacity=\"{:.2f}\" stroke=\"#c2410c\"><title>{} ({}): reposted after {} min</title></circle>",
                           ax, ay, 0.25 + 0.75 * speed, HtmlEscape(a->account_name), HtmlEscape(a->account_id), a->delay_seconds / 60);
    }
    nodes += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"11\" fill=\"{}\"><title>{}</title></circle>", px, py, kBarColour,
                         post ? HtmlEscape(post->title) : "");
    nodes += Text(px, py + 25, label, "middle", "font-size=\"11\"");
  }
  nodes += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"22\" fill=\"{}\"/>", cx, cy, kAgainstColour);
  nodes += Text(cx, cy + 40, incident.actor.name, "middle", "font-weight=\"bold\" stroke=\"#fff\" stroke-width=\"4\" paint-order=\"stroke\"");
  svg += edges + nodes;
  svg += Text(20, kHeight - 30, "centre: the actor; blue: its posts (MM-DD); orange: amplifying accounts,", "start", "fill=\"#868e96\"");
  svg += Text(20, kHeight - 14, fmt::format("darker = faster repost (median {:.1f} h, {} accounts)",
                                            static_cast<double>(incident.coordination.median_delay_seconds) / 3600.0, total),
              "start", "fill=\"#868e96\"");
  return svg + "</svg>";
}

std::string CampaignHistorySvg(const Incident& incident) {
  constexpr int kRowHeight = 30, kLabelWidth = 170;
  struct Row {
    std::string label;
    int64_t start, end;
    bool current;
  };
  std::vector<Row> rows;
  for (const Campaign& c : incident.history) rows.push_back({c.target_name, c.start, c.end, false});
  rows.push_back({incident.target_name + " (this incident)", incident.window_start, incident.window_end, true});
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.start < b.start; });
  const int height = kMarginTop + kRowHeight * static_cast<int>(rows.size()) + 36;
  std::string svg = Open(height, "The actor's campaigns over time");
  const int64_t first = rows.front().start - 30 * kSecondsPerDay;
  const int64_t last = rows.back().end + 30 * kSecondsPerDay;
  const double plot = kWidth - kLabelWidth - kMarginRight;
  auto x_of = [&](int64_t t) { return kLabelWidth + plot * static_cast<double>(t - first) / static_cast<double>(last - first); };
  for (int year = std::stoi(FormatDate(first).substr(0, 4)) + 1; year <= std::stoi(FormatDate(last).substr(0, 4)); ++year) {
    const int64_t t = CivilDate{year, 1, 1}.DaysSinceEpoch() * kSecondsPerDay;
    svg += fmt::format("<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2}\" stroke=\"{3}\"/>", x_of(t), kMarginTop - 6, height - 28, kGridColour);
    svg += Text(x_of(t), height - 14, std::to_string(year), "middle");
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    const double y = kMarginTop + kRowHeight * static_cast<double>(i);
    svg += Text(kLabelWidth - 8, y + 15, r.label, "end", r.current ? "font-weight=\"bold\"" : "");
    const double x0 = x_of(r.start), w = std::max(6.0, x_of(r.end) - x0);
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"18\" rx=\"3\" fill=\"{}\"/>", x0, y + 2, w,
                       r.current ? kAgainstColour : kEventColour);
    const bool near_right = x0 + w > kWidth - 200;  // keep the dates inside the chart
    svg += Text(near_right ? x0 - 6 : x0 + w + 6, y + 15, fmt::format("{} – {}", FormatDate(r.start), FormatDate(r.end - 1)),
                near_right ? "end" : "start", "font-size=\"11\"");
  }
  return svg + "</svg>";
}

}  // namespace vigil::exporting
