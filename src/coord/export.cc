// Writers for coordination results: CooRTweet-style CSV tables (pairs, edges with evidence, vertices),
// GraphML and GEXF 1.3 for Gephi.
#include <fmt/format.h>

#include <string>

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

bool HasFast(const CoordinationNetwork& net) {
  for (const auto& e : net.edges)
    if (e.weight_fast > 0) return true;
  return false;
}

}  // namespace

Status WritePairsCsv(const std::string& path, const CoordinationData& d) {
  FileWriter w(path);
  if (!w.ok()) return w.Close();
  w.Write("object_id,content_id,content_id_y,account_id,account_id_y,time_delta\n");
  for (const auto& p : d.pairs) {
    w.Write(fmt::format("{},{},{},{},{},{}\n", CsvField(d.objects[p.object]), CsvField(d.ContentName(p.share)),
                        CsvField(d.ContentName(p.share_y)), CsvField(d.accounts[d.share_account[p.share]]),
                        CsvField(d.accounts[d.share_account[p.share_y]]), p.time_delta));
  }
  return w.Close();
}

Status WriteEdgesCsv(const std::string& path, const CoordinationData& d, const CoordinationNetwork& net) {
  FileWriter w(path);
  if (!w.ok()) return w.Close();
  const bool fast = HasFast(net);
  w.Write("account_id,account_id_y,weight,avg_time_delta,n_content_id,n_content_id_y,edge_symmetry_score,"
          "weight_threshold");
  if (fast) w.Write(",weight_fast,avg_time_delta_fast,weight_threshold_fast");
  w.Write(",object_ids,evidence\n");
  for (const auto& e : net.edges) {
    w.Write(fmt::format("{},{},{},{},{},{},{},{}", CsvField(d.accounts[e.account]), CsvField(d.accounts[e.account_y]), e.weight,
                        e.avg_time_delta, e.n_content_id, e.n_content_id_y, e.edge_symmetry_score, e.weight_threshold));
    if (fast) w.Write(fmt::format(",{},{},{}", e.weight_fast, e.avg_time_delta_fast, e.weight_threshold_fast));
    std::string evidence;
    for (size_t k = 0; k < e.pair_index.size() && k < kMaxEvidencePerEdge; ++k) {
      const auto& p = d.pairs[e.pair_index[k]];
      if (!evidence.empty()) evidence.push_back(';');
      evidence += fmt::format("{}|{}|{}|{}|{}", d.objects[p.object], d.ContentName(p.share), d.ContentName(p.share_y),
                              d.share_time[p.share], d.share_time[p.share_y]);
    }
    w.Write(fmt::format(",{},{}\n", CsvField(ObjectList(d, e)), CsvField(evidence)));
  }
  return w.Close();
}

Status WriteVerticesCsv(const std::string& path, const CoordinationData& d, const CoordinationNetwork& net) {
  FileWriter w(path);
  if (!w.ok()) return w.Close();
  w.Write("account_id,component,community,degree,strength\n");
  for (const auto& v : net.vertices)
    w.Write(fmt::format("{},{},{},{},{}\n", CsvField(d.accounts[v.account]), v.component, v.community, v.degree, v.strength));
  return w.Close();
}

