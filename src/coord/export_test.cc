// Exports: GraphML re-read with igraph (the library Gephi users' R and Python tools share), GEXF checked
// for well-formedness and content, CSV tables with evidence.
#include <gtest/gtest.h>
#include <igraph/igraph.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <vector>

#include "common/csv_writer.h"

#include "tests/testutil/live_markup.h"
#include "tests/testutil/shared_data.h"
#include "vigil/coordination.h"

namespace vigil {
namespace {

struct Fixture {
  CoordinationData data;
  CoordinationNetwork net;
};

Fixture Build() {
  std::vector<ShareTuple> t = {{"url:https://a/1", "wechat:a&b", "wechat:1", 0, -1}, {"url:https://a/1", "wechat:b", "wechat:2", 5, -1},
                               {"url:https://a/1", "wechat:c", "wechat:3", 8, -1},   {"tag:卡尼", "wechat:a&b", "wechat:4", 100, -1},
                               {"tag:卡尼", "wechat:b", "wechat:5", 101, -1}};
  DetectOptions o;
  o.min_participation = 1;
  Fixture f{*DetectGroups(t, o), {}};
  NetworkOptions n;
  n.objects = true;
  f.net = *GenerateCoordinatedNetwork(f.data, n);
  EXPECT_TRUE(DetectCommunities(f.net, CommunityMethod::kLouvain).ok());
  return f;
}

TEST(GraphMl, ReReadByIgraphWithTheSameGraphAndAttributes) {
  Fixture f = Build();
  ASSERT_EQ(f.net.edges.size(), 3u);
  const std::string path = testutil::MakeTempDir("coord_export") + "/net.graphml";
  ASSERT_TRUE(WriteGraphMl(path, f.data, f.net).ok());
  FILE* in = std::fopen(path.c_str(), "r");
  ASSERT_NE(in, nullptr);
  igraph_t g;
  igraph_set_error_handler(igraph_error_handler_printignore);
  igraph_set_attribute_table(&igraph_cattribute_table);
  ASSERT_EQ(igraph_read_graph_graphml(&g, in, 0), IGRAPH_SUCCESS);
  std::fclose(in);
  EXPECT_EQ(igraph_vcount(&g), 3);
  EXPECT_EQ(igraph_ecount(&g), 3);
  EXPECT_FALSE(igraph_is_directed(&g));
  // Edge weights and the object evidence survive.
  igraph_vector_t w;
  igraph_vector_init(&w, 0);
  ASSERT_EQ(igraph_cattribute_EANV(&g, "weight", igraph_ess_all(IGRAPH_EDGEORDER_ID), &w), IGRAPH_SUCCESS);
  double total = 0;
  for (igraph_integer_t i = 0; i < igraph_vector_size(&w); ++i) total += VECTOR(w)[i];
  EXPECT_DOUBLE_EQ(total, 4.0);  // a&b-b twice (url, tag), a&b-c, b-c
  igraph_vector_destroy(&w);
  bool found_tag = false;
  for (igraph_integer_t e = 0; e < igraph_ecount(&g); ++e)
    found_tag |= std::string(igraph_cattribute_EAS(&g, "object_ids", e)).find("tag:卡尼") != std::string::npos;
  EXPECT_TRUE(found_tag);
  EXPECT_STREQ(igraph_cattribute_VAS(&g, "id", 1), "wechat:b");
  igraph_destroy(&g);
  // Escaped ids decode back to the account (checked with libxml2, which resolves entities).
  xmlDocPtr doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET);
  ASSERT_NE(doc, nullptr);
  xmlNodePtr node = xmlDocGetRootElement(doc)->children;
  while (node && !(node->type == XML_ELEMENT_NODE && std::string(reinterpret_cast<const char*>(node->name)) == "graph"))
    node = node->next;
  ASSERT_NE(node, nullptr);
  node = node->children;  // the graph's own data (dense objects) first, then the nodes
  while (node && !(node->type == XML_ELEMENT_NODE && std::string(reinterpret_cast<const char*>(node->name)) == "node"))
    node = node->next;
  ASSERT_NE(node, nullptr);
  xmlChar* id = xmlGetProp(node, reinterpret_cast<const xmlChar*>("id"));
  EXPECT_STREQ(reinterpret_cast<const char*>(id), "wechat:a&b");
  xmlFree(id);
  xmlFreeDoc(doc);
}

TEST(Gexf, WellFormedWithNodesEdgesAndWeights) {
  Fixture f = Build();
  const std::string path = testutil::MakeTempDir("coord_export") + "/net.gexf";
  ASSERT_TRUE(WriteGexf(path, f.data, f.net).ok());
  xmlDocPtr doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET);
  ASSERT_NE(doc, nullptr) << "GEXF is not well-formed XML";
  xmlNodePtr root = xmlDocGetRootElement(doc);
  EXPECT_STREQ(reinterpret_cast<const char*>(root->name), "gexf");
  int nodes = 0, edges = 0;
  double weight = 0;
  std::function<void(xmlNodePtr)> walk = [&](xmlNodePtr n) {
    for (; n; n = n->next) {
      if (n->type == XML_ELEMENT_NODE) {
        std::string name = reinterpret_cast<const char*>(n->name);
        if (name == "node") ++nodes;
        if (name == "edge") {
          ++edges;
          xmlChar* wv = xmlGetProp(n, reinterpret_cast<const xmlChar*>("weight"));
          weight += std::stod(reinterpret_cast<const char*>(wv));
          xmlFree(wv);
        }
      }
      walk(n->children);
    }
  };
  walk(root);
  EXPECT_EQ(nodes, 3);
  EXPECT_EQ(edges, 3);
  EXPECT_DOUBLE_EQ(weight, 4.0);
  xmlFreeDoc(doc);
}

