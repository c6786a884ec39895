// Writers for coordination results: CooRTweet-style CSV tables (pairs, edges with evidence, vertices, dense
// objects, QUT edges; written for tools, values as they are), the community summary (written for
// spreadsheets), GraphML and GEXF (1.2draft or 1.3) with the same typed attributes and per-edge evidence.
// Every CSV goes through the one CsvWriter.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/csv_writer.h"
#include "common/escape.h"
#include "common/output_file.h"
#include "vigil/coordination.h"

namespace vigil {
namespace {

constexpr size_t kMaxEvidencePerEdge = 50;  // co-shares listed per edge in the CSV; the count is always exact

// Streams one output file through OutputFile (temporary file, then rename); the first error is kept for Close.
class FileWriter {
 public:
  explicit FileWriter(const std::string& path) : file_(OutputFile::Create(path)) {}
  bool ok() const { return file_.ok(); }
  void Write(std::string_view s) {
    if (file_.ok() && status_.ok()) status_ = file_->Write(s);
  }
  Status Close() {
    if (!file_.ok()) return file_.status();
    VIGIL_RETURN_IF_ERROR(status_);
    return file_->Commit();
  }

 private:
  Result<OutputFile> file_;
  Status status_;
};

std::string ObjectList(const CoordinationData& d, const CoordinationEdge& e) {
  std::string out;
  for (uint32_t o : e.object_ids) {
    if (!out.empty()) out.push_back(' ');
    out += d.objects[o];
  }
  return out;
}

// Moves the CSV text built so far into the file writer once it is a large block (or always, at the end).
void Drain(CsvWriter& csv, FileWriter& w, bool all = false) {
  constexpr size_t kBlockBytes = 1 << 16;
  if (all || csv.size() >= kBlockBytes) w.Write(csv.Take());
}

bool HasFast(const CoordinationNetwork& net) {
  for (const auto& e : net.edges)
    if (e.weight_fast > 0) return true;
  return false;
}

size_t EvidenceListed(const CoordinationEdge& e) { return std::min(e.pair_index.size(), kMaxEvidencePerEdge); }

// The first co-shares of an edge as "object|content|content_y|time|time_y", ';'-joined.
std::string Evidence(const CoordinationData& d, const CoordinationEdge& e) {
  std::string evidence;
  for (size_t k = 0; k < EvidenceListed(e); ++k) {
    const auto& p = d.pairs[e.pair_index[k]];
    if (!evidence.empty()) evidence.push_back(';');
    evidence += fmt::format("{}|{}|{}|{}|{}", d.objects[p.object], d.ContentName(p.share), d.ContentName(p.share_y),
                            d.share_time[p.share], d.share_time[p.share_y]);
  }
  return evidence;
}

std::string DenseObjectIds(const CoordinationData& d) {
  std::string out;
  for (const auto& dense : d.dense_objects) {
    if (!out.empty()) out.push_back(' ');
    out += d.objects[dense.object];
  }
  return out;
}

// The typed attributes of the graph files: one table, so GraphML and GEXF carry the same names and types.
enum class AttrType { kLong, kDouble, kString };
struct Attribute {
  std::string name;
  AttrType type;
};
using Row = std::vector<std::string>;  // an element's values, in the order of its attribute table

std::vector<Attribute> VertexAttributes() {
  return {{"component", AttrType::kLong}, {"community", AttrType::kLong}, {"degree", AttrType::kLong},
          {"strength", AttrType::kLong},  {"dense_objects", AttrType::kLong}};
}

Row VertexRow(const CoordinationVertex& v) {
  return {fmt::format("{}", v.component), fmt::format("{}", v.community), fmt::format("{}", v.degree),
          fmt::format("{}", v.strength), fmt::format("{}", v.dense_objects)};
}

// Edge attributes other than the weight (GEXF carries that natively; GraphML adds it first).
std::vector<Attribute> EdgeAttributes(bool fast) {
  std::vector<Attribute> a = {{"avg_time_delta", AttrType::kDouble},  {"min_time_delta", AttrType::kLong},
                              {"max_time_delta", AttrType::kLong},    {"first_share", AttrType::kLong},
                              {"last_share", AttrType::kLong},        {"n_content_id", AttrType::kLong},
                              {"n_content_id_y", AttrType::kLong},    {"n_content_older", AttrType::kLong},
                              {"n_content_newer", AttrType::kLong},   {"edge_symmetry_score", AttrType::kDouble},
                              {"weight_threshold", AttrType::kLong}};
  if (fast) {
    a.push_back({"weight_fast", AttrType::kLong});
    a.push_back({"avg_time_delta_fast", AttrType::kDouble});
    a.push_back({"weight_threshold_fast", AttrType::kLong});
  }
  a.push_back({"n_objects", AttrType::kLong});
  a.push_back({"object_ids", AttrType::kString});
  a.push_back({"evidence_listed", AttrType::kLong});
  a.push_back({"evidence", AttrType::kString});
  return a;
}

Row EdgeRow(const CoordinationData& d, const CoordinationEdge& e, bool fast) {
  Row r = {fmt::format("{}", e.avg_time_delta), fmt::format("{}", e.min_time_delta), fmt::format("{}", e.max_time_delta),
           fmt::format("{}", e.first_share),    fmt::format("{}", e.last_share),     fmt::format("{}", e.n_content_id),
           fmt::format("{}", e.n_content_id_y), fmt::format("{}", e.n_content_older), fmt::format("{}", e.n_content_newer),
           fmt::format("{}", e.edge_symmetry_score), fmt::format("{}", e.weight_threshold)};
  if (fast) {
    r.push_back(fmt::format("{}", e.weight_fast));
    r.push_back(fmt::format("{}", e.avg_time_delta_fast));
    r.push_back(fmt::format("{}", e.weight_threshold_fast));
  }
  r.push_back(fmt::format("{}", e.object_ids.size()));
  r.push_back(XmlEscape(ObjectList(d, e)));
  r.push_back(fmt::format("{}", EvidenceListed(e)));
  r.push_back(XmlEscape(Evidence(d, e)));
  return r;
}

const char* GraphMlType(AttrType t) {
  return t == AttrType::kLong ? "long" : t == AttrType::kDouble ? "double" : "string";
}

void WriteGraphMlKeys(FileWriter& w, const char* domain, const char* prefix, const std::vector<Attribute>& attrs) {
  for (const auto& a : attrs)
    w.Write(fmt::format("  <key id=\"{}{}\" for=\"{}\" attr.name=\"{}\" attr.type=\"{}\"/>\n", prefix, a.name, domain,
                        a.name, GraphMlType(a.type)));
}

void WriteGraphMlData(FileWriter& w, const char* prefix, const std::vector<Attribute>& attrs, const Row& row) {
  for (size_t i = 0; i < attrs.size(); ++i)
    w.Write(fmt::format("      <data key=\"{}{}\">{}</data>\n", prefix, attrs[i].name, row[i]));
}

void WriteGexfAttributes(FileWriter& w, const char* cls, const std::vector<Attribute>& attrs) {
  w.Write(fmt::format("    <attributes class=\"{}\">\n", cls));
  for (size_t i = 0; i < attrs.size(); ++i)
    w.Write(fmt::format("      <attribute id=\"{}\" title=\"{}\" type=\"{}\"/>\n", i, attrs[i].name,
                        GraphMlType(attrs[i].type)));
  w.Write("    </attributes>\n");
}

std::string GexfValues(const Row& row) {
  std::string out = "<attvalues>";
  for (size_t i = 0; i < row.size(); ++i) out += fmt::format("<attvalue for=\"{}\" value=\"{}\"/>", i, row[i]);
  return out + "</attvalues>";
}

}  // namespace

Status WritePairsCsv(const std::string& path, const CoordinationData& d) {
  FileWriter w(path);
  if (!w.ok()) return w.Close();
  CsvWriter csv({CsvAudience::kTools});
  csv.Row({"object_id", "content_id", "content_id_y", "account_id", "account_id_y", "time_delta"});
  for (const auto& p : d.pairs) {
    csv.Row({d.objects[p.object], d.ContentName(p.share), d.ContentName(p.share_y), d.accounts[d.share_account[p.share]],
             d.accounts[d.share_account[p.share_y]], std::to_string(p.time_delta)});
    Drain(csv, w);
  }
  Drain(csv, w, true);
  return w.Close();
}

Status WriteEdgesCsv(const std::string& path, const CoordinationData& d, const CoordinationNetwork& net) {
  FileWriter w(path);
  if (!w.ok()) return w.Close();
  const bool fast = HasFast(net);
  CsvWriter csv({CsvAudience::kTools});
  std::vector<std::string> row = {"account_id", "account_id_y", "weight", "avg_time_delta", "n_content_id", "n_content_id_y",
                                  "edge_symmetry_score", "weight_threshold"};
  if (fast) row.insert(row.end(), {"weight_fast", "avg_time_delta_fast", "weight_threshold_fast"});
  row.insert(row.end(), {"n_content_older", "n_content_newer", "object_ids", "evidence"});
  csv.Row(row);
  for (const auto& e : net.edges) {
    row = {std::string(d.accounts[e.account]), std::string(d.accounts[e.account_y]), fmt::format("{}", e.weight),
           fmt::format("{}", e.avg_time_delta), fmt::format("{}", e.n_content_id), fmt::format("{}", e.n_content_id_y),
           fmt::format("{}", e.edge_symmetry_score), fmt::format("{}", e.weight_threshold)};
    if (fast) {
      row.insert(row.end(), {fmt::format("{}", e.weight_fast), fmt::format("{}", e.avg_time_delta_fast),
                             fmt::format("{}", e.weight_threshold_fast)});
    }
    row.insert(row.end(), {fmt::format("{}", e.n_content_older), fmt::format("{}", e.n_content_newer), ObjectList(d, e),
                           Evidence(d, e)});
    csv.Row(row);
    Drain(csv, w);
  }
  Drain(csv, w, true);
  return w.Close();
}

Status WriteVerticesCsv(const std::string& path, const CoordinationData& d, const CoordinationNetwork& net) {
  FileWriter w(path);
  if (!w.ok()) return w.Close();
  CsvWriter csv({CsvAudience::kTools});
  csv.Row({"account_id", "component", "community", "degree", "strength", "dense_objects"});
  for (const auto& v : net.vertices) {
    csv.Row({d.accounts[v.account], std::to_string(v.component), std::to_string(v.community), std::to_string(v.degree),
             fmt::format("{}", v.strength), std::to_string(v.dense_objects)});
    Drain(csv, w);
  }
  Drain(csv, w, true);
  return w.Close();
}

Status WriteDenseObjectsCsv(const std::string& path, const CoordinationData& d) {
  FileWriter w(path);
  if (!w.ok()) return w.Close();
  CsvWriter csv({CsvAudience::kTools});
  csv.Row({"object_id", "shares", "accounts", "first_share", "last_share", "span_seconds", "window_pairs", "account_ids"});
  for (const auto& dense : d.dense_objects) {
    std::string members;
    for (uint32_t a : dense.accounts) {
      if (!members.empty()) members.push_back(' ');
      members += d.accounts[a];
    }
    csv.Row({d.objects[dense.object], std::to_string(dense.shares), std::to_string(dense.accounts.size()),
             std::to_string(dense.first_share), std::to_string(dense.last_share),
             std::to_string(dense.last_share - dense.first_share), std::to_string(dense.window_pairs), members});
    Drain(csv, w);
  }
  Drain(csv, w, true);
  return w.Close();
}

Status WriteCommunitiesCsv(const std::string& path, const std::vector<CommunitySummary>& communities, bool byte_order_mark) {
  FileWriter w(path);
  if (!w.ok()) return w.Close();
  CsvWriter csv({CsvAudience::kSpreadsheet, byte_order_mark});
  csv.Row({"community", "accounts", "edges", "total_weight", "first_share", "last_share", "distinct_objects",
           "state_affiliated_share", "top_objects", "members"});
  for (const auto& c : communities) {
    csv.Row({std::to_string(c.community), std::to_string(c.accounts.size()), std::to_string(c.edges), std::to_string(c.total_weight),
             std::to_string(c.first_share), std::to_string(c.last_share), std::to_string(c.distinct_objects),
             fmt::format("{}", c.state_affiliated_share), fmt::format("{}", fmt::join(c.top_objects, " ")),
             fmt::format("{}", fmt::join(c.accounts, " "))});
    Drain(csv, w);
  }
  Drain(csv, w, true);
  return w.Close();
}

Status WriteQutEdgesCsv(const std::string& path, const CoordinationData& data, const std::vector<DirectedEdge>& edges) {
  FileWriter w(path);
  if (!w.ok()) return w.Close();
  CsvWriter csv({CsvAudience::kTools});
  csv.Row({"source", "target", "weight"});
  for (const auto& e : edges) {
    csv.Row({data.accounts[e.from], data.accounts[e.to], std::to_string(e.weight)});
    Drain(csv, w);
  }
  Drain(csv, w, true);
  return w.Close();
}

Status WriteGraphMl(const std::string& path, const CoordinationData& d, const CoordinationNetwork& net) {
  FileWriter w(path);
  if (!w.ok()) return w.Close();
  const bool fast = HasFast(net);
  const std::vector<Attribute> vertex_attrs = VertexAttributes(), edge_attrs = EdgeAttributes(fast);
  w.Write(R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="g_dense_objects" for="graph" attr.name="dense_objects" attr.type="long"/>
  <key id="g_dense_object_pairs" for="graph" attr.name="dense_object_pairs" attr.type="long"/>
  <key id="g_dense_object_ids" for="graph" attr.name="dense_object_ids" attr.type="string"/>
  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>
)");
  WriteGraphMlKeys(w, "node", "v_", vertex_attrs);
  WriteGraphMlKeys(w, "edge", "e_", edge_attrs);
  w.Write(fmt::format("  <graph id=\"coordination\" edgedefault=\"undirected\">\n"
                      "    <data key=\"g_dense_objects\">{}</data>\n    <data key=\"g_dense_object_pairs\">{}</data>\n"
                      "    <data key=\"g_dense_object_ids\">{}</data>\n",
                      d.dense_objects.size(), d.options.dense_object_pairs, XmlEscape(DenseObjectIds(d))));
  for (const auto& v : net.vertices) {
    w.Write(fmt::format("    <node id=\"{}\">\n", XmlEscape(d.accounts[v.account])));
    WriteGraphMlData(w, "v_", vertex_attrs, VertexRow(v));
    w.Write("    </node>\n");
  }
  for (const auto& e : net.edges) {
    w.Write(fmt::format("    <edge source=\"{}\" target=\"{}\">\n      <data key=\"e_weight\">{}</data>\n",
                        XmlEscape(d.accounts[e.account]), XmlEscape(d.accounts[e.account_y]), e.weight));
    WriteGraphMlData(w, "e_", edge_attrs, EdgeRow(d, e, fast));
    w.Write("    </edge>\n");
  }
  w.Write("  </graph>\n</graphml>\n");
  return w.Close();
}

Status WriteGexf(const std::string& path, const CoordinationData& d, const CoordinationNetwork& net,
                 GexfVersion version) {
  FileWriter w(path);
  if (!w.ok()) return w.Close();
  const bool fast = HasFast(net);
  const std::vector<Attribute> vertex_attrs = VertexAttributes(), edge_attrs = EdgeAttributes(fast);
  if (version == GexfVersion::k1_3) {
    w.Write(R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
)");
  } else {
    w.Write(R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">
)");
  }
  std::string description = "Coordinated account network";
  if (!d.dense_objects.empty())
    description += fmt::format(
        "; {} dense objects (more than {} in-window pairs each) reported as cliques, not paired, their accounts "
        "not linked here (dense_objects.csv lists them): {}",
        d.dense_objects.size(), d.options.dense_object_pairs, DenseObjectIds(d));
  w.Write(fmt::format("  <meta><creator>Vigil</creator><description>{}</description></meta>\n"
                      "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n",
                      XmlEscape(description)));
  WriteGexfAttributes(w, "node", vertex_attrs);
  WriteGexfAttributes(w, "edge", edge_attrs);
  w.Write("    <nodes>\n");
  for (const auto& v : net.vertices) {
    const std::string id = XmlEscape(d.accounts[v.account]);
    w.Write(fmt::format("      <node id=\"{0}\" label=\"{0}\">{1}</node>\n", id, GexfValues(VertexRow(v))));
  }
  w.Write("    </nodes>\n    <edges>\n");
  for (size_t i = 0; i < net.edges.size(); ++i) {
    const auto& e = net.edges[i];
    w.Write(fmt::format("      <edge id=\"{}\" source=\"{}\" target=\"{}\" weight=\"{}\">{}</edge>\n", i,
                        XmlEscape(d.accounts[e.account]), XmlEscape(d.accounts[e.account_y]), e.weight,
                        GexfValues(EdgeRow(d, e, fast))));
  }
  w.Write("    </edges>\n  </graph>\n</gexf>\n");
  return w.Close();
}

}  // namespace vigil