Status WriteGraphMl(const std::string& path, const CoordinationData& d, const CoordinationNetwork& net) {
  FileWriter w(path);
  if (!w.ok()) return w.Close();
  w.Write(R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="v_component" for="node" attr.name="component" attr.type="long"/>
  <key id="v_community" for="node" attr.name="community" attr.type="long"/>
  <key id="v_degree" for="node" attr.name="degree" attr.type="long"/>
  <key id="v_strength" for="node" attr.name="strength" attr.type="long"/>
  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>
  <key id="e_avg_time_delta" for="edge" attr.name="avg_time_delta" attr.type="double"/>
  <key id="e_n_content_id" for="edge" attr.name="n_content_id" attr.type="long"/>
  <key id="e_n_content_id_y" for="edge" attr.name="n_content_id_y" attr.type="long"/>
  <key id="e_edge_symmetry_score" for="edge" attr.name="edge_symmetry_score" attr.type="double"/>
  <key id="e_weight_threshold" for="edge" attr.name="weight_threshold" attr.type="long"/>
  <key id="e_object_ids" for="edge" attr.name="object_ids" attr.type="string"/>
  <graph id="coordination" edgedefault="undirected">
)");
  for (size_t i = 0; i < net.vertices.size(); ++i) {
    const auto& v = net.vertices[i];
    w.Write(fmt::format("    <node id=\"{}\">\n      <data key=\"v_component\">{}</data>\n      <data key=\"v_community\">{}</data>\n"
                        "      <data key=\"v_degree\">{}</data>\n      <data key=\"v_strength\">{}</data>\n    </node>\n",
                        XmlEscape(d.accounts[v.account]), v.component, v.community, v.degree, v.strength));
  }
  for (const auto& e : net.edges) {
    w.Write(fmt::format("    <edge source=\"{}\" target=\"{}\">\n      <data key=\"e_weight\">{}</data>\n"
                        "      <data key=\"e_avg_time_delta\">{}</data>\n      <data key=\"e_n_content_id\">{}</data>\n"
                        "      <data key=\"e_n_content_id_y\">{}</data>\n      <data key=\"e_edge_symmetry_score\">{}</data>\n"
                        "      <data key=\"e_weight_threshold\">{}</data>\n      <data key=\"e_object_ids\">{}</data>\n    </edge>\n",
                        XmlEscape(d.accounts[e.account]), XmlEscape(d.accounts[e.account_y]), e.weight, e.avg_time_delta,
                        e.n_content_id, e.n_content_id_y, e.edge_symmetry_score, e.weight_threshold,
                        XmlEscape(ObjectList(d, e))));
  }
  w.Write("  </graph>\n</graphml>\n");
  return w.Close();
}

Status WriteGexf(const std::string& path, const CoordinationData& d, const CoordinationNetwork& net) {
  FileWriter w(path);
  if (!w.ok()) return w.Close();
  w.Write(R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta><creator>Vigil</creator><description>Coordinated account network</description></meta>
  <graph mode="static" defaultedgetype="undirected">
    <attributes class="node">
      <attribute id="0" title="component" type="long"/>
      <attribute id="1" title="community" type="long"/>
      <attribute id="2" title="degree" type="long"/>
      <attribute id="3" title="strength" type="long"/>
    </attributes>
    <attributes class="edge">
      <attribute id="0" title="avg_time_delta" type="double"/>
      <attribute id="1" title="n_content_id" type="long"/>
      <attribute id="2" title="n_content_id_y" type="long"/>
      <attribute id="3" title="edge_symmetry_score" type="double"/>
      <attribute id="4" title="weight_threshold" type="long"/>
      <attribute id="5" title="object_ids" type="string"/>
    </attributes>
    <nodes>
)");
  for (const auto& v : net.vertices) {
    const std::string id = XmlEscape(d.accounts[v.account]);
    w.Write(fmt::format("      <node id=\"{0}\" label=\"{0}\"><attvalues><attvalue for=\"0\" value=\"{1}\"/>"
                        "<attvalue for=\"1\" value=\"{2}\"/><attvalue for=\"2\" value=\"{3}\"/>"
                        "<attvalue for=\"3\" value=\"{4}\"/></attvalues></node>\n",
                        id, v.component, v.community, v.degree, v.strength));
  }
  w.Write("    </nodes>\n    <edges>\n");
  for (size_t i = 0; i < net.edges.size(); ++i) {
    const auto& e = net.edges[i];
    w.Write(fmt::format("      <edge id=\"{}\" source=\"{}\" target=\"{}\" weight=\"{}\"><attvalues>"
                        "<attvalue for=\"0\" value=\"{}\"/><attvalue for=\"1\" value=\"{}\"/>"
                        "<attvalue for=\"2\" value=\"{}\"/><attvalue for=\"3\" value=\"{}\"/>"
                        "<attvalue for=\"4\" value=\"{}\"/><attvalue for=\"5\" value=\"{}\"/></attvalues></edge>\n",
                        i, XmlEscape(d.accounts[e.account]), XmlEscape(d.accounts[e.account_y]), e.weight, e.avg_time_delta,
                        e.n_content_id, e.n_content_id_y, e.edge_symmetry_score, e.weight_threshold,
                        XmlEscape(ObjectList(d, e))));
  }
  w.Write("    </edges>\n  </graph>\n</gexf>\n");
  return w.Close();
}

}  // namespace vigil