// Every element with the given name in document order (any depth).
std::vector<xmlNodePtr> Elements(xmlNodePtr root, const std::string& name) {
  std::vector<xmlNodePtr> out;
  std::function<void(xmlNodePtr)> walk = [&](xmlNodePtr n) {
    for (; n; n = n->next) {
      if (n->type == XML_ELEMENT_NODE && name == reinterpret_cast<const char*>(n->name)) out.push_back(n);
      walk(n->children);
    }
  };
  walk(root);
  return out;
}

std::string Prop(xmlNodePtr node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

std::string Text(xmlNodePtr node) {
  xmlChar* v = xmlNodeGetContent(node);
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

// GraphML edge data by attribute name (resolving the key ids).
std::vector<std::map<std::string, std::string>> GraphMlEdgeData(xmlDocPtr doc) {
  std::map<std::string, std::string> key_name;
  for (xmlNodePtr k : Elements(xmlDocGetRootElement(doc), "key")) key_name[Prop(k, "id")] = Prop(k, "attr.name");
  std::vector<std::map<std::string, std::string>> out;
  for (xmlNodePtr e : Elements(xmlDocGetRootElement(doc), "edge")) {
    auto& row = out.emplace_back();
    for (xmlNodePtr data : Elements(e->children, "data")) row[key_name[Prop(data, "key")]] = Text(data);
  }
  return out;
}

TEST(GraphMl, EveryEdgeCarriesItsEvidenceAsTypedAttributes) {
  Fixture f = Build();
  const std::string path = testutil::MakeTempDir("coord_export") + "/net.graphml";
  ASSERT_TRUE(WriteGraphMl(path, f.data, f.net).ok());
  xmlDocPtr doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET);
  ASSERT_NE(doc, nullptr);
  std::map<std::string, std::string> types;
  for (xmlNodePtr k : Elements(xmlDocGetRootElement(doc), "key")) types[Prop(k, "attr.name")] = Prop(k, "attr.type");
  EXPECT_EQ(types["evidence"], "string");
  EXPECT_EQ(types["min_time_delta"], "long");
  EXPECT_EQ(types["n_content_older"], "long");
  EXPECT_EQ(types["avg_time_delta"], "double");
  const auto edges = GraphMlEdgeData(doc);
  ASSERT_EQ(edges.size(), 3u);
  for (const auto& e : edges) {
    EXPECT_FALSE(e.at("evidence").empty());
    EXPECT_EQ(e.at("evidence_listed"), e.at("weight"));
    EXPECT_FALSE(e.at("object_ids").empty());
  }
  // a&b and b co-shared the URL (0 and 5 s) and the hashtag (100 and 101 s).
  const auto& ab = edges[0];
  EXPECT_EQ(ab.at("weight"), "2");
  EXPECT_EQ(ab.at("evidence"), "url:https://a/1|wechat:1|wechat:2|0|5;tag:卡尼|wechat:4|wechat:5|100|101");
  EXPECT_EQ(ab.at("min_time_delta"), "1");
  EXPECT_EQ(ab.at("max_time_delta"), "5");
  EXPECT_EQ(ab.at("first_share"), "0");
  EXPECT_EQ(ab.at("last_share"), "101");
  EXPECT_EQ(ab.at("n_objects"), "2");
  EXPECT_EQ(ab.at("n_content_older"), "2");
  EXPECT_EQ(ab.at("n_content_newer"), "2");
  xmlFreeDoc(doc);
}

TEST(Gexf, DefaultsTo12DraftWhichNetworkxReadsAnd13OnRequest) {
  Fixture f = Build();
  const std::string dir = testutil::MakeTempDir("coord_export");
  ASSERT_TRUE(WriteGexf(dir + "/default.gexf", f.data, f.net).ok());
  ASSERT_TRUE(WriteGexf(dir + "/v13.gexf", f.data, f.net, GexfVersion::k1_3).ok());
  const std::string v12 = testutil::ReadFile(dir + "/default.gexf");
  EXPECT_NE(v12.find("xmlns=\"http://www.gexf.net/1.2draft\""), std::string::npos);
  EXPECT_NE(v12.find("version=\"1.2\""), std::string::npos);
  const std::string v13 = testutil::ReadFile(dir + "/v13.gexf");
  EXPECT_NE(v13.find("xmlns=\"http://gexf.net/1.3\""), std::string::npos);
  // The same evidence on every edge in both versions.
  for (const char* name : {"default.gexf", "v13.gexf"}) {
    xmlDocPtr doc = xmlReadFile((dir + "/" + std::string(name)).c_str(), nullptr, XML_PARSE_NONET);
    ASSERT_NE(doc, nullptr) << name;
    std::map<std::string, std::string> edge_attr_id;
    for (xmlNodePtr a : Elements(xmlDocGetRootElement(doc), "attributes"))
      if (Prop(a, "class") == "edge")
        for (xmlNodePtr attr : Elements(a->children, "attribute")) edge_attr_id[Prop(attr, "title")] = Prop(attr, "id");
    ASSERT_TRUE(edge_attr_id.count("evidence")) << name;
    int with_evidence = 0;
    for (xmlNodePtr e : Elements(xmlDocGetRootElement(doc), "edge"))
      for (xmlNodePtr v : Elements(e->children, "attvalue"))
        with_evidence += Prop(v, "for") == edge_attr_id["evidence"] && !Prop(v, "value").empty();
    EXPECT_EQ(with_evidence, 3) << name;
    xmlFreeDoc(doc);
  }
}

TEST(DenseObjectExports, EveryOutputSaysWhichObjectsWereReportedAsCliques) {
  std::vector<ShareTuple> t = {{"o", "a", "c1", 0, -1}, {"o", "b", "c2", 1, -1}};
  for (int i = 0; i < 5; ++i)
    t.push_back({"swarm", i < 2 ? std::string(i == 0 ? "a" : "b") : "s" + std::to_string(i), "d" + std::to_string(i), 50 + i, -1});
  DetectOptions o;
  o.min_participation = 1;
  o.dense_object_pairs = 5;  // the swarm's 5 shares in one window make 10 pairs
  CoordinationData data = *DetectGroups(t, o);
  NetworkOptions n;
  n.objects = true;
  CoordinationNetwork net = *GenerateCoordinatedNetwork(data, n);
  ASSERT_EQ(data.dense_objects.size(), 1u);
  ASSERT_EQ(net.vertices.size(), 2u);
  EXPECT_EQ(net.vertices[0].dense_objects, 1);  // a shared the swarm object too
  const std::string dir = testutil::MakeTempDir("coord_export");
  ASSERT_TRUE(WriteDenseObjectsCsv(dir + "/dense.csv", data).ok());
  EXPECT_EQ(testutil::ReadFile(dir + "/dense.csv"),
            "object_id,shares,accounts,first_share,last_share,span_seconds,window_pairs,account_ids\n"
            "swarm,5,5,50,54,4,10,a b s2 s3 s4\n");
  ASSERT_TRUE(WriteVerticesCsv(dir + "/vertices.csv", data, net).ok());
  EXPECT_NE(testutil::ReadFile(dir + "/vertices.csv").find("a,1,1,1,1,1\n"), std::string::npos);
  ASSERT_TRUE(WriteGraphMl(dir + "/net.graphml", data, net).ok());
  const std::string graphml = testutil::ReadFile(dir + "/net.graphml");
  EXPECT_NE(graphml.find("<data key=\"g_dense_objects\">1</data>"), std::string::npos);
  EXPECT_NE(graphml.find("<data key=\"g_dense_object_ids\">swarm</data>"), std::string::npos);
  ASSERT_TRUE(WriteGexf(dir + "/net.gexf", data, net).ok());
  EXPECT_NE(testutil::ReadFile(dir + "/net.gexf").find("1 dense objects (more than 5 in-window pairs each)"),
            std::string::npos);
}

TEST(EdgesCsv, CarriesTheObjectsAndTheCoSharesAsEvidence) {
  Fixture f = Build();
  const std::string dir = testutil::MakeTempDir("coord_export");
  ASSERT_TRUE(WriteEdgesCsv(dir + "/edges.csv", f.data, f.net).ok());
  ASSERT_TRUE(WritePairsCsv(dir + "/pairs.csv", f.data).ok());
  ASSERT_TRUE(WriteVerticesCsv(dir + "/vertices.csv", f.data, f.net).ok());
  const std::string edges = testutil::ReadFile(dir + "/edges.csv");
  EXPECT_NE(edges.find("wechat:a&b,wechat:b,2,"), std::string::npos);
  EXPECT_NE(edges.find("url:https://a/1|wechat:1|wechat:2|0|5;tag:卡尼|wechat:4|wechat:5|100|101"), std::string::npos);
  // CooRTweet's own content counts (of the earlier and the later shares) are exported beside Vigil's.
  EXPECT_NE(edges.find(",n_content_older,n_content_newer,object_ids,evidence\n"), std::string::npos);
  EXPECT_NE(edges.find("wechat:a&b,wechat:b,2,3,2,2,1,1,2,2,"), std::string::npos) << edges;
  const std::string pairs = testutil::ReadFile(dir + "/pairs.csv");
  EXPECT_NE(pairs.find("url:https://a/1,wechat:1,wechat:3,wechat:a&b,wechat:c,8"), std::string::npos);
  EXPECT_NE(testutil::ReadFile(dir + "/vertices.csv").find("wechat:c,1,"), std::string::npos);
}

// Accounts an operation can name: a quote and a comma, formulas, a Telegram-style negative id.
Fixture BuildHostile() {
  const std::vector<std::string> accounts = {"tg:\"a\",b", "=HYPERLINK(\"http://evil.example\")", "-1001234567890", "+cmd|' /C calc'!A0"};
  std::vector<ShareTuple> t;
  for (int object = 0; object < 3; ++object) {
    for (size_t a = 0; a < accounts.size(); ++a) {
      t.push_back({"url:https://x/" + std::to_string(object), accounts[a], "c" + std::to_string(object) + "-" + std::to_string(a),
                   object * 100 + static_cast<int64_t>(a), -1});
    }
  }
  DetectOptions o;
  o.min_participation = 1;
  Fixture f{*DetectGroups(t, o), {}};
  f.net = *GenerateCoordinatedNetwork(f.data, NetworkOptions{});
  EXPECT_TRUE(DetectCommunities(f.net, CommunityMethod::kComponents).ok());
  return f;
}

std::vector<std::vector<std::string>> ReadCsv(const std::string& path) {
  std::string error;
  auto rows = testutil::ParseCsv(testutil::ReadFile(path), &error);
  EXPECT_EQ(error, "") << path;
  for (const auto& row : rows) EXPECT_EQ(row.size(), rows.at(0).size()) << path;
  return rows;
}

TEST(CommunitiesCsv, ListsAreQuotedAndFormulasNeutralised) {
  Fixture f = BuildHostile();
  const auto communities = SummarizeCommunities(f.data, f.net, WatchConfig{});
  ASSERT_EQ(communities.size(), 1u);
  const std::string path = testutil::MakeTempDir("coord_export") + "/communities.csv";
  ASSERT_TRUE(WriteCommunitiesCsv(path, communities).ok());
  const auto rows = ReadCsv(path);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].back(), "members");
  EXPECT_TRUE(testutil::FormulaCells(rows).empty());
  // Members are the sorted account ids joined by spaces; a list that starts like a formula is shown as text.
  std::string members;
  for (const auto& account : communities[0].accounts) members += (members.empty() ? "" : " ") + account;
  EXPECT_EQ(rows[1].back(), (IsFormulaLike(members) ? "'" : "") + members);
  EXPECT_EQ(testutil::ReadFile(path).rfind("community,", 0), 0u);
  ASSERT_TRUE(WriteCommunitiesCsv(path, communities, true).ok());
  EXPECT_EQ(testutil::ReadFile(path).rfind("\xEF\xBB\xBF" "community,", 0), 0u);
}

TEST(ToolTables, KeepEveryAccountAsItIs) {
  Fixture f = BuildHostile();
  const std::string dir = testutil::MakeTempDir("coord_export");
  ASSERT_TRUE(WritePairsCsv(dir + "/pairs.csv", f.data).ok());
  ASSERT_TRUE(WriteEdgesCsv(dir + "/edges.csv", f.data, f.net).ok());
  ASSERT_TRUE(WriteVerticesCsv(dir + "/vertices.csv", f.data, f.net).ok());
  ASSERT_TRUE(WriteQutEdgesCsv(dir + "/qut.csv", f.data, {{0, 1, 2}}).ok());
  std::set<std::string> expected;
  for (size_t i = 0; i < f.data.accounts.size(); ++i) expected.insert(f.data.accounts.str(i));
  std::set<std::string> vertices;
  for (const auto& row : ReadCsv(dir + "/vertices.csv")) vertices.insert(row[0]);
  vertices.erase("account_id");
  EXPECT_EQ(vertices, expected);
  std::set<std::string> in_edges;
  for (const auto& row : ReadCsv(dir + "/edges.csv")) in_edges.insert({row[0], row[1]});
  for (const auto& account : expected) EXPECT_TRUE(in_edges.count(account)) << account;
  std::set<std::string> in_pairs;
  for (const auto& row : ReadCsv(dir + "/pairs.csv")) in_pairs.insert({row[3], row[4]});
  for (const auto& account : expected) EXPECT_TRUE(in_pairs.count(account)) << account;
  const auto qut = ReadCsv(dir + "/qut.csv");
  ASSERT_EQ(qut.size(), 2u);
  EXPECT_EQ(qut[1], (std::vector<std::string>{f.data.accounts.str(0), f.data.accounts.str(1), "2"}));
}

// Every coordination writer, writing to `path`; each must return its failure, never drop it.
std::vector<std::pair<std::string, std::function<Status(const std::string&)>>> EveryWriter(const Fixture& f) {
  const std::vector<ShareTuple> tuples = {{"url:https://a/1", "wechat:a", "wechat:1", 0, -1}};
  const std::vector<ShareRowError> errors = {{"shares.csv", 3, "timestamp_share", "'x' is not a time", "o,a,c,x"}};
  return {
      {"pairs", [&](const std::string& p) { return WritePairsCsv(p, f.data); }},
      {"edges", [&](const std::string& p) { return WriteEdgesCsv(p, f.data, f.net); }},
      {"vertices", [&](const std::string& p) { return WriteVerticesCsv(p, f.data, f.net); }},
      {"dense objects", [&](const std::string& p) { return WriteDenseObjectsCsv(p, f.data); }},
      {"communities", [&](const std::string& p) { return WriteCommunitiesCsv(p, SummarizeCommunities(f.data, f.net, {}), false); }},
      {"qut edges", [&](const std::string& p) { return WriteQutEdgesCsv(p, f.data, QutDirectedEdges(f.data, 1)); }},
      {"graphml", [&](const std::string& p) { return WriteGraphMl(p, f.data, f.net); }},
      {"gexf", [&](const std::string& p) { return WriteGexf(p, f.data, f.net); }},
      {"share tuples", [tuples](const std::string& p) { return WriteShareCsv(p, tuples); }},
      {"rejected rows", [errors](const std::string& p) { return WriteShareErrors(p, errors); }},
  };
}

TEST(CoordWriters, AFullDiskIsAnErrorNamingThePath) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full on this system";
  const Fixture f = Build();
  for (const auto& [name, write] : EveryWriter(f)) {
    const Status s = write("/dev/full");
    EXPECT_EQ(s.code(), StatusCode::kIoError) << name << ": " << s.ToString();
    EXPECT_NE(s.message().find("/dev/full"), std::string::npos) << name << ": " << s.message();
  }
}

TEST(CoordWriters, AFolderThatCannotBeCreatedIsAnErrorAndLeavesNoFile) {
  const Fixture f = Build();
  const std::string dir = testutil::MakeTempDir("coord_export");
  std::ofstream(dir + "/not-a-folder") << "a file where the output folder should be\n";
  for (const auto& [name, write] : EveryWriter(f)) {
    const std::string path = dir + "/not-a-folder/out.csv";
    const Status s = write(path);
    EXPECT_EQ(s.code(), StatusCode::kIoError) << name << ": " << s.ToString();
    EXPECT_NE(s.message().find(path), std::string::npos) << name << ": " << s.message();
  }
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}), 1);
}

}  // namespace
}  // namespace vigil
